# qvet-expect: {"qubits": 2, "clbits": 2, "depth": 4, "size": 6, "nonlocal": 1, "count_ops": {"h": 2, "measure": 2, "x": 1, "cx": 1, "barrier": 1}}
"""compose(front=True) puts a state preparation before a circuit that is already measured."""
from qiskit import QuantumCircuit

body = QuantumCircuit(2)
body.cx(0, 1)
body.h(0)
body.measure_all()

prep = QuantumCircuit(2)
prep.h(0)
prep.x(1)
body.compose(prep, front=True, inplace=True)
print(body)
