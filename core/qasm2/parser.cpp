#include "qasm2/parser.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <string>

#include "circuit/definitions.hpp"
#include "circuit/gates.hpp"
#include "util/name_table.hpp"

namespace qvet::qasm2 {
namespace {

// The standard gate an OpenQASM 2 program may name (Qiskit's legacy qelib1 set; U and CX are
// keywords, not names), or nullptr.
const GateRow* qasm2_gate(std::string_view name) {
  const GateRow* g = find_gate(name, kQasm2);
  return g && !g->in(kPrimitive) ? g : nullptr;
}

enum class SymKind { QReg, CReg, Gate };
struct Symbol {
  SymKind kind;
  uint32_t index;
};

const char* describe(SymKind k) {
  switch (k) {
    case SymKind::QReg: return "a quantum register";
    case SymKind::CReg: return "a classical register";
    case SymKind::Gate: return "a gate";
  }
  return "a name";
}

// One operand of a statement: a whole register or one bit of it.
struct Arg {
  bool whole = true;
  uint32_t reg = 0;
  uint32_t index = 0;
  uint32_t offset = 0, length = 0;
};

// Names visible inside a gate definition's body.
struct GateScope {
  std::string_view self;
  std::vector<std::string_view> params;
  std::vector<std::string_view> qubits;
};

int find_name(const std::vector<std::string_view>& names, std::string_view n) {
  for (size_t i = 0; i < names.size(); ++i)
    if (names[i] == n) return static_cast<int>(i);
  return -1;
}

// Clinger's fast path: up to 15 significant digits and no exponent make the digits and the power
// of ten exact doubles, so one correctly rounded division gives strtod's answer.
bool fast_decimal(std::string_view s, double* out) {
  static const double kPow10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
  uint64_t digits = 0;
  int count = 0, frac = -1;
  for (char ch : s) {
    if (ch == '.') {
      frac = 0;
      continue;
    }
    if (ch < '0' || ch > '9' || ++count > 15) return false;
    digits = digits * 10 + static_cast<uint64_t>(ch - '0');
    if (frac >= 0) ++frac;
  }
  *out = static_cast<double>(digits) / kPow10[frac > 0 ? frac : 0];
  return true;
}

// Byte classes for the operand fast path (Parser::scan_args): one table load a byte.
enum : uint8_t { kOtherByte = 0, kSpaceByte, kWordByte, kDigitByte };  // digits are word bytes too
struct ByteClass {
  uint8_t c[256] = {};
  constexpr ByteClass() {
    c[uint8_t(' ')] = c[uint8_t('\t')] = c[uint8_t('\n')] = c[uint8_t('\r')] = kSpaceByte;
    for (int i = 'a'; i <= 'z'; ++i) c[i] = kWordByte;
    for (int i = 'A'; i <= 'Z'; ++i) c[i] = kWordByte;
    c[uint8_t('_')] = kWordByte;
    for (int i = '0'; i <= '9'; ++i) c[i] = kDigitByte;
  }
};
constexpr ByteClass kByteClass;

// How often `ch` occurs in s, by memchr (vectorised in the C library).
size_t count_byte(std::string_view s, char ch) {
  size_t count = 0;
  for (size_t at = 0; at < s.size(); ++at, ++count) {
    const void* hit = std::memchr(s.data() + at, ch, s.size() - at);
    if (!hit) break;
    at = static_cast<size_t>(static_cast<const char*>(hit) - s.data());
  }
  return count;
}

std::string plural(uint64_t n, const char* word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); }

// "gate 'rx' takes 1 parameter, but 2 were given": E301 and E302 read the same everywhere.
std::string param_count_message(const GateDef& g, size_t given) {
  return "gate '" + g.name + "' takes " + plural(g.num_params, "parameter") + ", but " + std::to_string(given) +
         (given == 1 ? " was" : " were") + " given";
}
std::string qubit_count_message(const GateDef& g, size_t given) {
  return "gate '" + g.name + "' acts on " + plural(g.num_qubits, "qubit") + ", but " + std::to_string(given) +
         (given == 1 ? " was" : " were") + " given";
}

class Parser {
 public:
  Parser(std::string_view src, const SourceMap& map, const Options& opt, DiagnosticSink& sink, Circuit& out)
      : src_(src), map_(map), opt_(opt), lim_(opt.limits), sink_(sink), c_(out), lex_(src, map, sink) {
    overridable_.assign(gate_rows().size(), true);
    c_.gates.clear();
    for (const GateRow& g : gate_rows()) {
      GateDef d = standard_gate_def(g);
      d.available = g.in(kBuiltin);
      c_.gates.push_back(std::move(d));
      // U and CX are keywords, never redefined; the other built-in rows are names.
      if (g.in(kPrimitive))
        overridable_[g.id] = false;
      else if (g.in(kBuiltin))
        symbols_.assign(g.name, Symbol{SymKind::Gate, g.id});
    }
    // One instruction a ';' is what a big circuit mostly is (broadcasts and gate bodies aside):
    // reserving that up front saves the regrowth copies and the fresh pages they touch. The qubit
    // pool gets three a statement: reserved memory that is never written costs no page.
    const size_t semis = count_byte(src, ';');
    c_.ops.reserve(static_cast<size_t>(std::min<uint64_t>(semis, lim_.max_instructions)));
    c_.qubit_pool.reserve(static_cast<size_t>(std::min<uint64_t>(3 * uint64_t{semis}, 4 * lim_.max_instructions)));
    advance();
  }

  bool run();

 private:
  // ---- tokens and diagnostics
  void advance() {
    prev_end_ = cur_.offset + cur_.length;
    cur_ = lex_.next();
  }
  bool at(Tok k) const { return cur_.kind == k; }
  std::string_view text(const Token& t) const { return lex_.text(t); }
  uint32_t end_of(const Token& t) const { return t.offset + t.length; }

