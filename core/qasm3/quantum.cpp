// Quantum statements: gate definitions, gate calls (with modifiers and broadcasting), measure,
// reset, barrier and delay, as Qiskit's importer turns them into instructions.
#include <algorithm>
#include <cmath>
#include <limits>

#include "circuit/definitions.hpp"
#include "qasm3/reader.hpp"

namespace qvet::qasm3 {

namespace {

std::string plural(uint64_t n, const char* word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); }

// A literal as the general path reads it, when it is plain decimal (no underscores, no base):
// false for anything else, which that path then reads.
bool plain_number(std::string_view t, double* out) {
  char buf[32];
  if (t.empty() || t.size() >= sizeof buf) return false;
  for (size_t i = 0; i < t.size(); ++i) {
    const char ch = t[i];
    if (!((ch >= '0' && ch <= '9') || ch == '.' || ch == 'e' || ch == 'E' || ch == '+' || ch == '-')) return false;
    buf[i] = ch;
  }
  buf[t.size()] = '\0';
  if (t.size() > 1 && t[0] == '0' && t[1] != '.' && t[1] != 'e' && t[1] != 'E') return false;  // leave 0x.., 007
  // Digits with at most one point and no exponent, 15 digits at most: the integer they spell and
  // the power of ten are exact doubles, so one division rounds correctly, as strtod would.
  static constexpr double kTens[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                     1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
  uint64_t m = 0;
  int digits = 0, frac = -1;
  bool simple = true;
  for (char ch : t) {
    if (ch == '.' && frac < 0) {
      frac = 0;
    } else if (ch >= '0' && ch <= '9' && digits < 15) {
      m = m * 10 + static_cast<uint64_t>(ch - '0');
      ++digits;
      if (frac >= 0) ++frac;
    } else {
      simple = false;
      break;
    }
  }
  if (simple && digits > 0) {
    *out = static_cast<double>(m) / kTens[frac < 0 ? 0 : frac];
    return true;
  }
  *out = std::strtod(buf, nullptr);
  return std::isfinite(*out);
}

// Amazon Braket's built-in gates (its OpenQASM 3 programs use them without an include) that are
// one of Qiskit's standard gates, operands in the same order: the table row each is. Braket's
// names from its documentation of supported gates; the matrices agree (v is sqrt(X), xx(t) is
// exp(-i t XX/2), ...). Braket's other built-ins (pswap, xy, gpi, gpi2, ms, cphaseshift00, ...)
// have no standard gate in Qiskit and stay unknown.
const char* braket_row(std::string_view name) {
  static constexpr std::pair<std::string_view, const char*> kBraket[] = {
      {"h", "h"},       {"x", "x"},         {"y", "y"},
      {"z", "z"},       {"s", "s"},         {"si", "sdg"},
      {"t", "t"},       {"ti", "tdg"},      {"v", "sx"},
      {"vi", "sxdg"},   {"i", "id"},        {"rx", "rx"},
      {"ry", "ry"},     {"rz", "rz"},       {"phaseshift", "p"},
      {"cnot", "cx"},   {"cy", "cy"},       {"cz", "cz"},
      {"swap", "swap"}, {"iswap", "iswap"}, {"cphaseshift", "cp"},
      {"ccnot", "ccx"}, {"cswap", "cswap"}, {"xx", "rxx"},
      {"yy", "ryy"},    {"zz", "rzz"}};
  for (const auto& [braket, row] : kBraket)
    if (braket == name) return row;
  return nullptr;
}

}  // namespace

// A gate name no statement declared: Braket's built-in gate of that name, as Qiskit's gate, in a
// program without stdgates.inc (Braket's programs include nothing). Warned once per name: Qiskit's
// importer knows none of them.
const Symbol* Reader::braket_gate(const Token& name) {
  if (included_) return nullptr;
  const char* row_name = braket_row(text(name));
  if (!row_name) return nullptr;
  const GateRow* row = find_gate(row_name);
  c_.gates[row->id].available = true;
  set_global(text(name), Symbol{Symbol::Gate, row->id});
  warning("W124",
          "'" + std::string(text(name)) + "' is Amazon Braket's built-in gate, read as Qiskit's " +
              std::string(row->qiskit_name) +
              " (qiskit.qasm3.loads knows only the gates of `include \"stdgates.inc\";`)",
          name.offset, name.length);
  return lookup(text(name));
}

bool Reader::budget(uint64_t more, uint32_t off, uint32_t len) {
  if (c_.ops.size() + more <= lim_.max_instructions) return true;
  if (!budget_reported_) {
    quiet_ = false;
    error("E404",
          "the circuit has more than " + std::to_string(lim_.max_instructions) +
              " instructions after broadcasting (the limit)",
          off, len);
  }
  budget_reported_ = true;
  fatal_ = true;
  return false;
}

// ------------------------------------------------------------------ gate definitions

void Reader::gate_definition() {
  const Token kw = cur_;
  advance();
  const Token name = cur_;
  if (!expect(Tok::Id, "a gate name")) return sync();
  if (scopes_.size() != 1 || defining_) {
    error_at("E143", "gates are defined at the top of the program, not inside a block", kw);
  }
  GateDef def;
  def.name = def.qiskit_name = std::string(text(name));
  def.span = map_.span(kw.offset, name.offset + name.length - kw.offset);
  def.available = true;
  push_scope(true);
  std::vector<std::string_view> params, qubits;
  if (at(Tok::LParen)) {
    advance();
    while (!at(Tok::RParen)) {
      const Token p = cur_;
      if (!expect(Tok::Id, "a parameter name")) {
        pop_scope();
        return sync();
      }
      Var v;
      v.name = text(p);
      v.type = Type::Angle;
      v.is_const = true;  // visible in the body like a constant; its value is the call's
      ExprOp op;
      op.code = ExprOp::Param;
      op.param = static_cast<uint32_t>(params.size());
      v.value.type = Type::Angle;
      v.value.sym = Expr{op};
      vars_.push_back(std::move(v));
      declare(text(p), Symbol{Symbol::Var, static_cast<uint32_t>(vars_.size() - 1)}, p);
      params.push_back(text(p));
      if (!at(Tok::Comma)) break;
      advance();
    }
    if (!expect(Tok::RParen)) {
      pop_scope();
      return sync();
    }
  }
  while (at(Tok::Id)) {
    const Token q = cur_;
    advance();
    QubitVar qv;
    qv.name = text(q);
    qv.scalar = true;
    qv.qubits = {static_cast<uint32_t>(qubits.size())};
    qvars_.push_back(std::move(qv));
    declare(text(q), Symbol{Symbol::Qubits, static_cast<uint32_t>(qvars_.size() - 1)}, q);
    qubits.push_back(text(q));
    if (!at(Tok::Comma)) break;
    advance();
  }
  if (qubits.empty()) error_at("E102", "expected the gate's qubit arguments, found " + found(), cur_);
  def.num_params = static_cast<uint32_t>(params.size());
  def.num_qubits = static_cast<uint32_t>(qubits.size());
  def.expanded_ops = 0;
  const Token open = cur_;
  if (!expect(Tok::LBrace, "'{' to start the gate body")) {
    pop_scope();
    return sync();
  }
  GateDef* outer = defining_;
  const Mode outer_mode = mode_;
  defining_ = &def;
  ++symbols_version_;  // what a name means depends on it (lookup)
  mode_ = Mode::Run;
  while (!at(Tok::RBrace) && !at(Tok::Eof) && !stopped()) {
    switch (cur_.kind) {
      case Tok::Id:
      case Tok::KwGphase:
      case Tok::KwInv:
      case Tok::KwPow:
      case Tok::KwCtrl:
      case Tok::KwNegctrl:
        if (at(Tok::Id) && text(cur_) == def.name) {
          error_at("E306", "gate '" + def.name + "' cannot call itself", cur_);
          sync();
          break;
        }
        gate_call_statement();
        break;
      case Tok::KwBarrier: barrier_statement(); break;
      case Tok::At: skip_annotation(); break;
      case Tok::Semi: advance(); break;
      default:
        error_at("E102",
                 std::string(describe(cur_.kind)) +
                     " is not allowed in a gate body; only gate calls, gphase and barrier are",
                 cur_);
        sync();
    }
  }
  defining_ = outer;
  ++symbols_version_;
  mode_ = outer_mode;
  pop_scope();
  if (!at(Tok::RBrace)) {
    error_at("E102",
             "expected '}' to close the body of gate '" + def.name + "' opened at line " +
                 std::to_string(map_.span(open.offset, 1).line) + ", found " + found(),
             cur_);
    return;
  }
  advance();
  def.nesting = std::max<uint32_t>(def.nesting, 1);
  def.expanded_ops = std::max<uint64_t>(def.expanded_ops, 1);
  if (def.body.empty()) def.expanded_ops = 1;
  if (def.nesting > lim_.max_gate_nesting) {
    error_at("E405",
             "gate '" + def.name + "' nests definitions " + std::to_string(def.nesting) + " deep; the limit is " +
                 std::to_string(lim_.max_gate_nesting),
             name);
    return;
  }
  // Exactly the definition of a standard gate that stdgates.inc lacks (rzz, iswap, ...), under its
  // Qiskit name, as qvet export writes it: Qiskit's gate, counted by the same name.
  if (const GateRow* row = standard_row_defined_by(c_, def); row && !c_.gates[row->id].available) {
    if (!declare(text(name), Symbol{Symbol::Gate, row->id}, name)) return;
    c_.gates[row->id].available = true;
    c_.gates[row->id].span = def.span;
    return;
  }
  const uint32_t index = static_cast<uint32_t>(c_.gates.size());
  if (!declare(text(name), Symbol{Symbol::Gate, index}, name)) return;
  c_.gates.push_back(std::move(def));
}

// ------------------------------------------------------------------ operands

// One operand: a qubit register or alias, one qubit (q[i], $n), or a slice (q[0:2], q[{0, 2}]).
std::vector<uint32_t> Reader::qubit_operand(const Token& at_tok, uint32_t depth) {
  if (!at(Tok::Id) && !at(Tok::HwQubit)) {
    expect(Tok::Id, "a qubit");
    return {};
  }
  // The common forms `q` and `q[3]`, read without building values (most of a big file).
  if (at(Tok::Id)) {
    const Symbol* s = lookup(text(cur_));
    if (s && s->kind == Symbol::Qubits) {
      const QubitVar& qv = qvars_[s->index];
      size_t p = end_of(cur_);
      if (p < src_.size() && src_[p] != '[') {
        while (p < src_.size() && (src_[p] == ' ' || src_[p] == '\t')) ++p;
        if (p < src_.size() && (src_[p] == ',' || src_[p] == ';' || src_[p] == ')' || src_[p] == '{')) {
          advance();
          return qv.qubits;
        }
      } else if (p < src_.size() && !qv.scalar) {
        size_t d = p + 1;
        uint64_t k = 0;
        while (d < src_.size() && src_[d] >= '0' && src_[d] <= '9' && d - p < 10)
          k = k * 10 + static_cast<uint64_t>(src_[d++] - '0');
        if (d > p + 1 && d < src_.size() && src_[d] == ']' && !(src_[p + 1] == '0' && d > p + 2)) {
          if (k >= qv.qubits.size()) {
            error("E204",
                  "index " + std::to_string(k) + " is out of range for '" + std::string(text(cur_)) + "' of " +
                      std::to_string(qv.qubits.size()) + (qv.qubits.size() == 1 ? " qubit" : " qubits"),
                  at_tok.offset, static_cast<uint32_t>(d + 1 - at_tok.offset));
            lex_.seek(d + 1);
            advance();
            return {};
          }
          lex_.seek(d + 1);  // past the ']'
          advance();
          prev_end_ = static_cast<uint32_t>(d + 1);
          return {qv.qubits[k]};
        }
      }
    }
  }
  const Value v = postfix(depth + 1);
  if (v.type == Type::Void) return {};
  if (v.type != Type::Qubit) {
    error("E203", "'" + std::string(text(at_tok)) + "' is " + type_name(v.type) + ", not a qubit", at_tok.offset,
          prev_end_ - at_tok.offset);
    return {};
  }
  return v.refs;
}

// The operands of a gate call or a quantum statement, each a list of qubits (one, or a register's
// for broadcasting); `*end` is the end of the last one.
std::vector<std::vector<uint32_t>> Reader::operands(bool allow_empty, uint32_t* end) {
  std::vector<std::vector<uint32_t>> out;
  if (allow_empty && (at(Tok::Semi) || at(Tok::LBrace))) return out;
  for (;;) {
    const Token t = cur_;
    out.push_back(qubit_operand(t));
    if (!at(Tok::Comma)) break;
    advance();
  }
  *end = prev_end_;
  return out;
}

// ------------------------------------------------------------------ gate calls

// The statement most of a big file is made of, `name q[i], q[j];` or `name(0.5) q;` with number
// literals, read with no Value and no per-statement vector: a known gate without modifiers,
// plain numbers, and operands that are a register or one of its qubits. Anything else (and any
// error) is left to the general path, which reads the statement again from its first token.
bool Reader::simple_gate_call() {
  if (defining_ || !running() || !at(Tok::Id)) return false;
  const Token start = cur_;
  const uint32_t start_prev = prev_end_;
  const Symbol* s = lookup(text(cur_));
  if (!s || s->kind != Symbol::Gate || text(cur_) == "id") return false;
  const int32_t gate = static_cast<int32_t>(s->index);
  const GateDef& g = c_.gates[static_cast<size_t>(gate)];
  constexpr uint32_t kMax = 8;
  if (g.num_qubits == 0 || g.num_qubits > kMax || g.num_params > 4) return false;
  auto rewind = [&] {
    lex_.seek(start.offset);
    advance();
    prev_end_ = start_prev;
    return false;
  };
  advance();
  double params[4] = {};
  uint32_t np = 0;
  if (at(Tok::LParen)) {
    advance();
    for (;;) {
      const bool negative = at(Tok::Minus);
      if (negative) advance();
      if (np == 4 || !(at(Tok::Int) || at(Tok::Real)) || !plain_number(text(cur_), &params[np])) return rewind();
      if (negative) params[np] = -params[np];
      ++np;
      advance();
      if (at(Tok::RParen)) break;
      if (!at(Tok::Comma)) return rewind();
      advance();
    }
    advance();
  }
  if (np != g.num_params) return rewind();
  // Each operand: one qubit, or a register's qubits (broadcast).
  const std::vector<uint32_t>* regs[kMax] = {};
  uint32_t single[kMax] = {};
  uint32_t na = 0;
  size_t width = 1;
  for (;;) {
    if (na == kMax || !at(Tok::Id)) return rewind();
    const Symbol* q = lookup(text(cur_));
    if (!q || q->kind != Symbol::Qubits) return rewind();
    const QubitVar& qv = qvars_[q->index];
    advance();
    if (at(Tok::LBracket)) {
      advance();
      uint64_t k = 0;
      const std::string_view digits = text(cur_);
      if (!at(Tok::Int) || digits.size() > 9 || (digits.size() > 1 && digits[0] == '0')) return rewind();
      for (char ch : digits) {
        if (ch < '0' || ch > '9') return rewind();
        k = k * 10 + static_cast<uint64_t>(ch - '0');
      }
      advance();
      if (!at(Tok::RBracket) || qv.scalar || k >= qv.qubits.size()) return rewind();
      advance();
      single[na++] = qv.qubits[k];
    } else if (qv.qubits.size() == 1) {
      single[na++] = qv.qubits[0];
    } else {
      if (width != 1 && width != qv.qubits.size()) return rewind();
      width = qv.qubits.size();
      regs[na++] = &qv.qubits;
    }
    if (at(Tok::Semi)) break;
    if (!at(Tok::Comma)) return rewind();
    advance();
  }
  if (na != g.num_qubits) return rewind();
  advance();  // ;
  const uint32_t len = prev_end_ - start.offset;
  auto qubit = [&](uint32_t k, size_t i) { return regs[k] ? (*regs[k])[i] : single[k]; };
  for (size_t i = 0; i < width; ++i)
    for (uint32_t k = 0; k < na; ++k)
      for (uint32_t j = 0; j < k; ++j)
        if (qubit(j, i) == qubit(k, i)) return rewind();  // the general path says which
  if (!budget(width, start.offset, len)) return true;
  c_.gates[static_cast<size_t>(gate)].used = true;
  for (size_t i = 0; i < width; ++i) {
    uint32_t qubits[kMax];
    for (uint32_t k = 0; k < na; ++k) qubits[k] = qubit(k, i);
    if (!expansion_budget(g, start.offset, len)) return true;
    Instruction& op = new_instruction(gate, start.offset, len);
    op.qubit_count = na;
    op.param_count = static_cast<uint16_t>(np);
    c_.param_pool.insert(c_.param_pool.end(), params, params + np);
    c_.qubit_pool.insert(c_.qubit_pool.end(), qubits, qubits + na);
  }
  return true;
}

void Reader::gate_call_statement() {
  if (simple_gate_call()) return;
  const Token start = cur_;
  std::vector<Modifier> mods;
  // Modifiers: inv @, pow(k) @, ctrl[(n)] @, negctrl[(n)] @, in source order (applied right to left).
  while (at(Tok::KwInv) || at(Tok::KwPow) || at(Tok::KwCtrl) || at(Tok::KwNegctrl)) {
    Modifier m;
    m.at = cur_;
    const Tok k = cur_.kind;
    advance();
    m.kind = k == Tok::KwInv    ? Modifier::Inv
             : k == Tok::KwPow  ? Modifier::Pow
             : k == Tok::KwCtrl ? Modifier::Ctrl
                                : Modifier::NegCtrl;
    if (k == Tok::KwPow || ((k == Tok::KwCtrl || k == Tok::KwNegctrl) && at(Tok::LParen))) {
      if (!expect(Tok::LParen)) return sync();
      const Token e = cur_;
      const Value v = expression();
      if (!expect(Tok::RParen)) return sync();
      if (k == Tok::KwPow) {
        if (v.type != Type::Void && (!v.known || v.symbolic()))
          error("E141", "pow's exponent must be known before the program runs", e.offset, prev_end_ - e.offset);
        else if (v.type != Type::Void && !v.is_number())
          error("E140", std::string("pow's exponent is a number, not ") + type_name(v.type), e.offset,
                prev_end_ - e.offset);
        m.k = v.is_number() ? v.number() : 1;
      } else {
        const int64_t n = const_int(v, e, "the number of controls");
        if (n < 1 || n > 64) {
          error("E140", "the number of controls must be between 1 and 64", e.offset, prev_end_ - e.offset);
          m.n = 1;
        } else {
          m.n = static_cast<uint32_t>(n);
        }
      }
    }
    if (!expect(Tok::At, "'@' after the modifier")) return sync();
    mods.push_back(m);
  }
  const Token name = cur_;
  const bool gphase = at(Tok::KwGphase);
  if (!gphase && !at(Tok::Id)) {
    expect(Tok::Id, "a gate name");
    return sync();
  }
  advance();
  int32_t gate = -1;
  if (!gphase) {
    const Symbol* s = lookup(text(name));
    if (!s) s = braket_gate(name);
    if (!s) {
      std::string hint;
      if (!included_ && find_gate(text(name))) hint = " (it is in stdgates.inc: add 'include \"stdgates.inc\";')";
      error_at("E305", "gate '" + std::string(text(name)) + "' is not defined" + hint, name);
    } else if (s->kind != Symbol::Gate) {
      error_at("E203", "'" + std::string(text(name)) + "' is not a gate", name);
    } else {
      gate = static_cast<int32_t>(s->index);
    }
  }
  // Parameters.
  std::vector<Value> params;
  std::vector<std::pair<uint32_t, uint32_t>> param_spans;
  if (at(Tok::LParen)) {
    advance();
    while (!at(Tok::RParen) && !at(Tok::Eof)) {
      const Token p = cur_;
      params.push_back(expression());
      param_spans.emplace_back(p.offset, prev_end_ - p.offset);
      if (!at(Tok::Comma)) break;
      advance();
    }
    if (!expect(Tok::RParen)) return sync();
  }
  if (at(Tok::LBracket)) {  // h[100ns] q;: a gate with a duration
    const Token lb = cur_;
    advance();
    expression();
    if (!expect(Tok::RBracket)) return sync();
    qiskit_refuses("a gate call with a duration", lb.offset, prev_end_ - lb.offset);
  }
  uint32_t ops_end = prev_end_;
  std::vector<std::vector<uint32_t>> args = operands(gphase, &ops_end);
  if (!expect(Tok::Semi)) return sync();
  const uint32_t stmt_len = prev_end_ - start.offset;
  for (const Value& v : params)
    if (v.type == Type::Void) return;  // reported
  for (const auto& a : args)
    if (a.empty()) return;
  if (!gphase && gate < 0) return;
  // The parameters as numbers or expressions: a value that is not a number is a type error.
  for (size_t k = 0; k < params.size(); ++k) {
    Value& v = params[k];
    if (!v.is_number() && v.type != Type::Duration) {
      error("E140", std::string("a gate parameter is an angle, not ") + type_name(v.type), param_spans[k].first,
            param_spans[k].second);
      return;
    }
    // An integer's value is in Value::i: as an angle it is that many radians.
    if (!v.symbolic() && v.type != Type::Float && v.type != Type::Angle && v.type != Type::Duration) v.f = v.number();
    v.type = Type::Angle;
  }
  if (gphase) {
    if (params.size() != 1) {
      error("E301", "gphase takes 1 parameter, but " + std::to_string(params.size()) + " were given", start.offset,
            stmt_len);
      return;
    }
    // A global phase alone changes no figure (Qiskit adds it to the circuit's global_phase).
    uint32_t controls = 0;
    for (const Modifier& m : mods)
      if (m.kind == Modifier::Ctrl || m.kind == Modifier::NegCtrl) controls += m.n;
    if (controls == 0) return;
    // ctrl @ gphase(a) q is p(a) on q: the last control becomes the phase gate's qubit.
    Modifier& last = mods.back();
    if (last.kind == Modifier::NegCtrl) {
      error("E305", "negctrl on the innermost control of gphase is not supported yet", last.at.offset, last.at.length);
      return;
    }
    if (last.kind != Modifier::Ctrl) {
      error("E305", "modifiers other than ctrl between the controls and gphase are not supported yet", last.at.offset,
            last.at.length);
      return;
    }
    if (--last.n == 0) mods.pop_back();
    gate = static_cast<int32_t>(find_gate("p")->id);
  }
  const uint32_t base_qubits = c_.gates[gate].num_qubits;
  if (!apply_modifiers(&gate, &params, mods, start)) return;
  const GateDef& g = c_.gates[gate];
  if (params.size() != g.num_params && !(text(name) == "id" && g.std && g.std->name == "U")) {
    error(
        "E301",
        "gate '" + std::string(text(name)) + "' takes " + plural(g.num_params, "parameter") + ", but " +
            std::to_string(params.size()) + (params.size() == 1 ? " was" : " were") + " given",
        name.offset,
        (param_spans.empty() ? end_of(name) : param_spans.back().first + param_spans.back().second + 1) - name.offset);
    return;
  }
  uint32_t want = g.num_qubits;
  if (want == 0) {  // the variadic mcx: its controls and the base's qubits
    uint32_t controls = 0;
    for (const Modifier& m : mods)
      if (m.kind == Modifier::Ctrl || m.kind == Modifier::NegCtrl) controls += m.n;
    want = controls + base_qubits;
  }
  if (args.size() != want) {
    error("E302",
          "gate '" + std::string(text(name)) + "'" + (mods.empty() ? "" : " with its modifiers") + " acts on " +
              plural(want, "qubit") + ", but " + std::to_string(args.size()) + (args.size() == 1 ? " was" : " were") +
              " given",
          start.offset, stmt_len);
    return;
  }
  // `id` is U(0, 0, 0) to Qiskit's importer.
  if (text(name) == "id" && g.std && g.std->name == "U" && params.empty()) params.assign(3, typed(Type::Angle));
  // Broadcasting: registers of one size, single qubits repeated.
  size_t n = 1;
  for (size_t k = 0; k < args.size(); ++k) {
    if (args[k].size() == 1) continue;
    if (n == 1) {
      n = args[k].size();
    } else if (args[k].size() != n) {
      error("E304",
            "cannot broadcast '" + std::string(text(name)) + "' over registers of different sizes (" +
                std::to_string(n) + " and " + std::to_string(args[k].size()) + " qubits)",
            start.offset, stmt_len);
      return;
    }
  }
  if (!running() && !defining_) return;
  if (!defining_ && !budget(n, start.offset, stmt_len)) return;
  std::vector<uint32_t> qubits(args.size());
  for (size_t i = 0; i < n; ++i) {
    for (size_t k = 0; k < args.size(); ++k) qubits[k] = args[k].size() == 1 ? args[k][0] : args[k][i];
    for (size_t a = 0; a < qubits.size(); ++a)
      for (size_t b = 0; b < a; ++b)
        if (qubits[a] == qubits[b]) {
          error(
              "E303",
              "gate '" + std::string(text(name)) + "' is given the same qubit twice; a gate's qubits must be distinct",
              start.offset, stmt_len);
          return;
        }
    for (size_t k = 0; k < params.size(); ++k)
      if (!params[k].known && !defining_) {
        // A parameter that depends on a measurement: Qiskit has no such gate. The gate is counted;
        // its angle is a Parameter named after the expression, which simulation asks a value for.
        warning("W122",
                "this angle depends on a measurement result, known only when the program runs: the gate is counted, "
                "its angle is the Parameter '" +
                    std::string(src_.substr(param_spans[k].first, param_spans[k].second)) + "'",
                param_spans[k].first, param_spans[k].second);
        const std::string pname(src_.substr(param_spans[k].first, param_spans[k].second));
        uint32_t index = 0;
        while (index < c_.parameters.size() && c_.parameters[index] != pname) ++index;
        if (index == c_.parameters.size()) c_.parameters.push_back(pname);
        ExprOp p;
        p.code = ExprOp::Param;
        p.param = index;
        params[k].known = true;
        params[k].sym = Expr{p};
      }
    emit_gate(gate, params, qubits, start.offset, stmt_len);
  }
}

void Reader::emit_gate(int32_t gate, const std::vector<Value>& params, const std::vector<uint32_t>& qubits,
                       uint32_t off, uint32_t len) {
  GateDef& g = c_.gates[gate];
  g.used = true;
  if (defining_) {
    BodyOp op;
    op.gate = gate;
    op.qubits = qubits;
    op.span = map_.span(off, len);
    for (const Value& v : params) {
      if (v.symbolic()) {
        op.params.push_back(v.sym);
      } else {
        ExprOp k;
        k.value = v.number();
        op.params.push_back(Expr{k});
      }
    }
    defining_->nesting = std::max(defining_->nesting, g.nesting + 1);
    const uint64_t cap = std::numeric_limits<uint64_t>::max() / 4;
    defining_->expanded_ops = std::min(cap, defining_->expanded_ops + g.expanded_ops);
    defining_->body.push_back(std::move(op));
    return;
  }
  if (!expansion_budget(g, off, len)) return;
  Instruction& op = new_instruction(gate, off, len);
  op.qubit_count = static_cast<uint32_t>(qubits.size());
  op.param_count = static_cast<uint16_t>(params.size());
  for (const Value& v : params) {
    if (v.symbolic()) {
      c_.symbolic.push_back({static_cast<uint32_t>(c_.param_pool.size()), v.sym});
      c_.param_pool.push_back(std::numeric_limits<double>::quiet_NaN());
    } else {
      c_.param_pool.push_back(v.type == Type::Duration && v.unit != 0 ? (v.unit == 4 ? v.f
                                                                                     : v.f * (v.unit == 1   ? 1e3
                                                                                              : v.unit == 2 ? 1e6
                                                                                                            : 1e9))
                                                                      : v.number());
    }
  }
  c_.qubit_pool.insert(c_.qubit_pool.end(), qubits.begin(), qubits.end());
}

// Counts g's expansion into the program's; past max_expanded_ops, E406 and the reading stops.
bool Reader::expansion_budget(const GateDef& g, uint32_t off, uint32_t len) {
  expanded_total_ += g.expanded_ops;
  if (expanded_total_ <= lim_.max_expanded_ops) return true;
  quiet_ = false;
  error("E406",
        "expanding the program's gates would give more than " + std::to_string(lim_.max_expanded_ops) +
            " instructions (the limit)",
        off, len);
  fatal_ = true;
  return false;
}

Instruction& Reader::new_instruction(int32_t gate, uint32_t off, uint32_t len) {
  Instruction& op = c_.ops.emplace_back();
  op.kind = OpKind::Gate;
  op.gate = gate;
  op.src_offset = off;
  op.src_length = len;
  op.qubit_begin = static_cast<uint32_t>(c_.qubit_pool.size());
  op.param_begin = static_cast<uint32_t>(c_.param_pool.size());
  return op;
}

// ------------------------------------------------------------------ measure, reset, barrier, delay

void Reader::measure_statement() {
  const Token kw = cur_;
  advance();
  const std::vector<uint32_t> q = qubit_operand(cur_);
  if (!at(Tok::Arrow)) {
    if (!expect(Tok::Semi)) return sync();
    // `measure q;` has nowhere to keep its result.
    qiskit_refuses("a measurement without a target bit", kw.offset, prev_end_ - kw.offset);
    return;
  }
  advance();
  const Token target = cur_;
  bits_for_measurement(target);
  const Value c = postfix(0);
  if (!expect(Tok::Semi)) return sync();
  if (q.empty() || c.type == Type::Void) return;
  if (c.type != Type::Bit || (c.refs.empty() && running())) {
    error("E203", "a measurement's target is a bit or a bit register, not " + std::string(type_name(c.type)),
          target.offset, prev_end_ - target.offset);
    return;
  }
  if (running()) measure_into(q, c.refs, kw.offset, prev_end_ - kw.offset);
}

// `measure q -> c[0];` into an int[n], uint[n] or angle[n] variable (ipe.qasm measures into an
// angle's bits): its n bits become clbits of the circuit, a register named after it, on the first
// measurement; from then on its value is known only at run time.
void Reader::bits_for_measurement(const Token& target) {
  if (!at(Tok::Id) || !running()) return;
  const Symbol* s = lookup(text(target));
  if (!s || s->kind != Symbol::Var) return;
  Var& v = vars_[s->index];
  if (!v.value.refs.empty()) return;
  if (v.type == Type::Bit) {  // a block's bits, written by a measurement: now clbits
    const Token decl{Tok::Id, v.span.offset, static_cast<uint32_t>(v.name.size())};
    v.value.refs = new_clbits(v.scalar ? 1 : v.width, v.name, decl, v.scalar);
    v.value.known = false;
    return;
  }
  if ((v.type != Type::Int && v.type != Type::Uint && v.type != Type::Angle) || v.width == 0) return;
  qiskit_refuses(std::string("a measurement into the bits of ") + (v.type == Type::Angle ? "an " : "a ") +
                     type_name(v.type) + " variable",
                 target.offset, target.length);
  const Token decl{Tok::Id, v.span.offset, static_cast<uint32_t>(v.name.size())};
  v.value.refs = new_clbits(v.width, v.name, decl, false);
  v.value.known = false;
}

void Reader::measure_into(const std::vector<uint32_t>& qubits, const std::vector<uint32_t>& clbits, uint32_t off,
                          uint32_t len) {
  if (qubits.empty() || clbits.empty()) return;
  if (qubits.size() != clbits.size()) {
    error("E304",
          "cannot measure " + plural(qubits.size(), "qubit") + " into " + plural(clbits.size(), "bit") +
              "; the sizes must match",
          off, len);
    return;
  }
  if (defining_) {
    error("E102", "measure is not allowed in a gate body", off, len);
    return;
  }
  if (!budget(qubits.size(), off, len)) return;
  expanded_total_ += qubits.size();
  for (size_t i = 0; i < qubits.size(); ++i) {
    Instruction op;
    op.kind = OpKind::Measure;
    op.src_offset = off;
    op.src_length = len;
    op.qubit_begin = static_cast<uint32_t>(c_.qubit_pool.size());
    op.qubit_count = 1;
    op.clbit = static_cast<int32_t>(clbits[i]);
    c_.qubit_pool.push_back(qubits[i]);
    c_.ops.push_back(op);
  }
}

void Reader::reset_statement() {
  const Token kw = cur_;
  advance();
  const std::vector<uint32_t> q = qubit_operand(cur_);
  if (!expect(Tok::Semi)) return sync();
  if (q.empty() || !running()) return;
  if (defining_) return error("E102", "reset is not allowed in a gate body", kw.offset, prev_end_ - kw.offset);
  if (!budget(q.size(), kw.offset, prev_end_ - kw.offset)) return;
  expanded_total_ += q.size();
  for (uint32_t qb : q) {
    Instruction op;
    op.kind = OpKind::Reset;
    op.src_offset = kw.offset;
    op.src_length = prev_end_ - kw.offset;
    op.qubit_begin = static_cast<uint32_t>(c_.qubit_pool.size());
    op.qubit_count = 1;
    c_.qubit_pool.push_back(qb);
    c_.ops.push_back(op);
  }
}

// One barrier over its operands' qubits (each once, in order of first mention); `barrier;` is on
// every qubit there is so far.
void Reader::barrier_statement() {
  const Token kw = cur_;
  advance();
  uint32_t end = prev_end_;
  const std::vector<std::vector<uint32_t>> args = operands(true, &end);
  if (!expect(Tok::Semi)) return sync();
  if (!running() && !defining_) return;
  std::vector<uint32_t> qubits;
  if (args.empty() && !defining_) {
    for (uint32_t q = 0; q < c_.num_qubits; ++q) qubits.push_back(q);
  } else if (args.empty()) {
    for (uint32_t q = 0; q < defining_->num_qubits; ++q) qubits.push_back(q);
  }
  if (barrier_mark_.size() < c_.num_qubits + 64) barrier_mark_.resize(c_.num_qubits + 64, 0);
  ++barrier_epoch_;
  for (const auto& a : args)
    for (uint32_t q : a) {
      if (q >= barrier_mark_.size()) barrier_mark_.resize(q + 1, 0);
      if (barrier_mark_[q] == barrier_epoch_) continue;
      barrier_mark_[q] = barrier_epoch_;
      qubits.push_back(q);
    }
  if (defining_) {
    BodyOp op;
    op.qubits = qubits;
    op.span = map_.span(kw.offset, prev_end_ - kw.offset);
    defining_->body.push_back(std::move(op));
    defining_->expanded_ops += 1;
    return;
  }
  if (!budget(1, kw.offset, prev_end_ - kw.offset)) return;
  expanded_total_ += 1;
  Instruction op;
  op.kind = OpKind::Barrier;
  op.src_offset = kw.offset;
  op.src_length = prev_end_ - kw.offset;
  op.qubit_begin = static_cast<uint32_t>(c_.qubit_pool.size());
  op.qubit_count = static_cast<uint32_t>(qubits.size());
  c_.qubit_pool.insert(c_.qubit_pool.end(), qubits.begin(), qubits.end());
  c_.ops.push_back(op);
}

// Qiskit's Delay: an instruction named `delay` on one qubit with its duration as the parameter (in
// the unit written); the identity to the simulator.
int32_t Reader::delay_gate() {
  if (delay_gate_ >= 0) return delay_gate_;
  GateDef d;
  d.name = d.qiskit_name = "delay";
  d.num_qubits = 1;
  d.num_params = 1;
  d.available = d.used = true;
  d.matrix = {Complex(1), Complex(0), Complex(0), Complex(1)};
  c_.gates.push_back(std::move(d));
  delay_gate_ = static_cast<int32_t>(c_.gates.size() - 1);
  return delay_gate_;
}

void Reader::delay_statement() {
  const Token kw = cur_;
  advance();
  if (!expect(Tok::LBracket, "'[' and the delay's duration")) return sync();
  const Token d = cur_;
  Value v = expression();
  if (!expect(Tok::RBracket)) return sync();
  uint32_t end = prev_end_;
  std::vector<std::vector<uint32_t>> args = operands(true, &end);
  if (!expect(Tok::Semi)) return sync();
  if (v.type == Type::Void) return;
  if (v.type != Type::Duration && v.type != Type::Stretch) {
    error("E140", std::string("a delay's duration is a duration such as 100ns, not ") + type_name(v.type), d.offset,
          end - d.offset);
    return;
  }
  if (!v.known) {
    qiskit_refuses("a delay whose duration is not a constant", d.offset, d.length);
    v.known = true;
    v.f = 0;
  }
  if (defining_) return error("E102", "delay is not allowed in a gate body", kw.offset, prev_end_ - kw.offset);
  if (!running()) return;
  std::vector<uint32_t> qubits;
  if (args.empty())
    for (uint32_t q = 0; q < c_.num_qubits; ++q) qubits.push_back(q);
  for (const auto& a : args) qubits.insert(qubits.end(), a.begin(), a.end());
  if (!budget(qubits.size(), kw.offset, prev_end_ - kw.offset)) return;
  const int32_t g = delay_gate();
  for (uint32_t q : qubits) emit_gate(g, {v}, {q}, kw.offset, prev_end_ - kw.offset);
}

}  // namespace qvet::qasm3
