# qvet-expect: {"qubits": 3, "clbits": 3, "depth": 8, "size": 10, "nonlocal": 4, "count_ops": {"barrier": 3, "cx": 3, "measure": 3, "h": 2, "ry": 1, "cz": 1}, "info": ["I601"]}
"""Quantum teleportation, textbook style, with Bob's corrections done by the principle of
deferred measurement (controlled gates before the measurements instead of classical conditions)."""
import numpy as np
from qiskit import QuantumCircuit, QuantumRegister, ClassicalRegister, transpile
from qiskit_aer import AerSimulator
from qiskit.visualization import plot_histogram


def create_bell_pair(qc, a, b):
    """Creates a bell pair in qc using qubits a & b"""
    qc.h(a)  # Put qubit a into state |+>
    qc.cx(a, b)  # CNOT with a as control and b as target


def alice_gates(qc, psi, a):
    qc.cx(psi, a)
    qc.h(psi)


def bob_gates(qc, a, b, c):
    # deferred measurement: the classically controlled X and Z become CX and CZ
    qc.cx(b, c)
    qc.cz(a, c)


qr = QuantumRegister(3, name="q")
crz = ClassicalRegister(1, name="crz")
crx = ClassicalRegister(1, name="crx")
result_reg = ClassicalRegister(1, name="result")
teleportation_circuit = QuantumCircuit(qr, crz, crx, result_reg)

# The state |psi> Alice wants to send
teleportation_circuit.ry(np.pi / 3, 0)
teleportation_circuit.barrier()

## STEP 1
create_bell_pair(teleportation_circuit, 1, 2)
teleportation_circuit.barrier()

## STEP 2
alice_gates(teleportation_circuit, 0, 1)
teleportation_circuit.barrier()

## STEP 3 and 4
bob_gates(teleportation_circuit, 0, 1, 2)
teleportation_circuit.measure(0, crz[0])
teleportation_circuit.measure(1, crx[0])
teleportation_circuit.measure(2, result_reg[0])

teleportation_circuit.draw()

sim = AerSimulator()
t_qc = transpile(teleportation_circuit, sim)
counts = sim.run(t_qc).result().get_counts()
plot_histogram(counts)
