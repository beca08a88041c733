# One qubit talks to four others: no qubit of a heavy-hex device has four couplers, so no
# placement avoids SWAPs there (qvet validate --backend ibm_brisbane examples/star.py).
from qiskit import QuantumCircuit

qc = QuantumCircuit(5)
qc.h(0)
qc.cx(0, [1, 2, 3, 4])
qc.measure_all()
