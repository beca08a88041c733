# qvet-expect: {"qubits": 2, "clbits": 2, "depth": 6, "size": 7, "nonlocal": 2, "count_ops": {"barrier": 3, "h": 2, "cx": 2, "measure": 2, "z": 1}, "info": ["I601"]}
# Superdense coding (Qiskit textbook): Alice sends two classical bits with one qubit.
from qiskit import QuantumCircuit, transpile
from qiskit_aer import AerSimulator
from qiskit.visualization import plot_histogram


def create_bell_pair():
    """
    Returns:
        QuantumCircuit: Circuit that produces a Bell pair
    """
    qc = QuantumCircuit(2)
    qc.h(1)
    qc.cx(1, 0)
    return qc


def encode_message(qc, qubit, msg):
    """Encodes a two-bit message on qc using the superdense coding protocol"""
    if len(msg) != 2:
        print("message must be two bits")
    if msg[1] == "1":
        qc.x(qubit)
    if msg[0] == "1":
        qc.z(qubit)
    return qc


def decode_message(qc):
    qc.cx(1, 0)
    qc.h(1)
    return qc


# Charlie creates the entangled pair between Alice and Bob
qc = create_bell_pair()

# We'll add a barrier for visual separation
qc.barrier()

# At this point, qubit 0 goes to Alice and qubit 1 goes to Bob

# Next, Alice encodes her message onto qubit 1. In this case,
# we want to send the message '10'. You can try changing this
# value and see how it affects the circuit
message = '10'
qc = encode_message(qc, 1, message)
qc.barrier()
# Alice then sends her qubit to Bob.

# After recieving qubit 0, Bob applies the recovery protocol:
qc = decode_message(qc)

# Finally, Bob measures his qubits to read Alice's message
qc.measure_all()

# Draw our output
qc.draw()

aer_sim = AerSimulator()
result = aer_sim.run(transpile(qc, aer_sim)).result()
counts = result.get_counts(qc)
print(counts)
plot_histogram(counts)
