# qvet-expect: {"qubits": 2, "clbits": 1, "depth": 6, "size": 7, "nonlocal": 1, "count_ops": {"h": 3, "x": 2, "barrier": 2, "cx": 1, "measure": 1}, "info": ["I601"]}
"""Deutsch's algorithm: one query tells a constant f from a balanced one. The four oracles of a
one-bit function are chosen by name with if/elif; the last one built is reported."""
from qiskit import QuantumCircuit
from qiskit_aer import AerSimulator


def deutsch_oracle(kind):
    oracle = QuantumCircuit(2, name=kind)
    if kind == "constant_0":
        pass
    elif kind == "constant_1":
        oracle.x(1)
    elif kind == "identity":
        oracle.cx(0, 1)
    else:  # negation
        oracle.cx(0, 1)
        oracle.x(1)
    return oracle


def deutsch(kind):
    qc = QuantumCircuit(2, 1)
    qc.x(1)
    qc.h([0, 1])
    qc.barrier()
    qc.compose(deutsch_oracle(kind), inplace=True)
    qc.barrier()
    qc.h(0)
    qc.measure(0, 0)
    return qc


qc = deutsch("negation")
print(qc.draw())
result = AerSimulator().run(qc, shots=1).result()
print("balanced" if "1" in result.get_counts() else "constant")
