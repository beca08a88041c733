# qvet-expect: {"qubits": 2, "clbits": 2, "depth": 3, "size": 5, "nonlocal": 1, "count_ops": {"h": 2, "measure": 2, "Q": 1, "barrier": 1}, "info": ["I601"]}
# Grover with the library's GroverOperator: the oracle marks |11> with a CZ, the operator (one gate
# "Q") is appended once after the uniform superposition.
from qiskit import QuantumCircuit
from qiskit.circuit.library import GroverOperator
from qiskit.primitives import StatevectorSampler

oracle = QuantumCircuit(2)
oracle.cz(0, 1)
grover_op = GroverOperator(oracle)

qc = QuantumCircuit(2)
qc.h([0, 1])
qc.append(grover_op, [0, 1])
qc.measure_all()

result = StatevectorSampler().run([qc]).result()
print(result[0].data.meas.get_counts())
