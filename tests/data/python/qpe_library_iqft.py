# qvet-expect: {"qubits": 5, "clbits": 4, "depth": 18, "size": 25, "nonlocal": 16, "count_ops": {"cp": 15, "h": 4, "measure": 4, "x": 1, "barrier": 1, "IQFT": 1}, "info": ["I601"]}
# Phase estimation of a P(pi/2) eigenphase with the inverse QFT taken from qiskit.circuit.library,
# appended to the counting register (it shows as one instruction, "IQFT").
import numpy as np
from qiskit import QuantumCircuit, QuantumRegister, ClassicalRegister, transpile
from qiskit.circuit.library import QFT
from qiskit_aer import AerSimulator

t = 4  # counting qubits
theta = 2 * np.pi * 0.25

counting = QuantumRegister(t, "count")
eigen = QuantumRegister(1, "psi")
readout = ClassicalRegister(t, "c")
qc = QuantumCircuit(counting, eigen, readout)

qc.x(eigen[0])
qc.h(counting)
for k in range(t):
    for _ in range(2 ** k):
        qc.cp(theta, counting[k], eigen[0])
qc.barrier()
qc.append(QFT(t, inverse=True), counting)
qc.measure(counting, readout)

sim = AerSimulator()
counts = sim.run(transpile(qc, sim), shots=1000).result().get_counts()
estimate = int(max(counts, key=counts.get), 2) / 2 ** t
print(f"estimated phase: {estimate}")
