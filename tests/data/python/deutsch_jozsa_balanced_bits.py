# qvet-expect: {"qubits": 5, "clbits": 4, "depth": 5, "size": 15, "nonlocal": 1, "count_ops": {"h": 9, "measure": 4, "x": 1, "Oracle": 1}, "info": ["I601"]}
"""Deutsch-Jozsa with a balanced oracle: the X-gate pattern comes from the binary digits of b,
worked out by hand with a while loop; the oracle circuit is named "Oracle" and made a gate."""
from qiskit import QuantumCircuit, transpile
from qiskit_aer import AerSimulator
from qiskit.visualization import plot_histogram


def to_bits(b, width):
    bits = ""
    while len(bits) < width:
        bits = str(b % 2) + bits
        b = b // 2
    return bits


def dj_oracle(case, n):
    oracle_qc = QuantumCircuit(n + 1, name="Oracle")
    if case == "balanced":
        b_str = to_bits(6, n)  # '0110' for n = 4
        for qubit in range(len(b_str)):
            if b_str[qubit] == '1':
                oracle_qc.x(qubit)
        for qubit in range(n):
            oracle_qc.cx(qubit, n)
        for qubit in range(len(b_str)):
            if b_str[qubit] == '1':
                oracle_qc.x(qubit)
    elif case == "constant":
        oracle_qc.x(n)
    return oracle_qc.to_gate()


def dj_algorithm(oracle, n):
    dj_circuit = QuantumCircuit(n + 1, n)
    dj_circuit.x(n)
    dj_circuit.h(n)
    for qubit in range(n):
        dj_circuit.h(qubit)
    dj_circuit.append(oracle, range(n + 1))
    for qubit in range(n):
        dj_circuit.h(qubit)
    for i in range(n):
        dj_circuit.measure(i, i)
    return dj_circuit


n = 4
dj_circuit = dj_algorithm(dj_oracle("balanced", n), n)
print(dj_circuit)

backend = AerSimulator()
answer = backend.run(transpile(dj_circuit, backend), shots=1024).result().get_counts()
plot_histogram(answer)
