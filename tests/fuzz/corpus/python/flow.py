from qiskit import QuantumCircuit, QuantumRegister, ClassicalRegister
from qiskit.circuit.library import QFT
q = QuantumRegister(3, "q")
c = ClassicalRegister(3, "c")
qc = QuantumCircuit(q, c)
def layer(circ, n):
    for i in range(n):
        circ.h(i)
    return circ
layer(qc, 3)
qc.append(QFT(3), [0, 1, 2])
qc.measure(0, 0)
with qc.if_test((c[0], 1)):
    qc.x(1)
qc.x(2).c_if(c, 1)
qc.measure_all(add_bits=False) if False else None
print(qc.depth())
