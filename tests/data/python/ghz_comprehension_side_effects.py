# qvet-expect: {"qubits": 5, "clbits": 5, "depth": 6, "size": 10, "nonlocal": 4, "count_ops": {"measure": 5, "cx": 4, "h": 1, "barrier": 1}}
# Some authors build layers with list comprehensions used only for their side effects.
import qiskit as q

n = 5
qc = q.QuantumCircuit(n, n)
qc.h(0)
[qc.cx(i, i + 1) for i in range(n - 1)]
qc.barrier()
[qc.measure(i, i) for i in range(n)]
print(qc.draw(output="text"))
