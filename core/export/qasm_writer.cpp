#include "export/qasm_writer.hpp"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "circuit/definitions.hpp"
#include "circuit/modifiers.hpp"

namespace qvet {

namespace {

// Words a register, parameter or gate of the program may not be called in the target language.
const std::unordered_set<std::string_view>& reserved(bool v3) {
  static const std::unordered_set<std::string_view> v2 = {
      "OPENQASM", "include", "qreg", "creg", "gate", "opaque", "measure", "reset", "barrier", "if",
      "pi",       "sin",     "cos",  "tan",  "exp",  "ln",     "sqrt",    "U",     "CX",      "u"};
  static const std::unordered_set<std::string_view> v3s = {
      "OPENQASM", "include",    "defcalgrammar", "def",      "cal",     "defcal",  "gate",    "extern",   "box",
      "let",      "break",      "continue",      "if",       "else",    "end",     "return",  "for",      "while",
      "in",       "switch",     "case",          "default",  "input",   "output",  "const",   "readonly", "mutable",
      "qreg",     "qubit",      "creg",          "bool",     "bit",     "int",     "uint",    "float",    "angle",
      "complex",  "array",      "void",          "duration", "stretch", "gphase",  "inv",     "pow",      "ctrl",
      "negctrl",  "durationof", "delay",         "reset",    "measure", "barrier", "true",    "false",    "pi",
      "tau",      "euler",      "sizeof",        "arccos",   "arcsin",  "arctan",  "ceiling", "cos",      "exp",
      "floor",    "log",        "mod",           "popcount", "pow",     "rotl",    "rotr",    "sin",      "sqrt",
      "tan",      "U",          "opaque",        "dt",       "ns",      "us",      "ms",      "s"};
  return v3 ? v3s : v2;
}

// stdgates.inc's gates, by the table's names (its aliases phase and cphase are p and cp).
bool in_stdgates(std::string_view name) {
  static const std::unordered_set<std::string_view> names = {
      "p",  "x",   "y",   "z",   "h",  "s",    "sdg", "t",     "tdg", "sx", "rx", "ry", "rz", "cx", "cy", "cz",
      "cp", "crx", "cry", "crz", "ch", "swap", "ccx", "cswap", "cu",  "CX", "id", "u1", "u2", "u3", "U"};
  return names.count(name) != 0;
}

// A standard gate OpenQASM 3 writes with modifiers on a stdgates.inc gate, which the reader names
// as Qiskit does (inv @ sx is sxdg, ctrl(3) @ x is mcx); "" for the rest.
std::string_view v3_modifier_form(std::string_view row) {
  static const std::unordered_map<std::string_view, std::string_view> forms = {
      {"u", "U"},           {"sxdg", "inv @ sx"},   {"cu1", "ctrl @ u1"},   {"cu3", "ctrl @ u3"},
      {"csx", "ctrl @ sx"}, {"c3x", "ctrl(3) @ x"}, {"c4x", "ctrl(4) @ x"}, {"c3sqrtx", "ctrl(3) @ sx"}};
  const auto it = forms.find(row);
  return it == forms.end() ? std::string_view() : it->second;
}

bool is_block(const GateDef& g) {
  return !g.std && (g.qiskit_name == "if_else" || g.qiskit_name == "for_loop" || g.qiskit_name == "while_loop" ||
                    g.qiskit_name == "box");
}

bool is_delay(const GateDef& g) { return !g.std && g.qiskit_name == "delay" && !g.matrix.empty(); }

// e with each ExprOp::Param k replaced by args[k] (whole postfix sub-expressions, so the result
// is postfix too).
Expr substitute(const Expr& e, const std::vector<Expr>& args) {
  Expr out;
  for (const ExprOp& op : e) {
    if (op.code == ExprOp::Param && op.param < args.size())
      out.insert(out.end(), args[op.param].begin(), args[op.param].end());
    else
      out.push_back(op);
  }
  return out;
}

class Writer {
 public:
  Writer(const Circuit& c, Format to, const SourceMap& map, DiagnosticSink& sink)
      : c_(c), v3_(to == Format::Qasm3), map_(map), sink_(sink), symbolic_(c.symbolic_by_slot()) {}

