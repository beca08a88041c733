// Expressions of the static subset: Python's arithmetic (64-bit integers that refuse to overflow,
// floor division and modulo with Python's signs, int/float promotion), indexing and slicing,
// the builtins the subset provides, and parameter expressions.
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <complex>
#include <cstdio>
#include <cstdlib>
#include <limits>

#include "python/interpreter.hpp"
#include "python/names.hpp"

namespace qvet::python {

const char* type_name(const Value& v) {
  switch (v.kind) {
    case Value::None: return "NoneType";
    case Value::Bool: return "bool";
    case Value::Int: return "int";
    case Value::Float: return "float";
    case Value::Complex: return "complex";
    case Value::Str: return "str";
    case Value::List: return "list";
    case Value::Tuple: return "tuple";
    case Value::Range: return "range";
    case Value::Module: return "module";
    case Value::Function: return "function";
    case Value::Class: return "type";
    case Value::QReg: return "QuantumRegister";
    case Value::CReg: return "ClassicalRegister";
    case Value::Qubit: return "Qubit";
    case Value::Clbit: return "Clbit";
    case Value::Circuit: return "QuantumCircuit";
    case Value::Param: return "ParameterExpression";
    case Value::Gate: return "Instruction";
    case Value::Nothing: return "object";
    case Value::Dict: return "dict";
    case Value::UserFunction: return "function";
    case Value::Inert: return "object";
    case Value::Instructions: return "InstructionSet";
    case Value::Block: return "ControlFlowBuilder";
  }
  return "object";
}

namespace {

// Python's repr of a float: the shortest text that reads back to the same double.
std::string float_repr(double x) {
  if (std::isnan(x)) return "nan";
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  char buf[40];
  for (int prec = 1; prec <= 17; ++prec) {
    std::snprintf(buf, sizeof buf, "%.*e", prec - 1, x);
    if (std::strtod(buf, nullptr) == x) break;
  }
  // buf is d.ddde±XX: split into digits and exponent, then lay out as Python does.
  std::string s(buf);
  const bool neg = s[0] == '-';
  if (neg) s.erase(0, 1);
  const size_t e = s.find('e');
  const int exp10 = std::atoi(s.c_str() + e + 1);
  std::string digits = s.substr(0, e);
  digits.erase(std::remove(digits.begin(), digits.end(), '.'), digits.end());
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  std::string out;
  if (exp10 < -4 || exp10 >= 16) {
    out = digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    char eb[16];
    std::snprintf(eb, sizeof eb, "e%c%02d", exp10 < 0 ? '-' : '+', std::abs(exp10));
    out += eb;
  } else if (exp10 < 0) {
    out = "0." + std::string(static_cast<size_t>(-exp10 - 1), '0') + digits;
  } else {
    const size_t point = static_cast<size_t>(exp10) + 1;
    if (digits.size() <= point)
      out = digits + std::string(point - digits.size(), '0') + ".0";
    else
      out = digits.substr(0, point) + "." + digits.substr(point);
  }
  return neg ? "-" + out : out;
}

// Python's slice.indices(): the start, step and count of a slice over a sequence of length n.
bool slice_indices(int64_t n, const Value* start, const Value* stop, int64_t step, int64_t* first, int64_t* count) {
  auto clamp = [&](const Value* v, int64_t dflt, int64_t lo, int64_t hi) {
    if (!v) return dflt;
    int64_t x = v->i;
    if (x < 0) x += n;
    return x < lo ? lo : x > hi ? hi : x;
  };
  int64_t a, b;
  if (step > 0) {
    a = clamp(start, 0, 0, n);
    b = clamp(stop, n, 0, n);
    *count = b > a ? (b - a + step - 1) / step : 0;
  } else {
    a = clamp(start, n - 1, -1, n - 1);
    b = clamp(stop, -1, -1, n - 1);
    *count = a > b ? (a - b + (-step) - 1) / (-step) : 0;
  }
  *first = a;
  return true;
}

}  // namespace

void Interpreter::fail(const Node& at, const char* code, const std::string& message) {
  sink_.add({Severity::Error, code, message, span(at)});
  throw Error{};
}

void Interpreter::refuse(const Node& at, const std::string& what) {
  fail(at, "E603",
       what +
           " is outside the static subset qvet reads; it reads circuit-building code as data and "
           "never runs it");
}

// Building n elements or characters costs n steps of the budget (a list of a million zeros is a
// million steps of work, however short the code that asks for it).
void Interpreter::count_items(uint64_t n, const Node& at) { step(at, "building lists and strings", n); }

Value Interpreter::nested(Value v, const Node& at) {
  constexpr int64_t kMaxNesting = 100;
  if (v.j > kMaxNesting) fail(at, "E616", "lists and tuples nested more than " + std::to_string(kMaxNesting) + " deep");
  return v;
}

void Interpreter::check_appendable(const Value& v, const Node& at) {
  if (v.kind == Value::List || v.kind == Value::Dict || ((v.kind == Value::Tuple) && v.k))
    refuse(at, "appending or extending with a list or a dict (build nested ones with a literal)");
}

int64_t Interpreter::to_int(const Value& v, const Node& at, const char* what) {
  if (v.is_int()) return v.i;
  fail(at, "E605", std::string(what) + " must be an integer, not '" + type_name(v) + "'");
}

Value Interpreter::eval(const Node& n) {
  if (++steps_ > opt_.limits.max_python_steps) step(n, "the code", 0);  // every node evaluated costs a step
  switch (n.kind) {
    case Node::Name: return name(n);
    case Node::Int: return Value::integer(n.ival);
    case Node::Float: return Value::real(n.fval);
    case Node::Imag: return Value::complex(0, n.fval);
    case Node::Str: count_items(n.text.size(), n); return Value::string(n.text);
    case Node::True: return Value::boolean(true);
    case Node::False: return Value::boolean(false);
    case Node::None: return Value{};
    case Node::FStr: return fstring(n);
    case Node::List:
    case Node::Tuple: {
      Items items;
      items.reserve(n.kids.size());
      for (const Node& k : n.kids) items.push_back(eval(k));
      count_items(items.size(), n);
      return nested(Value::list(std::move(items), n.kind == Node::List ? Value::List : Value::Tuple), n);
    }
    case Node::Attr: return attribute(eval(n.kids[0]), n.text, n);
    case Node::Index: {
      Value obj = eval(n.kids[0]);
      return obj.kind == Value::Inert ? obj : index(obj, Value{}, n, n.kids[1]);
    }
    case Node::Call: return call(n);
    case Node::Unary: {
      Value a = eval(n.kids[0]);
      return a.kind == Value::Inert ? a : unary(n.op, a, n);
    }
    case Node::Binary: {
      Value a = eval(n.kids[0]), b = eval(n.kids[1]);
      if (a.kind == Value::Inert) return a;
      if (b.kind == Value::Inert) return b;
      return binary(n.op, a, b, n);
    }
    case Node::ListComp: return comprehension(n);
    case Node::Compare: {  // a < b < c is a < b and b < c, with b evaluated once
      Value left = eval(n.kids[0]);
      for (size_t i = 1; i < n.kids.size(); ++i) {
        Value right = eval(n.kids[i]);
        if (left.kind == Value::Inert) return left;  // a run's result: not known here
        if (right.kind == Value::Inert) return right;
        if (!compare(n.keywords[i - 1], left, right, n)) return Value::boolean(false);
        left = std::move(right);
      }
      return Value::boolean(true);
    }
    case Node::BoolOp: {  // the first value that decides, as Python gives it (not a bool)
      Value v;
      for (const Node& k : n.kids) {
        v = eval(k);
        if (truth(v, k) == (n.op == 'o')) return v;
      }
      return v;
    }
    case Node::Not: return Value::boolean(!truth(eval(n.kids[0]), n.kids[0]));
    case Node::IfExp: return truth(eval(n.kids[1]), n.kids[1]) ? eval(n.kids[0]) : eval(n.kids[2]);
    case Node::Lambda: return make_lambda(n);
    case Node::Dict: {
      Value d = Value::list({}, Value::Dict);
      Items items;
      for (size_t i = 0; i + 1 < n.kids.size(); i += 2) {
        Value key = eval(n.kids[i]);
        if (key.kind == Value::List || key.kind == Value::Dict)
          fail(n.kids[i], "E605", std::string("unhashable type: '") + type_name(key) + "'");
        dict_put(items, std::move(key), eval(n.kids[i + 1]));
      }
      count_items(items.size(), n);
      return nested(Value::list(std::move(items), Value::Dict), n);
    }
    case Node::Slice: break;
  }
  fail(n, "E601", "unexpected slice");
}

Value Interpreter::name(const Node& n) {
  for (const Frame* f = frame_.get(); f; f = f->parent.get()) {  // locals, then enclosing functions'
    if (const Value* local = f->locals.find(n.text)) return *local;
  }
  // A poisoned name was erased from the globals (a new generation), so the cache never hides it.
  if (!poisoned_.empty() && poisoned_.count(n.text)) quiet();
  if (const Value* global = global_slot(n)) return *global;
  Value v;
  if (builtin(n.text, &v)) return v;
  if (n.text == "display") return Value::handle(Value::Inert, kRunPlot);  // a notebook's display()
  if (refused_builtin(n.text)) refuse(n, "calling the builtin '" + n.text + "'");
  std::string hint;
  for (int64_t m : {kQiskit, kQiskitCircuit, kQiskitLibrary, kMath}) {
    Value unused;
    if (module_member(m, n.text, &unused)) {
      hint = " (import it: from " + std::string(module_name(m)) + " import " + n.text + ")";
      break;
    }
  }
  if (star_run_ >= 0 && hint.empty()) return Value::handle(Value::Inert, star_run_);
  fail(n, "E604", "name '" + n.text + "' is not defined" + hint);
}

Value Interpreter::unary(char op, const Value& a, const Node& at) {
  if (a.kind == Value::Param && op != '~') {
    return op == '+' ? a : Value::param_then(a, ExprOp::Neg);
  }
  if (a.is_int()) {
    if (op == '-' && a.i == std::numeric_limits<int64_t>::min())
      fail(at, "E609", "integer overflow: the result does not fit in 64 bits");
    return Value::integer(op == '-' ? -a.i : op == '~' ? ~a.i : a.i);
  }
  if (a.kind == Value::Float && op != '~') return Value::real(op == '-' ? -a.f : a.f);
  if (a.kind == Value::Complex && op != '~') return op == '-' ? Value::complex(-a.f, -a.g) : a;
  if (is_array(a)) return array_unary(op, a, at);
  fail(at, "E605", std::string("bad operand type for unary ") + op + ": '" + type_name(a) + "'");
}

Value Interpreter::binary(char op, const Value& a, const Value& b, const Node& at) {
  static const char* const kSymbols = "+-*/%&|^<>FP";
  auto symbol = [&]() -> std::string {
    switch (op) {
      case 'F': return "//";
      case 'P': return "**";
      case '<': return "<<";
      case '>': return ">>";
      default: return std::string(1, op);
    }
  };
  (void)kSymbols;
  auto unsupported = [&]() {
    fail(at, "E605",
         "unsupported operand types for " + symbol() + ": '" + type_name(a) + "' and '" + type_name(b) + "'");
  };
  auto overflow = [&]() { fail(at, "E609", "integer overflow: the result does not fit in 64 bits"); };
  if (a.kind == Value::Param || b.kind == Value::Param) return param_binary(op, a, b, at);

  if ((a.kind == Value::Complex || b.kind == Value::Complex) && a.is_complex_like() && b.is_complex_like()) {
    const std::complex<double> x(a.real_part(), a.imag()), y(b.real_part(), b.imag());
    std::complex<double> r;
    switch (op) {
      case '+': r = x + y; break;
      case '-': r = x - y; break;
      case '*': r = x * y; break;
      case '/':
        if (y == 0.0) fail(at, "E609", "complex division by zero");
        r = x / y;
        break;
      case 'P':
        if (x == 0.0 && (y.real() < 0 || y.imag() != 0)) fail(at, "E609", "0.0 to a negative or complex power");
        r = y.imag() == 0 && y.real() == std::floor(y.real()) && std::fabs(y.real()) < 64
                ? std::pow(x, static_cast<int>(y.real()))
                : std::pow(x, y);
        break;
      default: unsupported();
    }
    if (!std::isfinite(r.real()) || !std::isfinite(r.imag())) fail(at, "E609", "complex overflow");
    return Value::complex(r.real(), r.imag());
  }
  if (a.is_int() && b.is_int()) {
    const int64_t x = a.i, y = b.i;
    int64_t r = 0;
    switch (op) {
      case '+':
        if (__builtin_add_overflow(x, y, &r)) overflow();
        return Value::integer(r);
      case '-':
        if (__builtin_sub_overflow(x, y, &r)) overflow();
        return Value::integer(r);
      case '*':
        if (__builtin_mul_overflow(x, y, &r)) overflow();
        return Value::integer(r);
      case '/':
        if (y == 0) fail(at, "E609", "division by zero");
        return Value::real(static_cast<double>(x) / static_cast<double>(y));
      case 'F':
      case '%': {
        if (y == 0) fail(at, "E609", "integer division or modulo by zero");
        if (x == std::numeric_limits<int64_t>::min() && y == -1) overflow();
        int64_t q = x / y, m = x % y;
        if (m != 0 && ((m < 0) != (y < 0))) {
          --q;
          m += y;
        }  // Python floors toward negative infinity
        return Value::integer(op == 'F' ? q : m);
      }
      case 'P': {
        if (y < 0) {
          if (x == 0) fail(at, "E609", "0 cannot be raised to a negative power");
          return Value::real(std::pow(static_cast<double>(x), static_cast<double>(y)));
        }
        int64_t base = x, e = y;
        r = 1;
        while (e > 0) {
          if ((e & 1) && __builtin_mul_overflow(r, base, &r)) overflow();
          e >>= 1;
          if (e > 0 && __builtin_mul_overflow(base, base, &base)) overflow();
        }
        return Value::integer(r);
      }
      case '&': return Value::integer(x & y);
      case '|': return Value::integer(x | y);
      case '^': return Value::integer(x ^ y);
      case '<':
      case '>':
        if (y < 0) fail(at, "E609", "negative shift count");
        if (op == '>') return Value::integer(y >= 63 ? (x < 0 ? -1 : 0) : x >> y);
        if (x == 0) return Value::integer(0);
        if (y >= 63 || ((x << y) >> y) != x) overflow();
        return Value::integer(x << y);
    }
  }
  if (a.is_number() && b.is_number()) {
    const double x = a.number(), y = b.number();
    switch (op) {
      case '+': return Value::real(x + y);
      case '-': return Value::real(x - y);
      case '*': return Value::real(x * y);
      case '/':
        if (y == 0) fail(at, "E609", "float division by zero");
        return Value::real(x / y);
      case 'F':
      case '%': {
        if (y == 0) fail(at, "E609", "float floor division or modulo by zero");
        double mod = std::fmod(x, y);
        double div = (x - mod) / y;
        if (mod != 0) {
          if ((y < 0) != (mod < 0)) {
            mod += y;
            div -= 1;
          }
        } else {
          mod = std::copysign(0.0, y);
        }
        double floordiv = std::floor(div);
        if (div - floordiv > 0.5) floordiv += 1;
        return Value::real(op == 'F' ? floordiv : mod);
      }
      case 'P': {
        if (x == 0 && y < 0) fail(at, "E609", "0.0 cannot be raised to a negative power");
        if (x < 0 && y != std::floor(y))
          fail(at, "E609", "a negative number raised to a fractional power is complex, which the subset does not have");
        const double r = std::pow(x, y);
        if (std::isinf(r) && std::isfinite(x) && std::isfinite(y)) fail(at, "E609", "float overflow in '**'");
        return Value::real(r);
      }
      default: unsupported();
    }
  }
  if (is_array(a) || is_array(b) || op == '@') return array_binary(op, a, b, at);  // numpy: elementwise
  const bool seq_a = a.kind == Value::Str || a.kind == Value::List || a.kind == Value::Tuple;
  if (op == '+' && seq_a && a.kind == b.kind) {
    if (a.kind == Value::Str) {
      count_items(a.s->size() + b.s->size(), at);
      return Value::string(*a.s + *b.s);
    }
    Items items(*a.items);
    items.insert(items.end(), b.items->begin(), b.items->end());
    count_items(items.size(), at);
    return Value::list(std::move(items), a.kind);
  }
  if (op == '*' && ((seq_a && b.is_int()) ||
                    (a.is_int() && (b.kind == Value::Str || b.kind == Value::List || b.kind == Value::Tuple)))) {
    const Value& seq = seq_a ? a : b;
    const int64_t times = std::max<int64_t>(0, seq_a ? b.i : a.i);
    const uint64_t len = seq.kind == Value::Str ? seq.s->size() : seq.items->size();
    if (len > 0 && static_cast<uint64_t>(times) > opt_.limits.max_python_steps / len) count_items(UINT64_MAX / 2, at);
    count_items(len * static_cast<uint64_t>(times), at);
    if (seq.kind == Value::Str) {
      std::string s;
      for (int64_t i = 0; i < times; ++i) s += *seq.s;
      return Value::string(std::move(s));
    }
    Items items;
    for (int64_t i = 0; i < times; ++i) items.insert(items.end(), seq.items->begin(), seq.items->end());
    return Value::list(std::move(items), seq.kind);
  }
  unsupported();
  return Value{};
}

// ParameterExpression arithmetic: the result stays symbolic, in the same postfix form the
// OpenQASM 2 front end uses for gate bodies, so the simulator binds it with the same evaluator.
Value Interpreter::param_binary(char op, const Value& a, const Value& b, const Node& at) {
  ExprOp::Code code;
  switch (op) {
    case '+': code = ExprOp::Add; break;
    case '-': code = ExprOp::Sub; break;
    case '*': code = ExprOp::Mul; break;
    case '/': code = ExprOp::Div; break;
    case 'P': code = ExprOp::Pow; break;
    default:
      fail(at, "E605",
           std::string("unsupported operand types for this operator: '") + type_name(a) + "' and '" + type_name(b) +
               "'");
  }
  auto operand = [&](const Value& v, Expr* e) {
    if (v.kind == Value::Param) {
      e->insert(e->end(), v.expr->begin(), v.expr->end());
    } else if (v.is_number()) {
      ExprOp c;
      c.code = ExprOp::Const;
      c.value = v.number();
      e->push_back(c);
    } else {
      fail(at, "E605", std::string("unsupported operand types: '") + type_name(a) + "' and '" + type_name(b) + "'");
    }
  };
  if (code == ExprOp::Div && b.is_number() && b.number() == 0) fail(at, "E609", "division of a parameter by zero");
  Expr e;
  operand(a, &e);
  operand(b, &e);
  ExprOp o;
  o.code = code;
  e.push_back(o);
  count_items(e.size(), at);
  return Value::param(std::move(e));
}

Value Interpreter::index(const Value& obj, const Value&, const Node& at, const Node& key_node) {
  if (obj.kind == Value::Dict) {
    if (key_node.kind == Node::Slice) fail(key_node, "E605", "a dict cannot be sliced");
    const Value key = eval(key_node);
    if (const Value* v = dict_find(obj, key)) return *v;
    fail(key_node, "E606", "KeyError: " + str(key, key_node) + " is not a key of this dict");
  }
  const bool sequence = obj.kind == Value::List || obj.kind == Value::Tuple || obj.kind == Value::Str ||
                        obj.kind == Value::Range || obj.kind == Value::QReg || obj.kind == Value::CReg;
  if (!sequence) {
    if (obj.kind == Value::Circuit) refuse(at, "indexing a QuantumCircuit (its instructions)");
    fail(at, "E605", std::string("'") + type_name(obj) + "' object is not subscriptable");
  }
  const bool is_reg = obj.kind == Value::QReg || obj.kind == Value::CReg;
  const int64_t n = obj.kind == Value::Str     ? static_cast<int64_t>(obj.s->size())
                    : obj.kind == Value::Range ? obj.range_length()
                    : is_reg                   ? static_cast<int64_t>(regs_[obj.i].size)
                                               : static_cast<int64_t>(obj.items->size());
  auto element = [&](int64_t i) -> Value {
    switch (obj.kind) {
      case Value::Str: return Value::string(std::string(1, (*obj.s)[i]));
      case Value::Range: return Value::integer(obj.i + i * obj.k);
      case Value::QReg: return Value::handle(Value::Qubit, i, obj.i);
      case Value::CReg: return Value::handle(Value::Clbit, i, obj.i);
      default: return (*obj.items)[i];
    }
  };
  if (key_node.kind == Node::Slice) {
    Value parts[3];
    const Value* ptr[3] = {nullptr, nullptr, nullptr};
    for (int k = 0; k < 3; ++k) {
      if (key_node.kids[k].kind == Node::None) continue;
      parts[k] = eval(key_node.kids[k]);
      if (parts[k].kind == Value::None) continue;
      to_int(parts[k], key_node.kids[k], "a slice index");
      ptr[k] = &parts[k];
    }
    const int64_t step = ptr[2] ? ptr[2]->i : 1;
    if (step == 0) fail(key_node, "E609", "slice step cannot be zero");
    int64_t first = 0, count = 0;
    slice_indices(n, ptr[0], ptr[1], step, &first, &count);
    count_items(static_cast<uint64_t>(count), at);
    if (obj.kind == Value::Str) {
      std::string s;
      for (int64_t i = 0; i < count; ++i) s += (*obj.s)[first + i * step];
      return Value::string(std::move(s));
    }
    Items items;
    items.reserve(static_cast<size_t>(count));
    for (int64_t i = 0; i < count; ++i) items.push_back(element(first + i * step));
    return Value::list(std::move(items), obj.kind == Value::Tuple ? Value::Tuple : Value::List);
  }
  const Value key = eval(key_node);
  if (!key.is_int())
    fail(key_node, "E605",
         std::string(type_name(obj)) + " indices must be integers or slices, not '" + type_name(key) + "'");
  int64_t i = key.i;
  if (i < 0) i += n;
  if (i < 0 || i >= n) {
    if (is_reg)
      fail(key_node, "E606",
           "register index out of range: " + regs_[obj.i].name + " has " + std::to_string(n) +
               (n == 1 ? " bit" : " bits") + ", index " + std::to_string(key.i));
    fail(key_node, "E606",
         std::string(type_name(obj)) + " index out of range: length " + std::to_string(n) + ", index " +
             std::to_string(key.i));
  }
  return element(i);
}

Items Interpreter::materialize(const Value& v, const Node& at) {
  Items out;
  iterate(at, v, [&](const Value& x) {
    count_items(1, at);
    out.push_back(x);
    return true;
  });
  return out;
}

std::string Interpreter::str(const Value& v, const Node& at) {
  switch (v.kind) {
    case Value::None: return "None";
    case Value::Bool: return v.i ? "True" : "False";
    case Value::Int: return std::to_string(v.i);
    case Value::Float: return float_repr(v.f);
    case Value::Complex: {  // Python's repr: 1j, (1+2j), (1.5-0j)
      auto part = [](double x) {
        std::string t = float_repr(x);
        if (t.size() > 2 && t.compare(t.size() - 2, 2, ".0") == 0) t.resize(t.size() - 2);
        return t;
      };
      if (v.f == 0 && !std::signbit(v.f)) return part(v.g) + "j";
      return "(" + part(v.f) + (v.g < 0 || std::signbit(v.g) ? "-" : "+") + part(std::fabs(v.g)) + "j)";
    }
    case Value::Str: return *v.s;
    case Value::Nothing:
    case Value::Inert: return "";
    case Value::List:
    case Value::Tuple: {
      std::string s = v.kind == Value::List ? "[" : "(";
      for (size_t i = 0; i < v.items->size(); ++i) {
        const Value& x = (*v.items)[i];
        if (i) s += ", ";
        const std::string piece = x.kind == Value::Str ? "'" + *x.s + "'" : str(x, at);
        step(at, "formatting a list", 1 + piece.size());  // a list of a list repeated: its text is long
        s += piece;
      }
      if (v.kind == Value::Tuple && v.items->size() == 1) s += ",";
      return s + (v.kind == Value::List ? "]" : ")");
    }
    case Value::QReg:
    case Value::CReg: return regs_[v.i].name;
    case Value::Param:
      if (v.expr->size() == 1) return params_[(*v.expr)[0].param];
      break;
    default: break;
  }
  if (in_print_) return "";
  fail(at, "E605", std::string("formatting a '") + type_name(v) + "' is outside the static subset");
}

Value Interpreter::attribute(const Value& obj, const std::string& attr, const Node& expr) {
  Node at;  // errors point at the attribute's name
  at.offset = expr.name_offset;
  at.length = static_cast<uint32_t>(attr.size());
  switch (obj.kind) {
    case Value::Module: {
      Value v;
      if (attr == "__version__")  // the release whose figures qvet gives
        return obj.i == kQiskit ? Value::string("1.0.0") : Value::handle(Value::Nothing, 0);
      if (module_member(obj.i, attr, &v)) return v;
      if (const int64_t k = run_name(module_name(obj.i), attr); k >= 0) return Value::handle(Value::Inert, k);
      if (const int64_t k = run_module(std::string(module_name(obj.i)) + "." + attr); k >= 0)
        return Value::handle(Value::Inert, k);
      refuse(at, std::string(module_name(obj.i)) + "." + attr);
    }
    case Value::Circuit: return circuit_attribute(obj.i, attr, at);
    case Value::QReg:
    case Value::CReg:
      if (attr == "size") return Value::integer(regs_[obj.i].size);
      if (attr == "name") return Value::string(regs_[obj.i].name);
      break;
    case Value::Param:
      if (attr == "name" && obj.expr->size() == 1) return Value::string(params_[(*obj.expr)[0].param]);
      break;
    case Value::Nothing: return obj;
    case Value::Inert:  // an observable's num_qubits is known (k holds it, plus one), the rest is not
      if (attr == "num_qubits" && obj.k > 0) return Value::integer(obj.k - 1);
      return Value::handle(Value::Inert, obj.i);
    case Value::Class:
      if (obj.i == kSparsePauliOp && (attr == "from_list" || attr == "from_sparse_list"))
        return Value::handle(Value::Function, attr == "from_list" ? kPauliFromList : kPauliFromSparseList);
      if (obj.i == kStatevector && (attr == "from_label" || attr == "from_int" || attr == "from_instruction"))
        return Value::handle(Value::Function, attr == "from_label" ? kSvFromLabel
                                              : attr == "from_int" ? kSvFromInt
                                                                   : kSvFromInstruction);
      break;
    default: break;
  }
  refuse(at, std::string("the attribute '.") + attr + "' of a " + type_name(obj));
}

Value Interpreter::call(const Node& n) {
  const Node& callee = n.kids[0];
  // Methods are dispatched on the object without making bound-method values.
  // (self and fn are built in place, without a default value first: a Value is about 100 bytes to
  // clear, and this runs for every call of every loop.)
  Value self = callee.kind == Node::Attr ? eval(callee.kids[0]) : Value::handle(Value::None, 0);
  const bool method = callee.kind == Node::Attr &&
                      (self.kind == Value::Circuit || self.kind == Value::List || self.kind == Value::Tuple ||
                       self.kind == Value::Dict || self.kind == Value::Str || self.kind == Value::Nothing ||
                       self.kind == Value::Inert || self.kind == Value::Instructions || self.kind == Value::Gate);
  Value fn = method                      ? Value::handle(Value::None, 0)
             : callee.kind == Node::Attr ? attribute(self, callee.text, callee)
                                         : eval(callee);
  const bool printing = fn.kind == Value::Function && fn.i == kPrint;
  const bool was = in_print_;
  if (printing) in_print_ = true;
  // The arguments go into storage kept from earlier calls at this depth: a loop's calls allocate
  // nothing for them. It is cleared when the call ends, however it ends.
  if (arg_depth_ == arg_pool_.size()) arg_pool_.push_back(std::make_unique<Args>());
  Args& args = *arg_pool_[arg_depth_++];
  struct Release {
    Args& args;
    size_t& depth;
    ~Release() {
      args.pos.clear();
      args.pos_nodes.clear();
      args.kw.clear();
      args.kw_nodes.clear();
      --depth;
    }
  } release{args, arg_depth_};
  for (size_t i = 1; i < n.kids.size(); ++i) {
    Value v = eval(n.kids[i]);
    if (!n.keywords[i - 1].empty() && n.keywords[i - 1][0] == '*') {  // f(*xs), f(**d)
      spread(n.keywords[i - 1].size() == 2, std::move(v), n.kids[i], args);
    } else if (n.keywords[i - 1].empty()) {
      args.pos.push_back(std::move(v));
      args.pos_nodes.push_back(&n.kids[i]);
    } else {
      args.kw.emplace_back(n.keywords[i - 1], std::move(v));
      args.kw_nodes.push_back(&n.kids[i]);
    }
  }
  in_print_ = was;
  // Run code (sim.run(...), AerSimulator(), plot_histogram(...)): never called; what it gives is inert.
  if ((method && self.kind == Value::Inert) || fn.kind == Value::Inert) {
    const int64_t kind = method ? self.i : fn.i;
    note_run(kind, n);
    if (kind == kRunTranspile) passed_to_transpile(args, n);
    return Value::handle(Value::Inert, kind);
  }
  if (method && (self.kind == Value::Circuit || self.kind == Value::Instructions)) refuse_inert(args, n);
  if (fn.kind == Value::Class) refuse_inert(args, n);
  if (fn.kind == Value::Function && !printing)  // len(counts), int(...) of a run's result: inert too
    for (const Value& v : args.pos)
      if (v.kind == Value::Inert || v.kind == Value::Nothing) return v;  // Nothing: a query inside print()
  if (method) {
    if (self.kind == Value::Circuit) return circuit_method(self.i, callee.text, args, n);
    if (self.kind == Value::Nothing) return self;
    if (self.kind == Value::Instructions) return instructions_method(self, callee.text, args, n);
    if (self.kind == Value::Gate) return gate_method(self, callee.text, args, n);
    if (self.kind == Value::Dict) return dict_method(self, callee.text, args, n);
    if (self.kind == Value::Str) return str_method(self, callee.text, args, n);
    Node name_node;
    name_node.offset = callee.name_offset;
    name_node.length = static_cast<uint32_t>(callee.text.size());
    return list_method(self, callee.text, args, name_node);
  }
  if (fn.kind == Value::Function) return call_function(fn.i, args, n);
  if (fn.kind == Value::UserFunction) return call_user(fn.i, args, n);
  if (fn.kind == Value::Class) return construct(fn.i, args, n);
  if (fn.kind == Value::Nothing) return fn;
  fail(callee, "E605", std::string("'") + type_name(fn) + "' object is not callable");
}

Value Interpreter::list_method(const Value& list, const std::string& method, Args& args, const Node& at) {
  if (list.kind == Value::List && (method == "append" || method == "extend") && args.pos.size() == 1 &&
      args.kw.empty()) {
    if (method == "append") {
      check_appendable(args.pos[0], *args.pos_nodes[0]);
      count_items(1, at);
      list.items->push_back(args.pos[0]);
    } else {
      Items more = materialize(args.pos[0], *args.pos_nodes[0]);
      for (const Value& v : more) check_appendable(v, *args.pos_nodes[0]);
      list.items->insert(list.items->end(), more.begin(), more.end());
    }
    return Value{};
  }
  Items& items = *list.items;
  const bool is_list = list.kind == Value::List;
  const size_t n_args = args.pos.size();
  if (!args.kw.empty()) refuse(at, "keyword arguments to the method '" + method + "' of a " + type_name(list));
  auto position = [&](const Value& v, const Node& where) {
    int64_t i = to_int(v, where, "an index");
    const int64_t n = static_cast<int64_t>(items.size());
    return i < 0 ? std::max<int64_t>(0, i + n) : std::min(i, n);
  };
  if (is_list && method == "insert" && n_args == 2) {
    check_appendable(args.pos[1], *args.pos_nodes[1]);
    count_items(1, at);
    items.insert(items.begin() + position(args.pos[0], *args.pos_nodes[0]), args.pos[1]);
    return Value{};
  }
  if (is_list && method == "pop" && n_args <= 1) {
    if (items.empty()) fail(at, "E606", "pop from empty list");
    int64_t i = n_args ? to_int(args.pos[0], *args.pos_nodes[0], "an index") : -1;
    if (i < 0) i += static_cast<int64_t>(items.size());
    if (i < 0 || i >= static_cast<int64_t>(items.size())) fail(at, "E606", "pop index out of range");
    Value v = items[static_cast<size_t>(i)];
    items.erase(items.begin() + i);
    return v;
  }
  if (is_list && method == "reverse" && n_args == 0) {
    std::reverse(items.begin(), items.end());
    return Value{};
  }
  if (is_list && method == "copy" && n_args == 0) {
    count_items(items.size(), at);
    return Value::list(items);
  }
  if (method == "index" && n_args == 1) {
    for (size_t i = 0; i < items.size(); ++i)
      if (equal(items[i], args.pos[0])) return Value::integer(static_cast<int64_t>(i));
    fail(at, "E609", str(args.pos[0], *args.pos_nodes[0]) + " is not in the " + type_name(list));
  }
  if (method == "count" && n_args == 1) {
    int64_t c = 0;
    for (const Value& v : items) c += equal(v, args.pos[0]);
    return Value::integer(c);
  }
  refuse(at, "the method '" + method + "' of a " + type_name(list));
}

Value Interpreter::math_function(int64_t fn, const Value& x, const Node& at) {
  if (x.kind == Value::Param) {
    ExprOp::Code code;
    switch (fn) {
      case kNpSqrt: code = ExprOp::Sqrt; break;
      case kNpSin: code = ExprOp::Sin; break;
      case kNpCos: code = ExprOp::Cos; break;
      case kNpTan: code = ExprOp::Tan; break;
      case kNpArcsin: code = ExprOp::Asin; break;
      case kNpArccos: code = ExprOp::Acos; break;
      case kNpArctan: code = ExprOp::Atan; break;
      case kNpExp: code = ExprOp::Exp; break;
      case kNpLog: code = ExprOp::Ln; break;
      default:
        fail(at, "E605",
             std::string(function_name(fn)) + "() needs a number; a Parameter cannot be converted to float");
    }
    return Value::param_then(x, code);
  }
  if (x.kind == Value::Complex) {  // numpy takes complex values; e^{i phi} is how phases are written
    const std::complex<double> z(x.f, x.g);
    std::complex<double> r;
    switch (fn) {
      case kNpExp: r = std::exp(z); break;
      case kNpSqrt: r = std::sqrt(z); break;
      case kNpSin: r = std::sin(z); break;
      case kNpCos: r = std::cos(z); break;
      default: fail(at, "E605", std::string(function_name(fn)) + "() needs a real number, not a complex one");
    }
    if (!std::isfinite(r.real()) || !std::isfinite(r.imag())) fail(at, "E609", "complex overflow");
    return Value::complex(r.real(), r.imag());
  }
  if (!x.is_number())
    fail(at, "E605", std::string(function_name(fn)) + "() needs a number, not '" + type_name(x) + "'");
  const double a = x.number();
  auto domain = [&](bool ok) {
    if (!ok) fail(at, "E609", std::string("math domain error in ") + function_name(fn) + "()");
  };
  switch (fn) {
    case kSqrt:
    case kNpSqrt: domain(a >= 0); return Value::real(std::sqrt(a));
    case kSin:
    case kNpSin: return Value::real(std::sin(a));
    case kCos:
    case kNpCos: return Value::real(std::cos(a));
    case kTan:
    case kNpTan: return Value::real(std::tan(a));
    case kAsin:
    case kNpArcsin: domain(a >= -1 && a <= 1); return Value::real(std::asin(a));
    case kAcos:
    case kNpArccos: domain(a >= -1 && a <= 1); return Value::real(std::acos(a));
    case kAtan:
    case kNpArctan: return Value::real(std::atan(a));
    case kExp:
    case kNpExp: return Value::real(std::exp(a));
    case kLog:
    case kNpLog: domain(a > 0); return Value::real(std::log(a));
    case kRadians: return Value::real(a * (3.141592653589793238462643383279502884 / 180.0));
    case kDegrees: return Value::real(a * (180.0 / 3.141592653589793238462643383279502884));
    case kFloor:
    case kCeil: {
      if (x.is_int()) return Value::integer(x.i);
      domain(std::isfinite(a) && std::fabs(a) < 9.2e18);
      return Value::integer(static_cast<int64_t>(fn == kFloor ? std::floor(a) : std::ceil(a)));
    }
    default: break;
  }
  return Value{};
}

Value Interpreter::call_function(int64_t fn, Args& args, const Node& at) {
  if (fn >= kFormat) return language_function(fn, args, at);
  const std::string fname = function_name(fn);
  auto arity = [&](size_t lo, size_t hi) {
    if (args.pos.size() < lo || args.pos.size() > hi)
      fail(at, "E605",
           fname + "() takes " + (lo == hi ? std::to_string(lo) : std::to_string(lo) + " to " + std::to_string(hi)) +
               " positional arguments, but " + std::to_string(args.pos.size()) + " were given");
  };
  auto keyword_ok = [&](const std::string& k) {
    if (fn == kPauliFromList || fn == kPauliFromSparseList) return true;
    return (fn == kEnumerate && k == "start") || (fn == kSorted && (k == "key" || k == "reverse")) || fn == kDict ||
           (fn == kNpArray && k == "dtype");
  };
  for (size_t k = 0; k < args.kw.size() && fn != kPrint; ++k)
    if (!keyword_ok(args.kw[k].first))
      fail(*args.kw_nodes[k], "E605", fname + "() got an unexpected keyword argument '" + args.kw[k].first + "'");
  auto arg_node = [&](size_t i) -> const Node& { return *args.pos_nodes[i]; };
  switch (fn) {
    case kPrint: return Value{};
    case kNpArray: arity(1, 1); return array_of(args.pos[0], arg_node(0));
    case kSvFromLabel:
    case kSvFromInt: {  // the amplitudes, as a list (what initialize and StatePreparation take)
      arity(fn == kSvFromLabel ? 1 : 2, fn == kSvFromLabel ? 1 : 2);
      size_t width = 0;
      if (fn == kSvFromInt) {
        const int64_t dims = to_int(args.pos[1], arg_node(1), "dims");
        if (dims < 2 || (dims & (dims - 1))) refuse(arg_node(1), "Statevector dimensions other than a power of 2");
        while ((int64_t{1} << width) < dims) ++width;
      }
      Items amps;
      for (const Complex& a : state_of(args.pos[0], width, false, arg_node(0)))
        amps.push_back(a.imag() == 0 ? Value::real(a.real()) : Value::complex(a.real(), a.imag()));
      return Value::list(std::move(amps));
    }
    case kSvFromInstruction: note_run(kRunQuantumInfo, at); return Value::handle(Value::Inert, kRunQuantumInfo);
    case kPauliFromList:
    case kPauliFromSparseList: {
      note_run(kRunQuantumInfo, at);
      Value op = Value::handle(Value::Inert, kRunQuantumInfo);
      if (fn == kPauliFromSparseList) {
        for (size_t k = 0; k < args.kw.size(); ++k)
          if (args.kw[k].first == "num_qubits" && args.kw[k].second.is_int()) op.k = args.kw[k].second.i + 1;
        if (args.pos.size() > 1 && args.pos[1].is_int()) op.k = args.pos[1].i + 1;
        return op;
      }
      if (!args.pos.empty()) {
        const Items terms = materialize(args.pos[0], arg_node(0));
        if (!terms.empty() && (terms[0].kind == Value::Tuple || terms[0].kind == Value::List) &&
            !terms[0].items->empty() && (*terms[0].items)[0].kind == Value::Str)
          op.k = static_cast<int64_t>((*terms[0].items)[0].s->size()) + 1;
      }
      return op;
    }
    case kRange: {
      arity(1, 3);
      int64_t v[3] = {0, 0, 1};
      for (size_t i = 0; i < args.pos.size(); ++i) v[i] = to_int(args.pos[i], arg_node(i), "a range() argument");
      Value r;
      r.kind = Value::Range;
      if (args.pos.size() == 1) {
        r.i = 0;
        r.j = v[0];
        r.k = 1;
      } else {
        r.i = v[0];
        r.j = v[1];
        r.k = v[2];
      }
      if (r.k == 0) fail(arg_node(2), "E609", "range() arg 3 must not be zero");
      return r;
    }
    case kLen: {
      arity(1, 1);
      const Value& x = args.pos[0];
      switch (x.kind) {
        case Value::Str: return Value::integer(static_cast<int64_t>(x.s->size()));
        case Value::List:
        case Value::Tuple: return Value::integer(static_cast<int64_t>(x.items->size()));
        case Value::QReg:
        case Value::CReg: return Value::integer(regs_[x.i].size);
        case Value::Circuit: return Value::integer(static_cast<int64_t>(circuits_[x.i].c.ops.size()));
        case Value::Range: return Value::integer(x.range_length());
        case Value::Dict: return Value::integer(static_cast<int64_t>(x.items->size() / 2));
        default: fail(arg_node(0), "E605", std::string("object of type '") + type_name(x) + "' has no len()");
      }
    }
    case kList:
    case kTuple:
      arity(0, 1);
      return Value::list(args.pos.empty() ? Items{} : materialize(args.pos[0], arg_node(0)),
                         fn == kList ? Value::List : Value::Tuple);
    case kReversed: {
      arity(1, 1);
      Items items = materialize(args.pos[0], arg_node(0));
      std::reverse(items.begin(), items.end());
      return Value::list(std::move(items));
    }
    case kInt: {
      arity(0, 1);
      if (args.pos.empty()) return Value::integer(0);
      const Value& x = args.pos[0];
      if (x.is_int()) return Value::integer(x.i);
      if (x.kind == Value::Float) {
        if (!std::isfinite(x.f) || std::fabs(x.f) >= 9.2e18)
          fail(arg_node(0), "E609", "cannot convert " + float_repr(x.f) + " to a 64-bit integer");
        return Value::integer(static_cast<int64_t>(x.f));
      }
      if (x.kind == Value::Str) {
        std::string t = *x.s;
        char* end = nullptr;
        errno = 0;
        const long long v = std::strtoll(t.c_str(), &end, 10);
        if (t.empty() || *end || errno)
          fail(arg_node(0), "E609", "invalid literal for int() with base 10: '" + t + "'");
        return Value::integer(v);
      }
      fail(arg_node(0), "E605", std::string("int() argument must be a string or a number, not '") + type_name(x) + "'");
    }
    case kFloat: {
      arity(0, 1);
      if (args.pos.empty()) return Value::real(0);
      const Value& x = args.pos[0];
      if (x.is_number()) return Value::real(x.number());
      if (x.kind == Value::Str) {
        char* end = nullptr;
        const double v = std::strtod(x.s->c_str(), &end);
        if (x.s->empty() || *end) fail(arg_node(0), "E609", "could not convert string to float: '" + *x.s + "'");
        return Value::real(v);
      }
      if (x.kind == Value::Param)
        fail(arg_node(0), "E605", "a Parameter has no value to convert to float (bind it first)");
      fail(arg_node(0), "E605",
           std::string("float() argument must be a string or a number, not '") + type_name(x) + "'");
    }
    case kAbs: {
      arity(1, 1);
      const Value& x = args.pos[0];
      if (x.is_int()) {
        if (x.i == std::numeric_limits<int64_t>::min())
          fail(at, "E609", "integer overflow: the result does not fit in 64 bits");
        return Value::integer(x.i < 0 ? -x.i : x.i);
      }
      if (x.kind == Value::Float) return Value::real(std::fabs(x.f));
      if (x.kind == Value::Complex) return Value::real(std::hypot(x.f, x.g));
      fail(arg_node(0), "E605", std::string("bad operand type for abs(): '") + type_name(x) + "'");
    }
    case kMin:
    case kMax:
    case kSum: {
      if (args.pos.empty()) arity(1, 1);
      Items items = (args.pos.size() == 1 || fn == kSum) ? materialize(args.pos[0], arg_node(0))
                                                         : Items(args.pos.begin(), args.pos.end());
      if (fn == kSum) {
        Value total = args.pos.size() > 1 ? args.pos[1] : Value::integer(0);
        for (const Value& x : items) total = binary('+', total, x, at);
        return total;
      }
      if (items.empty()) fail(at, "E609", fname + "() arg is an empty sequence");
      Value best = items[0];
      for (const Value& x : items) {
        if (!x.is_number()) fail(at, "E605", fname + "() of a '" + type_name(x) + "' is outside the static subset");
        if (fn == kMin ? x.number() < best.number() : x.number() > best.number()) best = x;
      }
      return best;
    }
    case kRound: {
      arity(1, 2);
      const Value& x = args.pos[0];
      if (!x.is_number()) fail(arg_node(0), "E605", std::string("type ") + type_name(x) + " doesn't define __round__");
      if (args.pos.size() == 1 || args.pos[1].kind == Value::None) {
        if (x.is_int()) return Value::integer(x.i);
        if (!std::isfinite(x.f) || std::fabs(x.f) >= 9.2e18)
          fail(arg_node(0), "E609", "cannot round " + float_repr(x.f) + " to an integer");
        return Value::integer(static_cast<int64_t>(std::nearbyint(x.f)));  // half to even, as Python
      }
      const int64_t digits = to_int(args.pos[1], arg_node(1), "ndigits");
      if (x.is_int()) return Value::integer(x.i);
      if (digits > 300 || digits < -300) return Value::real(digits > 0 ? x.f : 0.0);
      const double scale = std::pow(10.0, static_cast<double>(digits));
      return Value::real(std::nearbyint(x.f * scale) / scale);
    }
    case kStr: {
      arity(0, 1);
      std::string s = args.pos.empty() ? "" : str(args.pos[0], arg_node(0));
      count_items(s.size(), at);
      return Value::string(std::move(s));
    }
    case kEnumerate: {
      arity(1, 2);
      int64_t start = args.pos.size() > 1 ? to_int(args.pos[1], arg_node(1), "start")
                      : args.kw.empty()   ? 0
                                          : to_int(args.kw[0].second, *args.kw_nodes[0], "start");
      Items out;
      for (Value& x : materialize(args.pos[0], arg_node(0))) {
        out.push_back(Value::list({Value::integer(start++), std::move(x)}, Value::Tuple));
        count_items(2, at);
      }
      return nested(Value::list(std::move(out)), at);
    }
    case kZip: {
      std::vector<Items> lists;
      size_t n = SIZE_MAX;
      for (size_t i = 0; i < args.pos.size(); ++i) {
        lists.push_back(materialize(args.pos[i], arg_node(i)));
        n = std::min(n, lists.back().size());
      }
      Items out;
      if (lists.empty()) n = 0;
      for (size_t k = 0; k < n; ++k) {
        Items t;
        for (Items& l : lists) t.push_back(l[k]);
        count_items(t.size(), at);
        out.push_back(Value::list(std::move(t), Value::Tuple));
      }
      return nested(Value::list(std::move(out)), at);
    }
    case kSorted: {
      arity(1, 1);
      Items items = materialize(args.pos[0], arg_node(0));
      Value key_fn;
      bool reverse = false;
      for (size_t k = 0; k < args.kw.size(); ++k) {
        if (args.kw[k].first == "key")
          key_fn = args.kw[k].second;
        else
          reverse = truth(args.kw[k].second, *args.kw_nodes[k]);
      }
      Items keys = items;
      if (key_fn.kind != Value::None)
        for (Value& k : keys) k = call_value(key_fn, {k}, at);
      std::vector<size_t> order(items.size());
      for (size_t i = 0; i < order.size(); ++i) order[i] = i;
      // Stable, as Python's sort; reverse keeps equal elements in their order too.
      std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        return reverse ? compare("<", keys[b], keys[a], at) : compare("<", keys[a], keys[b], at);
      });
      Items out;
      out.reserve(items.size());
      for (size_t i : order) out.push_back(items[i]);
      return nested(Value::list(std::move(out)), at);
    }
    case kAny:
    case kAll: {
      arity(1, 1);
      bool result = fn == kAll;
      iterate(arg_node(0), args.pos[0], [&](const Value& x) {
        step(arg_node(0), "loops");
        if (truth(x, arg_node(0)) != (fn == kAll)) {
          result = fn == kAny;
          return false;
        }
        return true;
      });
      return Value::boolean(result);
    }
    case kDivmod:
      arity(2, 2);
      return Value::list({binary('F', args.pos[0], args.pos[1], at), binary('%', args.pos[0], args.pos[1], at)},
                         Value::Tuple);
    case kPow: {
      arity(2, 3);
      if (args.pos.size() == 2) return binary('P', args.pos[0], args.pos[1], at);
      const int64_t m = to_int(args.pos[2], arg_node(2), "pow()'s modulus");
      int64_t b = to_int(args.pos[0], arg_node(0), "pow()'s base"),
              e = to_int(args.pos[1], arg_node(1), "pow()'s exponent");
      if (m == 0) fail(arg_node(2), "E609", "pow() 3rd argument cannot be 0");
      if (e < 0) refuse(arg_node(1), "pow() with a negative exponent and a modulus");
      // Python's result takes the modulus's sign; the products stay below 2^64 by doubling.
      const uint64_t mod = m < 0 ? 0 - static_cast<uint64_t>(m) : static_cast<uint64_t>(m);
      auto mulmod = [mod](uint64_t x, uint64_t y) {
        uint64_t r = 0;
        for (x %= mod; y; y >>= 1, x = (x >= mod - x) ? x - (mod - x) : x + x)
          if (y & 1) r = (r >= mod - x) ? r - (mod - x) : r + x;
        return r;
      };
      const int64_t bm = b % static_cast<int64_t>(mod);
      uint64_t base = static_cast<uint64_t>(bm < 0 ? bm + static_cast<int64_t>(mod) : bm), r = 1 % mod;
      for (; e > 0; e >>= 1, base = mulmod(base, base))
        if (e & 1) r = mulmod(r, base);
      int64_t v = static_cast<int64_t>(r);
      if (m < 0 && v != 0) v -= static_cast<int64_t>(mod);
      return Value::integer(v);
    }
    case kBin: {
      arity(1, 1);
      const int64_t v = to_int(args.pos[0], arg_node(0), "bin()'s argument");
      uint64_t u = v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
      std::string digits;
      do {
        digits.insert(digits.begin(), static_cast<char>('0' + (u & 1)));
        u >>= 1;
      } while (u);
      return Value::string((v < 0 ? "-0b" : "0b") + digits);
    }
    case kBool: arity(0, 1); return Value::boolean(!args.pos.empty() && truth(args.pos[0], arg_node(0)));
    case kIsinstance: {
      arity(2, 2);
      const Value& x = args.pos[0];
      Items types = args.pos[1].kind == Value::Tuple ? *args.pos[1].items : Items{args.pos[1]};
      bool result = false;
      for (const Value& t : types) {
        if (t.kind == Value::Function) {
          switch (t.i) {
            case kInt: result |= x.kind == Value::Int || x.kind == Value::Bool; break;
            case kFloat: result |= x.kind == Value::Float; break;
            case kStr: result |= x.kind == Value::Str; break;
            case kList: result |= x.kind == Value::List; break;
            case kTuple: result |= x.kind == Value::Tuple; break;
            case kBool: result |= x.kind == Value::Bool; break;
            case kDict: result |= x.kind == Value::Dict; break;
            default: fail(arg_node(1), "E605", "isinstance() arg 2 must be a type or a tuple of types");
          }
        } else if (t.kind == Value::Class) {
          result |= (t.i == kQuantumCircuit && x.kind == Value::Circuit) ||
                    (t.i == kQuantumRegister && x.kind == Value::QReg) ||
                    (t.i == kClassicalRegister && x.kind == Value::CReg) ||
                    (t.i == kParameter && x.kind == Value::Param);
        } else {
          fail(arg_node(1), "E605", "isinstance() arg 2 must be a type or a tuple of types");
        }
      }
      return Value::boolean(result);
    }
    case kDict: {
      arity(0, 1);
      Items items;
      if (!args.pos.empty()) {
        if (args.pos[0].kind == Value::Dict) {
          items = *args.pos[0].items;
        } else {
          for (const Value& pair : materialize(args.pos[0], arg_node(0))) {
            Items kv = materialize(pair, arg_node(0));
            if (kv.size() != 2) fail(arg_node(0), "E609", "dict() needs pairs of a key and a value");
            dict_put(items, kv[0], kv[1]);
          }
        }
      }
      for (auto& [k, v] : args.kw) dict_put(items, Value::string(k), v);
      count_items(items.size(), at);
      return nested(Value::list(std::move(items), Value::Dict), at);
    }
    default: arity(1, 1); return math_function(fn, args.pos[0], arg_node(0));
  }
}

