#!/usr/bin/env python3
"""Writes the qsim-style random circuit the simulator benchmark uses, as OpenQASM 2:
h on every qubit, then CYCLES cycles of a random t, sqrt-X or sqrt-Y on every qubit followed by cz on
alternating neighbour pairs of a line. 24 qubits and 14 cycles give 521 gates.
usage: random_circuit.py QUBITS CYCLES [SEED] > circuit.qasm"""
import random
import sys

n = int(sys.argv[1])
cycles = int(sys.argv[2])
rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
out = ["OPENQASM 2.0;", 'include "qelib1.inc";', f"qreg q[{n}];"]
out += [f"h q[{i}];" for i in range(n)]
for c in range(cycles):
    for i in range(n):
        out.append(rng.choice([f"t q[{i}];", f"sx q[{i}];", f"ry(pi/2) q[{i}];"]))
    for i in range(c % 2, n - 1, 2):
        out.append(f"cz q[{i}], q[{i + 1}];")
print("\n".join(out))
