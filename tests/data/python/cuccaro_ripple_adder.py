# qvet-expect: {"qubits": 8, "clbits": 4, "depth": 19, "size": 27, "nonlocal": 19, "count_ops": {"cx": 13, "ccx": 6, "x": 4, "measure": 4, "barrier": 2}, "info": ["I601"]}
"""Cuccaro ripple-carry adder: b <- a + b for 3-bit numbers, the carry out in its own qubit.
Inputs are loaded from integers with bit operations."""
from qiskit import QuantumCircuit, QuantumRegister, ClassicalRegister, transpile
from qiskit_aer import AerSimulator


def majority(qc, a, b, c):
    qc.cx(c, b)
    qc.cx(c, a)
    qc.ccx(a, b, c)


def unmajority(qc, a, b, c):
    qc.ccx(a, b, c)
    qc.cx(c, a)
    qc.cx(a, b)


n = 3
cin = QuantumRegister(1, "cin")
a = QuantumRegister(n, "a")
b = QuantumRegister(n, "b")
cout = QuantumRegister(1, "cout")
ans = ClassicalRegister(n + 1, "ans")
qc = QuantumCircuit(cin, a, b, cout, ans)

a_val, b_val = 5, 3
for i in range(n):
    if (a_val >> i) & 1:
        qc.x(a[i])
    if (b_val >> i) & 1:
        qc.x(b[i])
qc.barrier()

majority(qc, cin[0], b[0], a[0])
for i in range(1, n):
    majority(qc, a[i - 1], b[i], a[i])
qc.cx(a[n - 1], cout[0])
for i in reversed(range(1, n)):
    unmajority(qc, a[i - 1], b[i], a[i])
unmajority(qc, cin[0], b[0], a[0])

qc.barrier()
qc.measure(b, ans[0:n])
qc.measure(cout[0], ans[n])

sim = AerSimulator()
counts = sim.run(transpile(qc, sim), shots=100).result().get_counts()
print(counts)  # expect {'1000': 100}: 5 + 3 = 8