// Calls a function value (the code's own, a builtin) with positional values: sorted()'s key.
Value Interpreter::call_value(const Value& fn, Items values, const Node& at) {
  Args args;
  for (Value& v : values) {
    args.pos.push_back(std::move(v));
    args.pos_nodes.push_back(&at);
  }
  if (fn.kind == Value::UserFunction) return call_user(fn.i, args, at);
  if (fn.kind == Value::Function) return call_function(fn.i, args, at);
  fail(at, "E605", std::string("'") + type_name(fn) + "' object is not callable");
}

// ---- functions, truth and comparisons

Value Interpreter::make_lambda(const Node& n) {
  FunctionObj f;
  f.name = "<lambda>";
  f.params = n.keywords;
  for (size_t i = 1; i < n.kids.size(); ++i) f.defaults.push_back(eval(n.kids[i]));
  std::shared_ptr<const Node>& code = lambdas_[n.offset];  // one copy per lambda in the source
  if (!code) code = std::make_shared<const Node>(n);
  f.lambda = code;
  f.closure = frame_;
  count_items(kFunctionItems, n);
  ValueMemory::charge(kFunctionBytes);
  funcs_.push_back(std::move(f));
  return Value::handle(Value::UserFunction, static_cast<int64_t>(funcs_.size() - 1));
}

