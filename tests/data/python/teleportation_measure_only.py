# qvet-expect: {"qubits": 3, "clbits": 2, "depth": 6, "size": 7, "nonlocal": 2, "count_ops": {"barrier": 3, "h": 2, "cx": 2, "measure": 2, "u": 1}}
"""Teleportation up to Alice's measurements (Qiskit textbook, before the classical corrections):
a random-looking state from fixed angles, the Bell pair, Alice's gates and two measurements."""
from math import pi
from qiskit import QuantumCircuit, QuantumRegister, ClassicalRegister

qr = QuantumRegister(3, name="q")
crz, crx = ClassicalRegister(1, name="crz"), ClassicalRegister(1, name="crx")
qc = QuantumCircuit(qr, crz, crx)

# |psi> = U(theta, phi, lam)|0>
theta, phi, lam = 1.21, 0.37, -2.2
qc.u(theta, phi, lam, 0)
qc.barrier()

qc.h(1)
qc.cx(1, 2)
qc.barrier()

qc.cx(0, 1)
qc.h(0)
qc.barrier()

qc.measure(0, 0)
qc.measure(1, 1)
print(qc)
