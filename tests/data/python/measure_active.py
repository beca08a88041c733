# qvet-expect: {"qubits": 5, "clbits": 3, "depth": 3, "size": 6, "nonlocal": 1, "count_ops": {"measure": 3, "h": 1, "cx": 1, "x": 1, "barrier": 1}, "warnings": ["W203"]}
# measure_active measures only the qubits that have operations, into a new register "measure",
# after a barrier over all qubits.
from qiskit import QuantumCircuit

qc = QuantumCircuit(5)
qc.h(0)
qc.cx(0, 2)
qc.x(4)
qc.measure_active()
print(qc.cregs)
