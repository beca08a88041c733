# qvet-expect: {"qubits": 4, "clbits": 0, "depth": 10, "size": 23, "nonlocal": 9, "count_ops": {"rx": 12, "rzz": 9, "barrier": 3, "x": 2}, "info": ["I601"]}
"""Time evolution of a transverse-field Ising chain by first-order Trotter steps:
exp(-i J dt ZZ) as RZZ on each bond, exp(-i h dt X) as RX on each site, a barrier between steps."""
from qiskit import QuantumCircuit
from qiskit.quantum_info import Statevector, SparsePauliOp

n_sites = 4
J, h = 1.0, 0.7
t_total, steps = 1.2, 3
dt = t_total / steps

qc = QuantumCircuit(n_sites)
# start in the Neel state |0101>
for site in range(n_sites):
    if site % 2 == 1:
        qc.x(site)

for step in range(steps):
    # even bonds, then odd bonds
    for start in (0, 1):
        for i in range(start, n_sites - 1, 2):
            qc.rzz(2 * J * dt, i, i + 1)
    for i in range(n_sites):
        qc.rx(2 * h * dt, i)
    qc.barrier()

magnetisation = SparsePauliOp.from_list([("IIIZ", 0.25), ("IIZI", 0.25), ("IZII", 0.25), ("ZIII", 0.25)])
print(Statevector(qc).expectation_value(magnetisation))
