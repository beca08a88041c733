OPENQASM 2.0;
include "qelib1.inc";
qreg q[2];
h q[2];
foo q[0];
cx q[0], q[0];
rz(1/0) q[1];
