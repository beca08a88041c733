// The example menu. Each is a small circuit that shows one thing the page does.
const head = 'OPENQASM 2.0;\ninclude "qelib1.inc";\n';

export const examples = {
  'Bell pair': `${head}qreg q[2];\ncreg c[2];\nh q[0];\ncx q[0], q[1];\nmeasure q -> c;\n`,
  'GHZ (5 qubits)': `${head}qreg q[5];\ncreg c[5];\nh q[0];\ncx q[0], q[1];\ncx q[1], q[2];\ncx q[2], q[3];\ncx q[3], q[4];\nbarrier q;\nmeasure q -> c;\n`,
  Teleportation: `${head}qreg q[3];\ncreg c0[1];\ncreg c1[1];\ncreg out[1];\nu3(0.3, 0.2, 0.1) q[0];\nh q[1];\ncx q[1], q[2];\nbarrier q;\ncx q[0], q[1];\nh q[0];\nmeasure q[0] -> c0[0];\nmeasure q[1] -> c1[0];\nif (c0 == 1) z q[2];\nif (c1 == 1) x q[2];\nmeasure q[2] -> out[0];\n`,
  'Custom gates': `${head}gate majority a, b, c {\n  cx c, b;\n  cx c, a;\n  ccx a, b, c;\n}\ngate rot(theta) q { ry(theta) q; rz(theta / 2) q; }\nqreg q[3];\ncreg c[3];\nrot(pi / 3) q[0];\nmajority q[0], q[1], q[2];\nmeasure q -> c;\n`,
  'QFT (3 qubits)': `${head}qreg q[3];\ncreg c[3];\nx q[0];\nh q[2];\ncp(pi/2) q[1], q[2];\ncp(pi/4) q[0], q[2];\nh q[1];\ncp(pi/2) q[0], q[1];\nh q[0];\nswap q[0], q[2];\nmeasure q -> c;\n`,
  'OpenQASM 3 (teleportation)': `OPENQASM 3.0;\ninclude "stdgates.inc";\nbit[2] c;\nbit[1] out;\nu3(0.3, 0.2, 0.1) $0;\nh $1;\ncx $1, $2;\nbarrier $0, $1, $2;\ncx $0, $1;\nh $0;\nc[0] = measure $0;\nc[1] = measure $1;\nif (c[1]) {\n  x $2;\n}\nif (c[0]) {\n  z $2;\n}\nout[0] = measure $2;\n`,
  'Qiskit Python (Bell)': `from qiskit import QuantumCircuit\n\n# Read as data, never run: the page checks Qiskit code without Python.\nqc = QuantumCircuit(2, 2)\nqc.h(0)\nqc.cx(0, 1)\nqc.measure([0, 1], [0, 1])\n`,
  'Qiskit Python (QAOA ring)': `import numpy as np\nfrom qiskit import QuantumCircuit\n\nn = 4\nedges = [(0, 1), (1, 2), (2, 3), (3, 0)]\ngamma, beta = 0.8, 0.4\nqc = QuantumCircuit(n)\nqc.h(range(n))\nfor layer in range(2):\n    for i, j in edges:\n        qc.rzz(2 * gamma, i, j)\n    qc.rx(2 * beta, range(n))\nqc.measure_all()\n`,
  'With mistakes': `${head}qreg q[2];\ncreg c[2];\nh q[0];\ncx q[0], q[2];\nfoo q[1];\nmeasure q -> c;\n`,
};
