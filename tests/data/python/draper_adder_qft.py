# qvet-expect: {"qubits": 6, "clbits": 3, "depth": 9, "size": 14, "nonlocal": 8, "count_ops": {"cp": 6, "x": 3, "measure": 3, "barrier": 1, "QFT": 1, "IQFT": 1}, "info": ["I601"]}
# Draper's adder: b <- a + b (mod 2^n) in the Fourier basis. The library QFT is composed onto b,
# controlled phases add a, and the inverse QFT is appended.
from math import pi
from qiskit import QuantumCircuit, QuantumRegister, ClassicalRegister, transpile
from qiskit.circuit.library import QFT
from qiskit_aer import AerSimulator

n = 3
a = QuantumRegister(n, "a")
b = QuantumRegister(n, "b")
result = ClassicalRegister(n, "sum")
qc = QuantumCircuit(a, b, result)

# a = 3, b = 2
qc.x(a[0])
qc.x(a[1])
qc.x(b[1])
qc.barrier()

qc.compose(QFT(n, do_swaps=False), qubits=b, inplace=True)
for j in range(n):
    for k in range(n - j):
        qc.cp(pi / 2 ** k, a[j], b[j + k])
qc.append(QFT(n, do_swaps=False, inverse=True), b)
qc.measure(b, result)

sim = AerSimulator()
print(sim.run(transpile(qc, sim), shots=10).result().get_counts())  # {'101': 10}