// A call of the code's own function: arguments bound as Python binds them, a new scope whose
// parent is the scope it was defined in, and the body run to its `return`.
Value Interpreter::call_user(int64_t id, Args& args, const Node& at) {
  const FunctionObj& f = funcs_[id];  // stays put while the body defines more (a deque)
  auto frame = std::make_shared<Frame>();
  frame->parent = f.closure;
  bind_params(f, args, *frame, at);  // language.cpp
  step(at, "calls", kCallSteps);
  if (calls_ >= kMaxCallDepth)
    fail(at, "E612",
         "calls nested more than " + std::to_string(kMaxCallDepth) + " deep (recursion that does not end soon enough)");
  std::shared_ptr<Frame> saved = std::move(frame_);
  const uint32_t saved_loops = loops_;
  frame_ = std::move(frame);
  loops_ = 0;
  ++calls_;
  Value result;
  if (f.lambda) {
    result = eval(f.lambda->kids[0]);
  } else if (exec_body(f.def->body) == Flow::Return) {
    result = std::move(returned_);
    returned_ = Value{};
  }
  --calls_;
  loops_ = saved_loops;
  frame_ = std::move(saved);
  return result;
}

bool Interpreter::truth(const Value& v, const Node& at) {
  switch (v.kind) {
    case Value::None: return false;
    case Value::Bool:
    case Value::Int: return v.i != 0;
    case Value::Float: return v.f != 0;
    case Value::Complex: return v.f != 0 || v.g != 0;
    case Value::Str: return !v.s->empty();
    case Value::List:
    case Value::Tuple:
    case Value::Dict: return !v.items->empty();
    case Value::Range: return v.range_length() != 0;
    case Value::Param:
      fail(at, "E605", "a Parameter has no truth value until it is bound (Qiskit raises a TypeError here)");
    case Value::Nothing: quiet();
    case Value::Inert: throw Skip{v.i};  // `if counts['11'] > 500:` needs a run's result
    default: return true;
  }
}

