// The simulator's program: a circuit lowered to kernel applications on global qubits, with the
// program's own gates expanded (parameters bound) and Qiskit's gate matrices filled in. Matrices
// live in one pool so that an op stays small (a million-gate circuit is a flat array).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "circuit/circuit.hpp"
#include "sim/kernels.hpp"

namespace qvet::sim {

struct Op {
  // Dense: a k-qubit matrix (UnitaryGate); Prepare: a state prepared from |0...0> on k qubits
  // (initialize after its resets, StatePreparation). For both, q0 is the offset of their qubits in
  // Program::qubits, q1 is k, controls is the mask of those qubits, and mat holds 4^k or 2^k entries.
  // Fused: a block of gates on at most kMaxFusedQubits qubits as one dense matrix (sim/blocks.hpp):
  // laid out as Dense, with its qubits sorted ascending and the matrix on them in that order.
  enum Kind : uint8_t { One, Diag1, Controlled1, Two, Diag2, Swap, Measure, Reset, Dense, Prepare, Fused };
  Kind kind = One;
  unsigned q0 = 0, q1 = 0;  // target(s); Two and Diag2 act on basis b(q0) + 2*b(q1)
  uint64_t controls = 0;    // Controlled1 and Swap: bits that must all be 1
  uint32_t mat = 0;         // offset into Program::mats: 4 entries (One, Diag1 uses [0],[3], Controlled1)
                            // or 16 (Two; Diag2 uses the diagonal)
  int32_t clbit = -1;       // Measure
  int32_t condition = -1;   // into Circuit::conditions
  uint32_t src = 0;         // index of the circuit instruction it came from
};

struct Program {
  std::vector<Op> ops;
  std::vector<cd> mats;
  std::vector<unsigned> qubits;  // Dense and Prepare: their qubits, in argument order

  // A copy of op `op` of `from`, with its matrix and qubits, appended to this program.
  void add_data_op(const Program& from, const Op& op) {
    Op copy = op;
    const size_t entries = op.kind == Op::Prepare ? size_t{1} << op.q1 : size_t{1} << (2 * op.q1);
    copy.mat = static_cast<uint32_t>(mats.size());
    mats.insert(mats.end(), from.mats.begin() + op.mat, from.mats.begin() + op.mat + entries);
    copy.q0 = static_cast<unsigned>(qubits.size());
    qubits.insert(qubits.end(), from.qubits.begin() + op.q0, from.qubits.begin() + op.q0 + op.q1);
    ops.push_back(copy);
  }

  uint32_t add(const Mat2& m) {
    uint32_t at = static_cast<uint32_t>(mats.size());
    mats.insert(mats.end(), m.m, m.m + 4);
    return at;
  }
  uint32_t add(const Mat4& m) {
    uint32_t at = static_cast<uint32_t>(mats.size());
    mats.insert(mats.end(), m.m, m.m + 16);
    return at;
  }
  Mat2 mat2(const Op& op) const {
    Mat2 m;
    for (int i = 0; i < 4; ++i) m.m[i] = mats[op.mat + i];
    return m;
  }
  Mat4 mat4(const Op& op) const {
    Mat4 m;
    for (int i = 0; i < 16; ++i) m.m[i] = mats[op.mat + i];
    return m;
  }
};

// Appends the kernel ops of standard gate `row` on `qubits`, with Qiskit's matrix for it.
// `num_qubits` is the instruction's width (it matters for the variadic mcx).
void lower_std_gate(const GateRow& row, const double* params, const uint32_t* qubits, unsigned num_qubits,
                    Program& out);

struct LowerError {
  std::string message;  // empty when lowering succeeded
  uint32_t instruction = 0;
};

// Lowers every instruction, expanding the program's gates with bound parameters; barriers vanish.
LowerError lower(const Circuit& c, Program& out);

}  // namespace qvet::sim
