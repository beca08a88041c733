# qvet-expect: {"qubits": 5, "clbits": 1, "depth": 6, "size": 9, "nonlocal": 2, "count_ops": {"h": 3, "ry": 2, "cswap": 2, "x": 1, "barrier": 1, "measure": 1}, "info": ["I601"]}
# The swap test: an ancilla, a Hadamard, controlled swaps between two 2-qubit states, a Hadamard.
# P(ancilla = 0) = (1 + |<psi|phi>|^2) / 2.
from qiskit import QuantumCircuit, QuantumRegister, ClassicalRegister, transpile
from qiskit_aer import AerSimulator

anc = QuantumRegister(1, "ancilla")
psi = QuantumRegister(2, "psi")
phi = QuantumRegister(2, "phi")
cr = ClassicalRegister(1, "c")
qc = QuantumCircuit(anc, psi, phi, cr)

# two states to compare
qc.ry(0.7, psi[0])
qc.h(psi[1])
qc.ry(1.1, phi[0])
qc.x(phi[1])
qc.barrier()

qc.h(anc[0])
for i in range(len(psi)):
    qc.cswap(anc[0], psi[i], phi[i])
qc.h(anc[0])
qc.measure(anc[0], cr[0])

shots = 8192
sim = AerSimulator()
counts = sim.run(transpile(qc, sim), shots=shots).result().get_counts()
overlap = 2 * counts.get("0", 0) / shots - 1
print(f"|<psi|phi>|^2 ~ {overlap:.3f}")
