# qvet-expect: {"qubits": 3, "clbits": 2, "depth": 6, "size": 9, "nonlocal": 2, "count_ops": {"h": 2, "cx": 2, "measure": 2, "if_else": 2, "ry": 1}}
# Teleportation as a dynamic circuit (Qiskit 1.0 style): the corrections are if_test blocks on
# Alice's measured bits, one on a register and one on a single bit.
from qiskit import QuantumCircuit, QuantumRegister, ClassicalRegister

qr = QuantumRegister(3, "q")
crz = ClassicalRegister(1, "crz")
crx = ClassicalRegister(1, "crx")
qc = QuantumCircuit(qr, crz, crx)

qc.ry(1.2, 0)
qc.h(1)
qc.cx(1, 2)
qc.cx(0, 1)
qc.h(0)
qc.measure(0, crz[0])
qc.measure(1, crx[0])
with qc.if_test((crx, 1)):
    qc.x(2)
with qc.if_test((crz[0], 1)):
    qc.z(2)
print(qc.draw())
