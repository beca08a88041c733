# qvet-expect: {"qubits": 3, "clbits": 3, "depth": 6, "size": 9, "nonlocal": 2, "count_ops": {"h": 3, "measure": 3, "cx": 2, "sdg": 1}}
# Composing a measuring sub-circuit: compose copies its gates and measurements inline, onto the
# qubits and clbits chosen.
from qiskit import QuantumCircuit

readout = QuantumCircuit(2, 2)
readout.h(0)
readout.sdg(1)
readout.h(1)
readout.measure([0, 1], [0, 1])

qc = QuantumCircuit(3, 3)
qc.h(0)
qc.cx(0, 1)
qc.cx(1, 2)
qc.compose(readout, qubits=[1, 2], clbits=[1, 2], inplace=True)
qc.measure(0, 0)
print(qc)
