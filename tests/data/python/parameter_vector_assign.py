# qvet-expect: {"qubits": 4, "clbits": 4, "depth": 6, "size": 15, "nonlocal": 3, "count_ops": {"ry": 4, "rz": 4, "measure": 4, "cx": 3, "barrier": 1}}
# A ParameterVector ansatz bound in place with assign_parameters (same figures as the template).
from qiskit import QuantumCircuit
from qiskit.circuit import ParameterVector

n = 4
theta = ParameterVector("θ", 2 * n)
template = QuantumCircuit(n)
for i in range(n):
    template.ry(theta[i], i)
for i in range(n - 1):
    template.cx(i, i + 1)
for i in range(n):
    template.rz(theta[n + i], i)
template.measure_all()

template.assign_parameters([0.1 * (k + 1) for k in range(2 * n)], inplace=True)
print(template.parameters)
