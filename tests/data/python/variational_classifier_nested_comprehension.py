# qvet-expect: {"qubits": 3, "clbits": 1, "depth": 7, "size": 13, "nonlocal": 3, "count_ops": {"ry": 3, "rz": 3, "u": 3, "cz": 3, "barrier": 1, "measure": 1}}
"""A variational classifier circuit: angle encoding of a 2-feature sample with RY/RZ, then a
trainable block of U gates and a CZ ring, read out on qubit 0."""
import numpy as np
from qiskit import QuantumCircuit
from qiskit.circuit import Parameter

sample = np.array([0.42, -1.3])
weights = [[Parameter(f"w{l}{q}{k}") for k in range(3)] for q in range(3) for l in range(1)]

qc = QuantumCircuit(3, 1)
for q in range(3):
    qc.ry(float(sample[q % 2]), q)
    qc.rz(float(sample[(q + 1) % 2]) ** 2, q)
qc.barrier()
for q in range(3):
    a, b, c = weights[q]
    qc.u(a, b, c, q)
for q in range(3):
    qc.cz(q, (q + 1) % 3)
qc.measure(0, 0)
