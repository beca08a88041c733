OPENQASM 2.0;
include "qelib1.inc";
qreg a[3];
qreg b[3];
creg c[3];
cx a, b;
h a;
measure b -> c;
u1(sin(0.3)^2) a[0];
