# qvet-expect: {"qubits": 2, "clbits": 2, "depth": 3, "size": 4, "nonlocal": 1, "count_ops": {"measure": 2, "h": 1, "cx": 1}, "info": ["I601"]}
"""Bell state: prepare |Phi+>, look at the state vector, then sample it on Aer."""
from qiskit import QuantumCircuit, transpile
from qiskit.quantum_info import Statevector
from qiskit.visualization import plot_histogram
from qiskit_aer import AerSimulator

qc = QuantumCircuit(2, 2)
qc.h(0)
qc.cx(0, 1)

state = Statevector(qc)
print(state)

qc.measure([0, 1], [0, 1])
print(qc.draw())

simulator = AerSimulator()
compiled = transpile(qc, simulator)
result = simulator.run(compiled, shots=1024).result()
counts = result.get_counts()
print(counts)
plot_histogram(counts)
