# qvet-expect: {"qubits": 4, "clbits": 2, "depth": 5, "size": 7, "nonlocal": 3, "count_ops": {"x": 2, "barrier": 2, "cx": 2, "measure": 2, "ccx": 1}, "info": ["I601"]}
# The half adder from "The Atoms of Computation": XOR with two CNOTs, AND with a Toffoli.
from qiskit import QuantumCircuit
from qiskit_aer import AerSimulator
from qiskit.visualization import plot_histogram

qc_ha = QuantumCircuit(4, 2)
# encode inputs in qubits 0 and 1
qc_ha.x(0)  # For a=0, remove this line. For a=1, leave it.
qc_ha.x(1)  # For b=0, remove this line. For b=1, leave it.
qc_ha.barrier()
# use cnots to write the XOR of the inputs on qubit 2
qc_ha.cx(0, 2)
qc_ha.cx(1, 2)
# use ccx to write the AND of the inputs on qubit 3
qc_ha.ccx(0, 1, 3)
qc_ha.barrier()
# extract outputs
qc_ha.measure(2, 0)  # extract XOR value
qc_ha.measure(3, 1)  # extract AND value

qc_ha.draw()

sim = AerSimulator()
job = sim.run(qc_ha)
counts = job.result().get_counts()
plot_histogram(counts)
