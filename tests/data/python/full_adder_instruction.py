# qvet-expect: {"qubits": 7, "clbits": 3, "depth": 4, "size": 8, "nonlocal": 2, "count_ops": {"x": 3, "measure": 3, "full_adder": 2}, "info": ["I601"]}
"""A two-bit ripple-carry adder from a full-adder block made an instruction (to_instruction) and
appended once per bit: a = 3, b = 1, the sum read from b and the last carry."""
from qiskit import QuantumCircuit, QuantumRegister, ClassicalRegister, transpile
from qiskit_aer import AerSimulator

fa = QuantumCircuit(4, name="full_adder")  # a, b, carry in, carry out
fa.ccx(0, 1, 3)
fa.cx(0, 1)
fa.ccx(1, 2, 3)
fa.cx(1, 2)
full_adder = fa.to_instruction()

a = QuantumRegister(2, "a")
b = QuantumRegister(2, "b")
c = QuantumRegister(3, "carry")
result = ClassicalRegister(3, "sum")
qc = QuantumCircuit(a, b, c, result)

qc.x(a[0])
qc.x(a[1])
qc.x(b[0])
for i in range(2):
    qc.append(full_adder, [a[i], b[i], c[i], c[i + 1]])
qc.measure(b, result[0:2])
qc.measure(c[2], result[2])

sim = AerSimulator()
print(sim.run(transpile(qc, sim), shots=10).result().get_counts())
