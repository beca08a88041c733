# qvet-expect: {"qubits": 3, "clbits": 2, "depth": 22, "size": 23, "nonlocal": 12, "count_ops": {"ccx": 6, "cx": 6, "x": 6, "h": 3, "barrier": 3, "measure": 2}, "info": ["I601"]}
# A discrete-time quantum walk on a cycle of 4 nodes: a Hadamard coin and a shift that adds or
# subtracts one from the 2-qubit position register, depending on the coin.
from qiskit import QuantumCircuit, QuantumRegister, ClassicalRegister, transpile
from qiskit_aer import AerSimulator

coin = QuantumRegister(1, "coin")
pos = QuantumRegister(2, "pos")
cpos = ClassicalRegister(2, "c")
walk = QuantumCircuit(coin, pos, cpos)


def increment(qc):
    # +1 on pos, controlled by coin = 1
    qc.ccx(coin[0], pos[0], pos[1])
    qc.cx(coin[0], pos[0])


def decrement(qc):
    # -1 on pos, controlled by coin = 0
    qc.x(coin[0])
    qc.cx(coin[0], pos[0])
    qc.ccx(coin[0], pos[0], pos[1])
    qc.x(coin[0])


steps = 3
for step in range(steps):
    walk.h(coin[0])
    increment(walk)
    decrement(walk)
    walk.barrier()
walk.measure(pos, cpos)

sim = AerSimulator()
print(sim.run(transpile(walk, sim), shots=4000).result().get_counts())
