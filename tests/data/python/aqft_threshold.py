# qvet-expect: {"qubits": 5, "clbits": 0, "depth": 10, "size": 14, "nonlocal": 9, "count_ops": {"cp": 7, "h": 5, "swap": 2}}
"""An approximate QFT by hand: controlled phases smaller than pi/2**degree are dropped."""
from math import pi
from qiskit import QuantumCircuit

n = 5
degree = 2  # keep rotations pi/2 and pi/4 only

aqft = QuantumCircuit(n, name="aqft")
for target in reversed(range(n)):
    aqft.h(target)
    for control in reversed(range(target)):
        k = target - control
        if k > degree:
            continue
        aqft.cp(pi / 2 ** k, control, target)
for i in range(n // 2):
    aqft.swap(i, n - 1 - i)
print(aqft.draw())
