OPENQASM 3.0;
bit[2] b;
qubit[2] q;
h q[0];
cnot q[0], q[1];
phaseshift(0.15) q[1];
xx(0.3) q[0], q[1];
b[0] = measure q[0];
b[1] = measure $1;
