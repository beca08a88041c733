// Gate fusion into blocks, as qsim fuses: neighbouring gates whose qubits together number at most
// max_qubits become one dense matrix on those qubits (Op::Fused), applied in one pass over the state.
// Fewer passes is what pays while a pass is bound by memory; measurements, resets, conditioned ops
// and the data gates (UnitaryGate, initialize) keep their place in the program.
#pragma once
#include "sim/ops.hpp"

namespace qvet::sim {

// Every unitary op on at most max_qubits qubits (<= kMaxFusedQubits) ends up in a Fused op, alone
// or with others; a conditioned one alone, keeping its condition. Wider gates and the data gates
// pass through, after the blocks on their qubits.
Program fuse_blocks(const Program& in, unsigned n, unsigned max_qubits);

}  // namespace qvet::sim