  bool write(std::string* out) {
    names_circuit();
    gate_names_.assign(c_.gates.size(), std::string());
    gate_state_.assign(c_.gates.size(), 0);
    std::string body;
    for (const Instruction& ins : c_.ops) instruction(ins, body);
    if (failed_) return false;
    std::string& o = *out;
    o = v3_ ? "OPENQASM 3.0;\ninclude \"stdgates.inc\";\n" : "OPENQASM 2.0;\ninclude \"qelib1.inc\";\n";
    for (const std::string& p : param_names_) o += "input float[64] " + p + ";\n";
    o += defs_;
    for (const Decl& d : qdecls_) o += declaration(d, true);
    for (const Decl& d : cdecls_) o += declaration(d, false);
    o += body;
    return true;
  }

  const std::vector<std::pair<std::string, std::string>>& renamed() const { return renamed_; }

 private:
  struct Decl {
    std::string name;
    uint32_t size;
  };

  std::string declaration(const Decl& d, bool quantum) const {
    const std::string n = std::to_string(d.size);
    if (v3_) return std::string(quantum ? "qubit[" : "bit[") + n + "] " + d.name + ";\n";
    return std::string(quantum ? "qreg " : "creg ") + d.name + "[" + n + "];\n";
  }

  // ---------------------------------------------------------------- names

  // A name for `want` that the target accepts and nothing else has taken; OpenQASM 2 names that do
  // not start with a lower-case letter get `prefix`, as Qiskit's exporter escapes them ("gate_"
  // for gates, "reg_" for registers).
  std::string fresh(const std::string& want, const char* prefix = "gate_") {
    std::string n;
    for (char ch : want) {
      // OpenQASM 3 names may hold any letter (UTF-8 bytes pass through); 2's only ASCII ones.
      const bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_' ||
                      (v3_ && static_cast<unsigned char>(ch) >= 0x80);
      n += ok ? ch : '_';
    }
    if (n.empty()) n = "g";
    // OpenQASM 2 names start with a lower-case letter; 3's with a letter or an underscore.
    if (v3_ ? (n[0] >= '0' && n[0] <= '9') : !(n[0] >= 'a' && n[0] <= 'z')) n = (v3_ ? "_" : prefix) + n;
    std::string candidate = n;
    // Suffixes count up from where the last name with this stem stopped: many loops cost linear time.
    uint32_t& k = next_suffix_[n];
    while (reserved(v3_).count(candidate) || taken_.count(candidate) || clashes_standard(candidate))
      candidate = n + "_" + std::to_string(++k);
    taken_.insert(candidate);
    return candidate;
  }

  // A standard gate's name in the target (where a program gate of that name would redefine it).
  bool clashes_standard(const std::string& n) const {
    if (v3_) return in_stdgates(n) || n == "phase" || n == "cphase";
    return find_gate(n, kQasm2) != nullptr;
  }

  // Registers, and a reference like q[3] for every bit. Bits outside every register (Qiskit's
  // loose bits, OpenQASM 3's $n) get a register of their own, or stay $n in OpenQASM 3.
  void names_circuit() {
    bits(c_.qregs, c_.num_qubits, "q", true);
    bits(c_.cregs, c_.num_clbits, "c", false);
    for (const std::string& p : c_.parameters) {
      param_names_.push_back(fresh(p));
      if (!v3_)
        fail(Span{}, "'" + p + "' is a free Parameter, and OpenQASM 2 has none: bind it, or export to OpenQASM 3");
    }
  }

  void bits(const std::vector<Register>& regs, uint32_t count, const char* loose, bool quantum) {
    std::vector<std::string>& ref = quantum ? qref_ : cref_;
    std::vector<Decl>& decls = quantum ? qdecls_ : cdecls_;
    ref.assign(count, std::string());
    for (const Register& r : regs) {
      const std::string name = fresh(r.name, "reg_");
      if (r.name != name) {
        warn(r.span, "register '" + r.name + "' is written as '" + name + "'");
        renamed_.emplace_back(r.name, name);
      }
      decls.push_back({name, r.size});
      for (uint32_t i = 0; i < r.size && r.offset + i < count; ++i) {
        if (!ref[r.offset + i].empty()) {
          fail(r.span, "register '" + r.name + "' shares bits with another register, which OpenQASM cannot say");
          return;
        }
        ref[r.offset + i] = name + "[" + std::to_string(i) + "]";
      }
    }
    std::vector<uint32_t> uncovered;
    for (uint32_t b = 0; b < count; ++b)
      if (ref[b].empty()) uncovered.push_back(b);
    if (uncovered.empty()) return;
    if (quantum && v3_ && regs.empty()) {
      for (uint32_t b : uncovered) ref[b] = "$" + std::to_string(b);
      return;
    }
    const std::string name = fresh(loose, "reg_");
    decls.push_back({name, static_cast<uint32_t>(uncovered.size())});
    for (size_t i = 0; i < uncovered.size(); ++i) ref[uncovered[i]] = name + "[" + std::to_string(i) + "]";
  }

