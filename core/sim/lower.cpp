// From circuit instructions to kernel ops: measurements and resets pass through, barriers
// vanish, standard gates get their matrices, the program's gates are expanded with their
// parameters bound (recursion depth is bounded by Limits::max_gate_nesting, checked at
// definition). Fusion is sim/blocks.hpp's.
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

}  // namespace qvet::sim
