# qvet-expect: {"qubits": 4, "clbits": 4, "depth": 4, "size": 13, "nonlocal": 1, "count_ops": {"h": 8, "measure": 4, "mcmt": 1, "barrier": 1}}
# A doubly controlled Z on two targets with the library's MCMT, appended as one instruction "mcmt".
from qiskit import QuantumCircuit
from qiskit.circuit.library import MCMT, ZGate

mcz = MCMT(ZGate(), num_ctrl_qubits=2, num_target_qubits=2)
qc = QuantumCircuit(4)
qc.h(range(4))
qc.append(mcz, [0, 1, 2, 3])
qc.h(range(4))
qc.measure_all()
