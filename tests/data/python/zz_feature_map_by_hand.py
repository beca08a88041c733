# qvet-expect: {"qubits": 3, "clbits": 0, "depth": 22, "size": 30, "nonlocal": 12, "count_ops": {"p": 12, "cx": 12, "h": 6}}
# A second-order Pauli-Z feature map written by hand (what ZZFeatureMap does inside): H, P(2x_i),
# and for each pair CX, P(2(pi - x_i)(pi - x_j)), CX; two repetitions on a data point.
import numpy as np
from qiskit import QuantumCircuit

x = [0.3, 0.7, 1.1]
n = len(x)
reps = 2

fm = QuantumCircuit(n)
for r in range(reps):
    for i in range(n):
        fm.h(i)
        fm.p(2.0 * x[i], i)
    for i in range(n):
        for j in range(i + 1, n):
            fm.cx(i, j)
            fm.p(2.0 * (np.pi - x[i]) * (np.pi - x[j]), j)
            fm.cx(i, j)
print(fm.draw(fold=-1))
