# qvet-expect: {"qubits": 5, "clbits": 4, "depth": 7, "size": 18, "nonlocal": 3, "count_ops": {"h": 9, "measure": 4, "cx": 3, "barrier": 2, "z": 1, "id": 1}, "info": ["I601"]}
# Bernstein-Vazirani with the hidden string s = '1011' (Qiskit textbook, chapter 3.3).
from qiskit import QuantumCircuit, transpile
from qiskit_aer import AerSimulator
from qiskit.visualization import plot_histogram

s = '1011'   # the hidden binary string
n = len(s)   # number of bits used to represent s

# We need a circuit with n qubits, plus one auxiliary qubit
# Also need n classical bits to write the output to
bv_circuit = QuantumCircuit(n + 1, n)

# put auxiliary in state |->
bv_circuit.h(n)
bv_circuit.z(n)

# Apply Hadamard gates before querying the oracle
for i in range(n):
    bv_circuit.h(i)

# Apply barrier
bv_circuit.barrier()

# Apply the inner-product oracle
s = s[::-1]  # reverse s to fit qiskit's qubit ordering
for q in range(n):
    if s[q] == '0':
        bv_circuit.id(q)
    else:
        bv_circuit.cx(q, n)

# Apply barrier
bv_circuit.barrier()

# Apply Hadamard gates after querying the oracle
for i in range(n):
    bv_circuit.h(i)

# Measurement
for i in range(n):
    bv_circuit.measure(i, i)

bv_circuit.draw()

aer_sim = AerSimulator()
results = aer_sim.run(transpile(bv_circuit, aer_sim), shots=1024).result()
answer = results.get_counts()
plot_histogram(answer)