  // ---------------------------------------------------------------- diagnostics

  void fail(const Span& s, const std::string& why) {
    sink_.add({Severity::Error, "E800", "cannot export to " + target() + ": " + why, s});
    failed_ = true;
  }
  void warn(const Span& s, const std::string& what) {
    sink_.add({Severity::Warning, "W801", "in the " + target() + " export, " + what, s});
  }
  std::string target() const { return v3_ ? "OpenQASM 3" : "OpenQASM 2"; }
  Span span_of(const Instruction& ins) const { return map_.span(ins.src_offset, ins.src_length); }

  // ---------------------------------------------------------------- expressions

  std::string expr(const Expr& e, const Span& at) {
    if (!v3_ && expr_uses_inverse_trig(e)) {
      fail(at, "OpenQASM 2 has no arcsin, arccos or arctan");
      return "0";
    }
    return expr_text(e, param_names_, v3_ ? ExprDialect::Qasm3 : ExprDialect::Qasm2);
  }

  // The instruction's parameters as expressions of the circuit's Parameters.
  std::vector<Expr> params_of(const Instruction& ins) const {
    std::vector<Expr> out;
    for (uint32_t k = 0; k < ins.param_count; ++k) {
      const uint32_t slot = ins.param_begin + k;
      out.push_back(symbolic_[slot] ? *symbolic_[slot] : Expr{ExprOp{ExprOp::Const, 0, c_.param_pool[slot]}});
    }
    return out;
  }

  std::string param_list(const std::vector<Expr>& ps, const std::vector<std::string>& names, const Span& at) {
    if (ps.empty()) return "";
    std::string s = "(";
    for (size_t k = 0; k < ps.size(); ++k) {
      if (k) s += ", ";
      if (!v3_ && expr_uses_inverse_trig(ps[k])) fail(at, "OpenQASM 2 has no arcsin, arccos or arctan");
      s += expr_text(ps[k], names, v3_ ? ExprDialect::Qasm3 : ExprDialect::Qasm2);
    }
    return s + ")";
  }

  // ---------------------------------------------------------------- gates

  // How a call of gate g starts ("rz", "ctrl(3) @ x", "my_gate"), defining it first when needed;
  // `width` is the call's qubit count (mcx's is the instruction's).
  std::string callee(int32_t g, uint32_t width, const Span& at) {
    const GateDef& d = c_.gates[static_cast<size_t>(g)];
    if (d.std && d.qiskit_name == d.std->qiskit_name) return standard(*d.std, width, at);
    if (d.std) {
      // A standard gate under another Qiskit name (MCXGrayCode is an mcx called mcx_gray): a
      // definition of that name around the standard gate.
      if (gate_state_[g] == 2) return gate_names_[g];
      warn(at, "'" + d.qiskit_name + "' is Qiskit's " + std::string(d.std->qiskit_name) +
                   " under another name: it is defined as that gate, which the expanded figures then count");
      const std::vector<std::string> pn = locals("p", d.num_params), qn = locals("q", width);
      std::vector<Expr> ps;
      for (uint32_t k = 0; k < d.num_params; ++k) ps.push_back(Expr{ExprOp{ExprOp::Param, k, 0}});
      std::string body = "  " + standard(*d.std, width, at) + param_list(ps, pn, at) + " ";
      for (size_t k = 0; k < qn.size(); ++k) body += (k ? ", " : "") + qn[k];
      body += ";\n";
      gate_names_[g] = emit_definition(d.qiskit_name, fresh(d.qiskit_name), pn, qn, &body, at);
      gate_state_[g] = 2;
      return gate_names_[g];
    }
    if (gate_state_[g] == 2) return gate_names_[g];
    if (gate_state_[g] == 1) {
      fail(d.span, "gate '" + d.name + "' is defined through itself");
      return d.name;
    }
    gate_state_[g] = 1;
    define(g, at);
    gate_state_[g] = 2;
    return gate_names_[g];
  }

