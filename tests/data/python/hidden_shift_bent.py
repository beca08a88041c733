# qvet-expect: {"qubits": 4, "clbits": 4, "depth": 8, "size": 26, "nonlocal": 4, "count_ops": {"h": 12, "x": 6, "cz": 4, "measure": 4, "barrier": 1}}
# The hidden shift problem for the bent function f(x) = x0 x1 + x2 x3: H, shift by s with X,
# the oracle as CZs, H, the dual oracle, H; measuring gives s.
from qiskit import QuantumCircuit

s = [1, 0, 1, 1]
n = len(s)


def oracle_f(qc):
    qc.cz(0, 1)
    qc.cz(2, 3)


qc = QuantumCircuit(n)
qc.h(range(n))
for i, bit in enumerate(s):
    if bit:
        qc.x(i)
oracle_f(qc)
for i, bit in enumerate(s):
    if bit:
        qc.x(i)
qc.h(range(n))
oracle_f(qc)  # f is self-dual
qc.h(range(n))
qc.measure_all()
