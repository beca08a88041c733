# qvet-expect: {"qubits": 4, "clbits": 0, "depth": 11, "size": 14, "nonlocal": 8, "count_ops": {"cp": 6, "h": 4, "x": 2, "swap": 2}, "info": ["I601"]}
# The quantum Fourier transform written recursively, as in the Qiskit textbook, applied to |5>.
from numpy import pi
from qiskit import QuantumCircuit
from qiskit.quantum_info import Statevector
from qiskit.visualization import plot_bloch_multivector


def qft_rotations(circuit, n):
    """Performs qft on the first n qubits in circuit (without swaps)"""
    if n == 0:
        return circuit
    n -= 1
    circuit.h(n)
    for qubit in range(n):
        circuit.cp(pi / 2 ** (n - qubit), qubit, n)
    # At the end of our function, we call the same function again on
    # the next qubits (we reduced n by one earlier in the function)
    qft_rotations(circuit, n)


def swap_registers(circuit, n):
    for qubit in range(n // 2):
        circuit.swap(qubit, n - qubit - 1)
    return circuit


def qft(circuit, n):
    """QFT on the first n qubits in circuit"""
    qft_rotations(circuit, n)
    swap_registers(circuit, n)
    return circuit


# Create the state |5> = |0101>
qc = QuantumCircuit(4)
qc.x(0)
qc.x(2)
qft(qc, 4)
print(qc.draw())

state = Statevector(qc)
plot_bloch_multivector(state)