  std::string standard(const GateRow& row, uint32_t width, const Span& at) {
    if (row.num_qubits == 0) {  // mcx with 5 or more controls: its width is the call's
      if (v3_) return "ctrl(" + std::to_string(width - 1) + ") @ x";
      // OpenQASM 2 has no modifiers, and Qiskit synthesises mcx's definition: declared opaque,
      // it keeps its name and counts.
      if (!warned_mcx_) {
        warned_mcx_ = true;
        warn(at, "mcx with " + std::to_string(width - 1) +
                     " controls is declared opaque (Qiskit synthesises its definition); OpenQASM 3 writes it as "
                     "ctrl @ x");
      }
      return emit_definition("mcx", fresh("mcx"), {}, locals("q", width), nullptr, at);
    }
    if (!v3_) {
      if (row.in(kQasm2)) return std::string(row.name);
    } else {
      if (row.name == "id" && !warned_id_) {
        warned_id_ = true;
        warn(at, "`id` is stdgates.inc's, which Qiskit's importer reads as U(0, 0, 0): read back, it counts as 'u'");
      }
      if (in_stdgates(row.name)) return std::string(row.name);
      const std::string_view form = v3_modifier_form(row.name);
      if (!form.empty()) return std::string(form);
    }
    // Written as its definition, under its Qiskit name, which the readers take back as this gate.
    const auto done = defined_rows_.find(row.id);
    if (done != defined_rows_.end()) return done->second;
    // Its Qiskit name, unless a gate of the program has it (then the figures name it otherwise).
    std::string name =
        taken_.count(std::string(row.qiskit_name)) ? fresh(std::string(row.qiskit_name)) : std::string(row.qiskit_name);
    std::vector<SymbolicDefOp> ops;
    if (!symbolic_definition(row, &ops)) {
      fail(at, "the standard gate '" + std::string(row.name) + "' has no definition qvet can write");
      return name;
    }
    std::vector<std::string> pn, qn;
    for (uint32_t k = 0; k < row.num_params; ++k) pn.push_back("p" + std::to_string(k));
    for (uint32_t k = 0; k < row.num_qubits; ++k) qn.push_back("q" + std::to_string(k));
    std::string text;
    for (const SymbolicDefOp& op : ops) {
      text +=
          "  " + standard(*op.gate, static_cast<uint32_t>(op.qubits.size()), at) + param_list(op.params, pn, at) + " ";
      for (size_t k = 0; k < op.qubits.size(); ++k) text += (k ? ", " : "") + qn[op.qubits[k]];
      text += ";\n";
    }
    defs_ += signature(name, pn, qn) + " {\n" + text + "}\n";
    defined_rows_.emplace(row.id, name);
    taken_.insert(name);
    return name;
  }

  static std::string signature(const std::string& name, const std::vector<std::string>& pn,
                               const std::vector<std::string>& qn) {
    std::string s = "gate " + name;
    if (!pn.empty()) {
      s += "(";
      for (size_t k = 0; k < pn.size(); ++k) s += (k ? ", " : "") + pn[k];
      s += ")";
    }
    s += " ";
    for (size_t k = 0; k < qn.size(); ++k) s += (k ? ", " : "") + qn[k];
    return s;
  }

  // Local names of a definition: p0.. and q0.., clear of the program's names.
  std::vector<std::string> locals(const char* stem, uint32_t n) const {
    std::vector<std::string> out;
    for (uint32_t k = 0; k < n; ++k) {
      std::string name = stem + std::to_string(k);
      while (taken_.count(name) || reserved(v3_).count(name)) name += "_";
      out.push_back(name);
    }
    return out;
  }

