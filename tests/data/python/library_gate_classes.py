# qvet-expect: {"qubits": 4, "clbits": 0, "depth": 6, "size": 8, "nonlocal": 5, "count_ops": {"h": 1, "sx": 1, "u": 1, "cx": 1, "rzz": 1, "cp": 1, "barrier": 1, "swap": 1, "ccx": 1}}
"""Gates from qiskit.circuit.library appended by class, the way transpiler-pass tutorials build
circuits: HGate, CXGate, RZZGate, SwapGate, CPhaseGate, UGate, SXGate, CCXGate, Barrier."""
from math import pi
from qiskit import QuantumCircuit
from qiskit.circuit.library import (
    HGate,
    CXGate,
    RZZGate,
    SwapGate,
    CPhaseGate,
    UGate,
    SXGate,
    CCXGate,
)

qc = QuantumCircuit(4)
qc.append(HGate(), [0])
qc.append(SXGate(), [1])
qc.append(UGate(pi / 3, 0, pi), [2])
qc.append(CXGate(), [0, 1])
qc.append(RZZGate(pi / 7), [1, 2])
qc.append(CPhaseGate(pi / 8), [2, 3])
qc.barrier()
qc.append(SwapGate(), [0, 3])
qc.append(CCXGate(), [1, 2, 3])
print(qc)
