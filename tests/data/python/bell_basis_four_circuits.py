# qvet-expect: {"qubits": 2, "clbits": 0, "depth": 3, "size": 4, "nonlocal": 1, "count_ops": {"x": 1, "h": 1, "z": 1, "cx": 1}, "info": ["I601"], "warnings": ["W601"]}
"""The four Bell states, one circuit each, chosen with if/elif. Several circuits are built, so qvet
reports the last one (|Psi->) and says so."""
from qiskit import QuantumCircuit
from qiskit.quantum_info import Statevector


def bell(which):
    qc = QuantumCircuit(2, name=which)
    if which in ("psi+", "psi-"):
        qc.x(1)
    qc.h(0)
    if which == "phi-":
        qc.z(0)
    elif which == "psi-":
        qc.z(0)
    qc.cx(0, 1)
    return qc


circuits = []
for label in ["phi+", "phi-", "psi+", "psi-"]:
    circuits.append(bell(label))

for qc in circuits:
    print(qc.name)
    print(Statevector(qc).draw("text"))
