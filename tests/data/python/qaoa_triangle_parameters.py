# qvet-expect: {"qubits": 3, "clbits": 3, "depth": 6, "size": 12, "nonlocal": 3, "count_ops": {"h": 3, "barrier": 3, "rzz": 3, "rx": 3, "measure": 3}}
# One QAOA layer on a triangle with symbolic angles gamma and beta (Parameters), the way the
# IBM Quantum tutorial writes the circuit before binding the optimizer's values.
from qiskit import QuantumCircuit
from qiskit.circuit import Parameter

gamma = Parameter("γ")
beta = Parameter("β")

edges = [(0, 1), (1, 2), (2, 0)]
qc = QuantumCircuit(3)
qc.h([0, 1, 2])
qc.barrier()
for i, j in edges:
    qc.rzz(2 * gamma, i, j)
qc.barrier()
for q in range(3):
    qc.rx(2 * beta, q)
qc.measure_all()

print(qc.draw())
print(qc.num_parameters, "parameters:", qc.parameters)
