# QAOA for MaxCut on a 4-node ring, two layers, with symbolic angles.
from qiskit import QuantumCircuit
from qiskit.circuit import Parameter

n = 4
edges = [(0, 1), (1, 2), (2, 3), (3, 0)]
gammas = [Parameter(f"gamma{p}") for p in range(2)]
betas = [Parameter(f"beta{p}") for p in range(2)]

qc = QuantumCircuit(n)
qc.h(range(n))
for p in range(2):
    for i, j in edges:
        qc.rzz(2 * gammas[p], i, j)
    qc.rx(2 * betas[p], range(n))
qc.measure_all()
