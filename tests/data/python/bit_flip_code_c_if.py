# qvet-expect: {"qubits": 5, "clbits": 2, "depth": 9, "size": 12, "nonlocal": 6, "count_ops": {"cx": 6, "x": 4, "measure": 2}}
"""Bit-flip code with the correction conditioned on the measured syndrome register (c_if on a
two-bit register: every bit of it takes part in the depth)."""
from qiskit import QuantumCircuit, QuantumRegister, ClassicalRegister

code = QuantumRegister(3, "code")
anc = QuantumRegister(2, "anc")
syn = ClassicalRegister(2, "syn")
qc = QuantumCircuit(code, anc, syn)

qc.cx(code[0], code[1])
qc.cx(code[0], code[2])
qc.x(code[2])  # error
qc.cx(code[0], anc[0])
qc.cx(code[1], anc[0])
qc.cx(code[0], anc[1])
qc.cx(code[2], anc[1])
qc.measure(anc, syn)
qc.x(code[0]).c_if(syn, 3)
qc.x(code[1]).c_if(syn, 1)
qc.x(code[2]).c_if(syn, 2)
