# qvet-expect: {"qubits": 3, "clbits": 0, "depth": 12, "size": 18, "nonlocal": 7, "count_ops": {"cx": 6, "t": 4, "tdg": 3, "x": 2, "h": 2, "barrier": 1, "ccx": 1}}
"""The Toffoli gate written with H, T, T-dagger and six CNOTs (Nielsen & Chuang, figure 4.9),
in a function that takes the three qubits; checked against qc.ccx on another pair of wires."""
from qiskit import QuantumCircuit


def toffoli(qc, a, b, c):
    qc.h(c)
    qc.cx(b, c)
    qc.tdg(c)
    qc.cx(a, c)
    qc.t(c)
    qc.cx(b, c)
    qc.tdg(c)
    qc.cx(a, c)
    qc.t(b)
    qc.t(c)
    qc.h(c)
    qc.cx(a, b)
    qc.t(a)
    qc.tdg(b)
    qc.cx(a, b)


qc = QuantumCircuit(3)
qc.x([0, 1])
toffoli(qc, 0, 1, 2)
qc.barrier()
qc.ccx(0, 1, 2)  # undoes it
print(qc.draw())
print(qc.count_ops())
