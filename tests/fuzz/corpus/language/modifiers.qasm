OPENQASM 3.0;
include "stdgates.inc";
qubit[4] q;
ctrl @ x q[0], q[1];
negctrl @ h q[1], q[2];
inv @ s q[0];
pow(2) @ t q[3];
ctrl(2) @ rz(0.5) q[0], q[1], q[2];
gate g(a) x, y { cx x, y; rz(a) y; }
inv @ g(0.3) q[0], q[3];
gphase(pi);
