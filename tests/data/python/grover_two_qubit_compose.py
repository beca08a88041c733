# qvet-expect: {"qubits": 2, "clbits": 2, "depth": 10, "size": 16, "nonlocal": 2, "count_ops": {"h": 8, "x": 4, "measure": 2, "cz": 1, "cx": 1, "barrier": 1}, "info": ["I601"]}
# Grover's search on two qubits for |11>: oracle and diffuser built as circuits and composed in place.
from qiskit import QuantumCircuit
from qiskit.primitives import StatevectorSampler
from qiskit.visualization import plot_histogram

n = 2

oracle = QuantumCircuit(n, name="oracle")
oracle.cz(0, 1)

diffuser = QuantumCircuit(n, name="diffuser")
diffuser.h([0, 1])
diffuser.x([0, 1])
diffuser.h(1)
diffuser.cx(0, 1)
diffuser.h(1)
diffuser.x([0, 1])
diffuser.h([0, 1])

grover = QuantumCircuit(n)
grover.h([0, 1])
grover.compose(oracle, inplace=True)
grover.compose(diffuser, inplace=True)
grover.measure_all()
print(grover.draw())

sampler = StatevectorSampler()
job = sampler.run([grover], shots=1000)
counts = job.result()[0].data.meas.get_counts()
plot_histogram(counts)
