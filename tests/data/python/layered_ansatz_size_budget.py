# qvet-expect: {"qubits": 3, "clbits": 3, "depth": 11, "size": 25, "nonlocal": 4, "count_ops": {"ry": 18, "cz": 4, "measure": 3, "barrier": 1}}
"""An ansatz grown layer by layer in a while loop until a gate budget is reached; odd layers skip
the entangler with continue, and the loop stops with break."""
import math
from qiskit import QuantumCircuit

n = 3
budget = 20
qc = QuantumCircuit(n)
layer = 0
while True:
    layer += 1
    for q in range(n):
        qc.ry(math.pi / (layer + q + 1), q)
    if qc.size() >= budget:
        break
    if layer % 2 == 1:
        continue
    for q in range(n - 1):
        qc.cz(q, q + 1)
qc.measure_all()
print(layer, "layers")
