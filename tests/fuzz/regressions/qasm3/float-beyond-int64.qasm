OPENQASM 3.0;
include "stdgates.inc";
qubit[1] q;
for int i in {1E140, 3} { rx(i) q[0]; }
int n = int(-1e300);
uint u = 1e300 / 1e-300;
