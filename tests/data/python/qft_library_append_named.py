# qvet-expect: {"qubits": 6, "clbits": 0, "depth": 4, "size": 5, "nonlocal": 4, "count_ops": {"cx": 2, "h": 1, "qft_noswap": 1, "QFT": 1}}
# Library QFT appended as one instruction, without its final swaps and under a name of our own;
# a second, default QFT is appended on the other register.
from qiskit import QuantumCircuit, QuantumRegister
from qiskit.circuit.library import QFT

a = QuantumRegister(4, "a")
b = QuantumRegister(2, "b")
qc = QuantumCircuit(a, b)
qc.h(a[0])
qc.cx(a[0], b[0])
qc.append(QFT(4, do_swaps=False, name="qft_noswap"), a)
qc.append(QFT(2), b)
qc.cx(a[3], b[1])

qc.draw(output="mpl", filename="qft_named.png")