// Comparisons cost steps (charged here, checked at the next node), so that loops of linear scans
// (`x in big_list`, a growing dict's lookups, `a == b` on long lists) stay within the budget.
bool Interpreter::equal(const Value& a, const Value& b) {
  ++steps_;
  if (a.is_number() && b.is_number()) return a.number() == b.number();
  if (a.is_complex_like() && b.is_complex_like()) return a.real_part() == b.real_part() && a.imag() == b.imag();
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case Value::None: return true;
    case Value::Str: steps_ += a.s->size() >> 6; return *a.s == *b.s;
    case Value::List:
    case Value::Tuple:
    case Value::Dict:
      if (a.items->size() != b.items->size()) return false;
      for (size_t i = 0; i < a.items->size(); ++i)
        if (!equal((*a.items)[i], (*b.items)[i])) return false;
      return true;
    case Value::Range: return a.i == b.i && a.j == b.j && a.k == b.k;
    case Value::Param:  // a Parameter is itself (Qiskit compares them by uuid), however it was reached
      if (a.expr->size() == 1 && b.expr->size() == 1 && (*a.expr)[0].code == ExprOp::Param &&
          (*b.expr)[0].code == ExprOp::Param)
        return (*a.expr)[0].param == (*b.expr)[0].param;
      return a.expr == b.expr;
    default: return a.i == b.i && a.j == b.j;  // handles: the same object
  }
}

