# qvet-expect: {"qubits": 4, "clbits": 3, "depth": 11, "size": 17, "nonlocal": 7, "count_ops": {"h": 6, "cp": 6, "measure": 3, "x": 1, "barrier": 1, "swap": 1}, "info": ["I601"]}
"""Phase estimation of a chosen gate from a dict of phases (T, S, Z as P(phi)), three counting
qubits, the inverse QFT written out with the swaps last."""
import math
from qiskit import QuantumCircuit, transpile
from qiskit_aer import AerSimulator

phases = {"t": math.pi / 4, "s": math.pi / 2, "z": math.pi}
gate = "s"
phi = phases[gate]

t = 3
qc = QuantumCircuit(t + 1, t)
qc.x(t)
for k in range(t):
    qc.h(k)
for k in range(t):
    qc.cp(phi * 2 ** k, k, t)  # controlled-U^(2^k) as one phase gate
qc.barrier()
for j in reversed(range(t)):
    for m in reversed(range(j + 1, t)):
        qc.cp(-math.pi / 2 ** (m - j), m, j)
    qc.h(j)
for i in range(t // 2):
    qc.swap(i, t - 1 - i)
qc.measure(range(t), range(t))

counts = AerSimulator().run(transpile(qc, AerSimulator())).result().get_counts()
print(gate, counts)
