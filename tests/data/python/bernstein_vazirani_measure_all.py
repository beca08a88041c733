# qvet-expect: {"qubits": 5, "clbits": 5, "depth": 6, "size": 17, "nonlocal": 2, "count_ops": {"h": 9, "measure": 5, "barrier": 3, "cx": 2, "x": 1}, "info": ["I601"]}
"""Bernstein-Vazirani with a function that returns the circuit and a measure_all at the end, so the
output qubit is measured too (into the 'meas' register)."""
from qiskit import QuantumCircuit
from qiskit.primitives import StatevectorSampler


def bernstein_vazirani(secret):
    n = len(secret)
    qc = QuantumCircuit(n + 1)
    qc.x(n)
    qc.h(range(n + 1))
    qc.barrier()
    for position, char in enumerate(reversed(secret)):
        if char == "1":
            qc.cx(position, n)
    qc.barrier()
    qc.h(range(n))
    return qc


circuit = bernstein_vazirani("1001")
circuit.measure_all()

result = StatevectorSampler().run([circuit]).result()
print(result[0].data.meas.get_counts())
