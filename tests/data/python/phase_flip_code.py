# qvet-expect: {"qubits": 5, "clbits": 2, "depth": 11, "size": 16, "nonlocal": 6, "count_ops": {"cx": 6, "h": 6, "barrier": 2, "measure": 2, "ry": 1, "z": 1}}
"""The three-qubit phase-flip code: the bit-flip code conjugated by Hadamards. A Z error on qubit 2
is found by a syndrome read through two ancillas, measured into their own register."""
from qiskit import QuantumCircuit, QuantumRegister, ClassicalRegister

data = QuantumRegister(3, "data")
anc = QuantumRegister(2, "anc")
syndrome = ClassicalRegister(2, "syndrome")
qc = QuantumCircuit(data, anc, syndrome)

qc.ry(0.9, data[0])
qc.cx(data[0], data[1])
qc.cx(data[0], data[2])
qc.h(data)
qc.barrier()

qc.z(data[2])  # phase error
qc.barrier()

qc.h(data)
for k, (i, j) in enumerate([(0, 1), (1, 2)]):
    qc.cx(data[i], anc[k])
    qc.cx(data[j], anc[k])
qc.measure(anc, syndrome)
print(qc.draw())
