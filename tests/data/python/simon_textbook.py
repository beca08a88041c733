# qvet-expect: {"qubits": 6, "clbits": 3, "depth": 6, "size": 14, "nonlocal": 5, "count_ops": {"h": 6, "cx": 5, "measure": 3, "barrier": 2}, "info": ["I601"]}
"""Simon's algorithm for b = '110', with the textbook's oracle builder composed into the circuit."""
from qiskit import QuantumCircuit, transpile
from qiskit_aer import AerSimulator
from qiskit.visualization import plot_histogram


def simon_oracle(b):
    """returns a Simon oracle for bitstring b"""
    b = b[::-1]  # reverse b for easy iteration
    n = len(b)
    qc = QuantumCircuit(n * 2)
    # Do copy; |x>|0> -> |x>|x>
    for q in range(n):
        qc.cx(q, q + n)
    if '1' not in b:
        return qc  # 1:1 mapping, so just exit
    # index of first non-zero bit in b
    i = 0
    while b[i] != '1':
        i += 1
    # Do |x> -> |s.x> on condition that q_i is 1
    for q in range(n):
        if b[q] == '1':
            qc.cx(i, (n) + q)
    return qc


b = '110'

n = len(b)
simon_circuit = QuantumCircuit(n * 2, n)

# Apply Hadamard gates before querying the oracle
simon_circuit.h(range(n))

# Apply barrier for visual separation
simon_circuit.barrier()

simon_circuit = simon_circuit.compose(simon_oracle(b))

# Apply barrier for visual separation
simon_circuit.barrier()

# Apply Hadamard gates to the input register
simon_circuit.h(range(n))

# Measure qubits
simon_circuit.measure(range(n), range(n))
simon_circuit.draw()

aer_sim = AerSimulator()
results = aer_sim.run(transpile(simon_circuit, aer_sim)).result()
counts = results.get_counts()
plot_histogram(counts)