  // The program's own gate g: a definition (opaque in OpenQASM 2 where it has no body to write).
  void define(int32_t g, const Span& at) {
    const GateDef& d = c_.gates[static_cast<size_t>(g)];
    std::string& name = gate_names_[g];
    name = d.qiskit_name;
    if (is_block(d)) {
      fail(at, "OpenQASM 2 has no control flow (" + d.qiskit_name + "): export to OpenQASM 3");
      return;
    }
    const std::vector<std::string> pn = locals("p", d.num_params), qn = locals("q", d.num_qubits);
    const bool data = !d.matrix.empty() || !d.state.empty();
    if (d.opaque || data) {
      if (v3_) {
        // A controlled standard gate given by its matrix (Qiskit's Gate.control) has a modifier form.
        const std::string form = data ? controlled_form(d) : std::string();
        if (!form.empty()) {
          name = form;
          return;
        }
        fail(at, d.opaque ? "gate '" + d.name + "' is opaque, and OpenQASM 3 has no opaque gates"
                          : "'" + d.qiskit_name + "' is given by its matrix or state, which OpenQASM 3 cannot say");
        return;
      }
      if (data && !is_delay(d) && !warned_data_) {
        warned_data_ = true;
        warn(at, "'" + d.qiskit_name + "' is given by its matrix or state: it is declared opaque, without them");
      }
      name = emit_definition(d.qiskit_name, fresh(d.qiskit_name), pn, qn, nullptr, d.span);
      return;
    }
    const std::string own = fresh(d.qiskit_name);
    std::string text;
    for (const BodyOp& b : d.body) {
      if (b.kind == OpKind::Barrier || (b.kind == OpKind::Gate && b.gate < 0)) {
        text += "  barrier ";
      } else if (b.kind != OpKind::Gate || b.condition >= 0) {
        fail(b.span, "gate '" + d.name + "' holds a measurement, reset or condition");
        return;
      } else {
        text += "  " + callee(b.gate, static_cast<uint32_t>(b.qubits.size()), b.span) +
                param_list(b.params, pn, b.span) + " ";
      }
      for (size_t k = 0; k < b.qubits.size(); ++k) text += (k ? ", " : "") + qn[b.qubits[k]];
      text += ";\n";
    }
    name = emit_definition(d.qiskit_name, own, pn, qn, &text, d.span);
  }

  // Writes `gate NAME(pn) qn { body }` (opaque without a body) under the first free name for
  // `want`, and returns that name. Two of the program's gates with one name and the same
  // definition (one library circuit appended twice) are written once, so both keep the name.
  // `name` is fresh(want), taken before the body was written so that the gate keeps its name
  // before the gates inside it; it is given back when an equal definition was written already.
  std::string emit_definition(const std::string& want, const std::string& name, const std::vector<std::string>& pn,
                              const std::vector<std::string>& qn, const std::string* body, const Span& at) {
    const std::string key = want + "\n" + signature("", pn, qn) + (body ? "{" + *body : ";");
    const auto same = written_.find(key);
    if (same != written_.end()) {
      taken_.erase(name);
      return same->second;
    }
    if (name != want) {
      warn(at, "gate '" + want + "' is written as '" + name + "', the name it then counts as");
      renamed_.emplace_back(want, name);
    }
    defs_ +=
        body ? signature(name, pn, qn) + " {\n" + *body + "}\n" : "opaque" + signature(name, pn, qn).substr(4) + ";\n";
    written_.emplace(key, name);
    return name;
  }

  // `ctrl(2) @ rx(0.5)` for a matrix that is a standard gate under controls, with the name the
  // reader gives that form (controlled_name, `_o<state>` for open controls); "" for other matrices.
  std::string controlled_form(const GateDef& d) const {
    const uint32_t n = d.num_qubits;
    const size_t dim = size_t{1} << n;
    if (n < 2 || n > 10 || d.matrix.size() != dim * dim || !d.state.empty()) return "";
    for (const GateRow& row : gate_rows()) {
      if (!row.matrix || row.num_qubits == 0 || row.num_qubits >= n || row.target_qubits != row.num_qubits ||
          row.num_params > 1 || !in_stdgates(row.name))
        continue;
      const uint32_t k = n - row.num_qubits;
      const size_t sub = size_t{1} << row.num_qubits;
      for (uint64_t state = 0; state < (uint64_t{1} << k); ++state) {
        std::string name = controlled_name(k, row.qiskit_name);
        if (state + 1 != (uint64_t{1} << k)) name += "_o" + std::to_string(state);
        if (name != d.qiskit_name) continue;
        // The target block, where the controls read `state`: row i, column j of the base matrix.
        std::vector<Complex> block(sub * sub);
        for (size_t i = 0; i < sub; ++i)
          for (size_t j = 0; j < sub; ++j) block[i * sub + j] = d.matrix[((i << k) | state) * dim + ((j << k) | state)];
        for (double theta : angle_candidates(row, block)) {
          std::vector<Complex> base(sub * sub);
          row.matrix(&theta, base.data());
          if (!near(controlled_matrix(base, row.num_qubits, k, state), d.matrix)) continue;
          std::string form;
          for (uint32_t j = 0; j < k;) {
            const bool on = (state >> j) & 1;
            uint32_t run = 0;
            while (j < k && static_cast<bool>((state >> j) & 1) == on) ++j, ++run;
            form += std::string(on ? "ctrl" : "negctrl") + (run > 1 ? "(" + std::to_string(run) + ")" : "") + " @ ";
          }
          form += std::string(row.name);
          if (row.num_params) form += "(" + exact_number_text(theta) + ")";
          return form;
        }
      }
    }
    return "";
  }

