// Teleportation as qiskit.qasm3.dumps writes a laid-out circuit: physical qubits, measurements
// assigned to bits, and branches on the measured bits (read as if_else blocks, as Qiskit does).
OPENQASM 3.0;
include "stdgates.inc";
bit[2] c;
bit[1] out;
u3(0.3, 0.2, 0.1) $0;
h $1;
cx $1, $2;
barrier $0, $1, $2;
cx $0, $1;
h $0;
c[0] = measure $0;
c[1] = measure $1;
if (c[1]) {
  x $2;
}
if (c[0]) {
  z $2;
}
out[0] = measure $2;
