// Expressions: read and evaluated in one go. A value is known (from constants), symbolic (it
// depends on `input` parameters: an Expr over the circuit's Parameters, or over a gate's own
// parameters in its body), or unknown (it depends on a measurement). Precedence follows the
// language's grammar, loosest first: || && | ^ & (== !=) (< <= > >=) (<< >>) (+ -) (* / %), then
// the prefix operators - ! ~, then ** (right-associative), then indexing and calls.
#include <cmath>
#include <cstdlib>

#include "qasm3/reader.hpp"

namespace qvet::qasm3 {

namespace {

Value known_int(int64_t i, Type t = Type::Int) {
  Value v;
  v.type = t;
  v.i = i;
  return v;
}
Value known_float(double f, Type t = Type::Float) {
  Value v;
  v.type = t;
  v.f = f;
  return v;
}
Value unknown(Type t) {
  Value v;
  v.type = t;
  v.known = false;
  return v;
}

bool is_integer(Type t) { return t == Type::Int || t == Type::Uint || t == Type::Bool || t == Type::Bit; }
bool is_real(Type t) { return t == Type::Float || t == Type::Angle; }

// Wraps an integer to n bits, signed or not (n = 0: unsized, 64 bits here).
int64_t wrap(int64_t v, uint32_t n, bool is_signed) {
  if (n == 0 || n >= 64) return v;
  const uint64_t mask = (uint64_t{1} << n) - 1;
  uint64_t u = static_cast<uint64_t>(v) & mask;
  if (is_signed && (u >> (n - 1)) & 1) u |= ~mask;
  return static_cast<int64_t>(u);
}

// A symbolic operand as an Expr (a known number becomes a constant).
Expr as_expr(const Value& v) {
  if (v.symbolic()) return v.sym;
  ExprOp k;
  k.value = v.number();
  return Expr{k};
}

Value symbolic(Type t, Expr e) {
  Value v;
  v.type = t;
  v.sym = std::move(e);
  return v;
}

}  // namespace

bool Reader::too_deep(uint32_t depth) {
  if (depth <= lim_.max_expr_depth) return false;
  if (!depth_reported_)
    error_at("E407", "nested more than " + std::to_string(lim_.max_expr_depth) + " levels deep (the limit on nesting)",
             cur_);
  depth_reported_ = true;
  fatal_ = true;
  return true;
}

int64_t Reader::const_int(const Value& v, const Token& at, const char* what) {
  if (v.type == Type::Void) return 0;  // already reported
  if (!v.known || v.symbolic()) {
    error("E141", std::string(what) + " must be known before the program runs (a constant expression)", at.offset,
          prev_end_ > at.offset ? prev_end_ - at.offset : at.length);
    return 0;
  }
  if (!is_integer(v.type)) {
    if (is_real(v.type) && v.f == std::floor(v.f) && std::fabs(v.f) < 9e15) return static_cast<int64_t>(v.f);
    error("E140", std::string(what) + " is an integer, not " + type_name(v.type), at.offset,
          prev_end_ > at.offset ? prev_end_ - at.offset : at.length);
    return 0;
  }
  return v.i;
}

bool Reader::truth(const Value& v) const {
  switch (v.type) {
    case Type::Float:
    case Type::Angle:
    case Type::Duration: return v.f != 0;
    case Type::Complex: return v.f != 0 || v.im != 0;
    default: return v.i != 0;
  }
}

Value Reader::expression(uint32_t depth) {
  // A lone number (a gate's angle, an index): read without the precedence climb.
  if ((at(Tok::Int) || at(Tok::Real)) && cur_.length < 16) {
    size_t p = end_of(cur_);
    while (p < src_.size() && (src_[p] == ' ' || src_[p] == '\t')) ++p;
    if (p < src_.size() && (src_[p] == ',' || src_[p] == ')' || src_[p] == ']' || src_[p] == ';'))
      return primary(depth);
  }
  Value v = binary(0, depth);
  // `a ++ b`: the concatenation of qubit or bit lists (in `let` aliases).
  while (at(Tok::PlusPlus)) {
    const Token op = cur_;
    advance();
    Value rhs = binary(0, depth);
    if (v.type != rhs.type || (v.type != Type::Qubit && v.type != Type::Bit)) {
      error_at("E140", "'++' joins qubit registers or bit registers", op);
      continue;
    }
    v.refs.insert(v.refs.end(), rhs.refs.begin(), rhs.refs.end());
    v.width = static_cast<uint32_t>(v.refs.size());
  }
  return v;
}

// Precedence climbing: one loop per level of nesting instead of one call per precedence level.
Value Reader::binary(int min_level, uint32_t depth) {
  if (too_deep(depth)) return Value{};
  // Binding strength, loosest first: || 0, && 1, | 2, ^ 3, & 4, == != 5, < <= > >= 6, << >> 7,
  // + - 8, * / % 9; -1 for a token that is no binary operator.
  auto level_of = [](Tok k) {
    switch (k) {
      case Tok::PipePipe: return 0;
      case Tok::AmpAmp: return 1;
      case Tok::Pipe: return 2;
      case Tok::Caret: return 3;
      case Tok::Amp: return 4;
      case Tok::EqEq:
      case Tok::NotEq: return 5;
      case Tok::Less:
      case Tok::LessEq:
      case Tok::Greater:
      case Tok::GreaterEq: return 6;
      case Tok::Shl:
      case Tok::Shr: return 7;
      case Tok::Plus:
      case Tok::Minus: return 8;
      case Tok::Star:
      case Tok::Slash:
      case Tok::Percent: return 9;
      default: return -1;
    }
  };
  Value lhs = unary(depth + 1);
  for (int level = level_of(cur_.kind); level >= min_level && !stopped(); level = level_of(cur_.kind)) {
    const Token op = cur_;
    advance();
    Value rhs = binary(level + 1, depth + 1);  // left-associative: the right side binds tighter
    lhs = apply_binary(op.kind, std::move(lhs), std::move(rhs), op);
  }
  return lhs;
}

Value Reader::unary(uint32_t depth) {
  if (too_deep(depth)) return Value{};
  if (at(Tok::Minus) || at(Tok::Bang) || at(Tok::Tilde) || at(Tok::Plus)) {
    const Token op = cur_;
    advance();
    Value v = unary(depth + 1);
    if (v.type == Type::Void) return v;
    if (op.kind == Tok::Plus) return v;
    if (op.kind == Tok::Minus) {
      if (v.type == Type::Qubit || v.type == Type::Bit || v.type == Type::Bool || v.type == Type::Array) {
        error_at("E140", std::string("cannot negate a value of type ") + type_name(v.type), op);
        return Value{};
      }
      if (v.symbolic()) {
        v.sym.push_back(ExprOp{ExprOp::Neg, 0, 0});
        return v;
      }
      v.i = -v.i;
      v.f = -v.f;
      v.im = -v.im;
      if (v.type == Type::Uint) v.type = Type::Int;
      v.refs.clear();
      return v;
    }
    if (op.kind == Tok::Bang) {
      if (v.type == Type::Qubit || v.type == Type::Array) {
        error_at("E140", std::string("'!' needs a bool, not ") + type_name(v.type), op);
        return Value{};
      }
      Value r = unknown(Type::Bool);
      r.known = v.known && !v.symbolic();
      r.i = r.known ? !truth(v) : 0;
      if (!v.refs.empty() && (v.type == Type::Bit || v.cmp != 0)) {
        r.refs = v.refs;
        if (v.cmp != 0) {
          r.cmp = static_cast<int8_t>(-v.cmp);
          r.cmp_value = v.cmp_value;
        } else {  // !c[0]: the bits all zero
          r.cmp = 1;
          r.cmp_value = 0;
        }
      }
      return r;
    }
    // ~: bitwise not.
    if (!is_integer(v.type)) {
      error_at("E140", std::string("'~' needs an integer or bits, not ") + type_name(v.type), op);
      return Value{};
    }
    v.refs.clear();
    if (v.known) {
      v.i = ~v.i;
      if (v.type == Type::Bit || v.type == Type::Uint)
        v.i = wrap(v.i, v.width ? v.width : (v.type == Type::Bit ? 1 : 0), false);
      if (v.type == Type::Bool) v.i = v.i & 1;
    }
    return v;
  }
  Value base = postfix(depth + 1);
  if (at(Tok::StarStar)) {
    const Token op = cur_;
    advance();
    Value exponent = unary(depth + 1);  // right-associative: a ** b ** c is a ** (b ** c)
    return apply_binary(Tok::StarStar, std::move(base), std::move(exponent), op);
  }
  return base;
}

Value Reader::postfix(uint32_t depth) {
  const Token start = cur_;
  Value v = primary(depth + 1);
  while (at(Tok::LBracket) && !stopped()) v = index(std::move(v), start, depth + 1);
  return v;
}

// base[i], base[a:b], base[a:s:b], base[{i, j}], array[i, j]: bits, qubits, elements.
Value Reader::index(Value base, const Token& at_tok, uint32_t depth) {
  const Token lb = cur_;
  advance();
  std::vector<int64_t> picks;  // the indices selected, in order
  bool single = true;
  bool all_known = true;
  std::vector<int64_t> multi;  // array: one index per dimension
  const size_t size = base.type == Type::Qubit || !base.refs.empty()      ? base.refs.size()
                      : base.type == Type::Bit                            ? (base.width ? base.width : 1)
                      : base.type == Type::Int || base.type == Type::Uint ? (base.width ? base.width : 64)
                      : base.type == Type::Angle                          ? (base.width ? base.width : 64)
                                                                          : 0;
  auto index_value = [&](const Value& v, const Token& t) -> int64_t {
    if (!v.known || v.symbolic()) {
      all_known = false;
      return 0;
    }
    if (!is_integer(v.type)) {
      error("E140", std::string("an index is an integer, not ") + type_name(v.type), t.offset, prev_end_ - t.offset);
      all_known = false;
      return 0;
    }
    return v.i;
  };
  if (at(Tok::LBrace)) {  // an index set
    single = false;
    advance();
    while (!at(Tok::RBrace) && !at(Tok::Eof)) {
      const Token t = cur_;
      picks.push_back(index_value(expression(depth + 1), t));
      if (!at(Tok::Comma)) break;
      advance();
    }
    expect(Tok::RBrace);
  } else {
    const Token t = cur_;
    Value first = at(Tok::Colon) ? known_int(0) : expression(depth + 1);
    if (at(Tok::Colon)) {  // a range: a:b or a:s:b, ends included
      single = false;
      advance();
      int64_t a = index_value(first, t), s = 1, b = static_cast<int64_t>(size) - 1;
      if (!at(Tok::RBracket)) {
        const Token t2 = cur_;
        int64_t second = index_value(expression(depth + 1), t2);
        if (at(Tok::Colon)) {
          advance();
          s = second;
          if (!at(Tok::RBracket)) {
            const Token t3 = cur_;
            b = index_value(expression(depth + 1), t3);
          }
        } else {
          b = second;
        }
      }
      if (s == 0) {
        error("E140", "a range's step cannot be 0", t.offset, prev_end_ - t.offset);
        s = 1;
      }
      if (all_known)
        for (int64_t k = a; (s > 0 ? k <= b : k >= b) && picks.size() <= size; k += s) picks.push_back(k);
    } else {
      multi.push_back(index_value(first, t));
      picks.push_back(multi.back());
      while (at(Tok::Comma)) {
        advance();
        const Token t2 = cur_;
        multi.push_back(index_value(expression(depth + 1), t2));
      }
    }
  }
  expect(Tok::RBracket);
  const uint32_t len = prev_end_ - at_tok.offset;
  if (base.type == Type::Void) return base;
  if (base.type == Type::Array) {
    if (!base.array) return Value{};
    const ArrayData& a = *base.array;
    if (!single && all_known && !a.dims.empty()) {
      // A slice of the first dimension: those rows, in order.
      size_t stride = 1;
      for (size_t k = 1; k < a.dims.size(); ++k) stride *= a.dims[k];
      auto sub = std::make_shared<ArrayData>();
      sub->elem = a.elem;
      sub->elem_width = a.elem_width;
      sub->dims = a.dims;
      sub->dims[0] = static_cast<uint32_t>(picks.size());
      for (int64_t k : picks) {
        if (k < 0 || static_cast<uint64_t>(k) >= a.dims[0]) {
          error(
              "E204",
              "index " + std::to_string(k) + " is out of range for an array dimension of " + std::to_string(a.dims[0]),
              at_tok.offset, len);
          return Value{};
        }
        const size_t at = static_cast<size_t>(k) * stride;
        if (at + stride <= a.items.size())
          sub->items.insert(sub->items.end(), a.items.begin() + static_cast<long>(at),
                            a.items.begin() + static_cast<long>(at + stride));
      }
      Value r;
      r.type = Type::Array;
      r.array = sub;
      return r;
    }
    if (!single || multi.size() > a.dims.size()) {
      error("E140", "an array is indexed by one integer per dimension", lb.offset, len - (lb.offset - at_tok.offset));
      return Value{};
    }
    if (!all_known) {
      Value u = unknown(a.elem);
      u.width = a.elem_width;
      return u;
    }
    size_t flat = 0, stride = 1;
    for (size_t k = 0; k < multi.size(); ++k) {  // the dimensions indexed (the rest: a sub-array)
      const int64_t i = multi[k];
      if (i < 0 || static_cast<uint64_t>(i) >= a.dims[k]) {
        error("E204",
              "index " + std::to_string(i) + " is out of range for an array dimension of " + std::to_string(a.dims[k]),
              at_tok.offset, len);
        return Value{};
      }
      flat = flat * a.dims[k] + static_cast<size_t>(i);
    }
    if (multi.size() == a.dims.size()) return a.items[flat];
    // A row (or a sub-array): the remaining dimensions.
    auto sub = std::make_shared<ArrayData>();
    sub->elem = a.elem;
    sub->elem_width = a.elem_width;
    sub->dims.assign(a.dims.begin() + static_cast<long>(multi.size()), a.dims.end());
    for (uint32_t d : sub->dims) stride *= d;
    sub->items.assign(a.items.begin() + static_cast<long>(flat * stride),
                      a.items.begin() + static_cast<long>(flat * stride + stride));
    Value r;
    r.type = Type::Array;
    r.array = sub;
    return r;
  }
  if (multi.size() > 1) {
    error_at("E140", std::string("a value of type ") + type_name(base.type) + " takes one index", lb);
    return Value{};
  }
  if (base.type == Type::Qubit && base.width == 0 && base.refs.size() == 1) {
    error_at("E140", "'" + std::string(text(at_tok)) + "' is one qubit, not a register: it takes no index", lb);
    return Value{};
  }
  if (base.type != Type::Qubit && base.type != Type::Bit && base.type != Type::Int && base.type != Type::Uint &&
      base.type != Type::Angle) {
    error_at("E140", std::string("a value of type ") + type_name(base.type) + " cannot be indexed", lb);
    return Value{};
  }
  if (!all_known) {
    // An index known only at run time (Qiskit refuses it too): the value is unknown.
    Value u = unknown(base.type == Type::Qubit ? Type::Qubit : Type::Bit);
    if (base.type == Type::Qubit && running()) {
      error("E141", "a qubit's index must be known before the program runs", at_tok.offset, len);
      return Value{};
    }
    // Checking a body whose values come later (a subroutine's, a branch not taken): a placeholder.
    if (base.type == Type::Qubit || !base.refs.empty())
      u.refs.assign(single ? 1 : std::max<size_t>(picks.size(), 1), 0);
    return u;
  }
  for (int64_t k : picks)
    if (k < 0 || static_cast<size_t>(k) >= size) {
      const Symbol* s = lookup(text(at_tok));
      const std::string what = s ? "'" + std::string(text(at_tok)) + "'" : std::string("the value");
      error("E204",
            "index " + std::to_string(k) + " is out of range for " + what + " of " + std::to_string(size) +
                (base.type == Type::Qubit ? (size == 1 ? " qubit" : " qubits") : (size == 1 ? " bit" : " bits")),
            at_tok.offset, len);
      return Value{};
    }
  if (base.type == Type::Qubit || !base.refs.empty()) {
    // Qubits, bits, or the bits of a variable a measurement wrote (an int[n] or angle[n]).
    Value r = base;
    if (base.type != Type::Qubit) {
      r.type = Type::Bit;
      r.known = false;
    }
    r.refs.clear();
    for (int64_t k : picks) r.refs.push_back(base.refs[static_cast<size_t>(k)]);
    r.width = single ? 0 : static_cast<uint32_t>(r.refs.size());
    if (base.type == Type::Bit && base.known) {
      int64_t bits = 0;
      for (size_t j = 0; j < picks.size(); ++j) bits |= ((base.i >> picks[j]) & 1) << j;
      r.i = bits;
    }
    return r;
  }
  // Bits of an integer or an angle: a bit, or bit[n].
  Value r = unknown(Type::Bit);
  r.known = base.known && !base.symbolic();
  r.width = single ? 0 : static_cast<uint32_t>(picks.size());
  if (r.known) {
    const uint64_t raw = base.type == Type::Angle
                             ? static_cast<uint64_t>(std::fmod(std::fmod(base.f, 2 * kPi) + 2 * kPi, 2 * kPi) /
                                                     (2 * kPi) * std::ldexp(1.0, static_cast<int>(size)))
                             : static_cast<uint64_t>(base.i);
    int64_t bits = 0;
    for (size_t j = 0; j < picks.size(); ++j) bits |= static_cast<int64_t>((raw >> picks[j]) & 1) << j;
    r.i = bits;
  }
  return r;
}

Value Reader::primary(uint32_t depth) {
  if (too_deep(depth)) return Value{};
  const Token t = cur_;
  switch (t.kind) {
    case Tok::Int: {
      advance();
      std::string digits;
      std::string_view s = text(t);
      int base = 10;
      if (s.size() > 1 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X' || s[1] == 'o' || s[1] == 'b' || s[1] == 'B')) {
        base = s[1] == 'o' ? 8 : (s[1] == 'b' || s[1] == 'B') ? 2 : 16;
        s.remove_prefix(2);
      }
      for (char ch : s)
        if (ch != '_') digits += ch;
      errno = 0;
      char* end = nullptr;
      const unsigned long long u = std::strtoull(digits.c_str(), &end, base);
      if (errno == ERANGE || u > static_cast<unsigned long long>(INT64_MAX)) {
        if (base != 10 || digits.size() > 1000) {
          error_at("E105", "integer '" + std::string(text(t)) + "' does not fit in 64 bits", t);
          return known_int(0);
        }
        Value big = known_int(0);
        big.digits = digits.substr(std::min(digits.find_first_not_of('0'), digits.size() - 1));
        return big;
      }
      return known_int(static_cast<int64_t>(u));
    }
    case Tok::Real:
    case Tok::Imag:
    case Tok::Timing: {
      advance();
      std::string s;
      for (char ch : text(t)) {
        if (ch == '_') continue;
        if (!((ch >= '0' && ch <= '9') || ch == '.' || ch == 'e' || ch == 'E' || ch == '+' || ch == '-')) break;
        s += ch;
      }
      const double v = std::strtod(s.c_str(), nullptr);
      if (!std::isfinite(v)) {
        error_at("E105", "number '" + std::string(text(t)) + "' is too large", t);
        return known_float(0);
      }
      if (t.kind == Tok::Real) return known_float(v);
      if (t.kind == Tok::Imag) {
        Value c = known_float(0, Type::Complex);
        c.im = v;
        return c;
      }
      // The unit is the literal's suffix (the lexer checked it is one of these).
      std::string_view unit = "s";
      for (std::string_view u : {"dt", "ns", "us", "ms", "\xC2\xB5s"})
        if (text(t).size() >= u.size() && text(t).substr(text(t).size() - u.size()) == u) unit = u;
      Value d = known_float(v, Type::Duration);
      if (unit == "dt") {
        d.unit = 4;
      } else if (unit == "ns") {
        d.unit = 3;
        d.f = v * 1e-9;
      } else if (unit == "us" || unit == "\xC2\xB5s") {
        d.unit = 2;
        d.f = v * 1e-6;
      } else if (unit == "ms") {
        d.unit = 1;
        d.f = v * 1e-3;
      }
      return d;
    }
    case Tok::BitString: {
      advance();
      Value b = known_int(0, Type::Bit);
      uint32_t n = 0;
      for (char ch : text(t).substr(1, t.length - 2)) {
        if (ch == '_') continue;
        if (n < 63) b.i = (b.i << 1) | (ch == '1');
        ++n;
      }
      b.width = n;
      return b;
    }
    case Tok::KwTrue:
    case Tok::KwFalse: advance(); return known_int(t.kind == Tok::KwTrue, Type::Bool);
    case Tok::LParen: {
      advance();
      Value v = expression(depth + 1);
      expect(Tok::RParen, "')' to close '('");
      return v;
    }
    case Tok::HwQubit: {
      advance();
      const uint64_t n = std::strtoull(std::string(text(t).substr(1)).c_str(), nullptr, 10);
      if (defining_) {
        error_at("E145", "a gate's body cannot use physical qubits; use the gate's qubit arguments", t);
        return Value{};
      }
      if (physical_ == 0) {
        error_at("E145",
                 "a physical qubit in a program that declares its qubits: a program uses $n qubits or declared ones",
                 t);
        return Value{};
      }
      if (n >= lim_.max_qubits) {
        error_at("E402",
                 "physical qubit " + std::string(text(t)) + " is beyond the limit of " +
                     std::to_string(lim_.max_qubits) + " qubits",
                 t);
        fatal_ = true;
        return Value{};
      }
      physical_ = 1;
      // As Qiskit's importer does: $n brings qubits 0..n into the circuit, with no register.
      if (n >= c_.num_qubits) c_.num_qubits = static_cast<uint32_t>(n + 1);
      Value q;
      q.type = Type::Qubit;
      q.refs.push_back(static_cast<uint32_t>(n));
      return q;
    }
    case Tok::KwMeasure: {
      error_at("E102", "'measure' gives its result to a bit: write `b = measure q;` or `measure q -> b;`", t);
      advance();
      qubit_operand(cur_);
      return unknown(Type::Bit);
    }
    case Tok::KwSizeof: {
      advance();
      if (!expect(Tok::LParen)) return Value{};
      const Token at_arr = cur_;
      Value arr = expression(depth + 1);
      int64_t dim = 0;
      if (at(Tok::Comma)) {
        advance();
        const Token dt = cur_;
        dim = const_int(expression(depth + 1), dt, "sizeof's dimension");
      }
      expect(Tok::RParen);
      if (arr.type != Type::Array || !arr.array) {
        error("E140", "sizeof takes an array", at_arr.offset, prev_end_ - at_arr.offset);
        return Value{};
      }
      if (dim < 0 || static_cast<size_t>(dim) >= arr.array->dims.size()) {
        error("E204", "the array has " + std::to_string(arr.array->dims.size()) + " dimensions", at_arr.offset,
              prev_end_ - at_arr.offset);
        return Value{};
      }
      const uint32_t d = arr.array->dims[static_cast<size_t>(dim)];
      return d ? known_int(d, Type::Uint) : unknown(Type::Uint);  // #dim=n parameters: not known here
    }
    case Tok::KwDurationof: {
      advance();
      // durationof({...}): the duration of a block, known only to a scheduler.
      int depth_braces = 0;
      if (!expect(Tok::LParen)) return Value{};
      while (!at(Tok::Eof)) {
        if (at(Tok::LBrace)) ++depth_braces;
        if (at(Tok::RBrace) && --depth_braces < 0) break;
        if (at(Tok::RParen) && depth_braces == 0) break;
        advance();
      }
      expect(Tok::RParen);
      return unknown(Type::Duration);
    }
    default: break;
  }
  if (is_classical_type(t.kind)) {  // a cast: int[8](x), float(x), bool(x), bit[2](x)
    Type ty;
    uint32_t width = 0;
    if (!parse_type(&ty, &width, nullptr, nullptr, nullptr)) return Value{};
    return cast(ty, width, t, depth);
  }
  if (t.kind == Tok::Id) {
    advance();
    const std::string_view n = text(t);
    const Symbol* s = lookup(n);
    if (s && (s->kind == Symbol::Sub || s->kind == Symbol::Extern)) {
      if (!at(Tok::LParen)) {
        error_at("E203", "'" + std::string(n) + "' is a subroutine: call it with (...)", t);
        return Value{};
      }
      return call_subroutine(subs_[s->index], t, depth + 1);
    }
    if (!s && at(Tok::LParen)) return call(t, depth + 1);
    if (!s) {
      error_at("E201", "'" + std::string(n) + "' is not declared", t);
      return Value{};
    }
    switch (s->kind) {
      case Symbol::Const: {
        static constexpr double kConst[] = {kPi, 2 * kPi, 2.718281828459045235360};
        return known_float(kConst[s->index]);
      }
      case Symbol::Var: return vars_[s->index].value;
      case Symbol::Qubits: {
        Value q;
        q.type = Type::Qubit;
        q.refs = qvars_[s->index].qubits;
        q.width = qvars_[s->index].scalar ? 0 : static_cast<uint32_t>(q.refs.size());
        return q;
      }
      case Symbol::Gate: error_at("E203", "'" + std::string(n) + "' is a gate, not a value", t); return Value{};
      default: return Value{};
    }
  }
  if (!at(Tok::Invalid)) error_at("E102", "expected an expression, found " + found(), t);
  if (!at(Tok::Eof) && !at(Tok::Semi) && !at(Tok::RParen) && !at(Tok::RBrace)) advance();
  return Value{};
}

// The built-in functions: arccos, arcsin, arctan, ceiling, cos, exp, floor, log, mod, popcount,
// pow, rotl, rotr, sin, sqrt, tan, real, imag.
Value Reader::call(const Token& name, uint32_t depth) {
  const std::string_view n = text(name);
  advance();  // (
  std::vector<Value> args;
  std::vector<Token> starts;
  while (!at(Tok::RParen) && !at(Tok::Eof) && !stopped()) {
    starts.push_back(cur_);
    args.push_back(expression(depth + 1));
    if (!at(Tok::Comma)) break;
    advance();
  }
  expect(Tok::RParen, "')' to close the call");
  struct Fn {
    const char* name;
    uint8_t arity;
    ExprOp::Code code;       // for a symbolic argument; Const where none exists
    double (*real)(double);  // of a known real argument; nullptr for those computed apart
  };
  static const Fn kFns[] = {
      {"arccos", 1, ExprOp::Acos, [](double x) { return std::acos(x); }},
      {"arcsin", 1, ExprOp::Asin, [](double x) { return std::asin(x); }},
      {"arctan", 1, ExprOp::Atan, [](double x) { return std::atan(x); }},
      {"ceiling", 1, ExprOp::Const, [](double x) { return std::ceil(x); }},
      {"cos", 1, ExprOp::Cos, [](double x) { return std::cos(x); }},
      {"exp", 1, ExprOp::Exp, [](double x) { return std::exp(x); }},
      {"floor", 1, ExprOp::Const, [](double x) { return std::floor(x); }},
      {"log", 1, ExprOp::Ln, [](double x) { return std::log(x); }},
      {"mod", 2, ExprOp::Const, nullptr},
      {"popcount", 1, ExprOp::Const, nullptr},
      {"pow", 2, ExprOp::Pow, nullptr},
      {"rotl", 2, ExprOp::Const, nullptr},
      {"rotr", 2, ExprOp::Const, nullptr},
      {"sin", 1, ExprOp::Sin, [](double x) { return std::sin(x); }},
      {"sqrt", 1, ExprOp::Sqrt, [](double x) { return std::sqrt(x); }},
      {"tan", 1, ExprOp::Tan, [](double x) { return std::tan(x); }},
      {"real", 1, ExprOp::Const, nullptr},
      {"imag", 1, ExprOp::Const, nullptr},
  };
  const Fn* fn = nullptr;
  for (const Fn& f : kFns)
    if (n == f.name) fn = &f;
  if (!fn) {
    error_at("E201", "'" + std::string(n) + "' is not declared (no subroutine or built-in function has that name)",
             name);
    return Value{};
  }
  if (args.size() != fn->arity) {
    error("E142",
          "'" + std::string(n) + "' takes " + std::to_string(fn->arity) +
              (fn->arity == 1 ? " argument" : " arguments") + ", but " + std::to_string(args.size()) +
              (args.size() == 1 ? " was" : " were") + " given",
          name.offset, prev_end_ - name.offset);
    return Value{};
  }
  for (size_t k = 0; k < args.size(); ++k) {
    const Value& a = args[k];
    if (a.type == Type::Void) return Value{};
    if (!a.is_number() && a.type != Type::Complex) {
      error("E140", "'" + std::string(n) + "' takes numbers, not " + std::string(type_name(a.type)), starts[k].offset,
            prev_end_ - starts[k].offset);
      return Value{};
    }
  }
  bool any_symbolic = false, all_known = true;
  for (const Value& a : args) {
    any_symbolic = any_symbolic || a.symbolic();
    all_known = all_known && a.known;
  }
  const std::string_view f = fn->name;
  if (f == "pow") return apply_binary(Tok::StarStar, args[0], args[1], name);
  if (f == "mod") return apply_binary(Tok::Percent, args[0], args[1], name);
  if (any_symbolic) {
    if (fn->code == ExprOp::Const) {
      error_at("E141", "'" + std::string(n) + "' of an input parameter has no value before the program runs", name);
      return Value{};
    }
    Expr e = as_expr(args[0]);
    e.push_back(ExprOp{fn->code, 0, 0});
    return symbolic(Type::Float, std::move(e));
  }
  const Value& a = args[0];
  if (f == "popcount" || f == "rotl" || f == "rotr") {
    if (!all_known) return unknown(a.type == Type::Bit ? Type::Bit : Type::Uint);
    const uint32_t w = a.width ? a.width : 64;
    const uint64_t mask = w >= 64 ? ~uint64_t{0} : (uint64_t{1} << w) - 1;
    const uint64_t u = static_cast<uint64_t>(a.i) & mask;
    if (f == "popcount") {
      int64_t c = 0;
      for (uint64_t x = u; x; x &= x - 1) ++c;
      return known_int(c, Type::Uint);
    }
    const int64_t by = args[1].i;
    const uint32_t r = static_cast<uint32_t>(((by % static_cast<int64_t>(w)) + w) % w);
    const uint32_t k = f == "rotl" ? r : (w - r) % w;
    Value out = a;
    out.refs.clear();
    out.i = static_cast<int64_t>(k == 0 ? u : (((u << k) | (u >> (w - k))) & mask));
    return out;
  }
  if (f == "real" || f == "imag") {
    if (!all_known) return unknown(Type::Float);
    return known_float(f == "real" ? (a.type == Type::Complex ? a.f : a.number())
                                   : (a.type == Type::Complex ? a.im : 0));
  }
  if (!all_known) return unknown(Type::Float);
  if (a.type == Type::Complex) {
    error_at("E140", "'" + std::string(n) + "' of a complex number is not supported", name);
    return Value{};
  }
  const double r = fn->real(a.number());
  if (!std::isfinite(r)) {
    error("E310", "'" + std::string(n) + "' has no finite value here", name.offset, prev_end_ - name.offset);
    return Value{};
  }
  return known_float(r);
}

Value Reader::cast(Type t, uint32_t width, const Token& at_tok, uint32_t depth) {
  if (!expect(Tok::LParen, "'(' (a cast such as int(x))")) return Value{};
  Value v = expression(depth + 1);
  expect(Tok::RParen);
  Value r = convert(std::move(v), t, width, at_tok, true);
  r.width = width;
  return r;
}

// A value converted to a type, as an assignment, a declaration's initialiser or a cast does.
Value Reader::convert(Value v, Type t, uint32_t width, const Token& at_tok, bool explicit_cast) {
  if (v.type == Type::Void) return unknown(t);
  if (v.type == t && t != Type::Int && t != Type::Uint && t != Type::Bit) {
    if (t == Type::Angle && v.known && !v.symbolic()) v.f = std::fmod(v.f, 2 * kPi);
    return v;
  }
  auto bad = [&]() {
    error("E140",
          std::string("cannot ") + (explicit_cast ? "cast" : "convert") + " a value of type " + type_name(v.type) +
              " to " + type_name(t),
          at_tok.offset, prev_end_ > at_tok.offset ? prev_end_ - at_tok.offset : at_tok.length);
    return unknown(t);
  };
  if (v.type == Type::Qubit || v.type == Type::Array || v.type == Type::Range || v.type == Type::Set) return bad();
  Value r;
  r.type = t;
  r.width = width;
  r.known = v.known;
  switch (t) {
    case Type::Bool:
      if (v.symbolic()) return bad();
      r.i = v.known ? truth(v) : 0;
      r.refs = v.refs;
      r.cmp = v.cmp;
      r.cmp_value = v.cmp_value;
      if (!v.refs.empty() && v.cmp == 0) {  // bool(bits): the bits are not all zero
        r.cmp = -1;
        r.cmp_value = 0;
      }
      return r;
    case Type::Int:
    case Type::Uint:
    case Type::Bit:
      if (v.type == Type::Complex || v.type == Type::Duration || v.type == Type::Stretch || v.symbolic()) return bad();
      if (v.type == Type::Angle && t != Type::Bit && !explicit_cast) return bad();
      if (v.type == Type::Float && t == Type::Bit) return bad();
      if (v.type == Type::Angle) {
        // angle[n] to bit[n] (or int): its n-bit representation.
        const uint32_t n = v.width ? v.width : (width ? width : 64);
        const double frac = std::fmod(std::fmod(v.f, 2 * kPi) + 2 * kPi, 2 * kPi) / (2 * kPi);
        r.i = static_cast<int64_t>(frac * std::ldexp(1.0, static_cast<int>(std::min<uint32_t>(n, 62))));
      } else if (is_real(v.type)) {
        // Truncated towards zero, as a cast does; a float beyond 64 bits has no integer (found by
        // fuzzing: `for int i in {1E140}`).
        if (!fits_int64(v.f)) {
          error("E140", "the value " + exact_number_text(v.f) + " does not fit in a 64-bit integer", at_tok.offset,
                prev_end_ > at_tok.offset ? prev_end_ - at_tok.offset : at_tok.length);
          r.i = 0;
        } else {
          r.i = static_cast<int64_t>(v.f);
        }
      } else {
        r.i = v.i;
      }
      if (t == Type::Int)
        r.i = wrap(r.i, width, true);
      else
        r.i = wrap(r.i, t == Type::Bit ? (width ? width : 1) : width, false);
      r.refs = v.refs;  // the integer value of clbits, for conditions
      if (v.cmp != 0) r.refs.clear();
      return r;
    case Type::Float:
      if (v.type == Type::Complex || v.type == Type::Duration || v.type == Type::Stretch) return bad();
      if (v.symbolic()) {
        r.sym = v.sym;
        return r;
      }
      r.f = v.number();
      return r;
    case Type::Angle:
      if (v.type == Type::Complex || v.type == Type::Duration || v.type == Type::Stretch || v.type == Type::Bool)
        return bad();
      if (v.symbolic()) {
        r.sym = v.sym;
        return r;
      }
      if (v.type == Type::Bit || ((v.type == Type::Int || v.type == Type::Uint) && explicit_cast && width)) {
        const uint32_t n = width ? width : (v.width ? v.width : 1);
        r.f = static_cast<double>(static_cast<uint64_t>(v.i)) * 2 * kPi /
              std::ldexp(1.0, static_cast<int>(std::min<uint32_t>(n, 62)));
        return r;
      }
      r.f = std::fmod(v.number(), 2 * kPi);
      return r;
    case Type::Complex:
      if (v.type == Type::Duration || v.type == Type::Stretch || v.symbolic()) return bad();
      r.f = v.number();
      r.im = 0;
      return r;
    case Type::Duration:
    case Type::Stretch:
      if (v.type != Type::Duration && v.type != Type::Stretch) {
        if (v.known && v.is_number() && v.number() == 0) {
          r.f = 0;
          return r;
        }
        return bad();
      }
      r.f = v.f;
      r.unit = v.unit;
      return r;
    default: return bad();
  }
}

Value Reader::apply_binary(Tok op, Value a, Value b, const Token& at_tok) {
  if (a.type == Type::Void || b.type == Type::Void) return Value{};
  // A number beyond 64 bits only compares with clbits (below); anything else cannot hold it.
  const bool bits_compare =
      (op == Tok::EqEq || op == Tok::NotEq) && ((!a.refs.empty() && a.cmp == 0) || (!b.refs.empty() && b.cmp == 0));
  if ((!a.digits.empty() || !b.digits.empty()) && !bits_compare) {
    error_at("E105", "an integer beyond 64 bits can only be compared with a register's bits", at_tok);
    return Value{};
  }
  auto bad = [&](const char* why) {
    error_at("E140",
             std::string("'") + describe(op) + "' cannot combine " + type_name(a.type) + " and " + type_name(b.type) +
                 (why[0] ? std::string(": ") + why : std::string()),
             at_tok);
    return Value{};
  };
  const Type ta = a.type, tb = b.type;
  if (ta == Type::Qubit || tb == Type::Qubit || ta == Type::Array || tb == Type::Array) return bad("");
  const bool comparison = op == Tok::EqEq || op == Tok::NotEq || op == Tok::Less || op == Tok::LessEq ||
                          op == Tok::Greater || op == Tok::GreaterEq;
  const bool logical = op == Tok::AmpAmp || op == Tok::PipePipe;
  const bool bitwise = op == Tok::Amp || op == Tok::Pipe || op == Tok::Caret || op == Tok::Shl || op == Tok::Shr;
  // Clbits compared with a known number: the condition Qiskit reads (`c == 3`, `c[0] == true`).
  if ((op == Tok::EqEq || op == Tok::NotEq)) {
    const Value* bits = !a.refs.empty() && a.cmp == 0 ? &a : !b.refs.empty() && b.cmp == 0 ? &b : nullptr;
    const Value* num = bits == &a ? &b : &a;
    if (bits && num->known && !num->symbolic() && num->refs.empty() && is_integer(num->type)) {
      Value r = unknown(Type::Bool);
      r.refs = bits->refs;
      r.cmp = op == Tok::EqEq ? 1 : -1;
      r.cmp_value = num->i;
      r.digits = num->digits;
      return r;
    }
  }
  if (logical) {
    if (!a.is_number() || !b.is_number()) return bad("'&&' and '||' take bools");
    Value r = unknown(Type::Bool);
    if (a.known && b.known && !a.symbolic() && !b.symbolic()) {
      r.known = true;
      r.i = op == Tok::AmpAmp ? (truth(a) && truth(b)) : (truth(a) || truth(b));
    } else if (a.known && !a.symbolic()) {  // false && x, true || x: decided by one side
      if ((op == Tok::AmpAmp && !truth(a)) || (op == Tok::PipePipe && truth(a))) {
        r.known = true;
        r.i = truth(a);
      }
    }
    return r;
  }
  const bool complex = ta == Type::Complex || tb == Type::Complex;
  const bool duration = ta == Type::Duration || tb == Type::Duration || ta == Type::Stretch || tb == Type::Stretch;
  if (duration) {
    const bool both = (ta == Type::Duration || ta == Type::Stretch) && (tb == Type::Duration || tb == Type::Stretch);
    if (comparison && !both) return bad("durations compare with durations");
    if ((op == Tok::Plus || op == Tok::Minus) && !both) return bad("durations add to durations");
    if ((op == Tok::Star) && both) return bad("two durations cannot be multiplied");
    if (bitwise || op == Tok::Percent || op == Tok::StarStar) return bad("");
    Value r = unknown(comparison ? Type::Bool : (op == Tok::Slash && both ? Type::Float : Type::Duration));
    r.unit = a.type == Type::Duration ? a.unit : b.unit;
    if (!a.known || !b.known) return r;
    r.known = true;
    const double x = a.number(), y = b.number();
    switch (op) {
      case Tok::Plus: r.f = x + y; break;
      case Tok::Minus: r.f = x - y; break;
      case Tok::Star: r.f = x * y; break;
      case Tok::Slash:
        if (y == 0) return bad("division by zero");
        r.f = x / y;
        break;
      case Tok::EqEq: r.i = x == y; break;
      case Tok::NotEq: r.i = x != y; break;
      case Tok::Less: r.i = x < y; break;
      case Tok::LessEq: r.i = x <= y; break;
      case Tok::Greater: r.i = x > y; break;
      case Tok::GreaterEq: r.i = x >= y; break;
      default: break;
    }
    return r;
  }
  if (complex) {
    if (bitwise || op == Tok::Percent || (comparison && op != Tok::EqEq && op != Tok::NotEq))
      return bad("complex numbers have no order or bits");
    if (a.symbolic() || b.symbolic()) return bad("complex numbers of input parameters are not read");
    Value r = unknown(comparison ? Type::Bool : Type::Complex);
    if (!a.known || !b.known) return r;
    r.known = true;
    using C = std::complex<double>;
    const C x = ta == Type::Complex ? C(a.f, a.im) : C(a.number(), 0);
    const C y = tb == Type::Complex ? C(b.f, b.im) : C(b.number(), 0);
    C z;
    switch (op) {
      case Tok::Plus: z = x + y; break;
      case Tok::Minus: z = x - y; break;
      case Tok::Star: z = x * y; break;
      case Tok::Slash:
        if (y == C(0, 0)) return bad("division by zero");
        z = x / y;
        break;
      case Tok::StarStar: z = std::pow(x, y); break;
      case Tok::EqEq: r.i = x == y; return r;
      case Tok::NotEq: r.i = x != y; return r;
      default: break;
    }
    r.f = z.real();
    r.im = z.imag();
    return r;
  }
  const bool real = is_real(ta) || is_real(tb);
  // Input parameters: + - * / ** build an expression; comparisons have no value before the run.
  if (a.symbolic() || b.symbolic()) {
    ExprOp::Code code;
    switch (op) {
      case Tok::Plus: code = ExprOp::Add; break;
      case Tok::Minus: code = ExprOp::Sub; break;
      case Tok::Star: code = ExprOp::Mul; break;
      case Tok::Slash: code = ExprOp::Div; break;
      case Tok::StarStar: code = ExprOp::Pow; break;
      default:
        if (comparison) return unknown(Type::Bool);
        return bad("an input parameter takes + - * / and ** only");
    }
    if (!a.known || !b.known) return unknown(Type::Float);
    Expr e = as_expr(a);
    const Expr rhs = as_expr(b);
    e.insert(e.end(), rhs.begin(), rhs.end());
    e.push_back(ExprOp{code, 0, 0});
    return symbolic(ta == Type::Angle || tb == Type::Angle ? Type::Angle : Type::Float, std::move(e));
  }
  if (real && bitwise && !(ta == Type::Angle && (op == Tok::Shl || op == Tok::Shr)))
    return bad("bitwise operators take integers or bits");
  // The result's type: angles stay angles under + - and scaling, integers stay integers.
  Type rt;
  if (comparison)
    rt = Type::Bool;
  else if (ta == Type::Angle && tb == Type::Angle)
    rt = op == Tok::Slash ? Type::Uint : Type::Angle;
  else if (ta == Type::Angle || tb == Type::Angle)
    rt = Type::Angle;
  else if (real)
    rt = Type::Float;
  else if (ta == Type::Bit && tb == Type::Bit && bitwise)
    rt = Type::Bit;
  else if (ta == Type::Bit && bitwise)
    rt = Type::Bit;
  else if (ta == Type::Uint && (tb == Type::Uint || tb == Type::Bit || tb == Type::Bool))
    rt = Type::Uint;
  else if ((ta == Type::Bit || ta == Type::Bool) && tb == Type::Uint)
    rt = Type::Uint;
  else
    rt = Type::Int;
  Value r = unknown(rt);
  if (rt == Type::Bit || (rt == Type::Uint && ta == Type::Uint) || (rt == Type::Int && ta == Type::Int))
    r.width = a.width;
  if (rt == Type::Angle) r.width = ta == Type::Angle ? a.width : b.width;
  if (!a.known || !b.known) return r;
  r.known = true;
  if (real || rt == Type::Angle) {
    const double x = a.number(), y = b.number();
    switch (op) {
      case Tok::Plus: r.f = x + y; break;
      case Tok::Minus: r.f = x - y; break;
      case Tok::Star: r.f = x * y; break;
      case Tok::Slash:
        if (y == 0) {
          error_at("E310", "division by zero", at_tok);
          return Value{};
        }
        if (rt == Type::Uint) {
          if (!fits_int64(x / y)) {
            error_at("E310", "the quotient does not fit in a 64-bit integer", at_tok);
            return Value{};
          }
          r.i = static_cast<int64_t>(x / y);
        } else {
          r.f = x / y;
        }
        break;
      case Tok::Percent:
        if (y == 0) {
          error_at("E310", "division by zero", at_tok);
          return Value{};
        }
        r.f = std::fmod(x, y);
        break;
      case Tok::StarStar:
        if (x < 0 && y != std::floor(y)) {
          error_at("E310", "a negative number to a fractional power", at_tok);
          return Value{};
        }
        r.f = std::pow(x, y);
        break;
      case Tok::Shl:
      case Tok::Shr: {  // an angle's bits shifted: multiply or divide by 2^k
        const double k = std::ldexp(1.0, static_cast<int>(std::min<int64_t>(b.i, 62)));
        r.f = op == Tok::Shl ? std::fmod(x * k, 2 * kPi) : x / k;
        break;
      }
      case Tok::EqEq: r.i = x == y; break;
      case Tok::NotEq: r.i = x != y; break;
      case Tok::Less: r.i = x < y; break;
      case Tok::LessEq: r.i = x <= y; break;
      case Tok::Greater: r.i = x > y; break;
      case Tok::GreaterEq: r.i = x >= y; break;
      default: break;
    }
    if (!comparison && !std::isfinite(r.f)) {
      error_at("E310", "the result is not a finite number", at_tok);
      return Value{};
    }
    if (rt == Type::Angle) r.f = std::fmod(r.f, 2 * kPi);
    return r;
  }
  const int64_t x = a.i, y = b.i;
  auto arith = [&](auto f) {
    // 64-bit wrap-around, with the arithmetic done unsigned so it is defined.
    return static_cast<int64_t>(f(static_cast<uint64_t>(x), static_cast<uint64_t>(y)));
  };
  switch (op) {
    case Tok::Plus: r.i = arith([](uint64_t p, uint64_t q) { return p + q; }); break;
    case Tok::Minus: r.i = arith([](uint64_t p, uint64_t q) { return p - q; }); break;
    case Tok::Star: r.i = arith([](uint64_t p, uint64_t q) { return p * q; }); break;
    case Tok::Slash:
    case Tok::Percent:
      if (y == 0) {
        error_at("E310", "division by zero", at_tok);
        return Value{};
      }
      if (x == INT64_MIN && y == -1)
        r.i = op == Tok::Slash ? x : 0;
      else
        r.i = op == Tok::Slash ? x / y : x % y;
      break;
    case Tok::StarStar: {
      if (y < 0) {
        r.type = Type::Float;
        r.f = std::pow(static_cast<double>(x), static_cast<double>(y));
        break;
      }
      uint64_t acc = 1, base = static_cast<uint64_t>(x);
      for (int64_t e = y; e > 0 && e < 1024; e >>= 1) {  // square-and-multiply, wrapping at 64 bits
        if (e & 1) acc *= base;
        base *= base;
      }
      r.i = static_cast<int64_t>(acc);
      break;
    }
    case Tok::Amp: r.i = x & y; break;
    case Tok::Pipe: r.i = x | y; break;
    case Tok::Caret: r.i = x ^ y; break;
    case Tok::Shl: r.i = y >= 64 || y < 0 ? 0 : static_cast<int64_t>(static_cast<uint64_t>(x) << y); break;
    case Tok::Shr:
      r.i = y >= 64 || y < 0 ? (x < 0 && rt == Type::Int ? -1 : 0)
                             : (rt == Type::Int ? x >> y : static_cast<int64_t>(static_cast<uint64_t>(x) >> y));
      break;
    case Tok::EqEq: r.i = x == y; break;
    case Tok::NotEq: r.i = x != y; break;
    case Tok::Less: r.i = x < y; break;
    case Tok::LessEq: r.i = x <= y; break;
    case Tok::Greater: r.i = x > y; break;
    case Tok::GreaterEq: r.i = x >= y; break;
    default: break;
  }
  if (r.type == Type::Int && r.width) r.i = wrap(r.i, r.width, true);
  if ((r.type == Type::Uint || r.type == Type::Bit) && r.width) r.i = wrap(r.i, r.width, false);
  return r;
}

}  // namespace qvet::qasm3
