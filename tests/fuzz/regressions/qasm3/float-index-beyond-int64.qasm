OPENQASM 3.0;
bit[2] b;
qubit[1] q;
b[1E305] = measure q[0];
