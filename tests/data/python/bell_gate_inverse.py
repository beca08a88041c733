# qvet-expect: {"qubits": 2, "clbits": 2, "depth": 5, "size": 6, "nonlocal": 4, "count_ops": {"barrier": 2, "measure": 2, "prep": 1, "bell": 1, "bell_dg": 1, "prep_dg": 1}}
# Uncomputing with inverses: a "bell" gate and its inverse (named bell_dg), the inverse of a
# whole circuit appended, and the inverse of a phase gate.
from qiskit import QuantumCircuit

bell = QuantumCircuit(2, name="bell")
bell.h(0)
bell.cx(0, 1)
bell_gate = bell.to_gate()

prep = QuantumCircuit(2, name="prep")
prep.ry(0.4, 0)
prep.s(1)

qc = QuantumCircuit(2)
qc.append(prep, [0, 1])
qc.append(bell_gate, [0, 1])
qc.barrier()
qc.append(bell_gate.inverse(), [0, 1])
qc.append(prep.inverse(), [0, 1])
qc.measure_all()
