# qvet-expect: {"qubits": 9, "clbits": 1, "depth": 16, "size": 30, "nonlocal": 20, "count_ops": {"cx": 16, "h": 8, "ccx": 4, "barrier": 2, "y": 1, "measure": 1}, "info": ["I601"]}
# Shor's nine-qubit code: encode one logical qubit, inject a Y error on qubit 4, decode with the
# textbook's Toffolis, and measure the logical qubit.
from qiskit import QuantumCircuit, transpile
from qiskit_aer import AerSimulator

qc = QuantumCircuit(9, 1)
qc.h(0)  # the state to protect: |+>

# phase-flip layer
qc.cx(0, 3)
qc.cx(0, 6)
qc.h([0, 3, 6])
# bit-flip layer on each block
for b in (0, 3, 6):
    qc.cx(b, b + 1)
    qc.cx(b, b + 2)
qc.barrier()

qc.y(4)  # an error
qc.barrier()

for b in (0, 3, 6):
    qc.cx(b, b + 1)
    qc.cx(b, b + 2)
    qc.ccx(b + 2, b + 1, b)
qc.h([0, 3, 6])
qc.cx(0, 3)
qc.cx(0, 6)
qc.ccx(6, 3, 0)
qc.h(0)
qc.measure(0, 0)

sim = AerSimulator()
print(sim.run(transpile(qc, sim)).result().get_counts())  # always '0'
