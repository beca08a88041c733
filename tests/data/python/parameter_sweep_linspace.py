# qvet-expect: {"qubits": 2, "clbits": 2, "depth": 5, "size": 8, "nonlocal": 1, "count_ops": {"h": 2, "measure": 2, "rx": 1, "ry": 1, "rz": 1, "cp": 1}, "info": ["I601"]}
"""A Ramsey-style parameter sweep: one symbolic Parameter in several gates (2*theta, theta/2 + pi),
the values bound at run time by Aer's parameter_binds."""
import numpy as np
from qiskit import QuantumCircuit, transpile
from qiskit.circuit import Parameter
from qiskit_aer import AerSimulator

theta = Parameter("θ")
phi = Parameter("φ")

qc = QuantumCircuit(2, 2)
qc.h(0)
qc.rx(theta, 0)
qc.ry(2 * theta, 1)
qc.rz(theta / 2 + np.pi, 1)
qc.cp(phi - theta, 0, 1)
qc.h(0)
qc.measure([0, 1], [0, 1])

print(qc.parameters)

values = np.linspace(0, 2 * np.pi, 25)
sim = AerSimulator()
tqc = transpile(qc, sim)
job = sim.run([tqc] * len(values), parameter_binds=[{theta: [v], phi: [0.3]} for v in values])
for v, counts in zip(values, job.result().get_counts()):
    print(round(v, 3), counts)
