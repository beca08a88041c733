# qvet-expect: {"qubits": 4, "clbits": 0, "depth": 4, "size": 4, "nonlocal": 3, "count_ops": {"state_preparation": 3, "cx": 1}}
"""StatePreparation (a unitary, unlike initialize: no reset) appended from a label, an integer and
a vector, and prepare_state; each is one instruction named state_preparation."""
import math
from qiskit import QuantumCircuit
from qiskit.circuit.library import StatePreparation

qc = QuantumCircuit(4)
qc.append(StatePreparation("01"), [0, 1])
qc.append(StatePreparation(5, num_qubits=3), [1, 2, 3])
qc.prepare_state([math.cos(0.3), math.sin(0.3)], 3)
qc.cx(3, 0)
