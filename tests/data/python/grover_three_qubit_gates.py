# qvet-expect: {"qubits": 3, "clbits": 3, "depth": 4, "size": 8, "nonlocal": 2, "count_ops": {"h": 3, "measure": 3, "oracle": 1, "diffuser": 1, "barrier": 1}, "info": ["I601"]}
"""Grover's algorithm on three qubits marking |101> and |110> (Qiskit textbook, section 3.8):
the oracle and the general diffuser are gates appended to the circuit."""
from qiskit import QuantumCircuit, transpile
from qiskit_aer import AerSimulator
from qiskit.visualization import plot_histogram


def initialize_s(qc, qubits):
    """Apply a H-gate to 'qubits' in qc"""
    for q in qubits:
        qc.h(q)
    return qc


def diffuser(nqubits):
    qc = QuantumCircuit(nqubits, name="diffuser")
    # Apply transformation |s> -> |00..0> (H-gates)
    for qubit in range(nqubits):
        qc.h(qubit)
    # Apply transformation |00..0> -> |11..1> (X-gates)
    for qubit in range(nqubits):
        qc.x(qubit)
    # Do multi-controlled-Z gate
    qc.h(nqubits - 1)
    qc.mcx(list(range(nqubits - 1)), nqubits - 1)  # multi-controlled-toffoli
    qc.h(nqubits - 1)
    # Apply transformation |11..1> -> |00..0>
    for qubit in range(nqubits):
        qc.x(qubit)
    # Apply transformation |00..0> -> |s>
    for qubit in range(nqubits):
        qc.h(qubit)
    # We will return the diffuser as a gate
    U_s = qc.to_gate()
    return U_s


oracle = QuantumCircuit(3, name="oracle")
oracle.cz(0, 2)
oracle.cz(1, 2)
oracle_ex3 = oracle.to_gate()

n = 3
grover_circuit = QuantumCircuit(n)
grover_circuit = initialize_s(grover_circuit, [0, 1, 2])
grover_circuit.append(oracle_ex3, [0, 1, 2])
grover_circuit.append(diffuser(n), [0, 1, 2])
grover_circuit.measure_all()
grover_circuit.draw()

aer_sim = AerSimulator()
transpiled_grover_circuit = transpile(grover_circuit, aer_sim)
counts = aer_sim.run(transpiled_grover_circuit).result().get_counts()
plot_histogram(counts)
