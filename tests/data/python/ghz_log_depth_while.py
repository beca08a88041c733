# qvet-expect: {"qubits": 6, "clbits": 6, "depth": 5, "size": 12, "nonlocal": 5, "count_ops": {"measure": 6, "cx": 5, "h": 1, "barrier": 1}, "info": ["I601"]}
# A GHZ state in logarithmic depth: every entangled qubit copies itself onto a fresh one each round.
from qiskit import QuantumCircuit, transpile
from qiskit_aer import AerSimulator

n = 6
qc = QuantumCircuit(n)
qc.h(0)
k = 1
while k < n:
    for i in range(k):
        if i + k < n:
            qc.cx(i, i + k)
    k *= 2
qc.measure_all()

print(f"GHZ on {n} qubits, depth {qc.depth()}")
backend = AerSimulator()
counts = backend.run(transpile(qc, backend), shots=500).result().get_counts()
print(counts)