  // The angles a one-parameter gate (p, rx, ry, rz, ...) could have for this block; 0 for a gate
  // without parameters. Each is checked against the whole matrix by the caller.
  static std::vector<double> angle_candidates(const GateRow& row, const std::vector<Complex>& b) {
    if (row.num_params == 0) return {0};
    if (b.size() != 4) return {};
    return {std::arg(b[3]), 2 * std::atan2(-b[1].imag(), b[0].real()), 2 * std::atan2(b[2].real(), b[0].real()),
            std::arg(b[3] / b[0])};
  }

  static bool near(const std::vector<Complex>& a, const std::vector<Complex>& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
      if (std::abs(a[i] - b[i]) > 1e-9) return false;
    return true;
  }

  // ---------------------------------------------------------------- instructions

  std::string condition(int32_t index, const Span& at) {
    const Condition& k = c_.conditions[static_cast<size_t>(index)];
    const Register& reg = c_.cregs[k.creg];
    // A bit of a one-bit register is the register (the readers take `c[0]` of a bit[1] c as `c`).
    const bool whole = (!k.single_bit || reg.size == 1) && k.clbit_begin == reg.offset && k.clbit_count == reg.size;
    const std::string& reg_name = cdecls_[k.creg].name;
    if (!v3_) {
      if (!whole || k.negated) {
        fail(at, "OpenQASM 2 conditions compare a whole register for equality; this one is on " +
                     std::string(k.single_bit ? "one bit"
                                 : k.negated  ? "inequality"
                                              : "part of a register"));
        return "";
      }
      return "if (" + reg_name + " == " + k.value + ") ";
    }
    if (k.single_bit && reg.size != 1) {
      const bool one = (k.value == "1") != k.negated;
      return std::string(one ? "" : "!") + cref_[k.clbit_begin];
    }
    std::string lhs = reg_name;
    if (!whole)
      lhs += "[" + std::to_string(k.clbit_begin - reg.offset) + ":" +
             std::to_string(k.clbit_begin - reg.offset + k.clbit_count - 1) + "]";
    return lhs + (k.negated ? " != " : " == ") + k.value;
  }

  void instruction(const Instruction& ins, std::string& out) {
    const uint32_t* q = c_.qubits(ins);
    std::vector<uint32_t> qubits(q, q + ins.qubit_count);
    op(ins.kind, ins.gate, qubits, ins.clbit, ins.condition, params_of(ins), span_of(ins), out, "");
  }

  // One operation on the circuit's qubits `qs`, with parameters `ps` over the circuit's Parameters.
  void op(OpKind kind, int32_t gate, const std::vector<uint32_t>& qs, int32_t clbit, int32_t cond,
          const std::vector<Expr>& ps, const Span& at, std::string& out, const std::string& indent) {
    auto args = [&] {
      std::string s;
      for (size_t k = 0; k < qs.size(); ++k) s += (k ? ", " : "") + qref_[qs[k]];
      return s;
    };
    if (kind == OpKind::Measure) {
      out +=
          indent + (v3_ ? cref_[clbit] + " = measure " + args() : "measure " + args() + " -> " + cref_[clbit]) + ";\n";
      return;
    }
    if (kind == OpKind::Reset) {
      out += indent + "reset " + args() + ";\n";
      return;
    }
    if (kind == OpKind::Barrier || gate < 0) {
      if (qs.empty()) {
        warn(at, "a barrier on no qubits is left out");
        return;
      }
      out += indent + "barrier " + args() + ";\n";
      return;
    }
    const GateDef& d = c_.gates[static_cast<size_t>(gate)];
    if (v3_ && is_block(d)) return block(d, qs, ps, cond, at, out, indent);
    std::string call;
    if (v3_ && is_delay(d)) {
      call = "delay[" + expr(ps[0], at) + "dt] " + args() + ";\n";
    } else {
      call =
          callee(gate, static_cast<uint32_t>(qs.size()), at) + param_list(ps, param_names_, at) + " " + args() + ";\n";
    }
    if (cond < 0) {
      out += indent + call;
    } else if (!v3_) {
      out += indent + condition(cond, at) + call;
    } else {
      if (!warned_if_) {
        warned_if_ = true;
        warn(at,
             "a gate under a condition becomes an `if` block, which Qiskit counts as 'if_else' (as its own "
             "exporter and importer do)");
      }
      out += indent + "if (" + condition(cond, at) + ") {\n" + indent + "  " + call + indent + "}\n";
    }
  }

