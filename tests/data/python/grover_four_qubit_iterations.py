# qvet-expect: {"qubits": 4, "clbits": 4, "depth": 32, "size": 74, "nonlocal": 6, "count_ops": {"h": 40, "x": 24, "mcx": 6, "measure": 4, "barrier": 1}, "info": ["I601"]}
"""Grover search over 16 items for |1111>: the oracle is a multi-controlled Z (H, MCX, H), the
number of iterations floor(pi/4 * sqrt(N)) = 3, each round composed into a new circuit."""
import math
from qiskit import QuantumCircuit, transpile
from qiskit_aer import AerSimulator
from qiskit.visualization import plot_histogram

n = 4
N = 2 ** n


def phase_oracle(n):
    qc = QuantumCircuit(n, name="Uf")
    qc.h(n - 1)
    qc.mcx(list(range(n - 1)), n - 1)
    qc.h(n - 1)
    return qc


def diffusion(n):
    qc = QuantumCircuit(n, name="V")
    qc.h(range(n))
    qc.x(range(n))
    qc.h(n - 1)
    qc.mcx(list(range(n - 1)), n - 1)
    qc.h(n - 1)
    qc.x(range(n))
    qc.h(range(n))
    return qc


iterations = math.floor(math.pi / 4 * math.sqrt(N))
grover = QuantumCircuit(n)
grover.h(range(n))
for _ in range(iterations):
    grover = grover.compose(phase_oracle(n))
    grover = grover.compose(diffusion(n))
grover.measure_all()

sim = AerSimulator()
result = sim.run(transpile(grover, sim), shots=2048).result()
plot_histogram(result.get_counts())
