# qvet-expect: {"qubits": 2, "clbits": 2, "depth": 5, "size": 7, "nonlocal": 3, "count_ops": {"h": 2, "step": 2, "measure": 2, "step**3": 1, "barrier": 1}}
"""A Trotter step repeated: circuit.power(3) (an integer power is repeat(3)) appended as one
instruction "step**3", and step.repeat(2) composed, which copies its two "step" gates inline."""
from qiskit import QuantumCircuit

step = QuantumCircuit(2, name="step")
step.cx(0, 1)
step.rz(0.3, 1)
step.cx(0, 1)
step.rx(0.2, [0, 1])

qc = QuantumCircuit(2)
qc.h([0, 1])
qc.append(step.power(3), [0, 1])
qc.compose(step.repeat(2), inplace=True)
qc.measure_all()
