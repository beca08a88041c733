# qvet-expect: {"qubits": 5, "clbits": 4, "depth": 12, "size": 19, "nonlocal": 8, "count_ops": {"cx": 8, "reset": 4, "measure": 4, "x": 3, "barrier": 2}, "info": ["I601"]}
"""Repeated ZZ parity checks on a 3-qubit repetition code with one ancilla per check, reset and
reused every round: mid-circuit measurements into a register per round."""
from qiskit import QuantumCircuit, QuantumRegister, ClassicalRegister, transpile
from qiskit_aer import AerSimulator

rounds = 2
data = QuantumRegister(3, "d")
anc = QuantumRegister(2, "a")
creg = [ClassicalRegister(2, f"round{r}") for r in range(rounds)]
qc = QuantumCircuit(data, anc, *creg)

qc.x(data)  # logical |1>
for r in range(rounds):
    qc.reset(anc)
    qc.cx(data[0], anc[0])
    qc.cx(data[1], anc[0])
    qc.cx(data[1], anc[1])
    qc.cx(data[2], anc[1])
    qc.measure(anc, creg[r])
    qc.barrier()

sim = AerSimulator()
print(sim.run(transpile(qc, sim), shots=100).result().get_counts())
