# qvet-expect: {"qubits": 4, "clbits": 4, "depth": 8, "size": 11, "nonlocal": 6, "count_ops": {"measure": 4, "cry": 3, "cx": 3, "x": 1, "barrier": 1}, "info": ["I601"]}
"""An n-qubit W state, one excitation spread by a chain of controlled-RY and CNOT gates."""
from math import acos, sqrt

from qiskit import QuantumCircuit, transpile
from qiskit_aer import AerSimulator


def w_state(n):
    qc = QuantumCircuit(n, n)
    qc.x(0)
    for k in range(n - 1):
        theta = 2 * acos(sqrt(1 / (n - k)))
        qc.cry(theta, k, k + 1)
        qc.cx(k + 1, k)
    return qc


w = w_state(4)
w.barrier()
w.measure(range(4), range(4))
print(w)

sim = AerSimulator()
print(sim.run(transpile(w, sim), shots=3000).result().get_counts())