bool Interpreter::compare(const std::string& op, const Value& a, const Value& b, const Node& at) {
  if (op == "==") return equal(a, b);
  if (op == "!=") return !equal(a, b);
  if (op == "is" || op == "is not") {
    bool same = a.kind == b.kind;
    if (same && (a.kind == Value::List || a.kind == Value::Tuple || a.kind == Value::Dict))
      same = a.items == b.items;
    else if (same && a.kind == Value::Str)
      same = *a.s == *b.s;
    else if (same && a.kind == Value::Float)
      same = a.f == b.f;
    else if (same && a.kind != Value::None)
      same = a.i == b.i && a.j == b.j;
    return (op == "is") == same;
  }
  if (op == "in" || op == "not in") {
    bool found = false;
    switch (b.kind) {
      case Value::List:
      case Value::Tuple:
        for (const Value& x : *b.items) found = found || equal(x, a);
        break;
      case Value::Dict: found = dict_find(b, a) != nullptr; break;
      case Value::Str:
        if (a.kind != Value::Str) fail(at, "E605", "'in <string>' requires a string on the left");
        steps_ += b.s->size() >> 6;
        found = b.s->find(*a.s) != std::string::npos;
        break;
      case Value::Range:
        if (a.is_int()) {
          const int64_t n = b.range_length();
          const int64_t d = a.i - b.i;
          found = n > 0 && (b.k > 0 ? a.i >= b.i && a.i < b.j : a.i <= b.i && a.i > b.j) && d % b.k == 0;
        }
        break;
      default: fail(at, "E605", std::string("argument of type '") + type_name(b) + "' is not a container");
    }
    return (op == "in") == found;
  }
  // Ordering: numbers with numbers, strings with strings, sequences element by element.
  ++steps_;  // as equal(): a sort's comparisons are counted
  int order = 0;
  if (a.is_number() && b.is_number()) {
    order = a.number() < b.number() ? -1 : a.number() > b.number() ? 1 : 0;
  } else if (a.kind == Value::Str && b.kind == Value::Str) {
    steps_ += std::min(a.s->size(), b.s->size()) >> 6;
    order = a.s->compare(*b.s) < 0 ? -1 : a.s->compare(*b.s) > 0 ? 1 : 0;
  } else if ((a.kind == Value::List || a.kind == Value::Tuple) && a.kind == b.kind) {
    const size_t n = std::min(a.items->size(), b.items->size());
    size_t i = 0;
    while (i < n && equal((*a.items)[i], (*b.items)[i])) ++i;
    if (i < n) return compare(op, (*a.items)[i], (*b.items)[i], at);
    order = a.items->size() < b.items->size() ? -1 : a.items->size() > b.items->size() ? 1 : 0;
  } else {
    if (a.kind == Value::Param || b.kind == Value::Param)
      fail(at, "E605", "a Parameter cannot be compared until it is bound");
    fail(at, "E605",
         "'" + op + "' not supported between instances of '" + type_name(a) + "' and '" + type_name(b) + "'");
  }
  if (op == "<") return order < 0;
  if (op == "<=") return order <= 0;
  if (op == ">") return order > 0;
  return order >= 0;  // >=
}

