# qvet-expect: {"qubits": 5, "clbits": 3, "depth": 15, "size": 20, "nonlocal": 11, "count_ops": {"cx": 8, "x": 5, "barrier": 3, "ccx": 3, "measure": 3, "rx": 1}, "info": ["I601"]}
"""The three-qubit bit-flip code: encode, inject an X error, extract the syndrome into two ancillas,
correct with Toffolis controlled by the syndrome (no classical conditions), decode and measure."""
import numpy as np
from qiskit import QuantumCircuit, QuantumRegister, ClassicalRegister, transpile
from qiskit_aer import AerSimulator

code = QuantumRegister(3, "code")
syndrome = QuantumRegister(2, "syndrome")
syn = ClassicalRegister(2, "syn")
out = ClassicalRegister(1, "out")
qc = QuantumCircuit(code, syndrome, syn, out)

# logical state
qc.rx(np.pi / 5, code[0])

# encode
qc.cx(code[0], code[1])
qc.cx(code[0], code[2])
qc.barrier()

# the error
qc.x(code[1])
qc.barrier()

# syndrome: parities of (0, 1) and (0, 2)
qc.cx(code[0], syndrome[0])
qc.cx(code[1], syndrome[0])
qc.cx(code[0], syndrome[1])
qc.cx(code[2], syndrome[1])
qc.barrier()

# correction: 11 -> code 0, 01 -> code 1, 10 -> code 2
qc.ccx(syndrome[0], syndrome[1], code[0])
qc.x(syndrome[1])
qc.ccx(syndrome[0], syndrome[1], code[1])
qc.x(syndrome[1])
qc.x(syndrome[0])
qc.ccx(syndrome[0], syndrome[1], code[2])
qc.x(syndrome[0])

# decode and read out
qc.cx(code[0], code[2])
qc.cx(code[0], code[1])
qc.measure(syndrome, syn)
qc.measure(code[0], out[0])

sim = AerSimulator()
print(sim.run(transpile(qc, sim)).result().get_counts())
