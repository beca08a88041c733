// From circuit instructions to kernel ops: measurements and resets pass through, barriers
// vanish, standard gates get their matrices, the program's gates are expanded with their
// parameters bound (recursion depth is bounded by Limits::max_gate_nesting, checked at
// definition), and then adjacent gates are fused.
#include <algorithm>

#include "circuit/expand.hpp"
#include "sim/ops.hpp"

namespace qvet::sim {

namespace {

struct Lowerer {
  const Circuit& c;
  Program& out;
  GateExpander expander;
  LowerError err;

  bool gate(int g, const double* params, const uint32_t* qubits, int32_t cond, uint32_t src) {
    const bool ok = expander.expand<true>(g, params, qubits, [&](const ExpandedOp& leaf) {
      if (leaf.barrier()) return true;
      if (leaf.condition >= 0 && cond >= 0) {
        err.message = "a condition inside a conditioned block: nested conditions are not simulated yet";
        return false;
      }
      const int32_t leaf_cond = leaf.condition >= 0 ? leaf.condition : cond;
      if (!leaf.gate_leaf()) {  // a measurement or reset in a control-flow block
        touched[leaf.qubits[0]] = 1;
        Op op;
        op.kind = leaf.kind == OpKind::Measure ? Op::Measure : Op::Reset;
        op.q0 = leaf.qubits[0];
        op.clbit = leaf.clbit;
        op.condition = leaf_cond;
        op.src = src;
        out.ops.push_back(op);
        return true;
      }
      const GateDef& def = c.gates[leaf.gate];
      if (def.opaque) {
        err.message = "opaque gate '" + def.name + "' (declared at line " + std::to_string(def.span.line) +
                      ") has no definition, so it cannot be simulated";
        return false;
      }
      const size_t first = out.ops.size();
      if (!def.matrix.empty() || !def.state.empty())
        data_gate(def, leaf.qubits, leaf.num_qubits);
      else
        lower_std_gate(*def.std, leaf.params, leaf.qubits, leaf.num_qubits, out);
      for (size_t i = first; i < out.ops.size(); ++i) {
        out.ops[i].condition = leaf_cond;
        out.ops[i].src = src;
      }
      return true;
    });
    if (!ok && err.message.empty()) err.message = expander.error();
    if (!ok) err.instruction = src;
    for (uint32_t k = 0; ok && k < c.gates[g].num_qubits; ++k) touched[qubits[k]] = 1;
    return ok;
  }

  // A UnitaryGate's matrix, or initialize's resets then the state it prepares. A reset of a qubit
  // nothing has touched yet does nothing, so initialize at the start of a circuit stays unitary-like
  // and every shot can share one state.
  void data_gate(const GateDef& def, const uint32_t* qubits, unsigned k) {
    if (def.resets)
      for (unsigned j = 0; j < k; ++j)
        if (touched[qubits[j]]) {
          Op reset;
          reset.kind = Op::Reset;
          reset.q0 = qubits[j];
          out.ops.push_back(reset);
        }
    Op op;
    op.kind = def.matrix.empty() ? Op::Prepare : Op::Dense;
    op.q0 = static_cast<unsigned>(out.qubits.size());
    op.q1 = k;
    for (unsigned j = 0; j < k; ++j) {
      out.qubits.push_back(qubits[j]);
      op.controls |= uint64_t{1} << qubits[j];
    }
    const std::vector<Complex>& data = def.matrix.empty() ? def.state : def.matrix;
    op.mat = static_cast<uint32_t>(out.mats.size());
    out.mats.insert(out.mats.end(), data.begin(), data.end());
    out.ops.push_back(op);
  }

