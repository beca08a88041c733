# qvet-expect: {"qubits": 4, "clbits": 4, "depth": 5, "size": 8, "nonlocal": 3, "count_ops": {"measure": 4, "cx": 3, "h": 1, "barrier": 1}, "info": ["I601"]}
# GHZ state on four qubits, run with the IBM Quantum Runtime Sampler (V2 primitives).
from qiskit import QuantumCircuit, QuantumRegister, ClassicalRegister
from qiskit.transpiler.preset_passmanagers import generate_preset_pass_manager
from qiskit_ibm_runtime import QiskitRuntimeService, SamplerV2 as Sampler

qr = QuantumRegister(4, "q")
cr = ClassicalRegister(4, "c")
ghz = QuantumCircuit(qr, cr)

ghz.h(qr[0])
for i in range(3):
    ghz.cx(qr[i], qr[i + 1])
ghz.barrier(qr)
ghz.measure(qr, cr)

ghz.draw("mpl")

service = QiskitRuntimeService()
backend = service.least_busy(operational=True, simulator=False, min_num_qubits=4)
pm = generate_preset_pass_manager(backend=backend, optimization_level=1)
isa_circuit = pm.run(ghz)

sampler = Sampler(mode=backend)
job = sampler.run([isa_circuit], shots=4000)
print(f"Job ID: {job.job_id()}")
result = job.result()
counts = result[0].data.c.get_counts()
print(counts)
