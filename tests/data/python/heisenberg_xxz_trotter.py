# qvet-expect: {"qubits": 4, "clbits": 4, "depth": 26, "size": 29, "nonlocal": 24, "count_ops": {"rxx": 8, "ryy": 8, "rzz": 8, "measure": 4, "x": 1, "barrier": 1}, "info": ["I601"]}
# Heisenberg XXZ chain on a ring of 4 spins, Trotterized with RXX, RYY and RZZ on each bond.
import numpy as np
from qiskit import QuantumCircuit, transpile
from qiskit_aer import AerSimulator

N = 4
couplings = {"xx": 1.0, "yy": 1.0, "zz": 0.5}
dt = 0.1
n_steps = 2

bonds = [(i, (i + 1) % N) for i in range(N)]

circuit = QuantumCircuit(N)
circuit.x(0)
for _ in range(n_steps):
    for (i, j) in bonds:
        circuit.rxx(2 * couplings["xx"] * dt, i, j)
        circuit.ryy(2 * couplings["yy"] * dt, i, j)
        circuit.rzz(2 * couplings["zz"] * dt, i, j)
circuit.measure_all()

backend = AerSimulator(method="matrix_product_state")
counts = backend.run(transpile(circuit, backend), shots=1000).result().get_counts()
print(counts)