  void report(Severity sev, const char* code, std::string msg, uint32_t off, uint32_t len) {
    sink_.add({sev, code, std::move(msg), map_.span(off, len)});
  }
  void error(const char* code, std::string msg, uint32_t off, uint32_t len) {
    report(Severity::Error, code, std::move(msg), off, len);
  }
  void error_at(const char* code, std::string msg, const Token& t) { error(code, std::move(msg), t.offset, t.length); }
  // Departures from the language paper that Qiskit accepts: warnings, or errors when strict.
  void paper_warning(const char* code, std::string msg, uint32_t off, uint32_t len) {
    if (opt_.strict) msg += " (an error in strict mode)";
    report(opt_.strict ? Severity::Error : Severity::Warning, code, std::move(msg), off, len);
  }
  void warning(const char* code, std::string msg, uint32_t off, uint32_t len) {
    report(Severity::Warning, code, std::move(msg), off, len);
  }
  std::string found() const {
    switch (cur_.kind) {
      case Tok::Id:
      case Tok::Int:
      case Tok::Real: return std::string(describe(cur_.kind)) + " '" + std::string(text(cur_)) + "'";
      default: return describe(cur_.kind);
    }
  }
  // Consumes a token of kind k, or reports "expected <what>, found <token>".
  bool expect(Tok k, const char* what = nullptr) {
    if (at(k)) {
      advance();
      return true;
    }
    expect_failed(k, what);
    return false;
  }
  // Kept out of line so that expect() stays small enough to inline on the hot path.
  void expect_failed(Tok k, const char* what) {
    if (!at(Tok::Invalid))  // the lexer already reported this one
      error_at("E102", std::string("expected ") + (what ? what : describe(k)) + ", found " + found(), cur_);
  }
  // Panic-mode recovery: skip to just after the next ';' (or past a balanced '{...}' block). In a
  // gate body it stops before the closing '}' so the body loop can end normally.
  void sync(bool in_body);
  bool stop() const { return fatal_ || (sink_.dropped() > 0 && sink_.has_errors()); }

  // ---- statements
  void statement();
  bool version_statement();
  bool include_statement();
  bool register_declaration();
  bool gate_definition();
  bool quantum_operation(int condition);
  bool if_statement();
  bool gate_call(int condition);
  bool measure(int condition);
  bool reset(int condition);
  bool barrier();
  bool body_statement(GateDef& def, const GateScope& scope);

  // ---- pieces
  bool parse_uint(const Token& t, uint64_t* out);
  bool parse_arg(bool quantum, Arg* out);
  bool parse_args(bool quantum, std::vector<Arg>* out);
  bool scan_args(size_t from, bool quantum, size_t max_args, std::vector<Arg>* out);
  bool parse_params(const GateScope* scope, size_t* count, std::vector<Expr>* body_params, uint32_t* end);
  bool lookup_gate(const Token& name, int* gate, const GateScope* scope);
  void note_gate_use(int gate, const Token& name);
  bool define_name(std::string_view name, Symbol sym, uint32_t off, uint32_t len);
  void define_std_gate(int index, const Token& at);
  bool check_instruction_budget(uint64_t more, uint32_t off, uint32_t len);

  // ---- expressions (postfix into expr_)
  bool expression(const GateScope* scope, uint32_t depth);
  bool term(const GateScope* scope, uint32_t depth);
  bool unary(const GateScope* scope, uint32_t depth);
  bool power(const GateScope* scope, uint32_t depth);
  bool primary(const GateScope* scope, uint32_t depth);
  bool too_deep(uint32_t depth) {
    if (depth <= lim_.max_expr_depth) return false;
    if (!depth_reported_)
      error_at(
          "E407",
          "expression nested more than " + std::to_string(lim_.max_expr_depth) + " levels deep (the limit on nesting)",
          cur_);
    depth_reported_ = true;
    return true;
  }
  void emit(ExprOp::Code code, double v = 0, uint32_t param = 0) {
    ExprOp op;
    op.code = code;
    op.value = v;
    op.param = param;
    expr_.push_back(op);
  }

