# qvet-expect: {"qubits": 4, "clbits": 4, "depth": 3, "size": 7, "nonlocal": 2, "count_ops": {"measure": 4, "h": 1, "TwoLocal": 1, "cx": 1, "barrier": 1}}
# TwoLocal with RY rotations and CZ entanglers, appended next to a hand-written layer.
from qiskit import QuantumCircuit
from qiskit.circuit.library import TwoLocal

ansatz = TwoLocal(3, "ry", "cz", entanglement="full", reps=2)
qc = QuantumCircuit(4)
qc.h(3)
qc.append(ansatz, [0, 1, 2])
qc.cx(2, 3)
qc.measure_all()
