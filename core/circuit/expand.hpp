// The one walk over custom-gate expansions. A program's own gate is kept as one instruction in
// the circuit (Qiskit counts it once); analysis (the expanded figures), the backend check (what
// runs on the device) and the simulator (what to apply) all need it unrolled down to leaves:
// standard gates, opaque gates, and barriers inside bodies. They all walk it here.
//
// Recursion depth is bounded by Limits::max_gate_nesting, checked when a gate is defined, and the
// total work by Limits::max_expanded_ops, checked when a gate is used; the walk itself allocates
// only its per-level buffers, once.
#pragma once
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "circuit/circuit.hpp"
#include "circuit/expr.hpp"

namespace qvet {

// One leaf of an expansion: a leaf gate, a barrier, or (in a control-flow block) a measurement
// or reset, with the block's own condition when it has one.
struct ExpandedOp {
  int32_t gate = -1;  // a leaf gate (standard or opaque) of Circuit::gates; -1 otherwise
  const uint32_t* qubits = nullptr;
  uint32_t num_qubits = 0;
  const double* params = nullptr;  // bound values when the walk evaluates them, else nullptr
  OpKind kind = OpKind::Gate;
  int32_t clbit = -1;      // a measurement's
  int32_t condition = -1;  // the innermost condition inside the expanded instruction, if any
  bool barrier() const { return kind == OpKind::Barrier; }
  bool gate_leaf() const { return kind == OpKind::Gate; }
};

class GateExpander {
 public:
  explicit GateExpander(const Circuit& c) : c_(c) {
    uint32_t nesting = 0;
    for (const GateDef& g : c.gates) nesting = std::max(nesting, g.nesting);
    levels_.resize(nesting + 1);  // one per level, never reallocated while a level is in use
  }

  // Calls visit(const ExpandedOp&) for every leaf of `gate` applied to `qubits` (and `params`), in
  // program order; a leaf gate is visited as itself. With kEvaluate, every body parameter is
  // evaluated from the caller's values; without, params are nullptr and nothing is evaluated.
  // visit returns false to stop. Returns false when visit stopped or an expression had no value
  // (then error() says which gate and line).
  template <bool kEvaluate, class Visit>
  bool expand(int32_t gate, const double* params, const uint32_t* qubits, Visit&& visit) {
    const GateDef& def = c_.gates[gate];
    if (def.is_leaf()) return visit(ExpandedOp{gate, qubits, def.num_qubits, params});
    return body<kEvaluate>(def, params, qubits, 0, visit);
  }

  const std::string& error() const { return error_; }

 private:
  struct Level {
    std::vector<uint32_t> qubits;
    std::vector<double> params;
  };

  template <bool kEvaluate, class Visit>
  bool body(const GateDef& def, const double* params, const uint32_t* q, size_t level, Visit& visit,
            int32_t condition = -1) {
    Level& buf = levels_[level];
    for (const BodyOp& b : def.body) {
      buf.qubits.clear();
      for (uint32_t local : b.qubits) buf.qubits.push_back(q[local]);
      const uint32_t nq = static_cast<uint32_t>(buf.qubits.size());
      const int32_t cond = b.condition >= 0 ? b.condition : condition;
      if (b.gate < 0) {
        const OpKind kind = b.kind == OpKind::Gate ? OpKind::Barrier : b.kind;
        if (!visit(ExpandedOp{-1, buf.qubits.data(), nq, nullptr, kind, b.clbit, kind == OpKind::Barrier ? -1 : cond}))
          return false;
        continue;
      }
      const double* values = nullptr;
      if constexpr (kEvaluate) {
        buf.params.clear();
        for (const Expr& e : b.params) {
          double v = 0;
          const char* why = nullptr;
          if (!evaluate(e, params, stack_, &v, &why)) {
            error_ = "in gate '" + def.name + "' at line " + std::to_string(b.span.line) + ": " + why;
            return false;
          }
          buf.params.push_back(v);
        }
        values = buf.params.data();
      }
      const GateDef& child = c_.gates[b.gate];
      // The child writes only to deeper levels' buffers, so this level's stay valid.
      const bool go = child.is_leaf() ? visit(ExpandedOp{b.gate, buf.qubits.data(), nq, values, OpKind::Gate, -1, cond})
                                      : body<kEvaluate>(child, values, buf.qubits.data(), level + 1, visit, cond);
      if (!go) return false;
    }
    return true;
  }

  const Circuit& c_;
  std::vector<Level> levels_;
  std::vector<double> stack_;
  std::string error_;
};

}  // namespace qvet
