# qvet-expect: {"qubits": 2, "clbits": 0, "depth": 5, "size": 7, "nonlocal": 2, "count_ops": {"h": 2, "cp": 2, "x": 1, "barrier": 1, "t": 1, "tdg": 1}, "info": ["I601"]}
# Phase kickback (Qiskit textbook 2.3): a controlled-T on |1> kicks a phase back to the control.
from qiskit import QuantumCircuit
from qiskit.quantum_info import Statevector
from qiskit.visualization import plot_bloch_multivector
import numpy as np

qc = QuantumCircuit(2)
qc.h(0)
qc.x(1)
# Add Controlled-T
qc.cp(np.pi / 4, 0, 1)
qc.barrier()
# the same kick from a controlled-S seen on a second pair of gates
qc.h(1)
qc.cp(np.pi / 2, 1, 0)
qc.t(0)
qc.tdg(1)
display(qc.draw())

final_state = Statevector(qc)
plot_bloch_multivector(final_state)
