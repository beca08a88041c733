#!/usr/bin/env python3
"""Writes the qsim-style random circuit the simulator benchmark uses: h on every qubit, then CYCLES
cycles of a random t, sqrt-X or sqrt-Y on every qubit followed by cz on alternating neighbour pairs
of a line. 24 qubits and 14 cycles give 521 gates.
As OpenQASM 2 by default; with --qsim, the same circuit in qsim's own circuit format (one moment a
line group: `time gate qubits`), for the side-by-side benchmark against qsim_base (README). qsim's
y_1_2 is ry(pi/2) up to a global phase, its x_1_2 is sx: the same probabilities.
usage: random_circuit.py [--qsim] QUBITS CYCLES [SEED] > circuit"""
import random
import sys

args = sys.argv[1:]
qsim = "--qsim" in args
args = [a for a in args if a != "--qsim"]
n = int(args[0])
cycles = int(args[1])
rng = random.Random(int(args[2]) if len(args) > 2 else 1)
ONE = [("t", "t"), ("sx", "x_1_2"), ("ry(pi/2)", "y_1_2")]
qasm = ["OPENQASM 2.0;", 'include "qelib1.inc";', f"qreg q[{n}];"]
native = [str(n)]
qasm += [f"h q[{i}];" for i in range(n)]
native += [f"0 h {i}" for i in range(n)]
for c in range(cycles):
    for i in range(n):
        g = rng.choice(ONE)
        qasm.append(f"{g[0]} q[{i}];")
        native.append(f"{2 * c + 1} {g[1]} {i}")
    for i in range(c % 2, n - 1, 2):
        qasm.append(f"cz q[{i}], q[{i + 1}];")
        native.append(f"{2 * c + 2} cz {i} {i + 1}")
print("\n".join(native if qsim else qasm))
