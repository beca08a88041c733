// Standard gates lowered to the kernels, as their row of the gate table says: its matrix, with a
// controlled gate as a control mask plus a 2x2 and a diagonal one as a diagonal; the
// relative-phase Toffolis and dcx through their definitions, which is how Qiskit defines them.
#include "circuit/gates.hpp"
#include "sim/ops.hpp"

namespace qvet::sim {

namespace {

bool is_diagonal(const Mat4& m) {
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 4; ++j)
      if (i != j && m.m[4 * i + j] != cd(0)) return false;
  return true;
}

struct Emitter {
  Program& p;
  const unsigned* q;

  void push(Op::Kind kind, unsigned q0, unsigned q1, uint64_t controls, uint32_t mat) {
    Op op;
    op.kind = kind;
    op.q0 = q0;
    op.q1 = q1;
    op.controls = controls;
    op.mat = mat;
    p.ops.push_back(op);
  }
  void one(unsigned qubit, const Mat2& m) {
    const bool diagonal = m.m[1] == cd(0) && m.m[2] == cd(0);
    push(diagonal ? Op::Diag1 : Op::One, qubit, 0, 0, p.add(m));
  }
  void controlled(uint64_t controls, unsigned target, const Mat2& m) {
    push(Op::Controlled1, target, 0, controls, p.add(m));
  }
  void two(unsigned a, unsigned b, const Mat4& m) { push(Op::Two, a, b, 0, p.add(m)); }
  void diag2(unsigned a, unsigned b, cd d0, cd d1, cd d2, cd d3) {
    Mat4 m{};
    m.m[0] = d0;
    m.m[5] = d1;
    m.m[10] = d2;
    m.m[15] = d3;
    push(Op::Diag2, a, b, 0, p.add(m));
  }
  void swap(uint64_t controls, unsigned a, unsigned b) { push(Op::Swap, a, b, controls, 0); }
  uint64_t mask(int from, int to) const {  // control bits of arguments [from, to)
    uint64_t m = 0;
    for (int i = from; i < to; ++i) m |= uint64_t{1} << q[i];
    return m;
  }
};
}  // namespace

void lower_std_gate(const GateRow& g, const double* p, const uint32_t* q, unsigned num_qubits, Program& out) {
  Emitter e{out, q};
  switch (g.kernel) {
    case GateKernel::Identity: return;
    case GateKernel::Matrix: {
      if (num_qubits == 1) {
        Mat2 m{};  // the row's matrix function fills it
        g.matrix(p, m.m);
        return e.one(q[0], m);
      }
      Mat4 m{};
      g.matrix(p, m.m);
      if (is_diagonal(m)) return e.diag2(q[0], q[1], m.m[0], m.m[5], m.m[10], m.m[15]);
      return e.two(q[0], q[1], m);
    }
    case GateKernel::Controlled: {
      Mat2 m{};
      g.matrix(p, m.m);
      const unsigned target = q[num_qubits - 1];
      // One control over a diagonal target (cz, cp, crz, ...) is a diagonal on the pair.
      if (num_qubits == 2 && m.m[1] == cd(0) && m.m[2] == cd(0)) return e.diag2(q[0], target, 1, m.m[0], 1, m.m[3]);
      return e.controlled(e.mask(0, static_cast<int>(num_qubits) - 1), target, m);
    }
    case GateKernel::Swap:
      return e.swap(e.mask(0, static_cast<int>(num_qubits) - 2), q[num_qubits - 2], q[num_qubits - 1]);
    case GateKernel::Definition: {
      // As Qiskit defines the gate (rccx, rc3x, dcx): each step is itself a row.
      Definition d;
      g.definition(p, d);
      unsigned mapped[5] = {};
      for (const Definition::Op& op : d) {
        for (uint8_t k = 0; k < op.num_qubits; ++k) mapped[k] = q[op.qubits[k]];
        if (!op.inverse) {
          lower_std_gate(*op.gate, op.params, mapped, op.num_qubits, out);
          continue;
        }
        // An inverted step is its gate's inverse row (the table test requires one for every
        // inverted step of a row applied by its definition).
        double inverse_params[4] = {};
        related_params(op.gate->inverse, op.params, inverse_params);
        lower_std_gate(*find_gate(op.gate->inverse.name), inverse_params, mapped, op.num_qubits, out);
      }
      return;
    }
  }
}

}  // namespace qvet::sim
