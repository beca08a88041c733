# qvet-expect: {"qubits": 4, "clbits": 4, "depth": 4, "size": 7, "nonlocal": 5, "count_ops": {"bell_meas": 3, "h": 2, "cx": 2}}
"""A Bell measurement packaged as an instruction (to_instruction keeps its measurements and clbits)
and appended twice, on different qubits and clbits."""
from qiskit import QuantumCircuit, QuantumRegister, ClassicalRegister

bell_meas = QuantumCircuit(2, 2, name="bell_meas")
bell_meas.cx(0, 1)
bell_meas.h(0)
bell_meas.measure([0, 1], [0, 1])
bell_meas_inst = bell_meas.to_instruction()

qr = QuantumRegister(4, "q")
cr = ClassicalRegister(4, "c")
qc = QuantumCircuit(qr, cr)
qc.h(qr[0])
qc.cx(qr[0], qr[1])
qc.h(qr[2])
qc.cx(qr[2], qr[3])
qc.append(bell_meas_inst, [qr[0], qr[1]], [cr[0], cr[1]])
qc.append(bell_meas_inst, [qr[2], qr[3]], [cr[2], cr[3]])
# a direct append of the circuit works the same way, on clbits already written
qc.append(bell_meas, [qr[1], qr[2]], [cr[1], cr[2]])
print(qc)
