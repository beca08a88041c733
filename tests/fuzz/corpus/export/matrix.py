from qiskit import QuantumCircuit
from qiskit.circuit.library import UnitaryGate
from qiskit.circuit import Parameter
import numpy as np
t = Parameter("t")
qc = QuantumCircuit(3, 1)
qc.append(UnitaryGate(np.eye(2)), [0])
qc.rx(t, 1)
qc.append(QuantumCircuit(2, name="U$s").to_gate(), [1, 2])
qc.mcx([0, 1], 2)
qc.measure(2, 0)
