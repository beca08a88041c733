# qvet-expect: {"qubits": 3, "clbits": 3, "depth": 5, "size": 7, "nonlocal": 2, "count_ops": {"measure": 3, "cx": 2, "h": 1, "x": 1}, "warnings": ["W601"]}
# copy() gives an independent circuit; reverse_bits() renumbers qubits and clbits (the
# big-endian view textbooks draw). Three circuits are built; the last one is reported.
from qiskit import QuantumCircuit

qc = QuantumCircuit(3, 3)
qc.h(0)
qc.cx(0, 1)
qc.cx(1, 2)

with_x = qc.copy()
with_x.x(2)

rev = with_x.reverse_bits()
rev.measure(range(3), range(3))
print(qc.size(), with_x.size(), rev.size())
