# qvet-expect: {"qubits": 5, "clbits": 5, "depth": 4, "size": 11, "nonlocal": 6, "count_ops": {"block": 6, "measure": 5, "barrier": 1}}
# A parameterized two-qubit block made a gate and appended on every neighbouring pair, in a
# brick pattern, the way tensor-network-inspired ansatz tutorials do it.
from qiskit import QuantumCircuit
from qiskit.circuit import Parameter

theta = Parameter("θ")
block = QuantumCircuit(2, name="block")
block.ry(theta, 0)
block.ry(theta, 1)
block.cx(0, 1)
block_gate = block.to_gate()

n = 5
qc = QuantumCircuit(n)
for offset in (0, 1, 0):
    for i in range(offset, n - 1, 2):
        qc.append(block_gate, [i, i + 1])
qc.measure_all()
print(qc.draw())