// A later value for an equal key replaces the earlier one, which keeps its place (insertion order).
void Interpreter::dict_put(Items& items, Value key, Value value) {
  for (size_t i = 0; i < items.size(); i += 2)
    if (equal(items[i], key)) {
      items[i + 1] = std::move(value);
      return;
    }
  items.push_back(std::move(key));
  items.push_back(std::move(value));
}

const Value* Interpreter::dict_find(const Value& dict, const Value& key) {
  const Items& items = *dict.items;
  for (size_t i = 0; i < items.size(); i += 2)
    if (equal(items[i], key)) return &items[i + 1];
  return nullptr;
}

Value Interpreter::dict_method(const Value& dict, const std::string& method, Args& args, const Node& at) {
  const Items& items = *dict.items;
  if (method == "get" && (args.pos.size() == 1 || args.pos.size() == 2) && args.kw.empty()) {
    const Value* v = dict_find(dict, args.pos[0]);
    return v ? *v : args.pos.size() == 2 ? args.pos[1] : Value{};
  }
  if ((method == "items" || method == "keys" || method == "values") && args.pos.empty() && args.kw.empty()) {
    Items out;
    for (size_t i = 0; i < items.size(); i += 2) {
      if (method == "items")
        out.push_back(Value::list({items[i], items[i + 1]}, Value::Tuple));
      else
        out.push_back(items[i + (method == "values" ? 1 : 0)]);
    }
    count_items(out.size(), at);
    return nested(Value::list(std::move(out)), at);
  }
  refuse(at, "the dict method '" + method + "' (get, items, keys and values are read)");
}