  std::vector<uint8_t> touched = std::vector<uint8_t>(c.num_qubits, 0);
};

}  // namespace

LowerError lower(const Circuit& c, Program& out) {
  Lowerer l{c, out, GateExpander(c), {}};
  for (uint32_t i = 0; i < c.ops.size(); ++i) {
    const Instruction& ins = c.ops[i];
    const uint32_t* q = c.qubits(ins);
    switch (ins.kind) {
      case OpKind::Barrier: break;
      case OpKind::Measure:
      case OpKind::Reset: {
        l.touched[q[0]] = 1;
        Op op;
        op.kind = ins.kind == OpKind::Measure ? Op::Measure : Op::Reset;
        op.q0 = q[0];
        op.clbit = ins.clbit;
        op.condition = ins.condition;
        op.src = i;
        out.ops.push_back(op);
        break;
      }
      case OpKind::Gate: {
        const GateDef& def = c.gates[static_cast<size_t>(ins.gate)];
        if (def.dynamic)
          return {"a while_loop repeats while its condition holds, which the simulator does not run yet", i};
        if (!l.gate(ins.gate, c.params(ins), q, ins.condition, i)) return l.err;
        if (def.else_gate >= 0 && !l.gate(def.else_gate, c.params(ins), q, def.else_condition, i)) return l.err;
        break;
      }
    }
  }
  return {};
}

namespace {

Mat2 mul(const Mat2& a, const Mat2& b) {  // a * b
  Mat2 r;
  for (int i = 0; i < 2; ++i)
    for (int j = 0; j < 2; ++j) r.m[2 * i + j] = a.m[2 * i] * b.m[j] + a.m[2 * i + 1] * b.m[2 + j];
  return r;
}

Mat4 mul(const Mat4& a, const Mat4& b) {
  Mat4 r{};
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 4; ++j) {
      cd s = 0;
      for (int k = 0; k < 4; ++k) s += a.m[4 * i + k] * b.m[4 * k + j];
      r.m[4 * i + j] = s;
    }
  return r;
}

// A 1-qubit matrix acting on slot `slot` (0 for q0, 1 for q1) of a 2-qubit basis.
Mat4 embed(const Mat2& u, int slot) {
  Mat4 r{};
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 4; ++j) {
      const int ib = (i >> slot) & 1, jb = (j >> slot) & 1;
      const int io = (i >> (1 - slot)) & 1, jo = (j >> (1 - slot)) & 1;
      r.m[4 * i + j] = io == jo ? u.m[2 * ib + jb] : cd(0);
    }
  return r;
}

// The 4x4 of a 2-qubit op on basis b(q0) + 2*b(q1), whatever its kind.
Mat4 as_mat4(const Program& p, const Op& op, unsigned* q0, unsigned* q1) {
  if (op.kind == Op::Two || op.kind == Op::Diag2) {
    *q0 = op.q0;
    *q1 = op.q1;
    return p.mat4(op);
  }
  // Controlled1 with exactly one control: control is q0, target q1.
  unsigned ctrl = 0;
  while (!((op.controls >> ctrl) & 1)) ++ctrl;
  *q0 = ctrl;
  *q1 = op.q0;
  const Mat2 u = p.mat2(op);
  Mat4 r{};
  r.m[0] = r.m[10] = 1;  // control 0: identity on |00>, |10>
  r.m[5] = u.m[0];
  r.m[7] = u.m[1];
  r.m[13] = u.m[2];
  r.m[15] = u.m[3];
  return r;
}

bool is_single_controlled(const Op& op) {
  return op.kind == Op::Controlled1 && op.controls && !(op.controls & (op.controls - 1));
}

bool is_pair_op(const Op& op) { return op.kind == Op::Two || op.kind == Op::Diag2 || is_single_controlled(op); }

}  // namespace

