#include "circuit/circuit.hpp"

#include <cstdio>

#include "circuit/gates.hpp"

namespace qvet {

const std::string& kind_name(OpKind kind) {
  static const std::string names[] = {"", "measure", "reset", "barrier"};
  return names[static_cast<int>(kind)];
}

std::string expr_text(const Expr& e, const std::vector<std::string>& names) {
  struct Part {
    std::string text;
    int prec;  // 0 +-, 1 */, 2 unary minus, 3 **, 4 atom
  };
  static const char* const kFunctions[] = {"sin", "cos", "tan", "exp", "log", "sqrt", "arcsin", "arccos", "arctan"};
  std::vector<Part> st;
  auto wrap = [](const Part& p, int need) { return p.prec < need ? "(" + p.text + ")" : p.text; };
  for (const ExprOp& op : e) {
    switch (op.code) {
      case ExprOp::Const: {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.6g", op.value);
        st.push_back({buf, op.value < 0 ? 2 : 4});
        break;
      }
      case ExprOp::Param: st.push_back({op.param < names.size() ? names[op.param] : "?", 4}); break;
      case ExprOp::Neg: st.back() = {"-" + wrap(st.back(), 2), 2}; break;
      case ExprOp::Add: case ExprOp::Sub: case ExprOp::Mul: case ExprOp::Div: case ExprOp::Pow: {
        const Part b = st.back();
        st.pop_back();
        const Part a = st.back();
        const int prec = op.code == ExprOp::Pow ? 3 : (op.code == ExprOp::Mul || op.code == ExprOp::Div) ? 1 : 0;
        const char* sym = op.code == ExprOp::Add ? " + " : op.code == ExprOp::Sub ? " - " : op.code == ExprOp::Mul ? "*"
                          : op.code == ExprOp::Div ? "/" : "**";
        // Left-associative: the right operand needs parentheses at equal precedence (a - (b - c)).
        st.back() = {wrap(a, prec == 3 ? 4 : prec) + sym + wrap(b, prec == 3 ? 3 : prec + 1), prec};
        break;
      }
      default:
        st.back() = {std::string(kFunctions[op.code - ExprOp::Sin]) + "(" + st.back().text + ")", 4};
        break;
    }
  }
  return st.empty() ? "" : st.back().text;
}

GateDef standard_gate_def(int index) {
  const StdGate& g = std_gates()[index];
  GateDef d;
  d.name = std::string(g.name);
  d.qiskit_name = std::string(g.qiskit_name);
  d.std_index = index;
  d.num_params = g.num_params;
  d.num_qubits = g.num_qubits;
  return d;
}

const std::string& Circuit::op_name(const Instruction& op) const {
  return op.kind == OpKind::Gate ? gates[op.gate].qiskit_name : kind_name(op.kind);
}

}  // namespace qvet
