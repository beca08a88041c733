# qvet-expect: {"qubits": 3, "clbits": 0, "depth": 3, "size": 3, "nonlocal": 2, "count_ops": {"cx": 2, "h": 1}, "info": ["I601"]}
"""A measured circuit turned back into a unitary one for the state vector: remove_final_measurements
drops the final measurements, the barrier before them, and the register left idle."""
from qiskit import QuantumCircuit
from qiskit.quantum_info import Statevector

qc = QuantumCircuit(3)
qc.h(0)
qc.cx(0, 1)
qc.cx(0, 2)
qc.measure_all()

qc.remove_final_measurements()
print(Statevector(qc))
