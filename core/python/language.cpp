// More of Python's language, as the scripts people paste use it: f-string conversions and format
// specs, str.format and format() (the format-spec mini-language for int, float and str),
// comprehensions with several clauses and generator expressions (read as the bounded lists they
// would give), *args / **kwargs / keyword-only parameters and f(*xs, **d), stores into items and
// attributes, and a circuit's figures (size(), depth(), count_ops(), ...) as values.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <unordered_map>

#include "python/interpreter.hpp"
#include "python/names.hpp"

namespace qvet::python {

// [[fill]align][sign][z][#][0][width][grouping][.precision][type], as Python parses it.
struct Interpreter::FormatSpec {
  std::string fill = " ";  // one character, which may be a UTF-8 sequence
  char align = 0;          // < > ^ =, or 0 for the type's default
  char sign = '-';
  bool no_neg_zero = false, alternate = false, zero = false;
  int64_t width = -1, precision = -1;
  char grouping = 0;  // , or _
  char type = 0;
};

namespace {

constexpr int64_t kMaxPrecision = 1000;  // more digits than any double has, and a bounded buffer

// The characters of a UTF-8 string (what Python counts for widths and precisions).
size_t code_points(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

size_t utf8_length(unsigned char lead) { return lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4; }

std::string printf_double(const char* fmt, int precision, double x) {
  const int n = std::snprintf(nullptr, 0, fmt, precision, x);
  std::string out(static_cast<size_t>(std::max(n, 0)) + 1, '\0');
  std::snprintf(&out[0], out.size(), fmt, precision, x);
  out.resize(static_cast<size_t>(std::max(n, 0)));
  return out;
}

// Digit groups of three (or four, for b/o/x) from the right, in the digits before any point.
std::string group_digits(const std::string& digits, char sep, size_t every) {
  if (!sep) return digits;
  size_t end = 0;
  while (end < digits.size() && std::isdigit(static_cast<unsigned char>(digits[end])) != 0) ++end;
  if (sep == '_' && every == 4) end = digits.find('.') == std::string::npos ? digits.size() : digits.find('.');
  std::string head;
  for (size_t i = 0; i < end; ++i) {
    if (i > 0 && (end - i) % every == 0) head += sep;
    head += digits[i];
  }
  return head + digits.substr(end);
}

// Python's 'g' (and, with add_dot_0, the float format without a type): p significant digits, in
// fixed notation unless the exponent is below -4 or not below p (p - 1 with add_dot_0).
std::string general(double x, int64_t precision, bool alternate, bool add_dot_0, bool upper) {
  const int p = static_cast<int>(precision == 0 ? 1 : precision);
  const std::string sci = printf_double("%.*e", p - 1, x);
  const int exp10 = std::atoi(sci.c_str() + sci.find('e') + 1);
  const int decpt = exp10 + 1;
  std::string out;
  auto strip = [&](std::string s) {
    if (alternate || s.find('.') == std::string::npos) return s;
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s;
  };
  if (decpt <= -4 || decpt > (add_dot_0 ? p - 1 : p)) {
    const size_t e = sci.find('e');
    out = strip(sci.substr(0, e)) + sci.substr(e);
  } else {
    out = strip(printf_double("%.*f", p - decpt, x));
    if (add_dot_0 && out.find('.') == std::string::npos) out += ".0";
  }
  if (upper)
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

// ---- formatting

// An f-string: its literal parts, and each field's value converted (!r, !s) and formatted by
// its spec, whose own fields are formatted first.
Value Interpreter::fstring(const Node& n) {
  std::string s = n.parts[0];
  for (size_t f = 0; f < n.keywords.size(); ++f) {
    const Node& value_node = n.kids[2 * f];
    const Node& spec_node = n.kids[2 * f + 1];
    const Value v = eval(value_node);
    std::string spec;
    if (spec_node.kind == Node::Str) spec = spec_node.text;
    if (spec_node.kind == Node::FStr) {
      const Value made = fstring(spec_node);
      if (made.kind == Value::Str) spec = *made.s;
    }
    if (v.kind == Value::Inert || v.kind == Value::Nothing) {
      s += n.parts[f + 1];  // a run's result, or a query inside print(): never shown, never formatted
      continue;
    }
    if (!n.keywords[f].empty()) {
      s += format_value(Value::string(convert(v, n.keywords[f], value_node)), spec, spec_node);
    } else {
      s += format_value(v, spec, spec_node.kind == Node::None ? value_node : spec_node);
    }
    s += n.parts[f + 1];
  }
  count_items(s.size(), n);
  return Value::string(std::move(s));
}

std::string Interpreter::convert(const Value& v, const std::string& conversion, const Node& at) {
  if (conversion == "s") return str(v, at);
  std::string r = repr(v, at);
  if (conversion == "a" && std::any_of(r.begin(), r.end(), [](char c) { return (c & 0x80) != 0; }))
    refuse(at, "the conversion !a of text that is not ASCII");
  return r;
}

// Python's repr: a string quoted (single quotes unless it holds one and no double quote) with its
// escapes; every other value as str() gives it (lists already show their strings quoted).
std::string Interpreter::repr(const Value& v, const Node& at) {
  if (v.kind != Value::Str) return str(v, at);
  const std::string& s = *v.s;
  const char q = s.find('\'') != std::string::npos && s.find('"') == std::string::npos ? '"' : '\'';
  std::string out(1, q);
  for (unsigned char c : s) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c == static_cast<unsigned char>(q)) {
          out += '\\';
          out += static_cast<char>(c);
        } else if (c < 0x20 || c == 0x7F) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\x%02x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + q;
}

// format(v, spec): Python's format-spec mini-language for int, bool, float and str; any other
// value only with an empty spec (its str()). A spec Python rejects is E609 with Python's message,
// one it accepts that qvet does not read (the locale's 'n', 'c') E603; both point at the spec.
std::string Interpreter::format_value(const Value& v, const std::string& spec, const Node& at) {
  if (spec.empty()) return str(v, at);
  if (v.kind == Value::Inert || v.kind == Value::Nothing) return "";
  FormatSpec f;
  size_t i = 0;
  auto is_align = [](char c) { return c == '<' || c == '>' || c == '^' || c == '='; };
  const size_t lead = utf8_length(static_cast<unsigned char>(spec[0]));
  if (lead < spec.size() && is_align(spec[lead])) {
    f.fill = spec.substr(0, lead);
    f.align = spec[lead];
    i = lead + 1;
  } else if (is_align(spec[0])) {
    f.align = spec[0];
    i = 1;
  }
  if (i < spec.size() && (spec[i] == '+' || spec[i] == '-' || spec[i] == ' ')) f.sign = spec[i++];
  if (i < spec.size() && spec[i] == 'z') f.no_neg_zero = true, ++i;
  if (i < spec.size() && spec[i] == '#') f.alternate = true, ++i;
  if (i < spec.size() && spec[i] == '0') f.zero = true, ++i;
  auto number = [&](int64_t* out) {
    const size_t from = i;
    int64_t n = 0;
    while (i < spec.size() && std::isdigit(static_cast<unsigned char>(spec[i])) != 0) {
      n = std::min<int64_t>(n * 10 + (spec[i] - '0'), std::numeric_limits<int32_t>::max());
      ++i;
    }
    if (i > from) *out = n;
    return i > from;
  };
  number(&f.width);
  if (i < spec.size() && (spec[i] == ',' || spec[i] == '_')) f.grouping = spec[i++];
  if (i < spec.size() && spec[i] == '.') {
    ++i;
    if (!number(&f.precision)) fail(at, "E609", "Format specifier missing precision");
  }
  if (i < spec.size()) f.type = spec[i++];
  const char* tname = type_name(v);
  if (i < spec.size()) fail(at, "E609", "Invalid format specifier '" + spec + "' for object of type '" + tname + "'");
  if (f.precision > kMaxPrecision) refuse(at, "a format precision above " + std::to_string(kMaxPrecision));
  if (f.width > static_cast<int64_t>(opt_.limits.max_python_steps)) count_items(static_cast<uint64_t>(f.width), at);
  if (f.zero && !f.align) {  // '0': zero padding between the sign and the digits (a string's after it)
    f.fill = "0";
    f.align = v.kind == Value::Str ? '<' : '=';
  }

  std::string body, sign;  // the text, and the sign (and prefix) that '=' pads after
  if (v.kind == Value::Str) {
    if (f.type && f.type != 's')
      fail(at, "E609", std::string("Unknown format code '") + f.type + "' for object of type 'str'");
    if (f.sign != '-') fail(at, "E609", "Sign not allowed in string format specifier");
    if (f.alternate) fail(at, "E609", "Alternate form (#) not allowed in string format specifier");
    if (f.align == '=') fail(at, "E609", "'=' alignment not allowed in string format specifier");
    if (f.grouping) fail(at, "E609", std::string("Cannot specify '") + f.grouping + "' with 's'.");
    body = *v.s;
    if (f.precision >= 0 && code_points(body) > static_cast<size_t>(f.precision)) {
      size_t cut = 0;
      for (int64_t k = 0; k < f.precision; ++k) cut += utf8_length(static_cast<unsigned char>(body[cut]));
      body.resize(cut);
    }
    if (!f.align) f.align = '<';
  } else if (v.is_number()) {
    body = format_number(v, f, spec, at);
    if (!body.empty() && (body[0] == '-' || body[0] == '+' || body[0] == ' ')) {
      sign = body.substr(0, 1);
      body.erase(0, 1);
    }
    if (body.size() > 1 && body[0] == '0' && std::isalpha(static_cast<unsigned char>(body[1])) != 0 &&
        (v.is_int() || f.type == 0)) {  // the 0b / 0o / 0x prefix pads after, too
      sign += body.substr(0, 2);
      body.erase(0, 2);
    }
    if (!f.align) f.align = '>';
  } else {
    if (v.kind == Value::Complex) refuse(at, "format specs for a complex number");
    fail(at, "E605", std::string("unsupported format string passed to ") + tname + ".__format__");
  }
  const size_t len = code_points(sign) + code_points(body);
  const size_t pad = f.width > static_cast<int64_t>(len) ? static_cast<size_t>(f.width) - len : 0;
  count_items(pad * f.fill.size(), at);
  std::string fill;
  for (size_t k = 0; k < pad; ++k) fill += f.fill;
  switch (f.align) {
    case '<': return sign + body + fill;
    case '^': {
      const size_t left = pad / 2 * f.fill.size();
      return fill.substr(0, left) + sign + body + fill.substr(left);
    }
    case '=': return sign + fill + body;
    default: return fill + sign + body;
  }
}

// An int, bool or float by the spec's type: d b o x X for integers, e E f F g G % (and none) for
// floats, an int taking the float types too; the sign as the spec says.
std::string Interpreter::format_number(const Value& v, const FormatSpec& f, const std::string& spec, const Node& at) {
  const char* tname = type_name(v);
  const bool int_type = f.type == 'd' || f.type == 'b' || f.type == 'o' || f.type == 'x' || f.type == 'X';
  const bool float_type = f.type == 'e' || f.type == 'E' || f.type == 'f' || f.type == 'F' || f.type == 'g' ||
                          f.type == 'G' || f.type == '%';
  if (f.type == 'n' || f.type == 'c') refuse(at, std::string("the format type '") + f.type + "'");
  if (f.type && !int_type && !float_type)
    fail(at, "E609", std::string("Unknown format code '") + f.type + "' for object of type '" + tname + "'");
  auto with_sign = [&](bool negative, const std::string& digits) {
    const std::string s = negative ? "-" : f.sign == '+' ? "+" : f.sign == ' ' ? " " : "";
    return s + digits;
  };
  if (v.is_int() && !float_type) {
    if (f.precision >= 0) fail(at, "E609", "Precision not allowed in integer format specifier");
    if (f.grouping == ',' && f.type && f.type != 'd')
      fail(at, "E609", std::string("Cannot specify ',' with '") + f.type + "'.");
    (void)spec;
    const uint64_t mag = v.i < 0 ? 0 - static_cast<uint64_t>(v.i) : static_cast<uint64_t>(v.i);
    const unsigned base = f.type == 'b' ? 2 : f.type == 'o' ? 8 : (f.type == 'x' || f.type == 'X') ? 16 : 10;
    const char* digit_chars = f.type == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
    std::string digits;
    uint64_t u = mag;
    do {
      digits.insert(digits.begin(), digit_chars[u % base]);
      u /= base;
    } while (u);
    digits = group_digits(digits, f.grouping, base == 10 ? 3 : 4);
    std::string prefix;
    if (f.alternate && base != 10) prefix = std::string("0") + (base == 2 ? 'b' : base == 8 ? 'o' : f.type);
    return with_sign(v.i < 0, prefix + digits);
  }
  if (v.kind == Value::Float && int_type)
    fail(at, "E609", std::string("Unknown format code '") + f.type + "' for object of type 'float'");
  double x = v.number();
  if (f.type == '%') x *= 100;
  bool negative = std::signbit(x);
  const double mag = std::fabs(x);
  const bool upper = f.type == 'E' || f.type == 'F' || f.type == 'G';
  std::string digits;
  if (std::isnan(x) || std::isinf(x)) {
    digits = std::isnan(x) ? "nan" : "inf";
    if (upper) digits = std::isnan(x) ? "NAN" : "INF";
    if (f.type == '%') digits += "%";
    return with_sign(negative && !std::isnan(x), digits);
  }
  const int64_t p = f.precision < 0 ? 6 : f.precision;
  switch (f.type) {
    case 'f':
    case 'F':
    case '%': digits = printf_double(f.alternate ? "%#.*f" : "%.*f", static_cast<int>(p), mag); break;
    case 'e':
    case 'E':
      digits = printf_double(f.alternate ? "%#.*e" : "%.*e", static_cast<int>(p), mag);
      if (upper) digits[digits.find('e')] = 'E';
      break;
    case 'g':
    case 'G': digits = general(mag, p, f.alternate, false, upper); break;
    default:  // no type: repr's digits, or with a precision like 'g' keeping a '.0'
      if (f.precision < 0) {
        digits = str(Value::real(mag), at);
      } else {
        digits = general(mag, f.precision, f.alternate, true, false);
      }
      break;
  }
  if (f.type == '%') digits += "%";
  if (f.no_neg_zero && negative && digits.find_first_not_of("0.%") == std::string::npos) negative = false;
  return with_sign(negative, group_digits(digits, f.grouping, 3));
}

// str.format: {}, {0}, {name}, with [index] and .attribute after the name, a conversion and a
// spec (whose own {} fields are replaced first); {{ and }} are braces.
Value Interpreter::str_format(const Value& str_value, Args& args, const Node& at) {
  const std::string& tpl = *str_value.s;
  const Node& where = at.kind == Node::Call && at.kids[0].kind == Node::Attr ? at.kids[0].kids[0] : at;
  for (const Value& v : args.pos)  // a run's result in a formatted text: the text is one too
    if (v.kind == Value::Inert) return v;
  size_t auto_index = 0;
  int numbering = 0;  // 1 automatic, 2 manual
  std::function<std::string(const std::string&, int)> expand;
  auto field = [&](const std::string& body, int level) -> std::string {
    size_t name_end = 0;
    while (name_end < body.size() && body[name_end] != '!' && body[name_end] != ':') ++name_end;
    const std::string name = body.substr(0, name_end);
    std::string conversion, spec;
    size_t k = name_end;
    if (k < body.size() && body[k] == '!') {
      if (k + 1 >= body.size() || (body[k + 1] != 'r' && body[k + 1] != 's' && body[k + 1] != 'a') ||
          (k + 2 < body.size() && body[k + 2] != ':'))
        fail(where, "E609", "Unknown conversion specifier in '{" + body + "}'");
      conversion = body.substr(k + 1, 1);
      k += 2;
    }
    if (k < body.size() && body[k] == ':') spec = expand(body.substr(k + 1), level + 1);
    // The argument: its first part is an index or a keyword, then [key] and .attr accessors.
    size_t j = 0;
    while (j < name.size() && name[j] != '[' && name[j] != '.') ++j;
    const std::string first = name.substr(0, j);
    Value v;
    if (first.empty() || std::all_of(first.begin(), first.end(), [](char c) { return std::isdigit(c) != 0; })) {
      const int mode = first.empty() ? 1 : 2;
      if (numbering && numbering != mode)
        fail(where, "E609",
             mode == 1 ? "cannot switch from manual field specification to automatic field numbering"
                       : "cannot switch from automatic field numbering to manual field specification");
      numbering = mode;
      size_t index = 0;
      if (first.empty()) {
        index = auto_index++;
      } else {
        for (char c : first) index = std::min<size_t>(index * 10 + static_cast<size_t>(c - '0'), SIZE_MAX / 20);
      }
      if (index >= args.pos.size())
        fail(where, "E606", "Replacement index " + std::to_string(index) + " out of range for positional args tuple");
      v = args.pos[index];
    } else {
      bool found = false;
      for (const auto& [kw, value] : args.kw)
        if (kw == first) v = value, found = true;
      if (!found) fail(where, "E606", "KeyError: '" + first + "' (no such keyword argument to format())");
    }
    while (j < name.size()) {
      if (name[j] == '.') {
        size_t e = j + 1;
        while (e < name.size() && name[e] != '.' && name[e] != '[') ++e;
        Node attr_node;
        attr_node.offset = where.offset;
        attr_node.name_offset = where.offset;
        v = attribute(v, name.substr(j + 1, e - j - 1), attr_node);
        j = e;
      } else {
        const size_t e = name.find(']', j);
        if (e == std::string::npos) fail(where, "E609", "Missing ']' in format string");
        const std::string key = name.substr(j + 1, e - j - 1);
        const bool digits =
            !key.empty() && std::all_of(key.begin(), key.end(), [](char c) { return std::isdigit(c) != 0; });
        int64_t number = 0;
        if (digits)
          for (char c : key) number = std::min<int64_t>(number * 10 + (c - '0'), INT64_MAX / 20);
        v = item_of(v, digits ? Value::integer(number) : Value::string(key), where);
        j = e + 1;
      }
    }
    if (v.kind == Value::Inert || v.kind == Value::Nothing) return "";
    if (!conversion.empty()) return format_value(Value::string(convert(v, conversion, where)), spec, where);
    return format_value(v, spec, where);
  };
  expand = [&](const std::string& t, int level) -> std::string {
    std::string out;
    for (size_t i = 0; i < t.size(); ++i) {
      const char c = t[i];
      if ((c == '{' || c == '}') && i + 1 < t.size() && t[i + 1] == c && level == 0) {
        out += c;
        ++i;
        continue;
      }
      if (c == '}') fail(where, "E609", "Single '}' encountered in format string");
      if (c != '{') {
        out += c;
        continue;
      }
      if (level > 1) fail(where, "E609", "Max string recursion exceeded");
      size_t e = i + 1;
      int braces = 0;
      while (e < t.size() && (braces > 0 || t[e] != '}')) {
        if (t[e] == '{') ++braces;
        if (t[e] == '}') --braces;
        ++e;
      }
      if (e >= t.size()) fail(where, "E609", "Single '{' encountered in format string");
      out += field(t.substr(i + 1, e - i - 1), level);
      i = e;
    }
    return out;
  };
  std::string out = expand(tpl, 0);
  count_items(out.size(), at);
  return Value::string(std::move(out));
}

// ---- comprehensions

// [e for a, b in xs if c for y in ys]: the clauses nested in order, in a scope of their own (the
// loop variables do not leak, as in Python 3); every element counts against the item bound and
// every iteration against the step budget. A generator expression is read as this list.
Value Interpreter::comprehension(const Node& n) {
  auto scope = std::make_shared<Frame>();
  scope->parent = frame_;
  std::shared_ptr<Frame> saved = frame_;
  struct Restore {  // the running scope back on every way out, a Skip or an Error thrown included
    std::shared_ptr<Frame>& slot;
    std::shared_ptr<Frame> saved;
    ~Restore() { slot = std::move(saved); }
  } restore{frame_, std::move(saved)};
  frame_ = std::move(scope);
  Items items;
  comprehension_clause(n, 1, items);
  return nested(Value::list(std::move(items)), n);
}

void Interpreter::comprehension_clause(const Node& n, size_t c, Items& out) {
  if (c >= n.kids.size()) {
    out.push_back(eval(n.kids[0]));
    count_items(1, n);
    return;
  }
  if (n.keywords[c - 1] == "if") {
    if (truth(eval(n.kids[c]), n.kids[c])) comprehension_clause(n, c + 1, out);
    return;
  }
  const Node& target = n.kids[c];
  const Node& iterable = n.kids[c + 1];
  iterate(iterable, eval(iterable), [&](const Value& v) {
    step(iterable, "loops");
    assign(target, v);
    comprehension_clause(n, c + 2, out);
    return true;
  });
}

// ---- calls

// f(*xs): the iterable's elements as positional arguments; f(**d): the dict's items as keyword
// arguments. A run's result stays one value, so the call is skipped as before.
void Interpreter::spread(bool mapping, Value v, const Node& at, Args& args) {
  if (v.kind == Value::Inert || v.kind == Value::Nothing) {
    args.pos.push_back(std::move(v));
    args.pos_nodes.push_back(&at);
    return;
  }
  if (!mapping) {
    for (Value& x : materialize(v, at)) {
      args.pos.push_back(std::move(x));
      args.pos_nodes.push_back(&at);
    }
    return;
  }
  if (v.kind != Value::Dict)
    fail(at, "E605", std::string("argument after ** must be a mapping, not '") + type_name(v) + "'");
  const Items& items = *v.items;
  for (size_t i = 0; i + 1 < items.size(); i += 2) {
    if (items[i].kind != Value::Str) fail(at, "E605", "keywords must be strings");
    for (const auto& [kw, value] : args.kw)
      if (kw == *items[i].s) fail(at, "E605", "got multiple values for keyword argument '" + kw + "'");
    args.kw.emplace_back(*items[i].s, items[i + 1]);
    args.kw_nodes.push_back(&at);
  }
}

namespace {
// Which parameters have a value: on the stack for the usual few, on the heap past 16.
class Flags {
 public:
  explicit Flags(size_t n) : at_(small_) {
    if (n > sizeof small_) {
      big_.assign(n, 0);
      at_ = big_.data();
    }
  }
  Flags(const Flags&) = delete;
  Flags& operator=(const Flags&) = delete;
  uint8_t& operator[](size_t i) { return at_[i]; }

 private:
  uint8_t small_[16] = {};
  std::vector<uint8_t> big_;
  uint8_t* at_;
};
}  // namespace

// A call's arguments bound to the function's parameters, as Python binds them: positionals in
// order (the rest into *args), keywords by name (keyword-only ones too; the rest into **kwargs),
// then the defaults.
void Interpreter::bind_params(const FunctionObj& f, Args& args, Frame& frame, const Node& at) {
  static const std::vector<std::string> kNone;
  static const std::string kEmpty;
  // Called for every call of the code's own functions: nothing here allocates unless it must.
  const auto fname = [&] { return f.name + "()"; };
  const std::string& varargs = f.def ? f.def->varargs : kEmpty;
  const std::string& varkw = f.def ? f.def->varkw : kEmpty;
  const std::vector<std::string>& kwonly = f.def ? f.def->kwonly : kNone;
  const size_t np = f.params.size();
  if (args.pos.size() > np && varargs.empty())
    fail(at, "E605",
         fname() + " takes " + std::to_string(np) + " positional argument" + (np == 1 ? "" : "s") + " but " +
             std::to_string(args.pos.size()) + " were given");
  Flags given(np), kw_given(kwonly.size());
  const size_t npos = std::min(args.pos.size(), np);
  for (size_t i = 0; i < npos; ++i) {
    frame.locals[f.params[i]] = args.pos[i];
    given[i] = true;
  }
  if (!varargs.empty()) {
    Items rest(args.pos.begin() + static_cast<std::ptrdiff_t>(npos), args.pos.end());
    count_items(rest.size(), at);
    frame.locals[varargs] = nested(Value::list(std::move(rest), Value::Tuple), at);
  }
  Items extra;  // **kwargs: key, value, ...
  for (size_t k = 0; k < args.kw.size(); ++k) {
    const std::string& name = args.kw[k].first;
    auto p = std::find(f.params.begin(), f.params.end(), name);
    auto q = std::find(kwonly.begin(), kwonly.end(), name);
    if (p != f.params.end()) {
      const size_t i = static_cast<size_t>(p - f.params.begin());
      if (given[i]) fail(*args.kw_nodes[k], "E605", fname() + " got multiple values for argument '" + name + "'");
      given[i] = true;
    } else if (q != kwonly.end()) {
      kw_given[static_cast<size_t>(q - kwonly.begin())] = true;
    } else if (!varkw.empty()) {
      extra.push_back(Value::string(name));
      extra.push_back(args.kw[k].second);
      continue;
    } else {
      fail(*args.kw_nodes[k], "E605", fname() + " got an unexpected keyword argument '" + name + "'");
    }
    frame.locals[name] = args.kw[k].second;
  }
  const size_t first_default = np - f.defaults.size();
  for (size_t i = 0; i < np; ++i) {
    if (given[i]) continue;
    if (i < first_default) fail(at, "E605", fname() + " missing required argument '" + f.params[i] + "'");
    frame.locals[f.params[i]] = f.defaults[i - first_default];
  }
  for (size_t i = 0; i < kwonly.size(); ++i) {
    if (kw_given[i]) continue;
    if (i >= f.kw_defaults.size() || !f.kw_defaults[i])
      fail(at, "E605", fname() + " missing required keyword-only argument '" + kwonly[i] + "'");
    frame.locals[kwonly[i]] = *f.kw_defaults[i];
  }
  if (!varkw.empty()) {
    count_items(extra.size(), at);
    frame.locals[varkw] = nested(Value::list(std::move(extra), Value::Dict), at);
  }
}

Value Interpreter::language_function(int64_t fn, Args& args, const Node& at) {
  if (fn != kFormat && fn != kRepr) return numpy_function(fn, args, at);
  const std::string fname = function_name(fn);
  if (!args.kw.empty())
    fail(*args.kw_nodes[0], "E605", fname + "() got an unexpected keyword argument '" + args.kw[0].first + "'");
  const size_t most = fn == kFormat ? 2 : 1;
  if (args.pos.empty() || args.pos.size() > most)
    fail(at, "E605",
         fname + "() takes " + (most == 1 ? "1" : "1 to 2") + " positional arguments, but " +
             std::to_string(args.pos.size()) + " were given");
  std::string out;
  if (fn == kRepr) {
    out = repr(args.pos[0], *args.pos_nodes[0]);
  } else {
    if (args.pos.size() == 2 && args.pos[1].kind != Value::Str)
      fail(*args.pos_nodes[1], "E605", std::string("format() argument 2 must be str, not ") + type_name(args.pos[1]));
    out = format_value(args.pos[0], args.pos.size() == 2 ? *args.pos[1].s : "",
                       args.pos.size() == 2 ? *args.pos_nodes[1] : at);
  }
  count_items(out.size(), at);
  return Value::string(std::move(out));
}

// ---- stores into items and attributes

// d[k] = v, xs[i] = v. What is stored obeys append's rule (no list or dict inside), so no list
// can come to contain itself and the nesting depths stay bounded (see Value::list).
void Interpreter::assign_item(const Node& target, const Value& v) {
  const Value obj = eval(target.kids[0]);
  if (obj.kind == Value::Inert) {  // counts['00'] = 0 on a run's result: run code, skipped
    note_run(obj.i, target);
    return;
  }
  const Node& key_node = target.kids[1];
  if (key_node.kind == Node::Slice) refuse(key_node, "assignment to a slice");
  store_item(obj, eval(key_node), v, target, key_node);
}

void Interpreter::store_item(const Value& obj, const Value& key, const Value& v, const Node& target,
                             const Node& key_node) {
  if (obj.kind == Value::Dict || obj.kind == Value::List) {
    if (v.kind == Value::List || v.kind == Value::Dict || (v.kind == Value::Tuple && v.k))
      refuse(target, "storing a list or a dict into an item (build nested ones with a literal)");
  }
  if (obj.kind == Value::Dict) {
    if (key.kind == Value::List || key.kind == Value::Dict)
      fail(key_node, "E605", std::string("unhashable type: '") + type_name(key) + "'");
    const size_t before = obj.items->size();
    dict_put(*obj.items, key, v);
    if (obj.items->size() > before) count_items(2, target);
    return;
  }
  if (obj.kind == Value::List) {
    if (!key.is_int())
      fail(key_node, "E605", std::string("list indices must be integers or slices, not ") + type_name(key));
    const int64_t n = static_cast<int64_t>(obj.items->size());
    const int64_t i = key.i < 0 ? key.i + n : key.i;
    if (i < 0 || i >= n) fail(key_node, "E606", "list assignment index out of range");
    (*obj.items)[static_cast<size_t>(i)] = v;
    return;
  }
  if (obj.kind == Value::Circuit) refuse(target, "assigning into a QuantumCircuit's instructions");
  fail(target, "E605", std::string("'") + type_name(obj) + "' object does not support item assignment");
}

// obj[key] for a key already evaluated (x[i] += 1, "{0[1]}".format(x)).
Value Interpreter::item_of(const Value& obj, const Value& key, const Node& key_node) {
  if (obj.kind == Value::Dict) {
    if (const Value* v = dict_find(obj, key)) return *v;
    fail(key_node, "E606", "KeyError: " + repr(key, key_node) + " is not a key of this dict");
  }
  if (obj.kind == Value::List || obj.kind == Value::Tuple || obj.kind == Value::Str) {
    if (!key.is_int())
      fail(key_node, "E605",
           std::string(type_name(obj)) + " indices must be integers or slices, not '" + type_name(key) + "'");
    const int64_t n =
        obj.kind == Value::Str ? static_cast<int64_t>(obj.s->size()) : static_cast<int64_t>(obj.items->size());
    const int64_t i = key.i < 0 ? key.i + n : key.i;
    if (i < 0 || i >= n)
      fail(key_node, "E606",
           std::string(type_name(obj)) + " index out of range: length " + std::to_string(n) + ", index " +
               std::to_string(key.i));
    return obj.kind == Value::Str ? Value::string(std::string(1, (*obj.s)[static_cast<size_t>(i)]))
                                  : (*obj.items)[static_cast<size_t>(i)];
  }
  if (obj.kind == Value::Inert || obj.kind == Value::Nothing) return obj;
  fail(key_node, "E605", std::string("'") + type_name(obj) + "' object is not subscriptable");
}

// obj.attr = v: on run code (estimator.options.default_shots = 5000) skipped like the rest of it;
// a circuit's name; a gate's name (Qiskit shows it in count_ops) and label.
void Interpreter::assign_attribute(const Node& target, const Value& v, const Value* evaluated) {
  const Value obj = evaluated ? *evaluated : eval(target.kids[0]);
  Node at;  // errors point at the attribute's name
  at.offset = target.name_offset;
  at.length = static_cast<uint32_t>(target.text.size());
  const std::string& attr = target.text;
  if (obj.kind == Value::Inert) {
    note_run(obj.i, target);
    return;
  }
  if (obj.kind == Value::Nothing) return;
  if (obj.kind == Value::Circuit && (attr == "name" || attr == "metadata")) {
    if (attr == "metadata") return;  // read by no figure
    if (v.kind != Value::Str) fail(target, "E605", "a circuit's name must be a string");
    circuits_[obj.i].name = *v.s;
    return;
  }
  if (obj.kind == Value::Gate && (attr == "name" || attr == "label")) {
    if (v.kind != Value::Str && !(attr == "label" && v.kind == Value::None))
      fail(target, "E605", "a gate's " + attr + " must be a string");
    if (attr == "label") return;  // a label changes no figure
    const GateValue& g = *obj.gate;
    if (g.kind != GateValue::Circuit && g.kind != GateValue::Data)
      refuse(at, "renaming a gate of Qiskit's library (rename a gate made with to_gate())");
    if (target.kids[0].kind != Node::Name) refuse(at, "renaming a gate that is not in a variable");
    auto renamed = std::make_shared<GateValue>(g);
    renamed->name = *v.s;
    if (g.kind == GateValue::Circuit) {
      // The gate is its circuit under another name: a copy of the circuit, so named, stands for it
      // (the copy's instructions count against the item bound like any copy's elements).
      count_items(circuits_[g.circuit].c.ops.size() + 1, target);
      const int64_t copy = copy_circuit(g.circuit, target);
      circuits_[copy].name = *v.s;
      mark_part(copy);
      renamed->circuit = copy;
    } else {
      auto data = std::make_shared<GateDef>(*g.data);
      data->name = data->qiskit_name = *v.s;
      renamed->data = data;
    }
    Value out;
    out.kind = Value::Gate;
    out.gate = renamed;
    assign(target.kids[0], out);
    return;
  }
  refuse(at, std::string("assigning the attribute '.") + attr + "' of a " + type_name(obj));
}

// x[i] += v and x.a += v: the object and the key evaluated once; a list item extended in place.
void Interpreter::aug_assign(const Stmt& s) {
  const Node& t = s.targets[0];
  const Value obj = eval(t.kids[0]);
  if (obj.kind == Value::Inert) {
    note_run(obj.i, t);
    return;
  }
  if (t.kind == Node::Attr) {
    const Value old = attribute(obj, t.text, t);
    const Value rhs = eval(s.value);
    assign_attribute(t, binary(s.op, old, rhs, s.value), &obj);
    return;
  }
  const Node& key_node = t.kids[1];
  if (key_node.kind == Node::Slice) refuse(key_node, "augmented assignment to a slice");
  const Value key = eval(key_node);
  const Value old = item_of(obj, key, key_node);
  const Value rhs = eval(s.value);
  if (old.kind == Value::List && s.op == '+') {  // xs[i] += [...] extends that list in place
    Items more = materialize(rhs, s.value);
    for (const Value& v : more) check_appendable(v, s.value);
    old.items->insert(old.items->end(), more.begin(), more.end());
    return;
  }
  store_item(obj, key, binary(s.op, old, rhs, s.value), t, key_node);
}

// ---- a circuit's figures, as Qiskit 1.0 computes them (quantumcircuit.py): size() and
// num_nonlocal_gates() skip barriers, depth() lines the wires a barrier spans up without adding a
// layer and lets a condition read its bits, count_ops() is ordered by count then first appearance.
// Inside print() they are not computed, as before. Each costs steps in proportion to the circuit.
bool Interpreter::circuit_query(int64_t id, const std::string& method, Args& args, const Node& at, Value* out) {
  if (method != "size" && method != "depth" && method != "width" && method != "count_ops" &&
      method != "num_nonlocal_gates")
    return false;
  if (in_print_) {
    *out = Value::handle(Value::Nothing, 0);
    return true;
  }
  Bound b = bind_args(args, {"filter_function"}, 0, 1, method, at);
  if (b[0]) refuse(*b.node[0], method + "(filter_function=...)");
  const Circuit& c = circuits_[id].c;
  step(at, "circuit queries", 1 + c.ops.size() / 16);
  if (method == "width") {
    *out = Value::integer(int64_t{c.num_qubits} + c.num_clbits);
    return true;
  }
  if (method == "size" || method == "num_nonlocal_gates") {
    int64_t n = 0;
    for (const Instruction& ins : c.ops) n += ins.kind != OpKind::Barrier && (method == "size" || ins.qubit_count > 1);
    *out = Value::integer(n);
    return true;
  }
  if (method == "depth") {
    std::vector<int64_t> level(size_t{c.num_qubits} + c.num_clbits, 0);
    int64_t depth = 0;
    for (const Instruction& ins : c.ops) {
      const int64_t inc = ins.kind == OpKind::Barrier ? 0 : 1;
      std::vector<size_t> wires(c.qubits(ins), c.qubits(ins) + ins.qubit_count);
      if (ins.clbit >= 0) wires.push_back(c.num_qubits + static_cast<size_t>(ins.clbit));
      int64_t l = 0;
      for (size_t w : wires) l = std::max(l, level[w] + inc);
      if (ins.condition >= 0) {  // a condition reads each of its bits, one level on
        const Condition& cond = c.conditions[static_cast<size_t>(ins.condition)];
        for (uint32_t k = 0; k < cond.clbit_count; ++k) {
          wires.push_back(c.num_qubits + size_t{cond.clbit_begin} + k);
          l = std::max(l, level[wires.back()] + 1);
        }
      }
      for (size_t w : wires) level[w] = l;
      depth = std::max(depth, l);
    }
    *out = Value::integer(depth);
    return true;
  }
  // count_ops(): a dict of name -> count.
  Items counts;
  std::vector<int64_t> totals;
  std::unordered_map<std::string, size_t> index;
  for (const Instruction& ins : c.ops) {
    const std::string& name = c.op_name(ins);
    auto it = index.emplace(name, counts.size()).first;
    if (it->second == counts.size()) {
      counts.push_back(Value::string(name));
      totals.push_back(0);
    }
    ++totals[it->second];
  }
  std::vector<size_t> order(counts.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) { return totals[x] > totals[y]; });
  Items items;
  for (size_t k : order) {
    items.push_back(counts[k]);
    items.push_back(Value::integer(totals[k]));
  }
  count_items(items.size(), at);
  *out = Value::list(std::move(items), Value::Dict);
  return true;
}

}  // namespace qvet::python