  std::string_view src_;
  const SourceMap& map_;
  const Options& opt_;
  const Limits& lim_;
  DiagnosticSink& sink_;
  Circuit& c_;
  Lexer lex_;
  Token cur_;
  uint32_t prev_end_ = 0;  // end of the last token consumed
  bool fatal_ = false;
  bool depth_reported_ = false;
  bool budget_reported_ = false;
  NameTable<Symbol> symbols_;
  std::vector<bool> overridable_;  // standard gates a program may still "define" (Qiskit's rule)
  Expr expr_;                      // scratch: the expression being parsed
  std::vector<double> eval_stack_;
  std::vector<Arg> scratch_args_;
  std::vector<uint32_t> barrier_mark_;
  uint32_t barrier_epoch_ = 0;
  uint64_t expanded_total_ = 0;
};

// ------------------------------------------------------------------ program and recovery

bool Parser::run() {
  bool first = true;
  if (at(Tok::Eof))
    paper_warning("W101", "missing 'OPENQASM 2.0;' at the start of the program; read as OpenQASM 2.0", 0, 0);
  while (!at(Tok::Eof) && !stop()) {
    if (at(Tok::KwOpenqasm)) {
      if (!first) error_at("E111", "the 'OPENQASM' version statement must be the first statement", cur_);
      if (!version_statement()) {
        if (fatal_) return false;
        sync(false);
      }
    } else {
      if (first)
        paper_warning("W101", "missing 'OPENQASM 2.0;' at the start of the program; read as OpenQASM 2.0", cur_.offset,
                      0);
      statement();
    }
    first = false;
  }
  return !fatal_;
}

void Parser::sync(bool in_body) {
  int depth = 0;
  while (!at(Tok::Eof)) {
    if (at(Tok::LBrace)) {
      ++depth;
    } else if (at(Tok::RBrace)) {
      if (depth == 0) {
        if (!in_body) advance();
        return;
      }
      if (--depth == 0 && !in_body) {
        advance();
        return;
      }
    } else if (at(Tok::Semi) && depth == 0) {
      advance();
      return;
    }
    advance();
  }
}

void Parser::statement() {
  bool ok = true;
  switch (cur_.kind) {
    case Tok::KwInclude: ok = include_statement(); break;
    case Tok::KwQreg:
    case Tok::KwCreg: ok = register_declaration(); break;
    case Tok::KwGate:
    case Tok::KwOpaque: ok = gate_definition(); break;
    case Tok::KwIf: ok = if_statement(); break;
    case Tok::KwBarrier: ok = barrier(); break;
    case Tok::KwMeasure:
    case Tok::KwReset:
    case Tok::KwU:
    case Tok::KwCX:
    case Tok::Id: ok = quantum_operation(-1); break;
    case Tok::Semi:
      paper_warning("W104", "empty statement ';'", cur_.offset, cur_.length);
      advance();
      break;
    case Tok::Invalid: ok = false; break;
    default:
      error_at("E102",
               "expected a statement (qreg, creg, gate, opaque, include, a gate call, measure, "
               "reset, barrier or if), found " +
                   found(),
               cur_);
      ok = false;
  }
  if (!ok && !fatal_) sync(false);
}

bool Parser::version_statement() {
  advance();
  Token v = cur_;
  if (!at(Tok::Real) && !at(Tok::Int)) return expect(Tok::Real, "a version number such as 2.0");
  advance();
  std::string_view t = text(v);
  if (t == "2.0") {
    c_.version = "2.0";
  } else if (t == "2") {
    c_.version = "2";
    paper_warning("W105", "write the version as 'OPENQASM 2.0;'", v.offset, v.length);
  } else {
    std::string msg = "unsupported OpenQASM version '" + std::string(t) + "': this reader accepts OpenQASM 2.0";
    if (t.substr(0, 1) == "3") msg += " (read OpenQASM 3 with --format qasm3, or auto)";
    error_at("E110", msg, v);
    fatal_ = true;  // never read another language version as 2.0
    return false;
  }
  return expect(Tok::Semi);
}

bool Parser::include_statement() {
  Token kw = cur_;
  advance();
  Token file = cur_;
  if (!expect(Tok::String, "a file name in double quotes")) return false;
  if (!expect(Tok::Semi)) return false;
  std::string_view name = text(file).substr(1, file.length - 2);
  if (text(file)[0] == '\'') paper_warning("W104", "file names are written in double quotes", file.offset, file.length);
  if (name != "qelib1.inc") {
    std::string msg = "cannot include '" + std::string(name) +
                      "': qvet reads no files; only the built-in \"qelib1.inc\" can be included";
    if (name == "stdgates.inc") msg += " ('stdgates.inc' is OpenQASM 3's library)";
    error("E120", msg, kw.offset, end_of(file) - kw.offset);
    return true;
  }
  if (c_.included_qelib1) {
    warning("W206", "\"qelib1.inc\" is already included; this include has no effect", kw.offset,
            end_of(file) - kw.offset);
    return true;
  }
  c_.included_qelib1 = true;
  for (const GateRow& g : gate_rows())
    if (g.in(kPaper) && !g.in(kPrimitive)) define_std_gate(g.id, file);
  return true;
}

// Qiskit's rule: a standard gate can be declared once, by the include or by the program; the
// second declaration of the same name is a redefinition.
void Parser::define_std_gate(int index, const Token& at) {
  GateDef& g = c_.gates[index];
  if (!overridable_[index]) {
    error_at("E202",
             "'" + g.name + "' is already defined (line " + std::to_string(g.span.line) +
                 "); including \"qelib1.inc\" would define it again",
             at);
    return;
  }
  overridable_[index] = false;
  g.available = true;
  g.span = map_.span(at.offset, at.length);
  symbols_.assign(gate_rows().begin()[index].name, Symbol{SymKind::Gate, static_cast<uint32_t>(index)});
}

bool Parser::define_name(std::string_view name, Symbol sym, uint32_t off, uint32_t len) {
  const Symbol* it = symbols_.find(name);
  if (it) {
    const Symbol& old = *it;
    uint32_t line = 0;
    if (old.kind == SymKind::QReg)
      line = c_.qregs[old.index].span.line;
    else if (old.kind == SymKind::CReg)
      line = c_.cregs[old.index].span.line;
    else
      line = c_.gates[old.index].span.line;
    std::string where = line ? " (line " + std::to_string(line) + ")" : " (built in)";
    error("E202", "'" + std::string(name) + "' is already defined as " + describe(old.kind) + where, off, len);
    return false;
  }
  symbols_.assign(name, sym);
  return true;
}

bool Parser::parse_uint(const Token& t, uint64_t* out) {
  uint64_t v = 0;
  for (char ch : text(t)) {
    uint64_t d = static_cast<uint64_t>(ch - '0');
    if (v > (std::numeric_limits<uint64_t>::max() - d) / 10) {
      error_at("E105", "integer '" + std::string(text(t)) + "' is too large", t);
      return false;
    }
    v = v * 10 + d;
  }
  *out = v;
  return true;
}

bool Parser::register_declaration() {
  const bool quantum = at(Tok::KwQreg);
  Token kw = cur_;
  advance();
  Token name = cur_;
  if (!expect(Tok::Id, "a register name")) return false;
  if (!expect(Tok::LBracket)) return false;
  Token size_tok = cur_;
  if (!expect(Tok::Int, "the register size (an integer)")) return false;
  if (!expect(Tok::RBracket)) return false;
  if (!expect(Tok::Semi)) return false;
  uint64_t size = 0;
  if (!parse_uint(size_tok, &size)) return true;
  const uint64_t have = quantum ? c_.num_qubits : c_.num_clbits;
  const uint64_t cap = quantum ? lim_.max_qubits : lim_.max_clbits;
  if (size > cap || have + size > cap) {
    error_at(quantum ? "E402" : "E403",
             "register '" + std::string(text(name)) + "' of " + std::to_string(size) + " bits would make " +
                 std::to_string(have + size) + (quantum ? " qubits" : " clbits") + " in all; the limit is " +
                 std::to_string(cap),
             size_tok);
    return true;
  }
  auto& regs = quantum ? c_.qregs : c_.cregs;
  if (!define_name(text(name), {quantum ? SymKind::QReg : SymKind::CReg, static_cast<uint32_t>(regs.size())},
                   name.offset, name.length))
    return true;
  Register r;
  r.name = std::string(text(name));
  r.size = static_cast<uint32_t>(size);
  r.offset = static_cast<uint32_t>(have);
  r.span = map_.span(kw.offset, prev_end_ - kw.offset);
  regs.push_back(std::move(r));
  if (quantum)
    c_.num_qubits += static_cast<uint32_t>(size);
  else
    c_.num_clbits += static_cast<uint32_t>(size);
  if (size == 0)
    warning("W207", "register '" + std::string(text(name)) + "' has no bits", size_tok.offset, size_tok.length);
  return true;
}

// ------------------------------------------------------------------ gate definitions

bool Parser::gate_definition() {
  const bool opaque = at(Tok::KwOpaque);
  Token kw = cur_;
  advance();
  Token name = cur_;
  if (at(Tok::KwU) || at(Tok::KwCX)) {
    error_at("E202", "'" + std::string(text(name)) + "' is built into the language and cannot be redefined", name);
    return false;
  }
  if (!expect(Tok::Id, "a gate name")) return false;
  GateScope scope;
  scope.self = text(name);
  auto add_local = [&](std::vector<std::string_view>& list, const Token& t) {
    std::string_view n = text(t);
    if (find_name(scope.params, n) >= 0 || find_name(scope.qubits, n) >= 0) {
      error_at("E202",
               "'" + std::string(n) + "' is already a parameter or qubit of gate '" + std::string(scope.self) + "'", t);
      return false;
    }
    list.push_back(n);
    return true;
  };
  if (at(Tok::LParen)) {
    advance();
    while (!at(Tok::RParen)) {
      Token p = cur_;
      if (!expect(Tok::Id, "a parameter name")) return false;
      if (!add_local(scope.params, p)) return false;
      if (at(Tok::Comma)) {
        Token comma = cur_;
        advance();
        if (at(Tok::RParen)) paper_warning("W104", "trailing comma in a parameter list", comma.offset, 1);
      } else if (!at(Tok::RParen)) {
        return expect(Tok::RParen, "',' or ')'");
      }
    }
    advance();
  }
  for (;;) {
    Token q = cur_;
    if (!expect(Tok::Id, "a qubit argument name")) return false;
    if (!add_local(scope.qubits, q)) return false;
    if (!at(Tok::Comma)) break;
    Token comma = cur_;
    advance();
    if (at(Tok::LBrace) || at(Tok::Semi)) {
      paper_warning("W104", "trailing comma in a qubit list", comma.offset, 1);
      break;
    }
  }

  if (scope.params.size() > kMaxGateParams) {
    error("E301", "a gate takes at most " + std::to_string(kMaxGateParams) + " parameters", name.offset, name.length);
    return false;
  }
  GateDef def;
  def.name = std::string(scope.self);
  def.qiskit_name = def.name;
  def.num_params = static_cast<uint32_t>(scope.params.size());
  def.num_qubits = static_cast<uint32_t>(scope.qubits.size());
  def.opaque = opaque;
  def.available = true;
  def.span = map_.span(name.offset, name.length);
  def.nesting = 0;
  def.expanded_ops = 1;

  if (opaque) {
    if (!expect(Tok::Semi)) return false;
    warning("W201", "opaque gate '" + def.name + "' has no definition: it can be counted but not expanded or simulated",
            kw.offset, end_of(name) - kw.offset);
  } else {
    Token open = cur_;
    if (!expect(Tok::LBrace, "'{' to start the gate body")) return false;
    def.expanded_ops = 0;
    while (!at(Tok::RBrace) && !at(Tok::Eof) && !stop()) {
      if (!body_statement(def, scope)) sync(true);
    }
    if (!at(Tok::RBrace)) {
      if (at(Tok::Eof))
        error_at("E102",
                 "expected '}' to close the body of gate '" + def.name + "' opened at line " +
                     std::to_string(map_.span(open.offset, 1).line) + ", found end of file",
                 cur_);
      return false;
    }
    advance();
    if (def.nesting > lim_.max_gate_nesting) {
      error_at("E405",
               "gate '" + def.name + "' nests definitions " + std::to_string(def.nesting) + " deep; the limit is " +
                   std::to_string(lim_.max_gate_nesting),
               name);
      return true;
    }
  }

  // A program may declare a standard gate once, as Qiskit's legacy loader allows: the declaration
  // is checked, then Qiskit's own gate is used.
  const GateRow* row = qasm2_gate(def.name);
  if (row && overridable_[row->id]) {
    GateDef& g = c_.gates[row->id];
    if (g.num_params != def.num_params || g.num_qubits != def.num_qubits) {
      error_at("E307",
               "gate '" + def.name + "' is declared with " + plural(def.num_params, "parameter") + " and " +
                   plural(def.num_qubits, "qubit") + ", but Qiskit's standard '" + g.name + "' has " +
                   plural(g.num_params, "parameter") + " and " + plural(g.num_qubits, "qubit"),
               name);
      return true;
    }
    overridable_[row->id] = false;
    g.available = true;
    g.span = def.span;
    symbols_.assign(row->name, Symbol{SymKind::Gate, row->id});
    return true;
  }
  // Exactly the definition of a Qiskit gate outside the legacy set (iswap, ecr, ...), as qvet export
  // writes it: that gate, counted by the same name.
  if (const GateRow* std_row = standard_row_defined_by(c_, def); std_row && !std_row->in(kQasm2)) {
    if (!define_name(text(name), {SymKind::Gate, std_row->id}, name.offset, name.length)) return true;
    c_.gates[std_row->id].available = true;
    c_.gates[std_row->id].span = def.span;
    return true;
  }
  if (!define_name(text(name), {SymKind::Gate, static_cast<uint32_t>(c_.gates.size())}, name.offset, name.length))
    return true;
  c_.gates.push_back(std::move(def));
  return true;
}

bool Parser::body_statement(GateDef& def, const GateScope& scope) {
  auto parse_locals = [&](BodyOp& op, bool allow_dups) {
    for (;;) {
      Token q = cur_;
      if (!expect(Tok::Id, "a qubit argument name")) return false;
      if (at(Tok::LBracket)) {
        error_at("E102", "gate bodies name their qubit arguments directly; indexing '[...]' is not allowed", cur_);
        return false;
      }
      int idx = find_name(scope.qubits, text(q));
      if (idx < 0) {
        error_at("E201",
                 "'" + std::string(text(q)) + "' is not a qubit argument of gate '" + std::string(scope.self) + "'", q);
        return false;
      }
      for (uint32_t prev : op.qubits) {
        if (prev == static_cast<uint32_t>(idx)) {
          if (allow_dups) goto next;
          error_at("E303", "qubit argument '" + std::string(text(q)) + "' is used twice in one gate call", q);
          return false;
        }
      }
      op.qubits.push_back(static_cast<uint32_t>(idx));
    next:
      if (!at(Tok::Comma)) break;
      Token comma = cur_;
      advance();
      if (at(Tok::Semi)) {
        paper_warning("W104", "trailing comma in a qubit list", comma.offset, 1);
        break;
      }
    }
    return expect(Tok::Semi);
  };

  Token start = cur_;
  if (at(Tok::KwBarrier)) {
    advance();
    BodyOp op;
    if (!parse_locals(op, true)) return false;
    op.span = map_.span(start.offset, prev_end_ - start.offset);
    def.body.push_back(std::move(op));
    def.expanded_ops += 1;
    return true;
  }
  if (!at(Tok::Id) && !at(Tok::KwU) && !at(Tok::KwCX)) {
    if (at(Tok::KwMeasure) || at(Tok::KwReset) || at(Tok::KwIf) || at(Tok::KwQreg) || at(Tok::KwCreg) ||
        at(Tok::KwGate) || at(Tok::KwOpaque))
      error_at(
          "E102",
          std::string(describe(cur_.kind)) + " is not allowed inside a gate body; only gate calls and barriers are",
          cur_);
    else if (!at(Tok::Invalid))
      error_at(
          "E102",
          "expected a gate call or 'barrier' in the body of gate '" + std::string(scope.self) + "', found " + found(),
          cur_);
    return false;
  }
  int gate = -1;
  if (!lookup_gate(start, &gate, &scope)) return false;
  advance();
  BodyOp op;
  op.gate = gate;
  size_t nparams = 0;
  uint32_t params_end = end_of(start);
  if (!parse_params(&scope, &nparams, &op.params, &params_end)) return false;
  if (!parse_locals(op, false)) return false;
  const GateDef& g = c_.gates[gate];
  if (nparams != g.num_params) {
    error("E301", param_count_message(g, nparams), start.offset, params_end - start.offset);
    return true;
  }
  if (op.qubits.size() != g.num_qubits) {
    error("E302", qubit_count_message(g, op.qubits.size()), start.offset, prev_end_ - start.offset);
    return true;
  }
  note_gate_use(gate, start);
  op.span = map_.span(start.offset, prev_end_ - start.offset);
  def.nesting = std::max(def.nesting, g.nesting + 1);
  const uint64_t cap = std::numeric_limits<uint64_t>::max() / 4;
  def.expanded_ops = std::min(cap, def.expanded_ops + g.expanded_ops);
  def.body.push_back(std::move(op));
  return true;
}

// ------------------------------------------------------------------ operations

bool Parser::lookup_gate(const Token& name, int* gate, const GateScope* scope) {
  static const int kU = find_gate("U")->id, kCX = find_gate("CX")->id;
  if (name.kind == Tok::KwU) {
    *gate = kU;
    return true;
  }
  if (name.kind == Tok::KwCX) {
    *gate = kCX;
    return true;
  }
  std::string_view n = text(name);
  if (scope && n == scope->self) {
    error_at("E306", "gate '" + std::string(n) + "' calls itself; OpenQASM 2 gates cannot be recursive", name);
    return false;
  }
  const Symbol* it = symbols_.find(n);
  if (!it) {
    std::string msg = "unknown gate '" + std::string(n) + "'";
    if (qasm2_gate(n) && !c_.included_qelib1)
      msg += "; it is in qelib1.inc: add 'include \"qelib1.inc\";' after the version line";
    else if (scope && (find_name(scope->qubits, n) >= 0 || find_name(scope->params, n) >= 0))
      msg += "; it is an argument of gate '" + std::string(scope->self) + "'";
    error_at("E305", msg, name);
    return false;
  }
  if (it->kind != SymKind::Gate) {
    error_at("E203", "'" + std::string(n) + "' is " + describe(it->kind) + ", not a gate", name);
    return false;
  }
  *gate = static_cast<int>(it->index);
  return true;
}

void Parser::note_gate_use(int gate, const Token& name) {
  GateDef& g = c_.gates[gate];
  g.used = true;
  if (g.warned || !g.std || g.std->in(kPrimitive) || g.std->in(kPaper)) return;
  g.warned = true;
  if (c_.included_qelib1)
    paper_warning("W102",
                  "'" + g.name +
                      "' is not in the language paper's qelib1.inc; accepted as in Qiskit's "
                      "extended header",
                  name.offset, name.length);
  else
    paper_warning("W103",
                  "'" + g.name +
                      "' is used without 'include \"qelib1.inc\";'; Qiskit provides it "
                      "built in, other tools may not",
                  name.offset, name.length);
}

bool Parser::parse_params(const GateScope* scope, size_t* count, std::vector<Expr>* body_params, uint32_t* end) {
  *count = 0;
  if (!at(Tok::LParen)) return true;
  advance();
  while (!at(Tok::RParen)) {
    Token first = cur_;
    expr_.clear();
    depth_reported_ = false;
    if (!expression(scope, 1)) return false;
    uint32_t expr_end = prev_end_;
    if (body_params) {
      body_params->push_back(expr_);
    } else {
      double v = 0;
      const char* why = nullptr;
      if (!evaluate(expr_, nullptr, eval_stack_, &v, &why)) {
        error("E310", std::string("invalid parameter value: ") + why, first.offset, expr_end - first.offset);
        return false;
      }
      c_.param_pool.push_back(v);
    }
    ++*count;
    if (at(Tok::Comma)) {
      Token comma = cur_;
      advance();
      if (at(Tok::RParen)) paper_warning("W104", "trailing comma in a parameter list", comma.offset, 1);
    } else if (!at(Tok::RParen)) {
      return expect(Tok::RParen, "',' or ')' after a parameter");
    }
  }
  *end = end_of(cur_);
  advance();
  return true;
}

bool Parser::parse_arg(bool quantum, Arg* a) {
  Token name = cur_;
  if (!expect(Tok::Id, quantum ? "a quantum register or qubit" : "a classical register or bit")) return false;
  const Symbol* it = symbols_.find(text(name));
  const SymKind want = quantum ? SymKind::QReg : SymKind::CReg;
  if (!it) {
    error_at("E201",
             "'" + std::string(text(name)) + "' is not declared; expected " +
                 (quantum ? "a quantum register" : "a classical register"),
             name);
    return false;
  }
  if (it->kind != want) {
    error_at("E203", "'" + std::string(text(name)) + "' is " + describe(it->kind) + "; expected " + describe(want),
             name);
    return false;
  }
  Register& reg = quantum ? c_.qregs[it->index] : c_.cregs[it->index];
  a->reg = it->index;
  a->offset = name.offset;
  a->whole = true;
  if (at(Tok::LBracket)) {
    advance();
    Token idx = cur_;
    if (!expect(Tok::Int, "an index (a non-negative integer)")) return false;
    if (!expect(Tok::RBracket)) return false;
    uint64_t i = 0;
    if (!parse_uint(idx, &i)) return false;
    if (i >= reg.size) {
      error_at("E204",
               "index " + std::to_string(i) + " is out of range for register '" + reg.name + "' of size " +
                   std::to_string(reg.size) +
                   (reg.size ? " (valid indices: 0 to " + std::to_string(reg.size - 1) + ")" : ""),
               idx);
      return false;
    }
    a->whole = false;
    a->index = static_cast<uint32_t>(i);
  }
  a->length = prev_end_ - name.offset;
  reg.used = true;
  return true;
}

bool Parser::parse_args(bool quantum, std::vector<Arg>* out) {
  for (;;) {
    Arg a;
    if (!parse_arg(quantum, &a)) return false;
    out->push_back(a);
    if (!at(Tok::Comma)) return true;
    Token comma = cur_;
    advance();
    if (at(Tok::Semi)) {
      paper_warning("W104", "trailing comma in an argument list", comma.offset, 1);
      return true;
    }
  }
}

// The operand list of a statement in its usual shape, `q[1], r[0];` or `q;`, read straight from
// the bytes at `from` up to its ';' (a third of the work of lexing it token by token: this is most
// of every large file). Anything else (a comment, a parameter list, a name that is not a register
// of that kind, an index with a leading zero or out of range, a trailing comma, more than max_args
// operands) returns false with nothing consumed, and the token path reads the statement and
// reports what is wrong. On success the lexer is past the ';' and cur_ is the next token.
bool Parser::scan_args(size_t from, bool quantum, size_t max_args, std::vector<Arg>* out) {
  const char* s = src_.data();
  const size_t n = src_.size();
  const SymKind want = quantum ? SymKind::QReg : SymKind::CReg;
  auto space = [](char ch) { return kByteClass.c[static_cast<unsigned char>(ch)] == kSpaceByte; };
  auto digit = [](char ch) { return kByteClass.c[static_cast<unsigned char>(ch)] == kDigitByte; };
  auto word = [](char ch) { return kByteClass.c[static_cast<unsigned char>(ch)] >= kWordByte; };
  const size_t first = out->size();
  size_t p = from;
  while (p < n && space(s[p])) ++p;
  for (;;) {
    if (out->size() - first == max_args || p >= n || s[p] < 'a' || s[p] > 'z') break;
    Arg a;
    a.offset = static_cast<uint32_t>(p);
    while (p < n && word(s[p])) ++p;
    const Symbol* sym = symbols_.find(std::string_view(s + a.offset, p - a.offset));
    if (!sym || sym->kind != want) break;
    a.reg = sym->index;
    size_t end = p;
    while (p < n && space(s[p])) ++p;
    if (p < n && s[p] == '[') {
      ++p;
      while (p < n && space(s[p])) ++p;
      const size_t digits = p;
      uint64_t index = 0;
      while (p < n && digit(s[p]) && p - digits < 10) index = index * 10 + static_cast<uint64_t>(s[p++] - '0');
      if (p == digits || (s[digits] == '0' && p - digits > 1) || (p < n && word(s[p]))) break;
      while (p < n && space(s[p])) ++p;
      if (p >= n || s[p] != ']') break;
      const Register& reg = quantum ? c_.qregs[a.reg] : c_.cregs[a.reg];
      if (index >= reg.size) break;
      a.whole = false;
      a.index = static_cast<uint32_t>(index);
      end = ++p;
      while (p < n && space(s[p])) ++p;
    }
    a.length = static_cast<uint32_t>(end - a.offset);
    out->push_back(a);
    if (p >= n) break;
    if (s[p] == ';') {
      for (size_t k = first; k < out->size(); ++k) (quantum ? c_.qregs : c_.cregs)[(*out)[k].reg].used = true;
      cur_ = Token{Tok::Semi, static_cast<uint32_t>(p), 1};
      lex_.seek(p + 1);
      advance();
      return true;
    }
    if (s[p] != ',') break;
    ++p;
    while (p < n && space(s[p])) ++p;
  }
  out->resize(first);
  return false;
}

bool Parser::check_instruction_budget(uint64_t more, uint32_t off, uint32_t len) {
  if (c_.ops.size() + more <= lim_.max_instructions) return true;
  if (!budget_reported_)
    error("E404",
          "the circuit has more than " + std::to_string(lim_.max_instructions) +
              " instructions after broadcasting (the limit)",
          off, len);
  budget_reported_ = true;
  fatal_ = true;  // nothing after this can be analysed; stop reading
  return false;
}

bool Parser::quantum_operation(int condition) {
  switch (cur_.kind) {
    case Tok::KwMeasure: return measure(condition);
    case Tok::KwReset: return reset(condition);
    default: return gate_call(condition);
  }
}

bool Parser::if_statement() {
  Token kw = cur_;
  advance();
  if (!expect(Tok::LParen, "'(' after 'if'")) return false;
  Token name = cur_;
  if (!expect(Tok::Id, "a classical register name")) return false;
  const Symbol* it = symbols_.find(text(name));
  if (!it) {
    error_at("E201", "'" + std::string(text(name)) + "' is not declared; expected a classical register", name);
    return false;
  }
  if (it->kind != SymKind::CReg) {
    error_at("E203",
             "'" + std::string(text(name)) + "' is " + describe(it->kind) + "; 'if' compares a classical register",
             name);
    return false;
  }
  if (at(Tok::LBracket)) {
    error_at("E102", "'if' compares a whole classical register in OpenQASM 2; conditions on one bit are OpenQASM 3",
             cur_);
    return false;
  }
  if (!expect(Tok::EqEq, "'=='")) return false;
  Token value_tok = cur_;
  if (!expect(Tok::Int, "an integer to compare with")) return false;
  if (!expect(Tok::RParen)) return false;
  Condition cond;
  cond.creg = it->index;
  std::string_view digits = text(value_tok);
  while (digits.size() > 1 && digits.front() == '0') digits.remove_prefix(1);
  cond.value = std::string(digits);
  // Bits needed for a d-digit number: at least floor((d-1)*log2(10))+1. Exact below 20 digits.
  uint64_t min_bits = 0;
  if (digits.size() < 20) {
    cond.value_u64 = std::stoull(cond.value);
    for (uint64_t v = cond.value_u64; v; v >>= 1) ++min_bits;
  } else {
    cond.fits_u64 = false;
    min_bits = static_cast<uint64_t>(std::floor(static_cast<double>(digits.size() - 1) * 3.321928094887362)) + 1;
  }
  Register& reg = c_.cregs[cond.creg];
  reg.used = true;
  cond.clbit_begin = reg.offset;
  cond.clbit_count = reg.size;
  if (min_bits > reg.size)
    warning("W208",
            "condition '" + reg.name +
                " == " + (digits.size() > 30 ? std::string(digits.substr(0, 20)) + "..." : cond.value) +
                "' can never be true: '" + reg.name + "' has " + plural(reg.size, "bit"),
            kw.offset, prev_end_ - kw.offset);
  if (at(Tok::KwBarrier)) {
    error_at("E102", "a barrier cannot be conditioned", cur_);
    return false;
  }
  if (!at(Tok::Id) && !at(Tok::KwU) && !at(Tok::KwCX) && !at(Tok::KwMeasure) && !at(Tok::KwReset)) {
    if (!at(Tok::Invalid))
      error_at("E102", "expected a gate call, 'measure' or 'reset' after 'if (...)', found " + found(), cur_);
    return false;
  }
  c_.conditions.push_back(std::move(cond));
  return quantum_operation(static_cast<int>(c_.conditions.size() - 1));
}

bool Parser::gate_call(int condition) {
  Token name = cur_;
  int gate = -1;
  if (!lookup_gate(name, &gate, nullptr)) return false;
  const size_t param_begin = c_.param_pool.size();
  size_t nparams = 0;
  uint32_t params_end = end_of(name);
  std::vector<Arg>& args = scratch_args_;
  args.clear();
  // Most calls have no parameters: their operands are read straight after the name.
  if (!scan_args(lex_.position(), true, SIZE_MAX, &args)) {
    advance();
    if (!parse_params(nullptr, &nparams, nullptr, &params_end)) {
      c_.param_pool.resize(param_begin);
      return false;
    }
    if (!(at(Tok::Id) && scan_args(cur_.offset, true, SIZE_MAX, &args)) &&
        (!parse_args(true, &args) || !expect(Tok::Semi))) {
      c_.param_pool.resize(param_begin);
      return false;
    }
  }
  const uint32_t stmt_end = prev_end_;
  const GateDef& g = c_.gates[gate];
  auto fail = [&](const char* code, std::string msg, uint32_t off, uint32_t len) {
    c_.param_pool.resize(param_begin);
    error(code, std::move(msg), off, len);
    return true;  // the statement was read to its end: no resync needed
  };
  if (nparams != g.num_params)
    return fail("E301", param_count_message(g, nparams), name.offset, params_end - name.offset);
  if (args.size() != g.num_qubits)
    return fail("E302", qubit_count_message(g, args.size()), args.front().offset,
                args.back().offset + args.back().length - args.front().offset);
  // Broadcasting: every whole-register argument must have the same size; single qubits repeat.
  uint64_t n = 1;
  const Arg* sized = nullptr;
  for (const Arg& a : args) {
    if (!a.whole) continue;
    uint32_t size = c_.qregs[a.reg].size;
    if (!sized) {
      sized = &a;
      n = size;
    } else if (size != n) {
      return fail("E304",
                  "cannot broadcast '" + g.name + "' over registers of different sizes: '" + c_.qregs[sized->reg].name +
                      "' has " + std::to_string(n) + " qubits, '" + c_.qregs[a.reg].name + "' has " +
                      std::to_string(size),
                  a.offset, a.length);
    }
  }
  if (!check_instruction_budget(n, name.offset, stmt_end - name.offset)) {
    c_.param_pool.resize(param_begin);
    return true;
  }
  note_gate_use(gate, name);
  expanded_total_ += n * g.expanded_ops;
  if (expanded_total_ > lim_.max_expanded_ops) {
    c_.param_pool.resize(param_begin);
    fatal_ = true;
    error("E406",
          "expanding the program's gates would give more than " + std::to_string(lim_.max_expanded_ops) +
              " instructions (the limit); '" + g.name + "' alone expands to " + std::to_string(g.expanded_ops),
          name.offset, stmt_end - name.offset);
    return true;
  }
  const size_t pool_mark = c_.qubit_pool.size();
  const size_t ops_mark = c_.ops.size();
  for (uint64_t i = 0; i < n; ++i) {
    Instruction op;
    op.kind = OpKind::Gate;
    op.gate = gate;
    op.src_offset = name.offset;
    op.src_length = stmt_end - name.offset;
    op.qubit_begin = static_cast<uint32_t>(c_.qubit_pool.size());
    op.qubit_count = static_cast<uint32_t>(args.size());
    op.param_begin = static_cast<uint32_t>(param_begin);
    op.param_count = static_cast<uint16_t>(nparams);
    op.condition = condition;
    for (size_t k = 0; k < args.size(); ++k) {
      const Arg& a = args[k];
      uint32_t q = c_.qregs[a.reg].offset + (a.whole ? static_cast<uint32_t>(i) : a.index);
      for (size_t j = 0; j < k; ++j) {
        if (c_.qubit_pool[op.qubit_begin + j] == q) {
          c_.qubit_pool.resize(pool_mark);
          c_.ops.resize(ops_mark);
          const Register& r = c_.qregs[a.reg];
          return fail("E303",
                      "gate '" + g.name + "' is given qubit " + r.name + "[" + std::to_string(q - r.offset) +
                          "] twice; a gate's qubits must be distinct",
                      args[j].offset, a.offset + a.length - args[j].offset);
        }
      }
      c_.qubit_pool.push_back(q);
    }
    c_.ops.push_back(op);
  }
  return true;
}

bool Parser::measure(int condition) {
  Token kw = cur_;
  advance();
  Arg q, c;
  if (!parse_arg(true, &q)) return false;
  if (!expect(Tok::Arrow, "'->'")) return false;
  if (!parse_arg(false, &c)) return false;
  if (!expect(Tok::Semi)) return false;
  const uint32_t stmt_end = prev_end_;
  const Register& qr = c_.qregs[q.reg];
  const Register& cr = c_.cregs[c.reg];
  uint64_t n = 1;
  if (q.whole != c.whole || (q.whole && qr.size != cr.size)) {
    auto what = [](const Arg& a, const Register& r, const char* unit) {
      return a.whole ? "register '" + r.name + "' (" + plural(r.size, unit) + ")"
                     : std::string(unit) + " " + r.name + "[" + std::to_string(a.index) + "]";
    };
    error("E304",
          "cannot measure " + what(q, qr, "qubit") + " into " + what(c, cr, "bit") +
              "; measure a register into a register of the same size, or a qubit into a bit",
          q.offset, c.offset + c.length - q.offset);
    return true;
  }
  if (q.whole) n = qr.size;
  if (!check_instruction_budget(n, kw.offset, stmt_end - kw.offset)) return true;
  expanded_total_ += n;
  for (uint64_t i = 0; i < n; ++i) {
    Instruction op;
    op.kind = OpKind::Measure;
    op.src_offset = kw.offset;
    op.src_length = stmt_end - kw.offset;
    op.qubit_begin = static_cast<uint32_t>(c_.qubit_pool.size());
    op.qubit_count = 1;
    op.clbit = static_cast<int32_t>(cr.offset + (c.whole ? i : c.index));
    op.condition = condition;
    c_.qubit_pool.push_back(qr.offset + (q.whole ? static_cast<uint32_t>(i) : q.index));
    c_.ops.push_back(op);
  }
  return true;
}

bool Parser::reset(int condition) {
  Token kw = cur_;
  Arg q;
  std::vector<Arg>& args = scratch_args_;
  args.clear();
  if (scan_args(lex_.position(), true, 1, &args)) {
    q = args[0];
  } else {
    advance();
    if (!parse_arg(true, &q) || !expect(Tok::Semi)) return false;
  }
  const uint32_t stmt_end = prev_end_;
  const Register& qr = c_.qregs[q.reg];
  uint64_t n = q.whole ? qr.size : 1;
  if (!check_instruction_budget(n, kw.offset, stmt_end - kw.offset)) return true;
  expanded_total_ += n;
  for (uint64_t i = 0; i < n; ++i) {
    Instruction op;
    op.kind = OpKind::Reset;
    op.src_offset = kw.offset;
    op.src_length = stmt_end - kw.offset;
    op.qubit_begin = static_cast<uint32_t>(c_.qubit_pool.size());
    op.qubit_count = 1;
    op.condition = condition;
    c_.qubit_pool.push_back(qr.offset + (q.whole ? static_cast<uint32_t>(i) : q.index));
    c_.ops.push_back(op);
  }
  return true;
}

bool Parser::barrier() {
  Token kw = cur_;
  advance();
  std::vector<Arg> args;
  if (!parse_args(true, &args) || !expect(Tok::Semi)) return false;
  const uint32_t stmt_end = prev_end_;
  if (!check_instruction_budget(1, kw.offset, stmt_end - kw.offset)) return true;
  // One barrier over the union of its operands, each qubit once, in order of first mention.
  if (barrier_mark_.size() < c_.num_qubits) barrier_mark_.resize(c_.num_qubits, 0);
  ++barrier_epoch_;
  Instruction op;
  op.kind = OpKind::Barrier;
  op.src_offset = kw.offset;
  op.src_length = stmt_end - kw.offset;
  op.qubit_begin = static_cast<uint32_t>(c_.qubit_pool.size());
  for (const Arg& a : args) {
    const Register& r = c_.qregs[a.reg];
    uint32_t b = a.whole ? 0 : a.index, e = a.whole ? r.size : a.index + 1;
    for (uint32_t i = b; i < e; ++i) {
      uint32_t q = r.offset + i;
      if (barrier_mark_[q] == barrier_epoch_) continue;
      barrier_mark_[q] = barrier_epoch_;
      c_.qubit_pool.push_back(q);
    }
  }
  op.qubit_count = static_cast<uint32_t>(c_.qubit_pool.size() - op.qubit_begin);
  expanded_total_ += 1;
  c_.ops.push_back(op);
  return true;
}

// ------------------------------------------------------------------ expressions
// Precedence, loosest first: + -, then * /, then unary -, then ^ (right-associative, so
// -a^b is -(a^b) and a^b^c is a^(b^c)). Recursion is bounded by max_expr_depth.

bool Parser::expression(const GateScope* scope, uint32_t depth) {
  if (too_deep(depth)) return false;
  if (!term(scope, depth)) return false;
  while (at(Tok::Plus) || at(Tok::Minus)) {
    ExprOp::Code code = at(Tok::Plus) ? ExprOp::Add : ExprOp::Sub;
    advance();
    if (!term(scope, depth)) return false;
    emit(code);
  }
  return true;
}

bool Parser::term(const GateScope* scope, uint32_t depth) {
  if (!unary(scope, depth)) return false;
  while (at(Tok::Star) || at(Tok::Slash)) {
    ExprOp::Code code = at(Tok::Star) ? ExprOp::Mul : ExprOp::Div;
    advance();
    if (!unary(scope, depth)) return false;
    emit(code);
  }
  return true;
}

bool Parser::unary(const GateScope* scope, uint32_t depth) {
  if (at(Tok::Minus) || at(Tok::Plus)) {
    bool neg = at(Tok::Minus);
    advance();
    if (too_deep(depth + 1)) return false;
    if (!unary(scope, depth + 1)) return false;
    if (neg) emit(ExprOp::Neg);
    return true;
  }
  return power(scope, depth);
}

bool Parser::power(const GateScope* scope, uint32_t depth) {
  if (!primary(scope, depth)) return false;
  if (at(Tok::Caret)) {
    advance();
    if (too_deep(depth + 1)) return false;
    if (!unary(scope, depth + 1)) return false;
    emit(ExprOp::Pow);
  }
  return true;
}

bool Parser::primary(const GateScope* scope, uint32_t depth) {
  Token t = cur_;
  switch (t.kind) {
    case Tok::Int:
    case Tok::Real: {
      std::string_view s = text(t);
      double v = 0;
      if (!fast_decimal(s, &v)) {
        std::string copy(s);
        v = std::strtod(copy.c_str(), nullptr);
      }
      if (!std::isfinite(v)) {
        error_at("E105", "number '" + std::string(s) + "' is too large", t);
        return false;
      }
      advance();
      emit(ExprOp::Const, v);
      return true;
    }
    case Tok::KwPi:
      advance();
      emit(ExprOp::Const, kPi);
      return true;
    case Tok::LParen: {
      advance();
      if (!expression(scope, depth + 1)) return false;
      return expect(Tok::RParen, "')' to close '('");
    }
    case Tok::KwSin:
    case Tok::KwCos:
    case Tok::KwTan:
    case Tok::KwExp:
    case Tok::KwLn:
    case Tok::KwSqrt: {
      ExprOp::Code code = t.kind == Tok::KwSin   ? ExprOp::Sin
                          : t.kind == Tok::KwCos ? ExprOp::Cos
                          : t.kind == Tok::KwTan ? ExprOp::Tan
                          : t.kind == Tok::KwExp ? ExprOp::Exp
                          : t.kind == Tok::KwLn  ? ExprOp::Ln
                                                 : ExprOp::Sqrt;
      advance();
      if (!expect(Tok::LParen, "'(' after a function name")) return false;
      if (!expression(scope, depth + 1)) return false;
      if (!expect(Tok::RParen, "')' to close the function call")) return false;
      emit(code);
      return true;
    }
    case Tok::Id: {
      std::string_view n = text(t);
      advance();
      if (at(Tok::LParen) && (n == "asin" || n == "acos" || n == "atan")) {
        paper_warning("W104", "'" + std::string(n) + "' is not in the language paper; accepted as in Qiskit", t.offset,
                      t.length);
        advance();
        if (!expression(scope, depth + 1)) return false;
        if (!expect(Tok::RParen, "')' to close the function call")) return false;
        emit(n == "asin" ? ExprOp::Asin : n == "acos" ? ExprOp::Acos : ExprOp::Atan);
        return true;
      }
      int idx = scope ? find_name(scope->params, n) : -1;
      if (idx < 0) {
        if (scope)
          error_at("E201", "'" + std::string(n) + "' is not a parameter of gate '" + std::string(scope->self) + "'", t);
        else
          error_at("E201",
                   "'" + std::string(n) +
                       "' is not defined; outside a gate body, parameters must be "
                       "constant expressions",
                   t);
        return false;
      }
      emit(ExprOp::Param, 0, static_cast<uint32_t>(idx));
      return true;
    }
    default:
      if (!at(Tok::Invalid)) error_at("E102", "expected an expression, found " + found(), t);
      return false;
  }
}

}  // namespace

bool parse(std::string_view src, const SourceMap& map, const Options& options, DiagnosticSink& sink, Circuit& out) {
  Parser p(src, map, options, sink, out);
  return p.run();
}

}  // namespace qvet::qasm2
