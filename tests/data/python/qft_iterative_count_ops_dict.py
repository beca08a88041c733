# qvet-expect: {"qubits": 5, "clbits": 5, "depth": 18, "size": 25, "nonlocal": 12, "count_ops": {"cp": 10, "barrier": 6, "h": 5, "measure": 5, "x": 3, "swap": 2}, "info": ["I601"]}
# An iterative QFT over a named register, with a barrier after each qubit's rotations,
# applied to a basis state prepared from a list of bits.
import math

from qiskit import QuantumCircuit, QuantumRegister, transpile
from qiskit_aer import AerSimulator


def qft_iterative(qc, qubits):
    n = len(qubits)
    for i in range(n - 1, -1, -1):  # most significant qubit first
        qc.h(qubits[i])
        for j in range(i - 1, -1, -1):
            qc.cp(math.pi / 2 ** (i - j), qubits[j], qubits[i])
        qc.barrier()
    for i in range(n // 2):
        qc.swap(qubits[i], qubits[n - 1 - i])


x = QuantumRegister(5, "x")
qc = QuantumCircuit(x)

bits = [0, 1, 1, 0, 1]  # little-endian: x[0] first
for bit, q in zip(bits, x):
    if bit == 1:
        qc.x(q)

qft_iterative(qc, x)
qc.measure_all()

print(qc.draw(fold=120))
print("depth:", qc.depth(), "ops:", dict(qc.count_ops()))

backend = AerSimulator()
job = backend.run(transpile(qc, backend), shots=2048)
print(job.result().get_counts())
