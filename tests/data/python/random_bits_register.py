# qvet-expect: {"qubits": 8, "clbits": 8, "depth": 2, "size": 16, "nonlocal": 0, "count_ops": {"h": 8, "measure": 8}, "info": ["I601"]}
# A quantum random number generator: eight Hadamards and a measurement of the whole register.
from qiskit import QuantumCircuit, QuantumRegister, ClassicalRegister
from qiskit_ibm_runtime import QiskitRuntimeService, SamplerV2 as Sampler
from qiskit import transpile

q = QuantumRegister(8, "q")
c = ClassicalRegister(8, "c")
rng = QuantumCircuit(q, c)
rng.h(q)
rng.measure(q, c)

service = QiskitRuntimeService()
backend = service.least_busy(simulator=False, operational=True)
job = Sampler(backend).run([transpile(rng, backend)], shots=1)
bits = job.result()[0].data.c.get_bitstrings()[0]
print(int(bits, 2))