  // A control-flow block written in place, with its body's qubits and parameters mapped onto the
  // circuit's.
  void block(const GateDef& d, const std::vector<uint32_t>& qs, const std::vector<Expr>& ps, int32_t cond,
             const Span& at, std::string& out, const std::string& indent) {
    auto body = [&](const GateDef& b, const std::string& in) {
      for (const BodyOp& x : b.body) {
        std::vector<uint32_t> mapped;
        for (uint32_t local : x.qubits) mapped.push_back(qs[local]);
        std::vector<Expr> args;
        for (const Expr& e : x.params) args.push_back(substitute(e, ps));
        op(x.kind, x.gate, mapped, x.clbit, x.condition, args, x.span, out, in);
      }
    };
    const std::string in = indent + "  ";
    const std::string& kind = d.qiskit_name;
    if ((kind == "if_else" || d.dynamic) && cond < 0 && kind != "for_loop") {
      fail(at, "this " + kind + "'s condition is known only when the program runs and is not one qvet keeps");
      return;
    }
    if (kind == "if_else") {
      out += indent + "if (" + condition(cond, at) + ") {\n";
      body(d, in);
      if (d.else_gate >= 0) {
        out += indent + "} else {\n";
        body(c_.gates[static_cast<size_t>(d.else_gate)], in);
      }
      out += indent + "}\n";
    } else if (kind == "for_loop") {
      // The body as it was read: every iteration already unrolled, so the loop runs once.
      // One loop variable per nesting depth: an inner loop's shadows nothing of the program's.
      const size_t depth = indent.size() / 2;
      while (loop_vars_.size() <= depth) loop_vars_.push_back(fresh("_i"));
      out += indent + "for uint " + loop_vars_[depth] + " in [0:0] {\n";
      body(d, in);
      out += indent + "}\n";
    } else if (kind == "while_loop" && cond >= 0) {
      out += indent + "while (" + condition(cond, at) + ") {\n";
      body(d, in);
      out += indent + "}\n";
    } else if (kind == "while_loop") {
      // A loop that ran while reading (its condition known): its iterations, once.
      const std::string flag = fresh("_once");
      out += indent + "bool " + flag + " = true;\n" + indent + "while (" + flag + ") {\n" + in + flag + " = false;\n";
      body(d, in);
      out += indent + "}\n";
    } else {
      out += indent + "box {\n";
      body(d, in);
      out += indent + "}\n";
    }
  }

  const Circuit& c_;
  bool v3_;
  const SourceMap& map_;
  DiagnosticSink& sink_;
  std::vector<const Expr*> symbolic_;
  bool failed_ = false, warned_id_ = false, warned_if_ = false, warned_data_ = false, warned_mcx_ = false;
  std::unordered_set<std::string> taken_;
  std::unordered_map<std::string, uint32_t> next_suffix_;
  std::unordered_map<uint8_t, std::string> defined_rows_;  // standard gates written as definitions
  std::unordered_map<std::string, std::string> written_;   // a definition's text -> its name
  std::vector<std::string> qref_, cref_, param_names_, gate_names_, loop_vars_;
  std::vector<Decl> qdecls_, cdecls_;
  std::vector<uint8_t> gate_state_;  // 0 not written, 1 being written, 2 written
  std::string defs_;
  std::vector<std::pair<std::string, std::string>> renamed_;
};

}  // namespace

bool write_qasm(const Circuit& c, Format to, const SourceMap& map, DiagnosticSink& sink, std::string* out,
                std::vector<std::pair<std::string, std::string>>* renamed) {
  Writer w(c, to, map, sink);
  const bool ok = w.write(out);
  *renamed = w.renamed();
  return ok;
}

}  // namespace qvet
