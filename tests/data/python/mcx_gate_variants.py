# qvet-expect: {"qubits": 7, "clbits": 0, "depth": 8, "size": 13, "nonlocal": 7, "count_ops": {"x": 6, "mcx": 3, "ccx": 2, "cx": 1, "mcx_gray": 1}}
# Multi-controlled X in its Qiskit 1.0 forms: mcx with one, two, three, four and five controls
# (cx, ccx, mcx, mcx, mcx_gray), MCXGate appended, and the Toffoli spelled ccx.
from qiskit import QuantumCircuit
from qiskit.circuit.library import MCXGate

qc = QuantumCircuit(7)
qc.x(range(6))
qc.mcx([0], 6)
qc.mcx([0, 1], 6)
qc.mcx([0, 1, 2], 6)
qc.mcx([0, 1, 2, 3], 6)
qc.mcx([0, 1, 2, 3, 4], 6)
qc.append(MCXGate(3), [3, 4, 5, 6])
qc.ccx(4, 5, 6)
print(qc.count_ops())
