#include "circuit/definitions.hpp"

#include <cmath>

namespace qvet {

namespace {

constexpr double kProbeA[4] = {0.3711, -1.2093, 2.0357, 0.7129};
constexpr double kProbeB[4] = {-2.4417, 0.9183, -0.1371, 1.6021};

bool close(double a, double b) { return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(a)); }

Definition numeric(const GateRow& row, const double* p) {
  Definition d;
  row.definition(p, d);
  return d;
}

}  // namespace

bool symbolic_definition(const GateRow& row, std::vector<SymbolicDefOp>* out) {
  out->clear();
  if (!row.definition) return false;
  const double zero[4] = {0, 0, 0, 0};
  const Definition base = numeric(row, zero);
  if (!base.ok()) return false;
  // coef[k][i][j]: how body op i's parameter j moves with the row's parameter k.
  std::vector<Definition> unit;
  for (uint8_t k = 0; k < row.num_params; ++k) {
    double e[4] = {0, 0, 0, 0};
    e[k] = 1;
    unit.push_back(numeric(row, e));
    if (unit.back().size() != base.size()) return false;
  }
  const Definition probe = numeric(row, kProbeA);
  if (probe.size() != base.size()) return false;
  for (size_t i = 0; i < base.size(); ++i) {
    const Definition::Op& op = base.begin()[i];
    if (op.inverse || !op.gate) return false;
    SymbolicDefOp s;
    s.gate = op.gate;
    s.qubits.assign(op.qubits, op.qubits + op.num_qubits);
    for (uint8_t j = 0; j < op.gate->num_params; ++j) {
      // Postfix: the terms c_k * p_k in order, then the constant, each added to the sum so far.
      const double c0 = op.params[j];
      double predicted = c0;
      Expr e;
      auto add_term = [&e](Expr term) {
        const bool first = e.empty();
        e.insert(e.end(), term.begin(), term.end());
        if (!first) e.push_back(ExprOp{ExprOp::Add, 0, 0});
      };
      for (uint8_t k = 0; k < row.num_params; ++k) {
        const double ck = unit[k].begin()[i].params[j] - c0;
        predicted += ck * kProbeA[k];
        if (ck == 0) continue;
        Expr term{ExprOp{ExprOp::Param, k, 0}};
        if (ck != 1) {
          term.insert(term.begin(), ExprOp{ExprOp::Const, 0, ck});
          term.push_back(ExprOp{ExprOp::Mul, 0, 0});
        }
        add_term(std::move(term));
      }
      if (c0 != 0 || e.empty()) add_term(Expr{ExprOp{ExprOp::Const, 0, c0}});
      if (!close(predicted, probe.begin()[i].params[j])) return false;
      s.params.push_back(std::move(e));
    }
    out->push_back(std::move(s));
  }
  return true;
}

bool is_standard_definition(const Circuit& c, const GateDef& def, const GateRow& row) {
  if (!row.definition || def.num_params != row.num_params || def.num_qubits != row.num_qubits) return false;
  std::vector<double> stack;
  for (const double* probe : {kProbeA, kProbeB}) {
    const Definition want = numeric(row, probe);
    if (!want.ok() || want.size() != def.body.size()) return false;
    for (size_t i = 0; i < want.size(); ++i) {
      const Definition::Op& w = want.begin()[i];
      const BodyOp& b = def.body[i];
      if (w.inverse || b.kind != OpKind::Gate || b.gate < 0 || b.condition >= 0) return false;
      const GateDef& g = c.gates[static_cast<size_t>(b.gate)];
      if (g.std != w.gate || b.qubits.size() != w.num_qubits || b.params.size() != w.gate->num_params) return false;
      for (size_t q = 0; q < b.qubits.size(); ++q)
        if (b.qubits[q] != w.qubits[q]) return false;
      for (size_t j = 0; j < b.params.size(); ++j) {
        double v = 0;
        const char* why = nullptr;
        if (!evaluate(b.params[j], probe, stack, &v, &why) || !close(v, w.params[j])) return false;
      }
    }
  }
  return true;
}

const GateRow* standard_row_defined_by(const Circuit& c, const GateDef& def) {
  for (const GateRow& row : gate_rows())
    if (row.qiskit_name == def.name && is_standard_definition(c, def, row)) return &row;
  return nullptr;
}

}  // namespace qvet
