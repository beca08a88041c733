# qvet-expect: {"qubits": 3, "clbits": 3, "depth": 26, "size": 46, "nonlocal": 4, "count_ops": {"h": 23, "x": 16, "ccx": 4, "measure": 3, "barrier": 2}, "info": ["I601"]}
# Grover's algorithm for a marked bitstring: X on the zeros of the target, a multi-controlled Z,
# and X again; the diffuser is the same trick around |0...0>. Two iterations on three qubits.
from qiskit import QuantumCircuit
from qiskit_ibm_runtime import QiskitRuntimeService, SamplerV2
from qiskit.transpiler.preset_passmanagers import generate_preset_pass_manager

marked = "011"  # qubit 0 is the rightmost character
n = len(marked)


def mcz(qc, qubits):
    qc.h(qubits[-1])
    qc.mcx(qubits[:-1], qubits[-1])
    qc.h(qubits[-1])


def oracle(qc, target):
    zeros = [i for i, bit in enumerate(reversed(target)) if bit == "0"]
    if zeros:
        qc.x(zeros)
    mcz(qc, list(range(n)))
    if zeros:
        qc.x(zeros)


def diffuser(qc):
    qc.h(range(n))
    qc.x(range(n))
    mcz(qc, list(range(n)))
    qc.x(range(n))
    qc.h(range(n))


qc = QuantumCircuit(n, n)
qc.h(range(n))
for it in range(2):
    oracle(qc, marked)
    diffuser(qc)
    qc.barrier()
qc.measure(range(n), range(n))

service = QiskitRuntimeService()
backend = service.backend("ibm_brisbane")
isa = generate_preset_pass_manager(optimization_level=1, backend=backend).run(qc)
sampler = SamplerV2(mode=backend)
pub = sampler.run([isa]).result()[0]
print(pub.data.c.get_counts())
