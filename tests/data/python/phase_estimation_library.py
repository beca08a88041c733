# qvet-expect: {"qubits": 4, "clbits": 3, "depth": 3, "size": 5, "nonlocal": 1, "count_ops": {"measure": 3, "x": 1, "QPE": 1}}
"""The library's PhaseEstimation on a T gate: three evaluation qubits and one state qubit; the whole
algorithm is one instruction named QPE, measured on the evaluation qubits."""
from math import pi
from qiskit import QuantumCircuit
from qiskit.circuit.library import PhaseEstimation

unitary = QuantumCircuit(1, name="T")
unitary.p(pi / 4, 0)

qpe = PhaseEstimation(3, unitary)
qc = QuantumCircuit(4, 3)
qc.x(3)
qc.append(qpe, range(4))
qc.measure([0, 1, 2], [0, 1, 2])
