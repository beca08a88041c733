// Control flow and subroutines. A condition known while reading (constants, loop variables) is
// decided here: the branch taken runs, the other is checked; a loop whose range is known is read
// once per value. A condition on measured bits is Qiskit's: the branches become one `if_else`
// instruction (its body the true branch, its else_gate the false one), a loop one `for_loop` or
// `while_loop`, a box one `box`; each is counted once, on every wire its body and condition use,
// and its body unrolled gives the expanded figures.
#include <algorithm>

#include "qasm3/reader.hpp"

namespace qvet::qasm3 {

namespace {

// The number of bits a non-negative decimal number needs (halving its digits until zero).
uint32_t decimal_bits(std::string digits) {
  uint32_t bits = 0;
  while (!(digits.empty() || (digits.size() == 1 && digits[0] == '0'))) {
    std::string half;
    int carry = 0;
    for (char ch : digits) {
      const int d = carry * 10 + (ch - '0');
      if (!half.empty() || d / 2) half += static_cast<char>('0' + d / 2);
      carry = d % 2;
    }
    digits = half;
    ++bits;
  }
  return bits;
}

// A copy of a condition that holds exactly when the original does not.
Condition negate(Condition c) {
  c.negated = !c.negated;
  return c;
}

}  // namespace

Reader::Mark Reader::mark() const {
  return {c_.ops.size(), c_.qubit_pool.size(), c_.param_pool.size(), c_.symbolic.size()};
}

int32_t Reader::take_block(const Mark& m, std::string name, std::vector<uint32_t>* qubits,
                           std::vector<uint32_t>* clbits, std::vector<uint32_t>* params) {
  GateDef d;
  d.name = d.qiskit_name = std::move(name);
  d.available = d.used = true;
  d.nesting = 1;
  d.expanded_ops = 0;
  auto local = [](std::vector<uint32_t>& list, uint32_t x) {
    const auto it = std::find(list.begin(), list.end(), x);
    if (it != list.end()) return static_cast<uint32_t>(it - list.begin());
    list.push_back(x);
    return static_cast<uint32_t>(list.size() - 1);
  };
  const std::vector<const Expr*> symbolic = c_.symbolic_by_slot();
  for (size_t i = m.ops; i < c_.ops.size(); ++i) {
    const Instruction& ins = c_.ops[i];
    BodyOp b;
    b.kind = ins.kind;
    b.gate = ins.kind == OpKind::Gate ? ins.gate : -1;
    b.clbit = ins.clbit;
    b.condition = ins.condition;
    b.span = map_.span(ins.src_offset, ins.src_length);
    for (uint32_t k = 0; k < ins.qubit_count; ++k) b.qubits.push_back(local(*qubits, c_.qubits(ins)[k]));
    if (ins.clbit >= 0) local(*clbits, static_cast<uint32_t>(ins.clbit));
    if (ins.condition >= 0) {
      const Condition& cond = c_.conditions[static_cast<size_t>(ins.condition)];
      for (uint32_t k = 0; k < cond.clbit_count; ++k) local(*clbits, cond.clbit_begin + k);
    }
    for (uint32_t k = 0; k < ins.param_count; ++k) {
      const uint32_t slot = ins.param_begin + k;
      if (const Expr* e = symbolic[slot]) {
        // The circuit's Parameters become the block's own, passed in by the instruction.
        Expr x = *e;
        for (ExprOp& o : x)
          if (o.code == ExprOp::Param) o.param = local(*params, o.param);
        b.params.push_back(std::move(x));
      } else {
        b.params.push_back(Expr{ExprOp{ExprOp::Const, 0, c_.param_pool[slot]}});
      }
    }
    if (b.gate >= 0) {
      const GateDef& child = c_.gates[static_cast<size_t>(b.gate)];
      for (uint32_t cl : child.clbits) local(*clbits, cl);
      d.nesting = std::max(d.nesting, child.nesting + 1);
      d.expanded_ops += child.expanded_ops;
    } else {
      d.expanded_ops += 1;
    }
    d.body.push_back(std::move(b));
  }
  c_.ops.resize(m.ops);
  c_.qubit_pool.resize(m.qubits);
  c_.param_pool.resize(m.params);
  c_.symbolic.resize(m.symbolic);
  d.expanded_ops = std::max<uint64_t>(d.expanded_ops, 1);
  if (d.nesting > lim_.max_gate_nesting) {
    error("E405", "control-flow blocks nested more than " + std::to_string(lim_.max_gate_nesting) + " deep (the limit)",
          0, 0);
    fatal_ = true;
  }
  c_.gates.push_back(std::move(d));
  return static_cast<int32_t>(c_.gates.size() - 1);
}

void Reader::emit_block(int32_t gate, const std::vector<uint32_t>& qubits, const std::vector<uint32_t>& clbits,
                        const std::vector<uint32_t>& params, int32_t condition, uint32_t off, uint32_t len) {
  GateDef& g = c_.gates[static_cast<size_t>(gate)];
  g.num_qubits = static_cast<uint32_t>(qubits.size());
  g.num_params = static_cast<uint32_t>(params.size());
  g.clbits = clbits;
  if (g.else_gate >= 0) {
    GateDef& e = c_.gates[static_cast<size_t>(g.else_gate)];
    e.num_qubits = g.num_qubits;
    e.num_params = g.num_params;
  }
  if (!budget(1, off, len)) return;
  Instruction& op = new_instruction(gate, off, len);
  op.qubit_count = static_cast<uint32_t>(qubits.size());
  op.param_count = static_cast<uint16_t>(params.size());
  op.condition = condition;
  for (uint32_t p : params) {
    ExprOp x;
    x.code = ExprOp::Param;
    x.param = p;
    c_.symbolic.push_back({static_cast<uint32_t>(c_.param_pool.size()), Expr{x}});
    c_.param_pool.push_back(std::numeric_limits<double>::quiet_NaN());
  }
  c_.qubit_pool.insert(c_.qubit_pool.end(), qubits.begin(), qubits.end());
}

// The condition Qiskit makes of `v`: a clbit (`c[0]`, `!c[0]`, `c[0] == true`) or a register
// compared with a number (`c == 3`, `int(c) != 0`). A value known while reading is decided instead
// (*decided set, *holds its truth); anything else is neither (-1, not decided): a condition Qiskit
// cannot express, known only when the program runs.
int32_t Reader::condition_of(const Value& v, bool* decided, bool* holds, const Token& at_tok, uint32_t len) {
  *decided = false;
  *holds = false;
  if (v.known && !v.symbolic() && v.refs.empty()) {
    *decided = true;
    *holds = truth(v);
    return -1;
  }
  if (v.refs.empty() || (v.type != Type::Bit && v.cmp == 0)) return -1;
  // The bits must be one register's, in order, or a single bit.
  const std::vector<uint32_t>& bits = v.refs;
  size_t reg = 0;
  while (reg + 1 < c_.cregs.size() && bits[0] >= c_.cregs[reg + 1].offset) ++reg;
  if (c_.cregs.empty()) return -1;
  const Register& r = c_.cregs[reg];
  for (size_t k = 0; k < bits.size(); ++k)
    if (bits[k] != bits[0] + k || bits[k] >= r.offset + r.size) return -1;
  Condition c;
  c.creg = static_cast<uint32_t>(reg);
  c.clbit_begin = bits[0];
  c.clbit_count = static_cast<uint32_t>(bits.size());
  c.single_bit = bits.size() == 1 && r.size != 1;
  if (!v.digits.empty()) {
    // Beyond 64 bits: kept as its digits, as a condition of Qiskit holds a Python integer; it
    // can hold when its binary length is at most the register's.
    c.single_bit = false;
    c.negated = v.cmp < 0;
    c.value = v.digits;
    c.fits_u64 = false;
    if (decimal_bits(v.digits) > c.clbit_count) {
      warning("W208", "the bits can never equal " + v.digits + ": " + std::to_string(c.clbit_count) + " bits hold less",
              at_tok.offset, len);
    }
    c_.cregs[reg].used = true;
    c_.conditions.push_back(std::move(c));
    return static_cast<int32_t>(c_.conditions.size() - 1);
  }
  int64_t value = 1;
  if (v.cmp == 0) {  // bits read as a bool: a bit is 1, a register is not 0
    if (bits.size() > 1) {
      value = 0;
      c.negated = true;
    }
  } else {
    value = v.cmp_value;
    c.negated = v.cmp < 0;
  }
  if (value < 0 || (c.clbit_count < 63 && (static_cast<uint64_t>(value) >> c.clbit_count) != 0)) {
    warning("W208",
            "the bits can never equal " + std::to_string(value) + ": " + std::to_string(c.clbit_count) +
                (c.clbit_count == 1 ? " bit holds" : " bits hold") + " less",
            at_tok.offset, len);
    value = 0;
    c.negated = !c.negated;  // (bits == impossible) is never true: (bits != 0 ... ) read as its negation's
    *decided = true;
    *holds = v.cmp < 0;
    return -1;
  }
  c.value = std::to_string(value);
  c.value_u64 = static_cast<uint64_t>(value);
  c_.cregs[reg].used = true;
  c_.conditions.push_back(std::move(c));
  return static_cast<int32_t>(c_.conditions.size() - 1);
}

// A branch or body read without effect: its names and types are checked.
void Reader::check_only(const std::function<void()>& read) {
  const Mode saved = mode_;
  mode_ = Mode::Check;
  read();
  mode_ = saved;
}

void Reader::if_statement() {
  const Token kw = cur_;
  advance();
  if (!expect(Tok::LParen, "'(' after 'if'")) return sync();
  const Token at_cond = cur_;
  const Value v = expression();
  const uint32_t cond_len = prev_end_ - at_cond.offset;
  if (!expect(Tok::RParen, "')' to close the condition")) return sync();
  if (v.type == Type::Qubit || v.type == Type::Array) {
    error("E140", std::string("a condition is a bool or bits, not ") + type_name(v.type), at_cond.offset, cond_len);
  }
  bool decided = false, holds = false;
  int32_t cond = -1;
  if (running()) cond = condition_of(v, &decided, &holds, at_cond, cond_len);
  auto else_part = [&](const std::function<void()>& read) {
    if (!at(Tok::KwElse)) return false;
    advance();
    read();
    return true;
  };
  if (!running() || decided) {
    // Known (or not running at all): the branch taken runs, the other is checked.
    const bool run_true = running() && holds, run_false = running() && !holds;
    if (run_true)
      block_or_statement();
    else
      check_only([&] { block_or_statement(); });
    else_part([&] {
      if (run_false)
        block_or_statement();
      else
        check_only([&] { block_or_statement(); });
    });
    return;
  }
  if (cond < 0) {
    warning("W122",
            "this condition is known only when the program runs and is not one Qiskit can express (a bit, or bits "
            "compared with a number): both branches are counted, and the simulator does not run it",
            at_cond.offset, cond_len);
  }
  // Qiskit's if_else: both branches become one instruction.
  std::vector<uint32_t> qubits, clbits, params;
  if (cond >= 0) {
    const Condition& c = c_.conditions[static_cast<size_t>(cond)];
    for (uint32_t k = 0; k < c.clbit_count; ++k) clbits.push_back(c.clbit_begin + k);
  }
  ++runtime_depth_;
  const Mark m = mark();
  block_or_statement();
  const int32_t body = take_block(m, "if_else", &qubits, &clbits, &params);
  int32_t other = -1;
  else_part([&] {
    block_or_statement();
    other = take_block(m, "if_else", &qubits, &clbits, &params);
  });
  --runtime_depth_;
  if (other >= 0) {
    c_.gates[static_cast<size_t>(body)].else_gate = other;
    if (cond >= 0) {
      c_.conditions.push_back(negate(c_.conditions[static_cast<size_t>(cond)]));
      c_.gates[static_cast<size_t>(body)].else_condition = static_cast<int32_t>(c_.conditions.size() - 1);
    } else {
      c_.gates[static_cast<size_t>(body)].dynamic = true;
    }
  }
  if (cond < 0) c_.gates[static_cast<size_t>(body)].dynamic = true;
  emit_block(body, qubits, clbits, params, cond, kw.offset, prev_end_ - kw.offset);
}

// `for T i in [a:b]`, `in [a:s:b]` (ends included), `in {x, y}`, or over an array's values.
void Reader::for_statement() {
  const Token kw = cur_;
  advance();
  Type vt = Type::Int;
  uint32_t vw = 0;
  const bool has_type = is_classical_type(cur_.kind);
  if (has_type && !parse_type(&vt, &vw, nullptr, nullptr, nullptr)) return sync();
  const Token var = cur_;
  if (!expect(Tok::Id, "the loop variable")) return sync();
  if (!has_type)
    qiskit_refuses("a loop variable without a type (Qiskit reads `for int i in ...`)", var.offset, var.length);
  else if (vt != Type::Int && vt != Type::Uint)
    qiskit_refuses("a loop variable that is not an integer", kw.offset, var.offset + var.length - kw.offset);
  if (!expect(Tok::KwIn, "'in'")) return sync();
  std::vector<Value> values;
  bool known = true;
  bool is_range = false;
  int64_t range_start = 0, range_step = 1, range_count = 0;
  auto item = [&](Value v) {
    known = known && v.known && !v.symbolic();
    values.push_back(std::move(v));
  };
  const Token set_at = cur_;
  if (at(Tok::LBrace)) {
    advance();
    while (!at(Tok::RBrace) && !at(Tok::Eof)) {
      item(expression());
      if (!at(Tok::Comma)) break;
      advance();
    }
    if (!expect(Tok::RBrace)) return sync();
  } else if (at(Tok::LBracket)) {
    advance();
    const Token a_tok = cur_;
    const Value a = expression();
    if (!expect(Tok::Colon, "':' in the range")) return sync();
    Value s, b = expression();
    bool has_step = false;
    if (at(Tok::Colon)) {
      advance();
      s = b;
      b = expression();
      has_step = true;
    }
    if (!expect(Tok::RBracket)) return sync();
    if (a.known && b.known && (!has_step || s.known) && !a.symbolic() && !b.symbolic()) {
      const int64_t x = const_int(a, a_tok, "a range's start"), y = const_int(b, a_tok, "a range's end");
      const int64_t st = has_step ? const_int(s, a_tok, "a range's step") : 1;
      if (st == 0) {
        error("E140", "a range's step cannot be 0", set_at.offset, prev_end_ - set_at.offset);
      } else {
        // Read lazily: a range of 10^12 values costs only the iterations the budget allows.
        range_start = x;
        range_step = st;
        range_count = (st > 0 ? y >= x : y <= x) ? (y - x) / st + 1 : 0;
        is_range = true;
      }
    } else {
      known = false;
    }
  } else {
    const Value v = expression();
    if (v.type == Type::Array && v.array) {
      for (const Value& x : v.array->items) item(x);
    } else if (v.type == Type::Bit) {
      for (size_t k = 0; k < std::max<size_t>(v.refs.size(), 1); ++k) item(typed(Type::Bit, 0, false));
    } else if (v.type != Type::Void) {
      error("E140", std::string("a for loop runs over a range, a set or an array, not ") + type_name(v.type),
            set_at.offset, prev_end_ - set_at.offset);
    }
  }
  const Token body_tok = cur_;
  const uint32_t head_end = prev_end_;
  ++loop_depth_;
  auto body_with = [&](const Value* v) {
    push_scope();
    Var lv;
    lv.name = text(var);
    lv.type = vt;
    lv.width = vw;
    if (v)
      lv.value = convert(*v, vt, vw, var, false);
    else
      lv.value = typed(vt, vw, false);
    vars_.push_back(std::move(lv));
    declare(text(var), Symbol{Symbol::Var, static_cast<uint32_t>(vars_.size() - 1)}, var);
    block_or_statement();
    pop_scope();
  };
  const uint64_t iterations = is_range ? static_cast<uint64_t>(range_count) : values.size();
  if (!running() || !known || iterations == 0) {
    if (running() && !known)
      warning("W122",
              "the loop's values are known only when the program runs: its body is read once, with an unknown loop "
              "variable",
              set_at.offset, head_end - set_at.offset);
    if (running() && !known) {
      const Mark m = mark();
      std::vector<uint32_t> qubits, clbits, params;
      body_with(nullptr);
      const int32_t g = take_block(m, "for_loop", &qubits, &clbits, &params);
      c_.gates[static_cast<size_t>(g)].dynamic = true;
      emit_block(g, qubits, clbits, params, -1, kw.offset, prev_end_ - kw.offset);
    } else {
      check_only([&] { body_with(nullptr); });
    }
    --loop_depth_;
    return;
  }
  // The body once per value, read again from its first token each time.
  const Mark m = mark();
  ++rereads_;
  for (uint64_t k = 0; k < iterations && !stopped(); ++k) {
    if (k > 0) {
      lex_.seek(body_tok.offset);
      advance();
    }
    Value at_k;
    if (is_range) {
      at_k.type = vt == Type::Uint ? Type::Uint : Type::Int;
      at_k.i = range_start + static_cast<int64_t>(k) * range_step;
    }
    body_with(is_range ? &at_k : &values[k]);
    if (jump_ == Jump::Break) {
      jump_ = Jump::None;
      break;
    }
    if (jump_ == Jump::Continue) jump_ = Jump::None;
    if (jump_ != Jump::None) break;  // return or end: out of the loop too
  }
  --rereads_;
  --loop_depth_;
  // After a break the rest of the body was read without effect; the lexer is past it either way.
  if (c_.ops.size() == m.ops) return;  // a purely classical loop: no instruction
  std::vector<uint32_t> qubits, clbits, params;
  const int32_t g = take_block(m, "for_loop", &qubits, &clbits, &params);
  emit_block(g, qubits, clbits, params, -1, kw.offset, prev_end_ - kw.offset);
}

void Reader::while_statement() {
  const Token kw = cur_;
  advance();
  const Token open = cur_;
  if (!expect(Tok::LParen, "'(' after 'while'")) return sync();
  const Token at_cond = cur_;
  Value v = expression();
  uint32_t cond_len = prev_end_ - at_cond.offset;
  if (!expect(Tok::RParen, "')' to close the condition")) return sync();
  bool decided = false, holds = false;
  int32_t cond = -1;
  if (running()) cond = condition_of(v, &decided, &holds, at_cond, cond_len);
  ++loop_depth_;
  if (!running() || (decided && !holds)) {
    check_only([&] { block_or_statement(); });
    --loop_depth_;
    return;
  }
  const Mark m = mark();
  std::vector<uint32_t> qubits, clbits, params;
  if (!decided) {
    // Qiskit's while_loop: the body once, repeated at run time while the bits say so.
    if (cond < 0)
      warning("W122",
              "this condition is known only when the program runs and is not one Qiskit can express: the loop's "
              "body is counted once",
              at_cond.offset, cond_len);
    if (cond >= 0) {
      const Condition& c = c_.conditions[static_cast<size_t>(cond)];
      for (uint32_t k = 0; k < c.clbit_count; ++k) clbits.push_back(c.clbit_begin + k);
    }
    ++runtime_depth_;
    block_or_statement();
    --runtime_depth_;
    if (jump_ == Jump::Break || jump_ == Jump::Continue) jump_ = Jump::None;
    --loop_depth_;
    const int32_t g = take_block(m, "while_loop", &qubits, &clbits, &params);
    c_.gates[static_cast<size_t>(g)].dynamic = true;
    emit_block(g, qubits, clbits, params, cond, kw.offset, prev_end_ - kw.offset);
    return;
  }
  // A condition known while reading: the loop runs here, reading its condition and body again.
  ++rereads_;
  while (!stopped()) {
    block_or_statement();
    if (jump_ == Jump::Break) {
      jump_ = Jump::None;
      break;
    }
    if (jump_ == Jump::Continue) jump_ = Jump::None;
    if (jump_ != Jump::None) break;
    lex_.seek(open.offset);
    advance();
    advance();  // (
    v = expression();
    expect(Tok::RParen);
    if (!v.known) {
      // The condition now depends on measurements: from here on it is Qiskit's while_loop, its
      // body once, repeated at run time.
      const Mark inner = mark();
      std::vector<uint32_t> iq, ic, ip;
      ++runtime_depth_;
      block_or_statement();
      --runtime_depth_;
      if (jump_ == Jump::Break || jump_ == Jump::Continue) jump_ = Jump::None;
      const int32_t w = take_block(inner, "while_loop", &iq, &ic, &ip);
      c_.gates[static_cast<size_t>(w)].dynamic = true;
      emit_block(w, iq, ic, ip, -1, kw.offset, prev_end_ - kw.offset);
      break;
    }
    if (!truth(v)) {
      check_only([&] { block_or_statement(); });
      break;
    }
  }
  --rereads_;
  --loop_depth_;
  if (c_.ops.size() == m.ops) return;
  const int32_t g = take_block(m, "while_loop", &qubits, &clbits, &params);
  emit_block(g, qubits, clbits, params, -1, kw.offset, prev_end_ - kw.offset);
}

void Reader::box_statement() {
  const Token kw = cur_;
  advance();
  if (at(Tok::LBracket)) {
    advance();
    expression();
    if (!expect(Tok::RBracket)) return sync();
  }
  if (!at(Tok::LBrace)) {
    expect(Tok::LBrace, "'{' to start the box");
    return sync();
  }
  qiskit_refuses("'box' (Qiskit 1.0's importer has no box; Qiskit 2 reads it)", kw.offset, kw.length);
  if (!running()) return check_only([&] { block_or_statement(); });
  const Mark m = mark();
  block_or_statement();
  std::vector<uint32_t> qubits, clbits, params;
  const int32_t g = take_block(m, "box", &qubits, &clbits, &params);
  emit_block(g, qubits, clbits, params, -1, kw.offset, prev_end_ - kw.offset);
}

// switch (x) { case 0 { ... } case 1, 2 { ... } default { ... } }
void Reader::switch_statement() {
  const Token kw = cur_;
  advance();
  if (!expect(Tok::LParen, "'(' after 'switch'")) return sync();
  const Token at_v = cur_;
  const Value v = expression();
  if (!expect(Tok::RParen) || !expect(Tok::LBrace, "'{' to start the cases")) return sync();
  qiskit_refuses("'switch'", kw.offset, kw.length);
  if (v.type != Type::Void && !(v.type == Type::Int || v.type == Type::Uint || v.type == Type::Bit))
    error("E140", std::string("switch takes an integer, not ") + type_name(v.type), at_v.offset,
          prev_end_ - at_v.offset);
  const bool known = v.known && !v.symbolic();
  const bool run = running();
  bool matched = false;
  const Mark m = mark();
  bool seen_default = false;
  while ((at(Tok::KwCase) || at(Tok::KwDefault)) && !stopped()) {
    const bool is_default = at(Tok::KwDefault);
    const Token ct = cur_;
    advance();
    bool hit = false;
    if (is_default) {
      if (seen_default) error_at("E102", "a switch has one default", ct);
      seen_default = true;
      hit = !matched;
    } else {
      if (seen_default) error_at("E102", "the default case comes last", ct);
      while (!at(Tok::LBrace) && !at(Tok::Eof)) {
        const Token e = cur_;
        const Value c = expression();
        if (!c.known || c.symbolic())
          error("E141", "a case's value must be a constant", e.offset, prev_end_ - e.offset);
        else if (known && c.i == v.i)
          hit = true;
        if (!at(Tok::Comma)) break;
        advance();
      }
    }
    if (!at(Tok::LBrace)) {
      expect(Tok::LBrace, "'{' to start the case");
      return sync();
    }
    if (run && (!known || (hit && !matched))) {
      block_or_statement();
      matched = matched || hit;
    } else {
      check_only([&] { block_or_statement(); });
    }
  }
  expect(Tok::RBrace, "'}' to close the switch");
  if (!run || known || c_.ops.size() == m.ops) return;
  // On a value known at run time: every case counted in one switch_case instruction.
  warning("W122",
          "the switch's value is known only when the program runs: every case is counted, and the simulator "
          "does not run it",
          at_v.offset, at_v.length);
  std::vector<uint32_t> qubits, clbits, params;
  const int32_t g = take_block(m, "switch_case", &qubits, &clbits, &params);
  c_.gates[static_cast<size_t>(g)].dynamic = true;
  emit_block(g, qubits, clbits, params, -1, kw.offset, prev_end_ - kw.offset);
}

// ------------------------------------------------------------------ subroutines

void Reader::def_statement() {
  const Token kw = cur_;
  advance();
  const Token name = cur_;
  if (!expect(Tok::Id, "the subroutine's name") || !expect(Tok::LParen)) return sync();
  if (scopes_.size() != 1) error_at("E143", "subroutines are defined at the top of the program", kw);
  qiskit_refuses("'def'", kw.offset, kw.length);
  Sub s;
  s.name = text(name);
  s.span = map_.span(kw.offset, name.offset + name.length - kw.offset);
  std::vector<Token> param_tokens;
  while (!at(Tok::RParen) && !at(Tok::Eof)) {
    Sub::Param p;
    if (at(Tok::KwReadonly) || at(Tok::KwMutable)) advance();
    if (at(Tok::KwQubit) || at(Tok::KwQreg)) {
      advance();
      p.type = Type::Qubit;
      if (at(Tok::LBracket)) {
        advance();
        const Token st = cur_;
        p.width = static_cast<uint32_t>(std::max<int64_t>(0, const_int(expression(), st, "a qubit parameter's size")));
        p.scalar = false;
        if (!expect(Tok::RBracket)) return sync();
      }
    } else if (is_classical_type(cur_.kind)) {
      if (!parse_type(&p.type, &p.width, &p.dims, &p.elem, &p.elem_width)) return sync();
      p.scalar = p.type != Type::Bit || p.width == 0;
    } else {
      expect(Tok::KwQubit, "a parameter type");
      return sync();
    }
    param_tokens.push_back(cur_);
    if (!expect(Tok::Id, "a parameter name")) return sync();
    p.name = text(param_tokens.back());
    s.params.push_back(p);
    if (!at(Tok::Comma)) break;
    advance();
  }
  if (!expect(Tok::RParen)) return sync();
  if (at(Tok::Arrow)) {
    advance();
    std::vector<uint32_t> dims;
    Type elem;
    uint32_t ew = 0;
    if (!parse_type(&s.ret, &s.ret_width, &dims, &elem, &ew)) return sync();
  }
  if (!at(Tok::LBrace)) {
    expect(Tok::LBrace, "'{' to start the subroutine's body");
    return sync();
  }
  s.body = cur_.offset;
  subs_.push_back(s);
  if (!declare(text(name), Symbol{Symbol::Sub, static_cast<uint32_t>(subs_.size() - 1)}, name)) {
    check_only([&] { block_or_statement(); });
    return;
  }
  // The body, checked once with its parameters' values unknown.
  check_only([&] {
    push_scope(true);
    for (size_t k = 0; k < s.params.size(); ++k) declare_parameter(s.params[k], nullptr, param_tokens[k]);
    ++sub_depth_;
    block_or_statement();
    --sub_depth_;
    pop_scope();
  });
  jump_ = Jump::None;
}

// A subroutine's parameter in its body's scope: bound to the call's argument, or (checking the body
// once, where it is defined: arg is nullptr) of its type with an unknown value.
void Reader::declare_parameter(const Sub::Param& p, const Value* arg, const Token& at) {
  if (p.type == Type::Qubit) {
    QubitVar q;
    q.name = p.name;
    q.scalar = p.scalar;
    if (arg)
      q.qubits = arg->refs;
    else
      q.qubits.assign(p.scalar ? 1 : p.width, 0);
    qvars_.push_back(std::move(q));
    declare(p.name, Symbol{Symbol::Qubits, static_cast<uint32_t>(qvars_.size() - 1)}, at);
    return;
  }
  Var v;
  v.name = p.name;
  v.type = p.type;
  v.width = p.width;
  if (arg) {
    v.value = p.type == Type::Bit ? *arg : convert(*arg, p.type, p.width, at, false);
  } else {
    v.value = typed(p.type, p.width, false);
    if (p.type == Type::Bit) v.value.refs.assign(p.scalar ? 1 : p.width, 0);
    if (p.type == Type::Array) {
      auto a = std::make_shared<ArrayData>();
      a->elem = p.elem;
      a->elem_width = p.elem_width;
      a->dims = p.dims;
      v.value.array = a;
    }
  }
  vars_.push_back(std::move(v));
  declare(p.name, Symbol{Symbol::Var, static_cast<uint32_t>(vars_.size() - 1)}, at);
}

void Reader::extern_statement() {
  const Token kw = cur_;
  advance();
  const Token name = cur_;
  if (!expect(Tok::Id, "the extern's name") || !expect(Tok::LParen)) return sync();
  qiskit_refuses("'extern'", kw.offset, kw.length);
  Sub s;
  s.name = text(name);
  s.is_extern = true;
  while (!at(Tok::RParen) && !at(Tok::Eof)) {
    Sub::Param p;
    std::vector<uint32_t> dims;
    Type elem;
    uint32_t ew = 0;
    if (at(Tok::KwReadonly) || at(Tok::KwMutable)) advance();
    if (!parse_type(&p.type, &p.width, &dims, &elem, &ew)) return sync();
    if (at(Tok::Id)) advance();  // a parameter name is optional
    s.params.push_back(p);
    if (!at(Tok::Comma)) break;
    advance();
  }
  if (!expect(Tok::RParen)) return sync();
  if (at(Tok::Arrow)) {
    advance();
    std::vector<uint32_t> dims;
    Type elem;
    uint32_t ew = 0;
    if (!parse_type(&s.ret, &s.ret_width, &dims, &elem, &ew)) return sync();
  }
  if (!expect(Tok::Semi)) return sync();
  subs_.push_back(s);
  declare(text(name), Symbol{Symbol::Extern, static_cast<uint32_t>(subs_.size() - 1)}, name);
}

void Reader::return_statement() {
  const Token kw = cur_;
  advance();
  Value v;
  if (at(Tok::KwMeasure)) {
    const Token m = cur_;
    advance();
    const std::vector<uint32_t> q = qubit_operand(cur_);
    v = typed(Type::Bit, static_cast<uint32_t>(q.size() > 1 ? q.size() : 0), false);
    if (running() && !q.empty()) {
      // The result needs bits of its own: a register for this measurement.
      v.refs = new_clbits(static_cast<uint32_t>(q.size()), "_return", m, q.size() == 1);
      measure_into(q, v.refs, m.offset, prev_end_ - m.offset);
    }
  } else if (!at(Tok::Semi)) {
    v = expression();
  }
  if (!expect(Tok::Semi)) return sync();
  if (sub_depth_ == 0) {
    error_at("E143", "'return' outside a subroutine", kw);
    return;
  }
  if (running()) {
    ret_value_ = v;
    jump_ = Jump::Return;
  }
}

Value Reader::call_subroutine(const Sub& s, const Token& name, uint32_t depth, bool statement) {
  // `f(a, b)`, or, as older versions of the language wrote a call of a quantum subroutine,
  // `f a, b;` like a gate call (the official examples still do; read with a warning).
  const bool gate_style = statement && !at(Tok::LParen);
  if (gate_style)
    warning("W123",
            "'" + std::string(s.name) + "' is a subroutine: OpenQASM 3 calls it as " + std::string(s.name) +
                "(...); read as that call",
            name.offset, name.length);
  else
    advance();  // (
  std::vector<Value> args;
  std::vector<std::pair<uint32_t, uint32_t>> spans;
  while (!at(gate_style ? Tok::Semi : Tok::RParen) && !at(Tok::Eof) && !stopped()) {
    const Token a = cur_;
    args.push_back(expression(depth + 1));
    spans.emplace_back(a.offset, prev_end_ - a.offset);
    if (!at(Tok::Comma)) break;
    advance();
  }
  if (!gate_style) expect(Tok::RParen, "')' to close the call");
  if (statement && !gate_style && (at(Tok::Id) || at(Tok::HwQubit))) {
    // `f(n) q, r;`: the same older form, classical arguments in parentheses and qubits after.
    warning("W123",
            "'" + std::string(s.name) +
                "' is a subroutine: OpenQASM 3 passes all its arguments in (...); read as that call",
            name.offset, name.length);
    while (!at(Tok::Semi) && !at(Tok::Eof) && !stopped()) {
      const Token a = cur_;
      args.push_back(expression(depth + 1));
      spans.emplace_back(a.offset, prev_end_ - a.offset);
      if (!at(Tok::Comma)) break;
      advance();
    }
  }
  Value result = typed(s.ret, s.ret_width, false);
  if (args.size() != s.params.size()) {
    error("E142",
          "'" + std::string(s.name) + "' takes " + std::to_string(s.params.size()) +
              (s.params.size() == 1 ? " argument" : " arguments") + ", but " + std::to_string(args.size()) +
              (args.size() == 1 ? " was" : " were") + " given",
          name.offset, prev_end_ - name.offset);
    return result;
  }
  for (size_t k = 0; k < args.size(); ++k) {
    const Sub::Param& p = s.params[k];
    const Value& a = args[k];
    if (a.type == Type::Void) return result;
    if ((p.type == Type::Qubit) != (a.type == Type::Qubit)) {
      error("E140",
            "argument " + std::to_string(k + 1) + " of '" + std::string(s.name) + "' is " + type_name(p.type) +
                ", not " + type_name(a.type),
            spans[k].first, spans[k].second);
      return result;
    }
    if (p.type == Type::Qubit && !p.scalar && p.width != a.refs.size()) {
      error("E140",
            "argument " + std::to_string(k + 1) + " of '" + std::string(s.name) + "' is qubit[" +
                std::to_string(p.width) + "], given " + std::to_string(a.refs.size()) + " qubits",
            spans[k].first, spans[k].second);
      return result;
    }
    if (p.type == Type::Qubit && p.scalar && a.refs.size() != 1) {
      error("E140", "argument " + std::to_string(k + 1) + " of '" + std::string(s.name) + "' is one qubit",
            spans[k].first, spans[k].second);
      return result;
    }
  }
  if (s.is_extern || !running()) return result;
  if (sub_depth_ >= 64) {
    error("E407", "subroutine calls nested more than 64 deep", name.offset, prev_end_ - name.offset);
    fatal_ = true;
    return result;
  }
  // Read the body again with the arguments bound, then come back here.
  const Token saved_cur = cur_;
  const uint32_t saved_prev = prev_end_;
  const size_t saved_pos = lex_.position();
  push_scope(true);
  for (size_t k = 0; k < args.size(); ++k) declare_parameter(s.params[k], &args[k], name);
  lex_.seek(s.body);
  ++rereads_;
  advance();
  ++sub_depth_;
  const uint32_t saved_loops = loop_depth_;
  loop_depth_ = 0;
  ret_value_ = Value{};
  block_or_statement();
  loop_depth_ = saved_loops;
  --sub_depth_;
  pop_scope();
  if (jump_ == Jump::Return) jump_ = Jump::None;
  result = s.ret == Type::Void ? Value{} : ret_value_;
  if (s.ret != Type::Void && s.ret != Type::Bit && ret_value_.type != Type::Void)
    result = convert(ret_value_, s.ret, s.ret_width, name, false);
  if (s.ret == Type::Void) result.type = Type::Void;
  --rereads_;
  lex_.seek(saved_pos);
  cur_ = saved_cur;
  prev_end_ = saved_prev;
  if (result.type == Type::Void && s.ret == Type::Void) {
    // A call of a void subroutine as a statement: nothing to return.
    Value none;
    none.type = Type::Bool;
    none.known = true;
    return none;
  }
  return result;
}

// cal { ... }, defcal ... { ... }, defcalgrammar "...";: pulse-level text in a grammar of its own,
// skipped by bytes (braces matched) with a warning.
void Reader::skip_calibration() {
  const Token kw = cur_;
  const bool grammar = at(Tok::KwDefcalgrammar);
  size_t p = kw.offset;
  if (grammar) {
    while (p < src_.size() && src_[p] != ';') ++p;
    p = std::min(p + 1, src_.size());
  } else {
    while (p < src_.size() && src_[p] != '{' && src_[p] != ';') ++p;
    if (p < src_.size() && src_[p] == '{') {
      int depth = 0;
      for (; p < src_.size(); ++p) {
        if (src_[p] == '{') ++depth;
        if (src_[p] == '}' && --depth == 0) {
          ++p;
          break;
        }
      }
    } else {
      p = std::min(p + 1, src_.size());
    }
  }
  warning("W121",
          std::string(describe(kw.kind)) +
              " skipped: calibrations are for a pulse-level compiler, and qvet claims no "
              "figures for them",
          kw.offset, kw.length);
  lex_.seek(p);
  advance();
}

}  // namespace qvet::qasm3