// The string methods bitstring code uses: bin(x)[2:].zfill(n), "".join(...), s.split(), ...
Value Interpreter::str_method(const Value& str_value, const std::string& method, Args& args, const Node& at) {
  const std::string& s = *str_value.s;
  steps_ += s.size() >> 6;  // every method reads the string once at least (find, count, strip...)
  if (method == "format") return str_format(str_value, args, at);
  if (!args.kw.empty()) refuse(at, "keyword arguments to the str method '" + method + "'");
  const size_t n = args.pos.size();
  auto text_arg = [&](size_t i) -> const std::string& {
    if (args.pos[i].kind != Value::Str) fail(*args.pos_nodes[i], "E605", "str." + method + "() takes a string");
    return *args.pos[i].s;
  };
  auto result = [&](std::string out) {
    count_items(out.size(), at);
    return Value::string(std::move(out));
  };
  if (method == "join" && n == 1) {
    std::string out;
    bool first = true;
    for (const Value& v : materialize(args.pos[0], *args.pos_nodes[0])) {
      if (v.kind != Value::Str) fail(*args.pos_nodes[0], "E605", "str.join() takes strings");
      if (!first) out += s;
      out += *v.s;
      first = false;
      count_items(v.s->size() + s.size(), at);
    }
    return Value::string(std::move(out));
  }
  if (method == "split" && n <= 1) {
    Items parts;
    if (n == 0) {  // runs of whitespace
      size_t i = 0;
      while (i < s.size()) {
        while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
        size_t j = i;
        while (j < s.size() && !std::isspace(static_cast<unsigned char>(s[j]))) ++j;
        if (j > i) parts.push_back(Value::string(s.substr(i, j - i)));
        i = j;
      }
    } else {
      const std::string& sep = text_arg(0);
      if (sep.empty()) fail(*args.pos_nodes[0], "E609", "empty separator");
      size_t i = 0;
      for (size_t j; (j = s.find(sep, i)) != std::string::npos; i = j + sep.size())
        parts.push_back(Value::string(s.substr(i, j - i)));
      parts.push_back(Value::string(s.substr(i)));
    }
    count_items(parts.size() + s.size(), at);
    return Value::list(std::move(parts));
  }
  if (method == "zfill" && n == 1) {
    const int64_t width = to_int(args.pos[0], *args.pos_nodes[0], "a width");
    if (width > static_cast<int64_t>(opt_.limits.max_python_steps)) count_items(static_cast<uint64_t>(width), at);
    const size_t w = width < 0 ? 0 : static_cast<size_t>(width);
    if (s.size() >= w) return str_value;
    const size_t sign = !s.empty() && (s[0] == '-' || s[0] == '+');
    return result(s.substr(0, sign) + std::string(w - s.size(), '0') + s.substr(sign));
  }
  if ((method == "upper" || method == "lower") && n == 0) {
    std::string out = s;
    for (char& c : out)
      c = static_cast<char>(method == "upper" ? std::toupper(static_cast<unsigned char>(c))
                                              : std::tolower(static_cast<unsigned char>(c)));
    return result(std::move(out));
  }
  if (method == "strip" && n == 0) {
    size_t b = 0, e = s.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
    return result(s.substr(b, e - b));
  }
  if (method == "replace" && n == 2) {
    const std::string& from = text_arg(0);
    const std::string& to = text_arg(1);
    if (from.empty()) refuse(at, "str.replace() of an empty string");
    std::string out;
    size_t i = 0;
    for (size_t j; (j = s.find(from, i)) != std::string::npos; i = j + from.size()) {
      out += s.substr(i, j - i) + to;
      count_items(to.size(), at);
    }
    return result(out + s.substr(i));
  }
  if ((method == "startswith" || method == "endswith") && n == 1) {
    const std::string& p = text_arg(0);
    const bool yes =
        p.size() <= s.size() &&
        (method == "startswith" ? s.compare(0, p.size(), p) == 0 : s.compare(s.size() - p.size(), p.size(), p) == 0);
    return Value::boolean(yes);
  }
  if ((method == "count" || method == "find") && n == 1) {
    const std::string& p = text_arg(0);
    if (method == "find") {
      const size_t at_pos = s.find(p);
      return Value::integer(at_pos == std::string::npos ? -1 : static_cast<int64_t>(at_pos));
    }
    if (p.empty()) return Value::integer(static_cast<int64_t>(s.size() + 1));
    int64_t c = 0;
    for (size_t i = 0; (i = s.find(p, i)) != std::string::npos; i += p.size()) ++c;
    return Value::integer(c);
  }
  refuse(at, "the str method '" + method + "'");
}

}  // namespace qvet::python
