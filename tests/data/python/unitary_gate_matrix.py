# qvet-expect: {"qubits": 3, "clbits": 3, "depth": 4, "size": 7, "nonlocal": 2, "count_ops": {"measure": 3, "unitary": 2, "h": 1, "cx": 1, "barrier": 1}}
"""Arbitrary unitaries from matrices: UnitaryGate appended and qc.unitary(...) both count as
"unitary"."""
import numpy as np
from qiskit import QuantumCircuit
from qiskit.circuit.library import UnitaryGate

sqrt_x = 0.5 * np.array([[1 + 1j, 1 - 1j], [1 - 1j, 1 + 1j]])
cz = np.diag([1, 1, 1, -1])

qc = QuantumCircuit(3)
qc.h(0)
qc.append(UnitaryGate(sqrt_x, label="√X"), [1])
qc.unitary(cz, [0, 2], label="CZ as a matrix")
qc.cx(1, 2)
qc.measure_all()
