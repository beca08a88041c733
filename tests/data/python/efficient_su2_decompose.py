# qvet-expect: {"qubits": 3, "clbits": 3, "depth": 7, "size": 17, "nonlocal": 2, "count_ops": {"ry": 6, "rz": 6, "measure": 3, "cx": 2, "barrier": 1}}
"""EfficientSU2(3, reps=1) opened one level with decompose(): the RY and RZ layers and the
reverse-linear CX entangler [(1, 2), (0, 1)] become the circuit's own instructions."""
from qiskit.circuit.library import EfficientSU2

ansatz = EfficientSU2(3, reps=1)
qc = ansatz.decompose()
qc.measure_all()
print(qc.draw())
