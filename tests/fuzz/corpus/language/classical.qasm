OPENQASM 3.0;
include "stdgates.inc";
const int n = 2 ** 3;
int[32] acc = 0;
array[float[64], 3] w = {0.1, 0.2, 0.3};
def f(int a) -> int { return a * 2; }
qubit[n] q;
for int i in {1, 3, 5} { acc += f(i); rx(w[i % 3]) q[i]; }
let pair = q[0:1] ++ q[{6, 7}];
barrier pair;
delay[100ns] q[0];
#pragma braket verbatim
@annotation x
reset q;
