# qvet-expect: {"qubits": 3, "clbits": 2, "depth": 8, "size": 9, "nonlocal": 2, "count_ops": {"barrier": 4, "h": 2, "cx": 2, "measure": 2, "rx": 1, "x": 1, "z": 1}, "info": ["I601"]}
"""Quantum teleportation exactly as the Qiskit textbook writes it (Qiskit < 2): Bob's corrections
are X and Z conditioned with c_if on Alice's two one-bit registers."""
import numpy as np
from qiskit import QuantumCircuit, QuantumRegister, ClassicalRegister, transpile
from qiskit_aer import AerSimulator


def create_bell_pair(qc, a, b):
    qc.h(a)
    qc.cx(a, b)


def alice_gates(qc, psi, a):
    qc.cx(psi, a)
    qc.h(psi)


def measure_and_send(qc, a, b):
    """Measures qubits a & b and 'sends' the results to Bob"""
    qc.barrier()
    qc.measure(a, 0)
    qc.measure(b, 1)


# This function takes a QuantumCircuit (qc), integer (qubit)
# and ClassicalRegisters (crz & crx) to decide which gates to apply
def bob_gates(qc, qubit, crz, crx):
    # Here we use c_if to control our gates with a classical
    # bit instead of a qubit
    qc.x(qubit).c_if(crx, 1)  # Apply gates if the registers
    qc.z(qubit).c_if(crz, 1)  # are in the state '1'


qr = QuantumRegister(3, name="q")
crz = ClassicalRegister(1, name="crz")
crx = ClassicalRegister(1, name="crx")
teleportation_circuit = QuantumCircuit(qr, crz, crx)

teleportation_circuit.rx(np.pi / 4, 0)
teleportation_circuit.barrier()
create_bell_pair(teleportation_circuit, 1, 2)
teleportation_circuit.barrier()
alice_gates(teleportation_circuit, 0, 1)
measure_and_send(teleportation_circuit, 0, 1)
teleportation_circuit.barrier()
bob_gates(teleportation_circuit, 2, crz, crx)
teleportation_circuit.draw()

sim = AerSimulator()
print(sim.run(transpile(teleportation_circuit, sim)).result().get_counts())
