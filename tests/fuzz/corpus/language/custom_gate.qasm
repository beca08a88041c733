OPENQASM 2.0;
include "qelib1.inc";
gate rot(a, b) x, y { rz(a/2) x; cx x, y; u3(b, -pi/4, 0.5) y; }
opaque magic(t) q;
qreg q[3];
creg c[3];
rot(pi/3, 0.2) q[0], q[1];
magic(1) q[2];
barrier q;
measure q -> c;
if (c == 5) x q[0];
reset q[1];
