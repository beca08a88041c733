# qvet-expect: {"qubits": 4, "clbits": 4, "depth": 9, "size": 14, "nonlocal": 6, "count_ops": {"cx": 5, "h": 4, "measure": 4, "barrier": 2, "cz": 1}, "info": ["I601"]}
# Entanglement swapping: two Bell pairs (0,1) and (2,3); a Bell measurement on 1 and 2 entangles
# 0 and 3. The corrections on qubit 3 are applied as controlled gates before measuring.
from qiskit import QuantumCircuit, transpile
from qiskit_aer import AerSimulator
from qiskit.visualization import plot_histogram

qc = QuantumCircuit(4, 4)
for a, b in [(0, 1), (2, 3)]:
    qc.h(a)
    qc.cx(a, b)
qc.barrier()

# Bell-basis measurement of qubits 1 and 2
qc.cx(1, 2)
qc.h(1)
qc.barrier()

# corrections (deferred measurement)
qc.cx(2, 3)
qc.cz(1, 3)

# check: 0 and 3 are now in |Phi+>
qc.cx(0, 3)
qc.h(0)
qc.measure(range(4), range(4))

sim = AerSimulator()
counts = sim.run(transpile(qc, sim)).result().get_counts()
plot_histogram(counts, title="entanglement swapping")
