# qvet-expect: {"qubits": 3, "clbits": 3, "depth": 4, "size": 7, "nonlocal": 2, "count_ops": {"measure": 3, "x": 2, "barrier": 2, "QFT": 1, "IQFT_dg": 1}, "info": ["I601"]}
"""QFT from the circuit library composed onto a register and undone with the inverse QFT:
compose copies the library circuit's single wrapped instruction."""
from qiskit import QuantumCircuit
from qiskit.circuit.library import QFT
from qiskit.quantum_info import Statevector

n = 3
qc = QuantumCircuit(n)
qc.x([0, 2])             # |101>
qc.compose(QFT(n), inplace=True)
qc.barrier()
qc = qc.compose(QFT(n, inverse=True))
print(Statevector(qc).probabilities_dict())  # back to |101>
qc.measure_all()

print(qc.draw())