Program fuse(const Program& in, unsigned n) {
  Program out;
  out.ops.reserve(in.ops.size());
  // Per qubit: a pending 1-qubit product not yet emitted, and the output op last touching it.
  std::vector<Mat2> pending(n);
  std::vector<uint8_t> has_pending(n, 0);
  std::vector<int64_t> last(n, -1);

  auto emit = [&](Op op) {
    out.ops.push_back(op);
    return static_cast<int64_t>(out.ops.size() - 1);
  };
  auto flush = [&](unsigned q) {
    if (!has_pending[q]) return;
    has_pending[q] = 0;
    Op op;
    const Mat2& m = pending[q];
    op.kind = m.m[1] == cd(0) && m.m[2] == cd(0) ? Op::Diag1 : Op::One;
    op.q0 = q;
    op.mat = out.add(m);
    last[q] = emit(op);
  };
  auto touch = [&](uint64_t mask, int64_t at) {
    for (unsigned q = 0; q < n; ++q)
      if ((mask >> q) & 1) last[q] = at;
  };

  for (const Op& op : in.ops) {
    if (op.kind == Op::Dense || op.kind == Op::Prepare) {  // kept as they are, in order on their qubits
      for (unsigned q = 0; q < n; ++q)
        if (op.condition >= 0 || ((op.controls >> q) & 1)) flush(q);
      out.add_data_op(in, op);
      const int64_t at = static_cast<int64_t>(out.ops.size() - 1);
      if (op.condition >= 0)
        std::fill(last.begin(), last.end(), at);
      else
        touch(op.controls, at);
      continue;
    }
    const bool fence = op.condition >= 0 || op.kind == Op::Measure || op.kind == Op::Reset;
    if (fence) {
      // A conditioned op reads clbits, so keep every qubit's earlier work in order before it.
      for (unsigned q = 0; q < n; ++q) flush(q);
      Op copy = op;
      if (op.kind != Op::Measure && op.kind != Op::Reset && op.kind != Op::Swap) {
        if (op.kind == Op::Two || op.kind == Op::Diag2)
          copy.mat = out.add(in.mat4(op));
        else
          copy.mat = out.add(in.mat2(op));
      }
      int64_t at = emit(copy);
      std::fill(last.begin(), last.end(), at);
      continue;
    }
    if (op.kind == Op::One || op.kind == Op::Diag1) {
      const unsigned q = op.q0;
      const Mat2 m = in.mat2(op);
      // Absorb into the 2-qubit op that last touched q, if nothing else came after it on q.
      const int64_t l = last[q];
      if (!has_pending[q] && l >= 0 && is_pair_op(out.ops[static_cast<size_t>(l)]) &&
          out.ops[static_cast<size_t>(l)].condition < 0) {
        Op& prev = out.ops[static_cast<size_t>(l)];
        unsigned a, b;
        Mat4 m4 = as_mat4(out, prev, &a, &b);
        m4 = mul(embed(m, q == a ? 0 : 1), m4);
        prev.kind = Op::Two;
        prev.q0 = a;
        prev.q1 = b;
        prev.controls = 0;
        prev.mat = out.add(m4);
        continue;
      }
      pending[q] = has_pending[q] ? mul(m, pending[q]) : m;
      has_pending[q] = 1;
      continue;
    }
    if (is_pair_op(op)) {
      unsigned a, b;
      Mat4 m4 = as_mat4(in, op, &a, &b);
      const bool absorb = has_pending[a] || has_pending[b];
      if (absorb) {
        if (has_pending[a]) m4 = mul(m4, embed(pending[a], 0));
        if (has_pending[b]) m4 = mul(m4, embed(pending[b], 1));
        has_pending[a] = has_pending[b] = 0;
        Op two;
        two.kind = Op::Two;
        two.q0 = a;
        two.q1 = b;
        two.mat = out.add(m4);
        two.src = op.src;
        last[a] = last[b] = emit(two);
      } else {
        Op copy = op;
        copy.mat = op.kind == Op::Controlled1 ? out.add(in.mat2(op)) : out.add(in.mat4(op));
        last[a] = last[b] = emit(copy);
      }
      continue;
    }
    // Multi-controlled gates and swaps: flush what they touch and pass them through.
    uint64_t mask = op.controls | (uint64_t{1} << op.q0);
    if (op.kind == Op::Swap) mask |= uint64_t{1} << op.q1;
    for (unsigned q = 0; q < n; ++q)
      if ((mask >> q) & 1) flush(q);
    Op copy = op;
    if (op.kind == Op::Controlled1) copy.mat = out.add(in.mat2(op));
    touch(mask, emit(copy));
  }
  for (unsigned q = 0; q < n; ++q) flush(q);
  return out;
}

}  // namespace qvet::sim
