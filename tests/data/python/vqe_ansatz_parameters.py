# qvet-expect: {"qubits": 4, "clbits": 0, "depth": 12, "size": 30, "nonlocal": 6, "count_ops": {"ry": 12, "rz": 12, "cx": 6, "barrier": 2}, "info": ["I601"]}
# A hardware-efficient ansatz for VQE: RY/RZ rotation layers with a linear CX entangler,
# one Parameter per angle, estimated on IBM Quantum with EstimatorV2.
from qiskit import QuantumCircuit
from qiskit.circuit import Parameter
from qiskit.quantum_info import SparsePauliOp
from qiskit.transpiler.preset_passmanagers import generate_preset_pass_manager
from qiskit_ibm_runtime import QiskitRuntimeService, EstimatorV2 as Estimator

num_qubits = 4
reps = 2

params = [Parameter(f"θ[{i}]") for i in range(2 * num_qubits * (reps + 1))]
ansatz = QuantumCircuit(num_qubits)

k = 0
for layer in range(reps + 1):
    for q in range(num_qubits):
        ansatz.ry(params[k], q)
        ansatz.rz(params[k + 1], q)
        k += 2
    if layer < reps:
        for q in range(num_qubits - 1):
            ansatz.cx(q, q + 1)
        ansatz.barrier()

print(ansatz.draw())
print(f"{ansatz.num_parameters} parameters")

hamiltonian = SparsePauliOp.from_list([("ZZII", 1.0), ("IZZI", 1.0), ("IIZZ", 1.0), ("XIII", 0.5)])

service = QiskitRuntimeService(channel="ibm_quantum")
backend = service.least_busy(operational=True, simulator=False)
pm = generate_preset_pass_manager(target=backend.target, optimization_level=3)
isa_ansatz = pm.run(ansatz)
isa_hamiltonian = hamiltonian.apply_layout(layout=isa_ansatz.layout)

estimator = Estimator(mode=backend)
x0 = [0.1] * len(params)
job = estimator.run([(isa_ansatz, isa_hamiltonian, x0)])
print(job.result()[0].data.evs)
