# qvet-expect: {"qubits": 3, "clbits": 3, "depth": 6, "size": 8, "nonlocal": 3, "count_ops": {"measure": 3, "cx": 2, "ry": 1, "ch": 1, "x": 1, "barrier": 1}, "info": ["I601"]}
# The three-qubit W state (|001> + |010> + |100>)/sqrt(3) with RY, a controlled-H and CNOTs.
import numpy as np
from qiskit import QuantumCircuit
from qiskit.quantum_info import Statevector

qc = QuantumCircuit(3)
qc.ry(2 * np.arccos(1 / np.sqrt(3)), 0)
qc.ch(0, 1)
qc.cx(1, 2)
qc.cx(0, 1)
qc.x(0)

psi = Statevector(qc)
print(psi.probabilities_dict())

qc.measure_all()
qc.draw("mpl")
