# qvet-expect: {"qubits": 4, "clbits": 0, "depth": 5, "size": 6, "nonlocal": 4, "count_ops": {"h": 2, "cu_rot": 1, "ccu_rot": 1, "ch": 1, "cz": 1}}
"""Controlled versions of a custom gate and of standard gates: .control() on a gate made from a
circuit names it c<name> (cc<name> for two controls); HGate().control() is ch."""
from qiskit import QuantumCircuit
from qiskit.circuit.library import HGate, ZGate

u = QuantumCircuit(1, name="u_rot")
u.rx(0.3, 0)
u.rz(0.2, 0)
u_gate = u.to_gate()

qc = QuantumCircuit(4)
qc.h([0, 1])
qc.append(u_gate.control(1), [0, 3])
qc.append(u_gate.control(2), [0, 1, 3])
qc.append(HGate().control(1), [1, 2])
qc.append(ZGate().control(1), [2, 3])
