# qvet-expect: {"qubits": 7, "clbits": 6, "depth": 8, "size": 24, "nonlocal": 4, "count_ops": {"h": 13, "measure": 6, "cx": 4, "x": 1}, "info": ["I601"]}
# Bernstein-Vazirani with the oracle as its own circuit, composed onto chosen qubits of a larger
# circuit whose output qubit comes first.
from qiskit import QuantumCircuit, QuantumRegister, ClassicalRegister
from qiskit_aer import AerSimulator
from qiskit import transpile

secret = "110101"
n = len(secret)

oracle = QuantumCircuit(n + 1, name="bv_oracle")
for i, bit in enumerate(reversed(secret)):
    if bit == "1":
        oracle.cx(i, n)

out = QuantumRegister(1, "out")
data = QuantumRegister(n, "x")
cr = ClassicalRegister(n, "c")
bv = QuantumCircuit(out, data, cr)
bv.x(out)
bv.h(out)
bv.h(data)
bv.compose(oracle, qubits=list(data) + [out[0]], inplace=True)
bv.h(data)
bv.measure(data, cr)

sim = AerSimulator()
counts = sim.run(transpile(bv, sim), shots=1).result().get_counts()
assert list(counts)[0] == secret
