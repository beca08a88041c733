OPENQASM 3.0;
include "stdgates.inc";
input float theta;
qubit[3] q;
bit[3] c;
h q[0];
c[0] = measure q[0];
if (c[0]) { x q[1]; } else { rz(theta) q[1]; }
for int i in [0:2] { cx q[i], q[(i + 1) % 3]; }
while (c[1] == false) { h q[1]; c[1] = measure q[1]; }
box { y q[2]; }
switch (int(c)) { case 0 { x q[0]; } default { h q[0]; } }
