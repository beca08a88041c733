# qvet-expect: {"qubits": 3, "clbits": 3, "depth": 4, "size": 7, "nonlocal": 2, "count_ops": {"measure": 3, "initialize": 2, "cx": 1, "h": 1}}
# Preparing a state with initialize: the Bell vector on two qubits and |-> on a third, then
# a measurement in the Bell basis.
import numpy as np
from qiskit import QuantumCircuit
from qiskit.quantum_info import Statevector

bell = [1 / np.sqrt(2), 0, 0, 1 / np.sqrt(2)]
qc = QuantumCircuit(3, 3)
qc.initialize(bell, [0, 1])
qc.initialize([1 / np.sqrt(2), -1 / np.sqrt(2)], 2)
qc.cx(0, 1)
qc.h(0)
qc.measure(range(3), range(3))
print(Statevector.from_label("000"))
