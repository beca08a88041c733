# qvet-expect: {"qubits": 6, "clbits": 6, "depth": 4, "size": 10, "nonlocal": 4, "count_ops": {"measure": 6, "bell_pair_swap": 2, "bell": 1, "cz": 1, "barrier": 1}}
# Gates built from gates: a "bell" gate, a "bell_pair_swap" gate that uses it twice and a swap,
# both appended to a six-qubit circuit next to standard gates.
from qiskit import QuantumCircuit

bell = QuantumCircuit(2, name="bell")
bell.h(0)
bell.cx(0, 1)
bell_gate = bell.to_gate()

pair_swap = QuantumCircuit(4, name="bell_pair_swap")
pair_swap.append(bell_gate, [0, 1])
pair_swap.append(bell_gate, [2, 3])
pair_swap.swap(1, 2)
pair_swap_gate = pair_swap.to_gate()

qc = QuantumCircuit(6)
qc.append(pair_swap_gate, [0, 1, 2, 3])
qc.append(bell_gate, [4, 5])
qc.cz(3, 4)
qc.append(pair_swap_gate, range(2, 6))
qc.measure_all()
print(qc.draw())
