# qvet-expect: {"qubits": 2, "clbits": 2, "depth": 4, "size": 6, "nonlocal": 1, "count_ops": {"ry": 2, "measure": 2, "h": 1, "cx": 1, "barrier": 1}, "info": ["I601"], "warnings": ["W601"]}
"""The CHSH game: one Bell pair, measured in four pairs of bases (Alice at 0 or pi/2, Bob at
pi/4 or -pi/4, as RY before measuring). Four circuits are built; the last one is reported."""
import numpy as np
from qiskit import QuantumCircuit, transpile
from qiskit_aer import AerSimulator

alice_angles = [0, np.pi / 2]
bob_angles = [np.pi / 4, -np.pi / 4]


def chsh_circuit(a, b):
    qc = QuantumCircuit(2, 2)
    qc.h(0)
    qc.cx(0, 1)
    qc.barrier()
    qc.ry(-a, 0)
    qc.ry(-b, 1)
    qc.measure([0, 1], [0, 1])
    return qc


circuits = []
for a in alice_angles:
    for b in bob_angles:
        circuits.append(chsh_circuit(a, b))

sim = AerSimulator()
results = sim.run(transpile(circuits, sim), shots=2000).result()
E = []
for i in range(4):
    counts = results.get_counts(i)
    E.append((counts.get("00", 0) + counts.get("11", 0) - counts.get("01", 0) - counts.get("10", 0)) / 2000)
print("S =", E[0] - E[1] + E[2] + E[3])
