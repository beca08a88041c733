// Gate modifiers as Qiskit's OpenQASM 3 importer applies them: right to left, each through
// Qiskit 1.0's Gate.inverse(), Gate.power(k) and Gate.control(n, ctrl_state) (which the importer
// always calls with an explicit ctrl_state). The names follow from those methods:
//   ctrl @ x -> cx, ctrl(2) @ x -> ccx, more -> mcx; ctrl @ h -> ch (one control on a gate with a
//   named controlled form), anything else a generic controlled gate c<n><base> (ccp, cs, c3h, ...);
//   negctrl makes the control state a number other than all ones: cx_o0, ccx_o2, cs_o0;
//   inv @ s -> sdg, inv @ rx(t) -> rx(-t), a program's gate -> NAME_dg (and back);
//   pow(k) @ s|t|z|p -> p, rx|ry|rz|rxx|... -> the same gate with k*theta, else `unitary`.
// A generic gate from a standard gate is kept as its matrix (exact for the simulator); one from a
// program's gate is a gate whose body is the original's with each operation modified.
#include <cmath>

#include "circuit/modifiers.hpp"
#include "qasm3/reader.hpp"

namespace qvet::qasm3 {

namespace {

// The largest gate kept as a matrix: 2^10 x 2^10 entries.
constexpr uint32_t kMaxMatrixQubits = 10;

bool x_family(const GateRow* r) {
  return r && (r->name == "x" || r->name == "cx" || r->name == "CX" || r->name == "ccx" || r->name == "c3x" ||
               r->name == "c4x" || r->name == "mcx");
}

// The X family's row for `controls` controls: cx, ccx, c3x, c4x, then the variadic mcx.
const GateRow* x_row(uint32_t controls) {
  static constexpr const char* kRows[] = {"x", "cx", "ccx", "c3x", "c4x"};
  return find_gate(controls < 5 ? kRows[controls] : "mcx");
}

// A parameter of a related gate: sign * p[src] + pi_multiple * pi, on numbers or expressions.
Value related_value(const ParamMap& m, const std::vector<Value>& params) {
  Value v;
  v.type = Type::Angle;
  if (m.src < 0 || static_cast<size_t>(m.src) >= params.size()) {
    v.f = m.pi_multiple * kPi;
    return v;
  }
  const Value& p = params[static_cast<size_t>(m.src)];
  if (!p.symbolic()) {
    v.known = p.known;
    v.f = m.sign * p.number() + m.pi_multiple * kPi;
    return v;
  }
  v.sym = p.sym;
  if (m.sign < 0) v.sym.push_back(ExprOp{ExprOp::Neg, 0, 0});
  if (m.pi_multiple != 0) {
    v.sym.push_back(ExprOp{ExprOp::Const, 0, m.pi_multiple * kPi});
    v.sym.push_back(ExprOp{ExprOp::Add, 0, 0});
  }
  return v;
}

Value scaled(const Value& p, double k) {
  Value v = p;
  v.type = Type::Angle;
  if (p.symbolic()) {
    v.sym.push_back(ExprOp{ExprOp::Const, 0, k});
    v.sym.push_back(ExprOp{ExprOp::Mul, 0, 0});
  } else {
    v.f = p.number() * k;
  }
  return v;
}

Value angle(double a) {
  Value v;
  v.type = Type::Angle;
  v.f = a;
  return v;
}

// A body parameter (an expression over the gate's own parameters) as a value.
Value body_value(const Expr& e) {
  Value v;
  v.type = Type::Angle;
  if (e.size() == 1 && e[0].code == ExprOp::Const)
    v.f = e[0].value;
  else
    v.sym = e;
  return v;
}

}  // namespace

bool Reader::numeric(const std::vector<Value>& params, double* out, const Token& at_tok, const char* what) {
  for (size_t k = 0; k < params.size() && k < 4; ++k) {
    if (params[k].symbolic() || !params[k].known) {
      error_at("E146",
               std::string(what) +
                   " with a parameter that is not a number (an input, a gate's parameter or a "
                   "measured value) is not read yet: qvet builds this gate as a matrix",
               at_tok);
      return false;
    }
    out[k] = params[k].number();
  }
  return true;
}

int32_t Reader::matrix_gate(std::string name, std::vector<Complex> m, uint32_t qubits) {
  GateDef d;
  d.name = d.qiskit_name = std::move(name);
  d.num_qubits = qubits;
  d.available = d.used = true;
  d.matrix = std::move(m);
  c_.gates.push_back(std::move(d));
  return static_cast<int32_t>(c_.gates.size() - 1);
}

bool Reader::apply_modifiers(int32_t* gate, std::vector<Value>* params, const std::vector<Modifier>& mods,
                             const Token& at_tok) {
  (void)at_tok;
  for (size_t i = mods.size(); i-- > 0;) {
    const Modifier& m = mods[i];
    bool ok = true;
    switch (m.kind) {
      case Modifier::Inv: ok = apply_inverse(gate, params, m.at); break;
      case Modifier::Pow: ok = apply_power(gate, params, m.k, m.at); break;
      case Modifier::Ctrl: ok = apply_control(gate, params, m.n, false, m.at); break;
      case Modifier::NegCtrl: ok = apply_control(gate, params, m.n, true, m.at); break;
    }
    if (!ok) return false;
  }
  return true;
}

bool Reader::apply_inverse(int32_t* gate, std::vector<Value>* params, const Token& at_tok) {
  const GateDef& g = c_.gates[*gate];
  if (g.std && !g.std->inverse.name.empty()) {
    const RelatedGate& rel = g.std->inverse;
    std::vector<Value> mapped;
    for (uint8_t k = 0; k < rel.num_params; ++k) mapped.push_back(related_value(rel.params[k], *params));
    *params = std::move(mapped);
    *gate = find_gate(rel.name)->id;
    return true;
  }
  // Instruction.inverse: NAME_dg, or NAME again when it was one.
  const std::string name = g.name.size() > 3 && g.name.compare(g.name.size() - 3, 3, "_dg") == 0
                               ? g.name.substr(0, g.name.size() - 3)
                               : g.name + "_dg";
  if (g.std || !g.matrix.empty()) {
    const uint32_t w = g.num_qubits;
    if (w > kMaxMatrixQubits) {
      error_at("E146", "the inverse of a gate on more than 10 qubits without a named inverse is not read yet", at_tok);
      return false;
    }
    std::vector<Complex> m;
    if (g.std) {
      double p[4] = {};
      if (!numeric(*params, p, at_tok, "the inverse of this gate")) return false;
      m.resize(size_t{1} << (2 * w));
      full_matrix(*g.std, p, w, m.data());
    } else {
      m = g.matrix;
    }
    const int32_t inv = matrix_gate(name, adjoint(m), w);
    if (g.std) params->clear();
    *gate = inv;
    return true;
  }
  if (g.opaque || g.body.empty()) {
    // An empty body (or none): the inverse is itself, under the other name.
  }
  // A program's gate: the body reversed, each operation inverted.
  GateDef d;
  d.name = d.qiskit_name = name;
  d.num_params = g.num_params;
  d.num_qubits = g.num_qubits;
  d.available = d.used = true;
  d.span = g.span;
  d.nesting = 1;
  d.expanded_ops = 0;
  const std::vector<BodyOp> body = g.body;  // c_.gates may grow below
  for (size_t i = body.size(); i-- > 0;) {
    BodyOp op = body[i];
    if (op.gate >= 0) {
      int32_t child = op.gate;
      std::vector<Value> ps;
      for (const Expr& e : op.params) ps.push_back(body_value(e));
      if (!apply_inverse(&child, &ps, at_tok)) return false;
      op.gate = child;
      op.params.clear();
      for (const Value& v : ps) {
        if (v.symbolic()) {
          op.params.push_back(v.sym);
        } else {
          op.params.push_back(Expr{ExprOp{ExprOp::Const, 0, v.number()}});
        }
      }
      const GateDef& cg = c_.gates[child];
      d.nesting = std::max(d.nesting, cg.nesting + 1);
      d.expanded_ops += cg.expanded_ops;
    } else {
      d.expanded_ops += 1;
    }
    d.body.push_back(std::move(op));
  }
  d.expanded_ops = std::max<uint64_t>(d.expanded_ops, 1);
  c_.gates.push_back(std::move(d));
  *gate = static_cast<int32_t>(c_.gates.size() - 1);
  return true;
}

bool Reader::apply_power(int32_t* gate, std::vector<Value>* params, double k, const Token& at_tok) {
  if (k == 1) return true;
  const GateDef& g = c_.gates[*gate];
  if (g.std) {
    const std::string_view n = g.std->name;
    // Gate.power's overrides in Qiskit 1.0's standard gates.
    double phase = 0;
    if (n == "s")
      phase = kPi / 2;
    else if (n == "sdg")
      phase = -kPi / 2;
    else if (n == "t")
      phase = kPi / 4;
    else if (n == "tdg")
      phase = -kPi / 4;
    else if (n == "z")
      phase = kPi;
    if (phase != 0) {
      *gate = find_gate("p")->id;
      *params = {angle(phase * k)};
      return true;
    }
    if (n == "p" || n == "cp" || n == "rx" || n == "ry" || n == "rz" || n == "rxx" || n == "ryy" || n == "rzz" ||
        n == "rzx") {
      (*params)[0] = scaled((*params)[0], k);
      return true;
    }
    if (n == "id") return true;
  }
  // Gate.power: UnitaryGate(Operator(self).power(k)), named `unitary`.
  const uint32_t w = g.num_qubits;
  if (w == 0 || w > kMaxMatrixQubits) {
    error_at("E146", "pow of a gate on more than 10 qubits is not read yet", at_tok);
    return false;
  }
  std::vector<Complex> m;
  if (g.std) {
    double p[4] = {};
    if (!numeric(*params, p, at_tok, "pow of this gate")) return false;
    m.resize(size_t{1} << (2 * w));
    full_matrix(*g.std, p, w, m.data());
  } else if (!g.matrix.empty()) {
    m = g.matrix;
  } else {
    // A program's gate: its body repeated |k| times (inverted for k < 0), as one gate `unitary`.
    if (k != std::floor(k) || std::fabs(k) > 64) {
      error_at("E146", "pow with a fractional exponent of a gate the program defines is not read yet", at_tok);
      return false;
    }
    int32_t base = *gate;
    if (k < 0 && !apply_inverse(&base, params, at_tok)) return false;
    const GateDef& b = c_.gates[base];
    GateDef d;
    d.name = d.qiskit_name = "unitary";
    d.num_params = b.num_params;
    d.num_qubits = b.num_qubits;
    d.available = d.used = true;
    d.span = b.span;
    for (long r = 0; r < std::labs(static_cast<long>(k)); ++r)
      d.body.insert(d.body.end(), b.body.begin(), b.body.end());
    d.nesting = b.nesting;
    d.expanded_ops = std::max<uint64_t>(1, b.expanded_ops * static_cast<uint64_t>(std::labs(static_cast<long>(k))));
    c_.gates.push_back(std::move(d));
    *gate = static_cast<int32_t>(c_.gates.size() - 1);
    return true;
  }
  std::vector<Complex> powered = matrix_power(m, k);
  if (powered.empty()) {
    error_at("E146", "pow with a fractional exponent of a gate on more than one qubit is not read yet", at_tok);
    return false;
  }
  *gate = matrix_gate("unitary", std::move(powered), w);
  params->clear();
  return true;
}

bool Reader::apply_control(int32_t* gate, std::vector<Value>* params, uint32_t n, bool negated, const Token& at_tok) {
  const GateDef g = c_.gates[*gate];  // a copy: c_.gates may grow below
  const GateRow* row = g.std;
  // The gate's own controls (closed) and the state of all of them once these n are added; the new
  // controls are the first qubits and the low bits of the state.
  CtrlInfo info;
  if (const auto it = ctrl_info_.find(*gate); it != ctrl_info_.end()) {
    info = it->second;
  } else if (row) {
    info.base = std::string(row->num_qubits ? row->label : std::string_view("x"));
    info.controls = row->num_qubits ? row->num_qubits - row->target_qubits : g.num_qubits - 1;
    info.state = (uint64_t{1} << info.controls) - 1;
  } else {
    info.base = g.name;
  }
  const uint64_t mine = negated ? 0 : (uint64_t{1} << n) - 1;
  CtrlInfo out;
  out.base = info.base;
  out.controls = info.controls + n;
  out.state = (info.state << n) | mine;
  const bool open = out.state != (uint64_t{1} << out.controls) - 1;
  if (out.controls > 63) {
    error_at("E146", "more than 63 controls are not read", at_tok);
    return false;
  }

  // The named forms: the X family at any count, others with one control on an uncontrolled gate.
  int32_t named = -1;
  std::vector<Value> named_params = *params;
  if (x_family(row) && !ctrl_info_.count(*gate)) {
    named = x_row(out.controls)->id;
    named_params.clear();
  } else if (row && n == 1 && info.controls == 0 && !row->controlled.name.empty() && !ctrl_info_.count(*gate)) {
    const RelatedGate& rel = row->controlled;
    named_params.clear();
    for (uint8_t k = 0; k < rel.num_params; ++k) named_params.push_back(related_value(rel.params[k], *params));
    named = find_gate(rel.name)->id;
  }
  const uint32_t width = g.num_qubits + n;
  if (named >= 0 && !open) {
    *gate = named;
    *params = std::move(named_params);
    return true;
  }
  if (named >= 0) {
    // An open control on a named gate (cx_o0, ccx_o2): X on the open controls around the gate.
    const std::string name = c_.gates[named].qiskit_name + "_o" + std::to_string(out.state);
    GateDef d;
    d.name = d.qiskit_name = name;
    d.num_params = static_cast<uint32_t>(named_params.size());
    d.num_qubits = width;
    d.available = d.used = true;
    d.span = g.span;
    ExprOp p;
    p.code = ExprOp::Param;
    BodyOp inner;
    inner.gate = named;
    for (uint32_t k = 0; k < d.num_params; ++k) {
      p.param = k;
      inner.params.push_back(Expr{p});
    }
    for (uint32_t q = 0; q < width; ++q) inner.qubits.push_back(q);
    std::vector<BodyOp> flips;
    for (uint32_t q = 0; q < out.controls; ++q)
      if (!((out.state >> q) & 1)) {
        BodyOp x;
        x.gate = find_gate("x")->id;
        x.qubits = {q};
        flips.push_back(x);
      }
    d.body = flips;
    d.body.push_back(inner);
    d.body.insert(d.body.end(), flips.begin(), flips.end());
    d.nesting = c_.gates[named].nesting + 1;
    d.expanded_ops = 2 * flips.size() + c_.gates[named].expanded_ops;
    c_.gates.push_back(std::move(d));
    *gate = static_cast<int32_t>(c_.gates.size() - 1);
    *params = std::move(named_params);
    ctrl_info_[*gate] = out;
    return true;
  }
  std::string name = controlled_name(out.controls, out.base);
  if (g.qiskit_name == "unitary" && !g.matrix.empty()) name = "c-unitary";  // UnitaryGate.control's label
  if (open) name += "_o" + std::to_string(out.state);
  if (row || !g.matrix.empty()) {
    // A generic controlled gate of a standard or matrix gate: its matrix with the controls added.
    if (width > kMaxMatrixQubits) {
      error_at("E146", "a controlled gate on more than 10 qubits without a named form is not read yet", at_tok);
      return false;
    }
    std::vector<Complex> m;
    if (row) {
      double p[4] = {};
      if (!numeric(*params, p, at_tok, "this controlled gate")) return false;
      m.resize(size_t{1} << (2 * g.num_qubits));
      full_matrix(*row, p, g.num_qubits, m.data());
    } else {
      m = g.matrix;
    }
    *gate = matrix_gate(name, controlled_matrix(m, g.num_qubits, n, mine), width);
    params->clear();
    ctrl_info_[*gate] = out;
    return true;
  }
  // A program's gate: its body with every operation under the new controls (qubits 0..n-1).
  GateDef d;
  d.name = d.qiskit_name = name;
  d.num_params = g.num_params;
  d.num_qubits = width;
  d.available = d.used = true;
  d.span = g.span;
  d.nesting = 1;
  d.expanded_ops = 0;
  std::vector<BodyOp> flips;
  for (uint32_t q = 0; q < n; ++q)
    if (negated) {
      BodyOp x;
      x.gate = find_gate("x")->id;
      x.qubits = {q};
      flips.push_back(x);
    }
  d.body = flips;
  for (const BodyOp& src : g.body) {
    BodyOp op = src;
    for (uint32_t& q : op.qubits) q += n;
    if (op.gate >= 0) {
      int32_t child = op.gate;
      std::vector<Value> ps;
      for (const Expr& e : op.params) ps.push_back(body_value(e));
      if (!apply_control(&child, &ps, n, false, at_tok)) return false;
      op.gate = child;
      op.params.clear();
      for (const Value& v : ps) op.params.push_back(v.symbolic() ? v.sym : Expr{ExprOp{ExprOp::Const, 0, v.number()}});
      std::vector<uint32_t> qs;
      for (uint32_t q = 0; q < n; ++q) qs.push_back(q);
      qs.insert(qs.end(), op.qubits.begin(), op.qubits.end());
      op.qubits = qs;
      d.nesting = std::max(d.nesting, c_.gates[child].nesting + 1);
      d.expanded_ops += c_.gates[child].expanded_ops;
    } else {
      for (uint32_t q = 0; q < n; ++q) op.qubits.push_back(q);
      d.expanded_ops += 1;
    }
    d.body.push_back(std::move(op));
  }
  d.body.insert(d.body.end(), flips.begin(), flips.end());
  d.expanded_ops = std::max<uint64_t>(d.expanded_ops + 2 * flips.size(), 1);
  c_.gates.push_back(std::move(d));
  *gate = static_cast<int32_t>(c_.gates.size() - 1);
  CtrlInfo mine_info = out;
  ctrl_info_[*gate] = mine_info;
  return true;
}

}  // namespace qvet::qasm3
