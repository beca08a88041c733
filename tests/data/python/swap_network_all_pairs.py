# qvet-expect: {"qubits": 4, "clbits": 4, "depth": 11, "size": 24, "nonlocal": 12, "count_ops": {"rzz": 6, "swap": 6, "h": 4, "rx": 4, "measure": 4, "barrier": 1}, "info": ["I601"]}
"""A swap network for QAOA on the complete graph K4: odd-even layers of RZZ followed by SWAP let
every pair of logical qubits meet on neighbouring wires."""
from qiskit import QuantumCircuit
from qiskit_aer import AerSimulator
from qiskit import transpile

n = 4
gamma, beta = 0.35, 0.6
qc = QuantumCircuit(n)
qc.h(range(n))
for layer in range(n):
    start = layer % 2
    for i in range(start, n - 1, 2):
        qc.rzz(2 * gamma, i, i + 1)
        qc.swap(i, i + 1)
qc.rx(2 * beta, range(n))
qc.measure_all()

sim = AerSimulator()
print(sim.run(transpile(qc, sim, optimization_level=0)).result().get_counts())
