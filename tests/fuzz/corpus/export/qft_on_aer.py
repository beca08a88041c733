# The QFT of a prepared state, run on Aer: the tutorial file (def, if, compose, QFT, run code).
from qiskit import QuantumCircuit, transpile
from qiskit.circuit.library import QFT
from qiskit_aer import AerSimulator
from qiskit.visualization import plot_histogram
import numpy as np

def prepare(n, value):
    """Encode `value` in binary on n qubits."""
    qc = QuantumCircuit(n)
    for i in range(n):
        if (value >> i) & 1:
            qc.x(i)
    return qc

n = 4
state = prepare(n, 5)
circuit = QuantumCircuit(n, n)
circuit.compose(state, inplace=True)
circuit.barrier()
circuit.append(QFT(n, do_swaps=True), range(n))
circuit.measure(range(n), range(n))

backend = AerSimulator()
job = backend.run(transpile(circuit, backend), shots=2048)
counts = job.result().get_counts()
print(counts)
plot_histogram(counts)
