# qvet-expect: {"qubits": 3, "clbits": 0, "depth": 10, "size": 17, "nonlocal": 7, "count_ops": {"u": 1, "p": 1, "sx": 1, "sxdg": 1, "rx": 1, "ry": 1, "rz": 1, "s": 1, "t": 1, "tdg": 1, "cp": 1, "crz": 1, "rzz": 1, "swap": 1, "cy": 1, "crx": 1, "cu": 1}}
"""A tour of Qiskit's single- and two-qubit gates with angles from math and numpy."""
import math
import numpy as np
from qiskit import QuantumCircuit

qc = QuantumCircuit(3)

# single-qubit gates
qc.u(math.pi / 2, 0, math.pi, 0)      # a Hadamard written as U
qc.p(np.pi / 8, 1)
qc.sx(2)
qc.sxdg(2)
qc.rx(math.radians(30), 0)
qc.ry(-np.pi / 3, 1)
qc.rz(np.pi * 0.75, 2)
qc.s(0); qc.t(1); qc.tdg(2)

# two-qubit gates
qc.cp(math.pi / 4, 0, 1)
qc.crz(np.pi / 2, 1, 2)
qc.rzz(0.25, 0, 2)
qc.swap(0, 1)
qc.cy(2, 0)
qc.crx(math.pi, 2, 1)
qc.cu(0.1, 0.2, 0.3, 0.0, 0, 2)

print(qc)
