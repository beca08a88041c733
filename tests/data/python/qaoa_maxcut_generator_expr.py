# qvet-expect: {"qubits": 5, "clbits": 5, "depth": 16, "size": 32, "nonlocal": 12, "count_ops": {"rzz": 12, "rx": 10, "h": 5, "measure": 5, "barrier": 1}, "info": ["I601"]}
"""QAOA for MaxCut on a five-node graph, built by hand: the cost layer is RZZ on every edge,
the mixer RX on every node; the angles of the two layers come from a dict."""
import numpy as np
from qiskit import QuantumCircuit, transpile
from qiskit_aer import AerSimulator
from qiskit.visualization import plot_histogram

n_nodes = 5
edges = [(0, 1), (0, 2), (1, 2), (2, 3), (3, 4), (1, 4)]
angles = {
    "gamma": [0.41, 0.78],
    "beta": [0.62, 0.29],
}
p = len(angles["gamma"])


def cost_layer(qc, gamma):
    for u, v in edges:
        qc.rzz(2 * gamma, u, v)


def mixer_layer(qc, beta):
    for q in range(n_nodes):
        qc.rx(2 * beta, q)


qaoa = QuantumCircuit(n_nodes)
qaoa.h(range(n_nodes))
for layer in range(p):
    cost_layer(qaoa, angles["gamma"][layer])
    mixer_layer(qaoa, angles["beta"][layer])
qaoa.measure_all()


def maxcut_value(bitstring):
    x = [int(b) for b in bitstring[::-1]]
    return sum(1 for u, v in edges if x[u] != x[v])


backend = AerSimulator()
counts = backend.run(transpile(qaoa, backend), shots=4096).result().get_counts()
best = max(counts, key=lambda b: maxcut_value(b))
print("best cut:", best, maxcut_value(best))
plot_histogram(counts)
