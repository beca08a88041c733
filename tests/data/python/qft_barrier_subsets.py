# qvet-expect: {"qubits": 5, "clbits": 2, "depth": 6, "size": 11, "nonlocal": 3, "count_ops": {"h": 3, "cx": 3, "barrier": 3, "measure": 2, "t": 1, "s": 1, "x": 1}}
# Barriers over parts of the circuit line up only the wires they cover: two blocks of a
# 5-qubit circuit, each fenced by its own barrier, joined by a CNOT.
from qiskit import QuantumCircuit

qc = QuantumCircuit(5, 2)
qc.h(0)
qc.cx(0, 1)
qc.cx(1, 2)
qc.barrier(0, 1, 2)
qc.h(3)
qc.t(3)
qc.s(3)
qc.h(3)
qc.barrier([3, 4])
qc.x(4)
qc.cx(2, 3)
qc.barrier(range(5))
qc.measure(2, 0)
qc.measure(4, 1)
print(qc.depth(), qc.size(), qc.num_nonlocal_gates())
