# qvet-expect: {"qubits": 1, "clbits": 1, "depth": 20, "size": 20, "nonlocal": 0, "count_ops": {"ry": 7, "z": 6, "x": 6, "measure": 1}}
# Amplitude amplification of a biased coin: A = RY(2 theta) on one qubit, the good state |1>
# marked by Z, the reflection about A|0> written as A^dagger, X Z X, A. Three rounds.
import math
from qiskit import QuantumCircuit

p_good = 0.1
theta = math.asin(math.sqrt(p_good))

qc = QuantumCircuit(1, 1)
qc.ry(2 * theta, 0)
for _ in range(3):
    qc.z(0)               # oracle: phase flip of |1>
    qc.ry(-2 * theta, 0)  # A^dagger
    qc.x(0)
    qc.z(0)
    qc.x(0)
    qc.ry(2 * theta, 0)   # A
qc.measure(0, 0)
print(f"theta = {theta}")
