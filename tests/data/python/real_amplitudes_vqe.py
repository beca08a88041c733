# qvet-expect: {"qubits": 4, "clbits": 4, "depth": 3, "size": 7, "nonlocal": 1, "count_ops": {"measure": 4, "x": 2, "RealAmplitudes": 1, "barrier": 1}, "info": ["I601"]}
# VQE with the library's RealAmplitudes ansatz (4 qubits, 2 repetitions: 12 parameters), bound to an
# initial point and appended; the circuit holds one RealAmplitudes instruction.
import numpy as np
from qiskit import QuantumCircuit
from qiskit.circuit.library import RealAmplitudes
from qiskit_aer import AerSimulator

ansatz = RealAmplitudes(num_qubits=4, reps=2)
print(ansatz.num_parameters)
x0 = [0.1 * k for k in range(ansatz.num_parameters)]

qc = QuantumCircuit(4)
qc.x([0, 1])
qc.append(ansatz.assign_parameters(x0), range(4))
qc.measure_all()

print(AerSimulator().run(qc.decompose(reps=2)).result().get_counts())
