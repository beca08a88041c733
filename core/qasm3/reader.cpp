// The reader's program loop, statements that declare things, names and scopes, and recovery.
#include "qasm3/reader.hpp"

#include <algorithm>

namespace qvet::qasm3 {

const char* type_name(Type t) {
  switch (t) {
    case Type::Void: return "void";
    case Type::Bool: return "bool";
    case Type::Int: return "int";
    case Type::Uint: return "uint";
    case Type::Float: return "float";
    case Type::Angle: return "angle";
    case Type::Complex: return "complex";
    case Type::Duration: return "duration";
    case Type::Stretch: return "stretch";
    case Type::Bit: return "bit";
    case Type::Qubit: return "qubit";
    case Type::Array: return "array";
    case Type::Range: return "range";
    case Type::Set: return "set";
  }
  return "value";
}

Reader::Reader(std::string_view src, const SourceMap& map, const Options& opt, DiagnosticSink& sink, Circuit& out)
    : src_(src), map_(map), opt_(opt), lim_(opt.limits), sink_(sink), c_(out), lex_(src, map, sink) {
  c_.gates.clear();
  for (const GateRow& g : gate_rows()) c_.gates.push_back(standard_gate_def(g));
  // U is built into the language; every other standard gate comes with stdgates.inc.
  const GateRow* u = find_gate("U");
  c_.gates[u->id].available = true;
  set_global("U", Symbol{Symbol::Gate, u->id});
  const size_t guess = std::min<size_t>(src.size() / 16, 1u << 20);
  c_.ops.reserve(guess);
  c_.qubit_pool.reserve(guess * 2);
  advance();
}

// ------------------------------------------------------------------ tokens and diagnostics

void Reader::advance() {
  prev_end_ = cur_.offset + cur_.length;
  cur_ = lex_.next();
  // Tokens read inside loops and calls are the ones a short program can make without end.
  if (rereads_ && ++steps_ > lim_.max_qasm3_steps) step(cur_.offset);
}

void Reader::step(uint32_t off) {
  if (!fatal_) {
    quiet_ = false;
    error("E410",
          "running the program's loops and subroutines read more than " + std::to_string(lim_.max_qasm3_steps) +
              " tokens (each loop iteration and call reads its body again); qvet stops reading here (the limit is "
              "max_qasm3_steps)",
          off, 0);
    fatal_ = true;
  }
  cur_ = Token{Tok::Eof, static_cast<uint32_t>(src_.size()), 0};  // the rest reads as the end
}

void Reader::report(Severity sev, const char* code, std::string msg, uint32_t off, uint32_t len) {
  // After a limit stopped the reading, what is left unread is no error of the program's.
  if (quiet_ || fatal_) return;
  // A body read again (the next iteration, the next call) reports nothing new at the same place.
  const uint64_t key = (uint64_t{off} << 16) ^ (uint64_t(code[1]) << 8) ^ uint64_t(code[3]) ^ (uint64_t(code[2]) << 4);
  if (!reported_.insert(key).second) return;
  sink_.add({sev, code, std::move(msg), map_.span(off, len)});
}

void Reader::qiskit_refuses(const std::string& what, uint32_t off, uint32_t len) {
  warning("W120", what + ": qiskit.qasm3.loads refuses this, though the program is valid OpenQASM 3", off, len);
}

std::string Reader::found() const {
  switch (cur_.kind) {
    case Tok::Id:
    case Tok::Int:
    case Tok::Real:
    case Tok::HwQubit: return std::string(describe(cur_.kind)) + " '" + std::string(text(cur_)) + "'";
    default: return describe(cur_.kind);
  }
}

bool Reader::expect(Tok k, const char* what) {
  if (at(k)) {
    advance();
    return true;
  }
  if (!at(Tok::Invalid))
    error_at("E102", std::string("expected ") + (what ? what : describe(k)) + ", found " + found(), cur_);
  return false;
}

void Reader::sync() {
  int depth = 0;
  while (!at(Tok::Eof)) {
    if (at(Tok::LBrace)) {
      ++depth;
    } else if (at(Tok::RBrace)) {
      if (depth == 0) return;  // the enclosing block's end: its reader takes it
      if (--depth == 0) {
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

// ------------------------------------------------------------------ program

void Reader::run() {
  push_scope();
  if (at(Tok::KwOpenqasm)) version();
  while (!at(Tok::Eof) && !stopped()) {
    if (at(Tok::RBrace)) {
      error_at("E102", "unmatched '}'", cur_);
      advance();
      continue;
    }
    statement();
  }
  mark_used_registers();
}

// A register is used when an instruction (or a block's body) touches one of its bits, as the
// unused-register lint reads it.
void Reader::mark_used_registers() {
  std::vector<uint8_t> qubit_used(c_.num_qubits, 0), clbit_used(c_.num_clbits, 0);
  for (const Instruction& op : c_.ops) {
    for (uint32_t k = 0; k < op.qubit_count; ++k) qubit_used[c_.qubits(op)[k]] = 1;
    if (op.clbit >= 0) clbit_used[static_cast<size_t>(op.clbit)] = 1;
    if (op.kind == OpKind::Gate)
      for (uint32_t b : c_.gates[static_cast<size_t>(op.gate)].clbits) clbit_used[b] = 1;
  }
  for (const Condition& cond : c_.conditions)
    for (uint32_t k = 0; k < cond.clbit_count; ++k) clbit_used[cond.clbit_begin + k] = 1;
  auto mark = [](std::vector<Register>& regs, const std::vector<uint8_t>& used) {
    for (Register& r : regs)
      for (uint32_t k = 0; k < r.size && !r.used; ++k) r.used = used[r.offset + k] != 0;
  };
  mark(c_.qregs, qubit_used);
  mark(c_.cregs, clbit_used);
}

void Reader::version() {
  const Token kw = cur_;
  advance();
  const Token v = cur_;
  if (!at(Tok::Real) && !at(Tok::Int)) {
    expect(Tok::Real, "a version number such as 3.0");
    sync();
    return;
  }
  advance();
  const std::string_view t = text(v);
  if (t == "3" || t.substr(0, 2) == "3.") {
    c_.version = std::string(t);
  } else {
    error_at("E110",
             "OPENQASM " + std::string(t) + " is not OpenQASM 3; " +
                 (t.substr(0, 1) == "2" ? "read it with --format qasm2 (or auto)" : "qvet reads versions 2.0 and 3"),
             v);
    fatal_ = t.substr(0, 1) != "2";
  }
  expect(Tok::Semi);
  (void)kw;
}

void Reader::statement() {
  if (stopped()) return;
  const Token start = cur_;
  switch (cur_.kind) {
    case Tok::KwOpenqasm:
      error_at("E111", "the 'OPENQASM' version statement must be the first statement", cur_);
      sync();
      break;
    case Tok::KwInclude: include(); break;
    case Tok::KwConst:
      advance();
      declaration(true);
      break;
    case Tok::KwInput:
    case Tok::KwOutput: io_declaration(); break;
    case Tok::KwQubit: qubit_declaration(false); break;
    case Tok::KwQreg: qubit_declaration(true); break;
    case Tok::KwCreg: old_creg(); break;
    case Tok::KwBool:
    case Tok::KwBit:
    case Tok::KwInt:
    case Tok::KwUint:
    case Tok::KwFloat:
    case Tok::KwAngle:
    case Tok::KwComplex:
    case Tok::KwDuration:
    case Tok::KwStretch:
    case Tok::KwArray: declaration(false); break;
    case Tok::KwLet: let_alias(); break;
    case Tok::KwGate: gate_definition(); break;
    case Tok::KwDef: def_statement(); break;
    case Tok::KwExtern: extern_statement(); break;
    case Tok::KwMeasure: measure_statement(); break;
    case Tok::KwReset: reset_statement(); break;
    case Tok::KwBarrier: barrier_statement(); break;
    case Tok::KwDelay: delay_statement(); break;
    case Tok::KwIf: if_statement(); break;
    case Tok::KwFor: for_statement(); break;
    case Tok::KwWhile: while_statement(); break;
    case Tok::KwBox: box_statement(); break;
    case Tok::KwSwitch: switch_statement(); break;
    case Tok::KwReturn: return_statement(); break;
    case Tok::KwBreak:
    case Tok::KwContinue: {
      const bool brk = at(Tok::KwBreak);
      advance();
      expect(Tok::Semi);
      if (loop_depth_ == 0) {
        error_at("E143", std::string(brk ? "'break'" : "'continue'") + " outside a loop", start);
      } else if (running()) {
        jump_ = brk ? Jump::Break : Jump::Continue;
      }
      break;
    }
    case Tok::KwEnd:
      advance();
      expect(Tok::Semi);
      qiskit_refuses("'end'", start.offset, start.length);
      if (running()) jump_ = Jump::End;
      break;
    case Tok::KwGphase:
    case Tok::KwInv:
    case Tok::KwPow:
    case Tok::KwCtrl:
    case Tok::KwNegctrl: gate_call_statement(); break;
    case Tok::KwCal:
    case Tok::KwDefcal:
    case Tok::KwDefcalgrammar: skip_calibration(); break;
    case Tok::Pragma:
      warning("W121", "pragma skipped: qvet claims no figures for what it would do", cur_.offset, cur_.length);
      advance();
      break;
    case Tok::At: skip_annotation(); break;
    case Tok::LBrace: block_or_statement(); break;
    case Tok::Semi: advance(); break;
    case Tok::Id:
      if (text(cur_) == "pragma") {
        const size_t end = lex_.line_end(cur_.offset);
        warning("W121", "pragma skipped: qvet claims no figures for what it would do", cur_.offset,
                static_cast<uint32_t>(end - cur_.offset));
        lex_.seek(end);
        advance();
        break;
      }
      if (text(cur_) == "opaque") {
        error_at("E102", "'opaque' is OpenQASM 2; in OpenQASM 3 declare the gate with 'extern' or 'defcal'", cur_);
        sync();
        break;
      }
      assignment_or_call();
      break;
    case Tok::HwQubit:
    case Tok::Int:
    case Tok::Real:
    case Tok::LParen:
    case Tok::Minus:
    case Tok::Bang:
    case Tok::Tilde:
      // An expression statement: evaluated (names checked), its value discarded.
      expression();
      expect(Tok::Semi);
      break;
    case Tok::Invalid: sync(); break;
    case Tok::KwElse:
      error_at("E102", "'else' without an 'if'", cur_);
      advance();
      break;
    default: error_at("E102", "expected a statement, found " + found(), cur_); sync();
  }
}

void Reader::block_or_statement() {
  if (++block_depth_ > lim_.max_expr_depth) {
    --block_depth_;
    too_deep(block_depth_ + lim_.max_expr_depth + 1);
    fatal_ = true;
    return;
  }
  push_scope();
  if (at(Tok::LBrace)) {
    advance();
    while (!at(Tok::RBrace) && !at(Tok::Eof) && !stopped()) statement();
    expect(Tok::RBrace, "'}' to close the block");
  } else {
    statement();
  }
  pop_scope();
  --block_depth_;
}

// `@name ...` to the end of the line, before a statement.
void Reader::skip_annotation() {
  const size_t end = lex_.line_end(cur_.offset);
  warning("W121", "annotation skipped: qvet claims no figures for what it would do", cur_.offset,
          static_cast<uint32_t>(end - cur_.offset));
  lex_.seek(end);
  advance();
}

void Reader::include() {
  const Token kw = cur_;
  advance();
  const Token file = cur_;
  if (!at(Tok::String) && !at(Tok::BitString)) {
    expect(Tok::String, "a file name in double quotes");
    sync();
    return;
  }
  advance();
  if (!expect(Tok::Semi)) return sync();
  const std::string_view name = text(file).substr(1, file.length - 2);
  if (name == "qelib1.inc") {
    qiskit_refuses("including qelib1.inc (OpenQASM 2's library; OpenQASM 3 has stdgates.inc)", file.offset,
                   file.length);
  } else if (name != "stdgates.inc") {
    error_at(
        "E120",
        "cannot include '" + std::string(name) + "': qvet reads one file, and knows only stdgates.inc (and qelib1.inc)",
        file);
    return;
  }
  if (included_) {
    warning("W206", "'" + std::string(name) + "' is included twice; Qiskit's importer refuses the second", kw.offset,
            prev_end_ - kw.offset);
    return;
  }
  included_ = true;
  c_.included_qelib1 = name == "qelib1.inc";
  // stdgates.inc's 32 names, and qelib1.inc's OpenQASM 2 set when that is what was asked for.
  auto add = [&](std::string_view n) {
    // Qiskit's importer reads stdgates.inc's `id` as U(0, 0, 0) (its IGate differs in meaning).
    const GateRow* row = find_gate_spelling(n == "id" && name == "stdgates.inc" ? "U" : n);
    if (!row) return;
    c_.gates[row->id].available = true;
    set_global(n, Symbol{Symbol::Gate, row->id});
  };
  if (name == "stdgates.inc") {
    for (std::string_view n : stdgates_names()) add(n);
  } else {
    for (const GateRow& g : gate_rows())
      if (g.in(kQasm2) && !g.in(kPrimitive)) add(g.name);
  }
}

// ------------------------------------------------------------------ declarations

// A scalar or array type: bool, bit[n], int[n], uint[n], float[n], angle[n], complex[float[n]],
// duration, stretch, array[T, d1, ...]. Sizes are constant expressions.
bool Reader::parse_type(Type* t, uint32_t* width, std::vector<uint32_t>* dims, Type* elem, uint32_t* elem_width) {
  const Token kw = cur_;
  *width = 0;
  auto size = [&](uint32_t* out) {
    if (!at(Tok::LBracket)) return true;
    advance();
    const Token at_tok = cur_;
    const Value v = expression();
    const int64_t n = const_int(v, at_tok, "a type's width");
    if (!expect(Tok::RBracket)) return false;
    if (n < 0 || n > (int64_t{1} << 20)) {
      error("E140", "a width of " + std::to_string(n) + " is out of range", at_tok.offset, prev_end_ - at_tok.offset);
      *out = 1;
      return true;
    }
    *out = static_cast<uint32_t>(n);
    return true;
  };
  switch (kw.kind) {
    case Tok::KwBool:
      *t = Type::Bool;
      advance();
      return true;
    case Tok::KwBit:
    case Tok::KwCreg:
      *t = Type::Bit;
      advance();
      return size(width);
    case Tok::KwInt:
      *t = Type::Int;
      advance();
      return size(width);
    case Tok::KwUint:
      *t = Type::Uint;
      advance();
      return size(width);
    case Tok::KwFloat:
      *t = Type::Float;
      advance();
      return size(width);
    case Tok::KwAngle:
      *t = Type::Angle;
      advance();
      return size(width);
    case Tok::KwDuration:
      *t = Type::Duration;
      advance();
      return true;
    case Tok::KwStretch:
      *t = Type::Stretch;
      advance();
      return true;
    case Tok::KwComplex:
      *t = Type::Complex;
      advance();
      if (at(Tok::LBracket)) {
        advance();
        Type inner;
        uint32_t w = 0;
        if (!at(Tok::KwFloat)) return expect(Tok::KwFloat, "'float' (complex numbers have float parts)");
        parse_type(&inner, &w, nullptr, nullptr, nullptr);
        *width = w;
        return expect(Tok::RBracket);
      }
      return true;
    case Tok::KwArray: {
      *t = Type::Array;
      advance();
      if (!expect(Tok::LBracket)) return false;
      Type et;
      uint32_t ew = 0;
      if (!is_classical_type(cur_.kind) || at(Tok::KwArray)) return expect(Tok::KwInt, "the element type");
      if (!parse_type(&et, &ew, nullptr, nullptr, nullptr)) return false;
      if (elem) *elem = et;
      if (elem_width) *elem_width = ew;
      while (at(Tok::Comma)) {
        advance();
        if (at(Tok::Hash)) {  // #dim=n in a subroutine's parameter: n dimensions of sizes unknown here
          advance();
          if (!expect(Tok::Id, "'dim'") || !expect(Tok::Eq)) return false;
          const Token nt = cur_;
          const int64_t n = const_int(expression(), nt, "an array's number of dimensions");
          if (dims) dims->assign(static_cast<size_t>(std::clamp<int64_t>(n, 0, 16)), 0);
          continue;
        }
        const Token at_tok = cur_;
        const Value v = expression();
        const int64_t n = const_int(v, at_tok, "an array's size");
        if (n < 0 || n > (int64_t{1} << 20)) {
          error("E140", "an array size of " + std::to_string(n) + " is out of range", at_tok.offset,
                prev_end_ - at_tok.offset);
          if (dims) dims->push_back(0);
        } else if (dims) {
          dims->push_back(static_cast<uint32_t>(n));
        }
      }
      return expect(Tok::RBracket);
    }
    default: return expect(Tok::KwInt, "a type");
  }
}

void Reader::declaration(bool is_const) {
  const Token start = cur_;
  Type t = Type::Int, elem = Type::Int;
  uint32_t width = 0, elem_width = 0;
  std::vector<uint32_t> dims;
  if (!is_classical_type(cur_.kind)) {
    expect(Tok::KwInt, "a type after 'const'");
    return sync();
  }
  if (!parse_type(&t, &width, &dims, &elem, &elem_width)) return sync();
  const Token name = cur_;
  if (!expect(Tok::Id, "a name for the declaration")) return sync();
  Var v;
  v.name = text(name);
  v.type = t;
  v.width = width;
  v.is_const = is_const;
  v.span = map_.span(start.offset, name.offset + name.length - start.offset);
  if (t == Type::Bit) {
    v.scalar = width == 0;
    // A bit or bit[n] is one register of the circuit's clbits, as Qiskit's importer makes it.
    // A top-level bit or bit[n] is a register of the circuit's clbits, as Qiskit's importer makes
    // it; one declared in a block is classical data until a measurement writes it (then it gets
    // clbits: bits_for_measurement), so a loop's scratch bits do not pile up registers.
    v.value.type = Type::Bit;
    v.value.width = width;
    if (scopes_.size() == 1 && running()) {
      v.value.refs = new_clbits(v.scalar ? 1 : width, v.name, name, v.scalar);
      v.value.known = false;
    }
  } else if (t == Type::Array) {
    auto a = std::make_shared<ArrayData>();
    a->elem = elem;
    a->elem_width = elem_width;
    a->dims = dims;
    size_t total = 1;
    for (uint32_t d : dims) total = std::min<size_t>(total * std::max<uint32_t>(d, 1), size_t{1} << 20);
    Value zero;
    zero.type = elem;
    zero.width = elem_width;
    a->items.assign(total, zero);
    v.value.type = Type::Array;
    v.value.array = a;
  } else {
    v.value.type = t;
    v.value.width = width;
  }
  if (!is_const && t != Type::Bit && t != Type::Array && scopes_.size() == 1 && !defining_)
    qiskit_refuses(std::string("a declaration of type '") + type_name(t) + "'", start.offset,
                   name.offset + name.length - start.offset);
  if (at(Tok::Eq)) {
    advance();
    const Token rhs = cur_;
    if (at(Tok::KwMeasure) && t == Type::Bit) {
      const Token kw = cur_;
      advance();
      const std::vector<uint32_t> q = qubit_operand(cur_);
      if (running() && v.value.refs.empty()) {
        v.value.refs = new_clbits(v.scalar ? 1 : width, v.name, name, v.scalar);
        v.value.known = false;
      }
      if (running()) measure_into(q, v.value.refs, kw.offset, prev_end_ - kw.offset);
    } else if (at(Tok::LBrace) && t == Type::Array) {
      // {a, b, ...} or {{...}, {...}}: read in row-major order.
      size_t k = 0;
      int depth = 0;
      while (!at(Tok::Eof)) {
        if (at(Tok::LBrace)) {
          ++depth;
          advance();
          continue;
        }
        if (at(Tok::RBrace)) {
          advance();
          if (--depth == 0) break;
          continue;
        }
        if (at(Tok::Comma)) {
          advance();
          continue;
        }
        const Token et = cur_;
        Value x = expression();
        if (cur_.offset == et.offset) {  // nothing read: not a value (reported); give up on the list
          sync();
          return;
        }
        if (k < v.value.array->items.size())
          v.value.array->items[k] = convert(x, elem, elem_width, et, false);
        else
          error_at("E140", "more values than the array holds", et);
        ++k;
        if (at(Tok::Semi) || at(Tok::Eof)) break;
      }
      if (k != v.value.array->items.size() && k <= v.value.array->items.size())
        error("E140",
              "the array holds " + std::to_string(v.value.array->items.size()) + " values, but " + std::to_string(k) +
                  " were given",
              rhs.offset, prev_end_ - rhs.offset);
    } else {
      Value x = expression();
      if (t == Type::Bit) {
        // A bit register's initial value: Qiskit refuses it. Bits of the circuit are not tracked
        // (a condition on them is decided at run time); a block's bits keep the value.
        qiskit_refuses("initialising classical bits", rhs.offset, prev_end_ - rhs.offset);
        if (x.type == Type::Array)
          error_at("E140", "cannot initialise bits with an array", rhs);
        else if (v.value.refs.empty()) {
          const Value conv = convert(x, Type::Bit, width, rhs, false);
          v.value.i = conv.i;
          v.value.known = conv.known;
        }
      } else if (t == Type::Array) {
        if (x.type != Type::Array)
          error_at("E140", "an array is initialised with {...} or another array", rhs);
        else if (x.array)
          v.value.array = std::make_shared<ArrayData>(*x.array);
      } else {
        Value conv = convert(x, t, width, rhs, false);
        v.value = conv;
        v.value.width = width;
      }
    }
    if (is_const && !v.value.known)
      error("E141", "a const declaration needs a value known before the program runs", rhs.offset,
            prev_end_ - rhs.offset);
    if (is_const && v.value.symbolic())
      error("E141", "a const cannot depend on an input", rhs.offset, prev_end_ - rhs.offset);
  } else if (is_const) {
    error_at("E141", "a const declaration needs a value", name);
  } else if (t != Type::Bit && t != Type::Array) {
    // Declared without a value: zero, as the specification says of classical types.
  }
  if (!expect(Tok::Semi)) return sync();
  if (mode_ == Mode::Check && t != Type::Bit) v.value.known = v.value.known && is_const;
  vars_.push_back(std::move(v));
  declare(text(name), Symbol{Symbol::Var, static_cast<uint32_t>(vars_.size() - 1)}, name);
}

// `input float theta;`, `input angle[32] a;`: Qiskit's Parameters, their values asked for when
// the circuit is simulated. `output` is parsed and declares an ordinary variable.
void Reader::io_declaration() {
  const Token kw = cur_;
  const bool input = at(Tok::KwInput);
  advance();
  Type t = Type::Float, elem = Type::Int;
  uint32_t width = 0, elem_width = 0;
  std::vector<uint32_t> dims;
  if (!is_classical_type(cur_.kind)) {
    expect(Tok::KwFloat, "a type");
    return sync();
  }
  if (!parse_type(&t, &width, &dims, &elem, &elem_width)) return sync();
  const Token name = cur_;
  if (!expect(Tok::Id, "a name") || !expect(Tok::Semi)) return sync();
  if (scopes_.size() != 1) error_at("E143", "input and output are declared at the top of the program", kw);
  Var v;
  v.name = text(name);
  v.type = t;
  v.width = width;
  v.span = map_.span(kw.offset, name.offset + name.length - kw.offset);
  v.value.type = t;
  v.value.width = width;
  if (!input) {
    qiskit_refuses("'output'", kw.offset, kw.length);
  } else if (t == Type::Float || t == Type::Angle) {
    // A Parameter of the circuit, as Qiskit's importer adds it (even when unused).
    const std::string pname(text(name));
    uint32_t index = 0;
    while (index < c_.parameters.size() && c_.parameters[index] != pname) ++index;
    if (index == c_.parameters.size()) c_.parameters.push_back(pname);
    ExprOp p;
    p.code = ExprOp::Param;
    p.param = index;
    v.value.sym = Expr{p};
  } else {
    qiskit_refuses(std::string("an input of type '") + type_name(t) + "' (Qiskit takes float and angle inputs)",
                   kw.offset, name.offset + name.length - kw.offset);
    v.value.known = false;
  }
  vars_.push_back(std::move(v));
  declare(text(name), Symbol{Symbol::Var, static_cast<uint32_t>(vars_.size() - 1)}, name);
}

// `qubit q;`, `qubit[n] q;`, and OpenQASM 2's `qreg q[n];` (also `qreg q;`, one qubit).
void Reader::qubit_declaration(bool old_style) {
  const Token kw = cur_;
  advance();
  uint32_t n = 1;
  bool scalar = true;
  auto size = [&]() {
    advance();
    const Token at_tok = cur_;
    const Value v = expression();
    const int64_t k = const_int(v, at_tok, "a register's size");
    scalar = false;
    n = k < 0 ? 0 : static_cast<uint32_t>(std::min<int64_t>(k, int64_t{1} << 31));
    if (k < 0)
      error("E140", "a register cannot have " + std::to_string(k) + " qubits", at_tok.offset,
            prev_end_ - at_tok.offset);
    return expect(Tok::RBracket);
  };
  if (!old_style && at(Tok::LBracket) && !size()) return sync();
  const Token name = cur_;
  if (!expect(Tok::Id, "a name for the qubits")) return sync();
  if (old_style && at(Tok::LBracket) && !size()) return sync();
  if (!expect(Tok::Semi)) return sync();
  if (scopes_.size() != 1 || defining_) {
    error_at("E143", "qubits are declared at the top of the program, not inside a block", kw);
    return;
  }
  if (physical_ == 1) {
    error_at("E145", "qubits are declared after a physical qubit was used: a program uses $n qubits or declared ones",
             kw);
    return;
  }
  physical_ = 0;
  QubitVar q;
  q.name = text(name);
  q.scalar = scalar;
  const uint32_t first = new_qubits(n, q.name, name, scalar);
  for (uint32_t i = 0; i < n && first != UINT32_MAX; ++i) q.qubits.push_back(first + i);
  if (first == UINT32_MAX) return;
  qvars_.push_back(std::move(q));
  declare(text(name), Symbol{Symbol::Qubits, static_cast<uint32_t>(qvars_.size() - 1)}, name);
}

void Reader::old_creg() {
  const Token kw = cur_;
  advance();
  const Token name = cur_;
  if (!expect(Tok::Id, "a register name")) return sync();
  uint32_t n = 1;
  bool scalar = true;
  if (at(Tok::LBracket)) {
    advance();
    const Token at_tok = cur_;
    const int64_t k = const_int(expression(), at_tok, "a register's size");
    if (!expect(Tok::RBracket)) return sync();
    n = k < 0 ? 0 : static_cast<uint32_t>(std::min<int64_t>(k, int64_t{1} << 31));
    scalar = false;
  }
  if (!expect(Tok::Semi)) return sync();
  Var v;
  v.name = text(name);
  v.type = Type::Bit;
  v.width = scalar ? 0 : n;
  v.scalar = scalar;
  v.span = map_.span(kw.offset, prev_end_ - kw.offset);
  v.value.type = Type::Bit;
  v.value.width = v.width;
  v.value.known = false;
  v.value.refs = new_clbits(n, v.name, name, scalar);
  vars_.push_back(std::move(v));
  declare(text(name), Symbol{Symbol::Var, static_cast<uint32_t>(vars_.size() - 1)}, name);
}

// `let a = q[0:2] ++ r;`: a name for some qubits (or bits), no new ones.
void Reader::let_alias() {
  advance();
  const Token name = cur_;
  if (!expect(Tok::Id, "a name") || !expect(Tok::Eq)) return sync();
  const Token rhs = cur_;
  const Value v = expression();
  if (!expect(Tok::Semi)) return sync();
  if (v.type == Type::Qubit) {
    QubitVar q;
    q.name = text(name);
    q.qubits = v.refs;
    qvars_.push_back(std::move(q));
    declare(text(name), Symbol{Symbol::Qubits, static_cast<uint32_t>(qvars_.size() - 1)}, name);
  } else if (v.type == Type::Bit && !v.refs.empty()) {
    Var b;
    b.name = text(name);
    b.type = Type::Bit;
    b.width = static_cast<uint32_t>(v.refs.size());
    b.scalar = false;
    b.value = v;
    b.value.width = b.width;
    vars_.push_back(std::move(b));
    declare(text(name), Symbol{Symbol::Var, static_cast<uint32_t>(vars_.size() - 1)}, name);
  } else {
    error("E140", "'let' names qubits or bits (a register, a slice, or a concatenation with ++)", rhs.offset,
          prev_end_ - rhs.offset);
  }
}

// A statement that starts with a name: a gate call (`h q;`), an assignment (`x = 1;`, `c[0] =
// measure q[0];`, `x += 2;`), or a subroutine call whose value is dropped (`f(q);`).
void Reader::assignment_or_call() {
  const Token name = cur_;
  const Symbol* sym = lookup(text(name));
  if (sym && sym->kind == Symbol::Gate && simple_gate_call()) return;
  if (!sym || sym->kind == Symbol::Gate) {
    // `x = ...;`, `x[0] = ...;`, `x += ...;` with x never declared (or a gate): not a gate call.
    size_t p = end_of(name);
    while (p < src_.size() && (src_[p] == ' ' || src_[p] == '\t')) ++p;
    const bool assigns = p < src_.size() && ((src_[p] == '=' && (p + 1 >= src_.size() || src_[p + 1] != '=')) ||
                                             (p + 1 < src_.size() && src_[p + 1] == '=' &&
                                              std::string_view("+-*/%&|^~").find(src_[p]) != std::string_view::npos));
    if (assigns) {
      if (sym)
        error_at("E203", "'" + std::string(text(name)) + "' is a gate, not a variable", name);
      else
        error_at("E201", "'" + std::string(text(name)) + "' is not declared", name);
      return sync();
    }
  }
  if (!sym || sym->kind == Symbol::Gate) return gate_call_statement();
  if (sym->kind == Symbol::Sub) {
    const Sub& s = subs_[sym->index];
    advance();
    Value v = call_subroutine(s, name, 0, true);
    while (at(Tok::LBracket) && !stopped()) v = index(std::move(v), name, 0);
    expect(Tok::Semi);
    return;
  }
  if (sym->kind == Symbol::Extern || sym->kind == Symbol::Const || sym->kind == Symbol::Qubits) {
    expression();
    expect(Tok::Semi);
    return;
  }
  // An assignment to a variable, or to some of its elements or bits.
  if (sym->kind == Symbol::Var) {
    // `c[0] = measure q;` into an angle's or integer's bits gives it clbits (see bits_for_measurement).
    size_t p = src_.find('=', end_of(name));
    if (p != std::string_view::npos && src_.substr(p + 1, 16).find("measure") != std::string_view::npos)
      bits_for_measurement(name);
  }
  Var& var = vars_[sym->index];
  advance();
  std::vector<int64_t> idx;  // the indices, when one element or bit is assigned
  std::vector<uint32_t> bits = var.value.refs;
  bool whole = true;
  while (at(Tok::LBracket)) {
    whole = false;
    const Token lb = cur_;
    advance();
    const Token at_tok = cur_;
    Value first = expression();
    if (at(Tok::Colon)) {  // a slice of bits
      advance();
      Value last = expression();
      const int64_t a = const_int(first, at_tok, "a slice's start"), b = const_int(last, at_tok, "a slice's end");
      std::vector<uint32_t> sel;
      for (int64_t k = a; k <= b && k >= 0 && static_cast<size_t>(k) < bits.size(); ++k) sel.push_back(bits[k]);
      bits = sel;
    } else {
      while (true) {
        // A float index beyond 64 bits is out of range, as any too large index.
        const double k = first.known ? first.number() : -1;
        idx.push_back(!first.known    ? -1
                      : fits_int64(k) ? static_cast<int64_t>(k)
                                      : std::numeric_limits<int64_t>::max());
        if (!at(Tok::Comma)) break;
        advance();
        first = expression();
      }
      if (var.type == Type::Bit && idx.size() == 1 && idx[0] >= 0) {
        if (static_cast<size_t>(idx[0]) >= bits.size()) {
          error("E204",
                "index " + std::to_string(idx[0]) + " is out of range for '" + std::string(var.name) + "' of " +
                    std::to_string(bits.size()) + " bits",
                at_tok.offset, prev_end_ - at_tok.offset);
          bits.clear();
        } else {
          bits = {bits[static_cast<size_t>(idx[0])]};
        }
      }
    }
    if (!expect(Tok::RBracket)) return sync();
    (void)lb;
  }
  const Token op = cur_;
  if (!at(Tok::Eq) && !at(Tok::CompoundAssign)) {
    expect(Tok::Eq, "'=' (an assignment)");
    return sync();
  }
  advance();
  if (var.is_const) error_at("E144", "'" + std::string(var.name) + "' is a const and cannot be assigned", name);
  if (at(Tok::KwMeasure) && op.kind == Tok::Eq) {
    const Token kw = cur_;
    advance();
    const std::vector<uint32_t> q = qubit_operand(cur_);
    if (!expect(Tok::Semi)) return sync();
    if (var.type != Type::Bit) {
      if (var.type != Type::Angle && var.type != Type::Int && var.type != Type::Uint && var.type != Type::Bool)
        error_at("E140", "a measurement's result is a bit; '" + std::string(var.name) + "' is " + type_name(var.type),
                 name);
      qiskit_refuses("a measurement stored in a non-bit variable", name.offset, prev_end_ - name.offset);
      if (running()) var.value.known = false;
      return;
    }
    if (running()) measure_into(q, bits, kw.offset, prev_end_ - kw.offset);
    return;
  }
  const Token rhs = cur_;
  Value v = expression();
  if (!expect(Tok::Semi)) return sync();
  if (scopes_.size() == 1 || var.type != Type::Bit)
    qiskit_refuses("a classical assignment", name.offset, prev_end_ - name.offset);
  if (!running()) return;
  if (op.kind == Tok::CompoundAssign) {
    // `x op= y` is `x = x op y`.
    const std::string_view o = text(op);
    Tok bin = Tok::Plus;
    if (o == "-=")
      bin = Tok::Minus;
    else if (o == "*=")
      bin = Tok::Star;
    else if (o == "/=")
      bin = Tok::Slash;
    else if (o == "%=")
      bin = Tok::Percent;
    else if (o == "**=")
      bin = Tok::StarStar;
    else if (o == "&=")
      bin = Tok::Amp;
    else if (o == "|=")
      bin = Tok::Pipe;
    else if (o == "^=")
      bin = Tok::Caret;
    else if (o == "<<=")
      bin = Tok::Shl;
    else if (o == ">>=")
      bin = Tok::Shr;
    Value cur = var.value;
    if (!whole && var.type == Type::Array && var.value.array && idx.size() == var.value.array->dims.size()) {
      size_t flat = 0;
      bool ok = true;
      for (size_t k = 0; k < idx.size(); ++k) {
        ok = ok && idx[k] >= 0 && static_cast<uint32_t>(idx[k]) < var.value.array->dims[k];
        flat = flat * var.value.array->dims[k] + static_cast<size_t>(std::max<int64_t>(idx[k], 0));
      }
      if (ok) cur = var.value.array->items[flat];
    }
    v = apply_binary(bin, cur, v, op);
  }
  if (var.type == Type::Bit) {
    // Classical bits set by the program: their values are not tracked (a condition on them is
    // decided at run time, as on measured bits).
    return;
  }
  if (var.type == Type::Array) {
    if (!var.value.array) return;
    ArrayData& a = *var.value.array;
    if (whole) {
      if (v.type == Type::Array && v.array) a = *v.array;
      return;
    }
    if (idx.size() != a.dims.size()) return;  // a row assigned whole: not tracked
    size_t flat = 0;
    for (size_t k = 0; k < idx.size(); ++k) {
      if (idx[k] < 0 || static_cast<uint32_t>(idx[k]) >= a.dims[k]) {
        if (idx[k] >= 0)
          error("E204",
                "index " + std::to_string(idx[k]) + " is out of range for a dimension of " + std::to_string(a.dims[k]),
                name.offset, prev_end_ - name.offset);
        for (Value& item : a.items) item.known = false;
        return;
      }
      flat = flat * a.dims[k] + static_cast<size_t>(idx[k]);
    }
    a.items[flat] = convert(v, a.elem, a.elem_width, rhs, false);
    return;
  }
  if (!whole) {
    // One bit of an integer: x[k] = b.
    if (idx.size() == 1 && idx[0] >= 0 && var.value.known && v.known && idx[0] < 64) {
      const int64_t bit = int64_t{1} << idx[0];
      var.value.i = truth(v) ? (var.value.i | bit) : (var.value.i & ~bit);
    } else {
      var.value.known = false;
    }
    return;
  }
  const uint32_t w = var.width;
  var.value = convert(v, var.type, w, rhs, false);
  var.value.width = w;
}

// ------------------------------------------------------------------ names and scopes

void Reader::set_global(std::string_view name, Symbol sym) {
  globals_.assign(name, sym);
  ++symbols_version_;
}

// Most statements name the gate and the register the one before them did: the last answers are
// kept, by name, until a declaration or a scope changes what a name means (symbols_version_).
const Symbol* Reader::lookup(std::string_view name) const {
  if (name.empty()) return nullptr;
  LookupCache& e = lookup_cache_[(static_cast<unsigned char>(name[0]) + name.size()) & 7];
  if (e.version == symbols_version_ && e.name == name) return e.symbol;
  e = {name, resolve(name), symbols_version_};
  return e.symbol;
}

const Symbol* Reader::resolve(std::string_view name) const {
  bool crossed = false;
  for (size_t s = scopes_.size(); s-- > 1;) {
    for (auto it = scopes_[s].names.rbegin(); it != scopes_[s].names.rend(); ++it)
      if (it->first == name) {
        if (crossed && it->second.kind == Symbol::Var && !vars_[it->second.index].is_const) return nullptr;
        return &it->second;
      }
    crossed = crossed || scopes_[s].boundary;
  }
  const Symbol* g = globals_.find(name);
  if (!g) {
    // The built-in constants, in ASCII and in their Unicode letters.
    static const Symbol kPiSym{Symbol::Const, 0}, kTauSym{Symbol::Const, 1}, kEulerSym{Symbol::Const, 2};
    if (name == "pi" || name == "\xCF\x80") return &kPiSym;
    if (name == "tau" || name == "\xCF\x84") return &kTauSym;
    if (name == "euler" || name == "\xE2\x84\x87") return &kEulerSym;
    return nullptr;
  }
  // Inside a gate or subroutine body, the program's variables are out of sight; constants,
  // gates, subroutines and (for subroutines) the global qubits are not.
  if (crossed && g->kind == Symbol::Var && !vars_[g->index].is_const) {
    if (defining_ || vars_[g->index].type != Type::Bit) return nullptr;
  }
  if (crossed && defining_ && g->kind == Symbol::Qubits) return nullptr;
  return g;
}

bool Reader::declare(std::string_view name, Symbol sym, const Token& at) {
  if (name == "pi" || name == "tau" || name == "euler" || name == "\xCF\x80" || name == "\xCF\x84" ||
      name == "\xE2\x84\x87") {
    error_at("E202", "'" + std::string(name) + "' is a built-in constant and cannot be declared", at);
    return false;
  }
  if (scopes_.size() > 1) {
    auto& names = scopes_.back().names;
    for (const auto& [n, s] : names)
      if (n == name) {
        error_at("E202", "'" + std::string(name) + "' is already declared in this scope", at);
        return false;
      }
    names.emplace_back(name, sym);
    ++symbols_version_;
    return true;
  }
  if (const Symbol* old = globals_.find(name)) {
    std::string where;
    if (old->kind == Symbol::Gate && c_.gates[old->index].std)
      where = name == "U" ? " (U is built in)" : " (by the include of stdgates.inc)";
    error_at("E202", "'" + std::string(name) + "' is already declared" + where, at);
    return false;
  }
  set_global(name, sym);
  return true;
}

void Reader::push_scope(bool boundary) {
  scopes_.emplace_back();
  scopes_.back().boundary = boundary;
  ++symbols_version_;
}

void Reader::pop_scope() {
  scopes_.pop_back();
  ++symbols_version_;
}

// n new qubits at the end of the circuit, as one register (a `qubit q;` is one of one qubit);
// UINT32_MAX when the limit refuses them.
uint32_t Reader::new_qubits(uint32_t n, std::string_view name, const Token& at, bool scalar) {
  const uint64_t have = c_.num_qubits;
  if (have + n > lim_.max_qubits) {
    error_at("E402",
             "'" + std::string(name) + "' would make " + std::to_string(have + n) + " qubits in all; the limit is " +
                 std::to_string(lim_.max_qubits),
             at);
    fatal_ = true;
    return UINT32_MAX;
  }
  Register r;
  r.name = std::string(name);
  r.size = n;
  r.offset = static_cast<uint32_t>(have);
  r.span = map_.span(at.offset, at.length);
  c_.qregs.push_back(std::move(r));
  c_.num_qubits += n;
  if (n == 0) warning("W207", "'" + std::string(name) + "' has no qubits", at.offset, at.length);
  (void)scalar;
  return static_cast<uint32_t>(have);
}

std::vector<uint32_t> Reader::new_clbits(uint32_t n, std::string_view name, const Token& at, bool scalar) {
  // A declaration read again (a subroutine's local bits at each call, a loop body's) keeps the
  // register it made the first time: each run writes the bits afresh.
  const uint64_t key = (uint64_t{at.offset} << 24) ^ n;
  if (const auto it = clbits_at_.find(key); it != clbits_at_.end()) return it->second;
  std::vector<uint32_t> out;
  const uint64_t have = c_.num_clbits;
  if (have + n > lim_.max_clbits) {
    error_at("E403",
             "'" + std::string(name) + "' would make " + std::to_string(have + n) + " clbits in all; the limit is " +
                 std::to_string(lim_.max_clbits),
             at);
    fatal_ = true;
    return out;
  }
  Register r;
  r.name = std::string(name);
  // A register declared in a block (a subroutine's local bits) gets a name of its own.
  for (const Register& other : c_.cregs)
    if (other.name == r.name) {
      r.name += "_" + std::to_string(c_.cregs.size());
      break;
    }
  r.size = n;
  r.offset = static_cast<uint32_t>(have);
  r.span = map_.span(at.offset, at.length);
  c_.cregs.push_back(std::move(r));
  c_.num_clbits += n;
  for (uint32_t i = 0; i < n; ++i) out.push_back(static_cast<uint32_t>(have + i));
  if (n == 0) warning("W207", "'" + std::string(name) + "' has no bits", at.offset, at.length);
  clbits_at_[key] = out;
  (void)scalar;
  return out;
}

}  // namespace qvet::qasm3
