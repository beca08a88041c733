#include "qasm2/lexer.hpp"

#include <cstring>

namespace qvet::qasm2 {

const char* describe(Tok k) {
  switch (k) {
    case Tok::Eof: return "end of file";
    case Tok::Invalid: return "an invalid token";
    case Tok::Id: return "an identifier";
    case Tok::Int: return "an integer";
    case Tok::Real: return "a real number";
    case Tok::String: return "a string";
    case Tok::KwOpenqasm: return "'OPENQASM'";
    case Tok::KwInclude: return "'include'";
    case Tok::KwQreg: return "'qreg'";
    case Tok::KwCreg: return "'creg'";
    case Tok::KwGate: return "'gate'";
    case Tok::KwOpaque: return "'opaque'";
    case Tok::KwMeasure: return "'measure'";
    case Tok::KwReset: return "'reset'";
    case Tok::KwBarrier: return "'barrier'";
    case Tok::KwIf: return "'if'";
    case Tok::KwU: return "'U'";
    case Tok::KwCX: return "'CX'";
    case Tok::KwPi: return "'pi'";
    case Tok::KwSin: return "'sin'";
    case Tok::KwCos: return "'cos'";
    case Tok::KwTan: return "'tan'";
    case Tok::KwExp: return "'exp'";
    case Tok::KwLn: return "'ln'";
    case Tok::KwSqrt: return "'sqrt'";
    case Tok::Semi: return "';'";
    case Tok::Comma: return "','";
    case Tok::LParen: return "'('";
    case Tok::RParen: return "')'";
    case Tok::LBracket: return "'['";
    case Tok::RBracket: return "']'";
    case Tok::LBrace: return "'{'";
    case Tok::RBrace: return "'}'";
    case Tok::Arrow: return "'->'";
    case Tok::EqEq: return "'=='";
    case Tok::Plus: return "'+'";
    case Tok::Minus: return "'-'";
    case Tok::Star: return "'*'";
    case Tok::Slash: return "'/'";
    case Tok::Caret: return "'^'";
  }
  return "a token";
}

namespace {
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_word(char c) { return is_alpha(c) || is_digit(c) || c == '_'; }

// Keywords by first letter, so an ordinary name costs one switch and at most two compares.
Tok keyword(std::string_view w) {
  auto is = [&](std::string_view k) { return w == k; };
  switch (w[0]) {
    case 'O': return is("OPENQASM") ? Tok::KwOpenqasm : Tok::Id;
    case 'U': return w.size() == 1 ? Tok::KwU : Tok::Id;
    case 'C': return is("CX") ? Tok::KwCX : Tok::Id;
    case 'b': return is("barrier") ? Tok::KwBarrier : Tok::Id;
    case 'c': return is("creg") ? Tok::KwCreg : is("cos") ? Tok::KwCos : Tok::Id;
    case 'e': return is("exp") ? Tok::KwExp : Tok::Id;
    case 'g': return is("gate") ? Tok::KwGate : Tok::Id;
    case 'i': return is("include") ? Tok::KwInclude : is("if") ? Tok::KwIf : Tok::Id;
    case 'l': return is("ln") ? Tok::KwLn : Tok::Id;
    case 'm': return is("measure") ? Tok::KwMeasure : Tok::Id;
    case 'o': return is("opaque") ? Tok::KwOpaque : Tok::Id;
    case 'p': return is("pi") ? Tok::KwPi : Tok::Id;
    case 'q': return is("qreg") ? Tok::KwQreg : Tok::Id;
    case 'r': return is("reset") ? Tok::KwReset : Tok::Id;
    case 's': return is("sin") ? Tok::KwSin : is("sqrt") ? Tok::KwSqrt : Tok::Id;
    case 't': return is("tan") ? Tok::KwTan : Tok::Id;
    default: return Tok::Id;
  }
}

// Character classes for the lexer's dispatch: one table load instead of a chain of compares.
enum : uint8_t { kOther = 0, kSpace, kWordStart, kDigit };
struct ClassTable {
  uint8_t c[256] = {};
  constexpr ClassTable() {
    c[uint8_t(' ')] = c[uint8_t('\t')] = c[uint8_t('\n')] = c[uint8_t('\r')] = kSpace;
    for (int i = 'a'; i <= 'z'; ++i) c[i] = kWordStart;
    for (int i = 'A'; i <= 'Z'; ++i) c[i] = kWordStart;
    // '_' continues a name but cannot start one (the paper's id is [a-z][A-Za-z0-9_]*).
    for (int i = '0'; i <= '9'; ++i) c[i] = kDigit;
  }
};
constexpr ClassTable kClass;
inline uint8_t cls(char ch) { return kClass.c[static_cast<unsigned char>(ch)]; }

}  // namespace

Token Lexer::invalid(size_t begin, size_t length, std::string message) {
  sink_.add({Severity::Error, "E101", std::move(message), map_.span(begin, length)});
  return Token{Tok::Invalid, static_cast<uint32_t>(begin), static_cast<uint32_t>(length)};
}

Token Lexer::next() {
  const size_t n = src_.size();
  const char* s = src_.data();
  for (;;) {
    while (pos_ < n && cls(s[pos_]) == kSpace) ++pos_;
    if (pos_ + 1 < n && s[pos_] == '/' && s[pos_ + 1] == '/') {
      const void* nl = std::memchr(s + pos_, '\n', n - pos_);
      pos_ = nl ? static_cast<size_t>(static_cast<const char*>(nl) - s) : n;
      continue;
    }
    break;
  }
  const size_t b = pos_;
  if (pos_ >= n) return make(Tok::Eof, b);
  const char c = s[pos_];
  switch (cls(c)) {
    case kWordStart: return word(b);
    case kDigit: return number(b);
    default: break;
  }
  if (c == '.' && pos_ + 1 < n && cls(s[pos_ + 1]) == kDigit) return number(b);
  ++pos_;
  switch (c) {
    case ';': return make(Tok::Semi, b);
    case ',': return make(Tok::Comma, b);
    case '(': return make(Tok::LParen, b);
    case ')': return make(Tok::RParen, b);
    case '[': return make(Tok::LBracket, b);
    case ']': return make(Tok::RBracket, b);
    case '{': return make(Tok::LBrace, b);
    case '}': return make(Tok::RBrace, b);
    case '+': return make(Tok::Plus, b);
    case '*': return make(Tok::Star, b);
    case '^': return make(Tok::Caret, b);
    case '/':
      if (pos_ < n && src_[pos_] == '*')
        return invalid(b, 2, "block comments '/* */' are not OpenQASM 2; use '//' line comments");
      return make(Tok::Slash, b);
    case '-':
      if (pos_ < n && src_[pos_] == '>') {
        ++pos_;
        return make(Tok::Arrow, b);
      }
      return make(Tok::Minus, b);
    case '=':
      if (pos_ < n && src_[pos_] == '=') {
        ++pos_;
        return make(Tok::EqEq, b);
      }
      return invalid(b, 1, "unexpected '='; OpenQASM 2 only has '==' in 'if' conditions");
    case '"':
    case '\'': {  // Qiskit also takes single quotes; the parser warns about those
      while (pos_ < n && src_[pos_] != c && src_[pos_] != '\n') ++pos_;
      if (pos_ >= n || src_[pos_] != c)
        return invalid(b, pos_ - b, std::string("unterminated string: expected a closing ") + c + " on the same line");
      ++pos_;
      return make(Tok::String, b);
    }
    default: break;
  }
  // Swallow a whole UTF-8 sequence so one stray character gives one error.
  size_t len = 1;
  while (pos_ < n && (static_cast<unsigned char>(src_[pos_]) & 0xC0) == 0x80 && len < 4) {
    ++pos_;
    ++len;
  }
  if (c == '\0') return invalid(b, len, "unexpected NUL byte: the source must be text");
  if (static_cast<unsigned char>(c) >= 0x80)
    return invalid(b, len, "unexpected non-ASCII character: OpenQASM 2 allows it only in comments");
  if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
    return invalid(b, len, "unexpected control character (byte " + std::to_string(static_cast<int>(c)) + ")");
  if (c == '_') return invalid(b, len, "unexpected '_': names start with a lowercase letter");
  return invalid(b, len, std::string("unexpected '") + c + "': it is not part of any OpenQASM 2 token");
}

Token Lexer::word(size_t b) {
  const size_t n = src_.size();
  while (pos_ < n && is_word(src_[pos_])) ++pos_;
  std::string_view w = src_.substr(b, pos_ - b);
  Tok k = keyword(w);
  if (k == Tok::Id && w[0] >= 'A' && w[0] <= 'Z')
    return invalid(b, w.size(),
                   "'" + std::string(w) +
                       "': names cannot start with a capital letter (only the "
                       "built-ins 'U' and 'CX' do)");
  return make(k, b);
}

Token Lexer::number(size_t b) {
  const size_t n = src_.size();
  bool real = false;
  while (pos_ < n && is_digit(src_[pos_])) ++pos_;
  if (pos_ < n && src_[pos_] == '.') {
    real = true;
    ++pos_;
    while (pos_ < n && is_digit(src_[pos_])) ++pos_;
  }
  if (pos_ < n && (src_[pos_] == 'e' || src_[pos_] == 'E')) {
    size_t save = pos_;
    ++pos_;
    if (pos_ < n && (src_[pos_] == '+' || src_[pos_] == '-')) ++pos_;
    if (pos_ < n && is_digit(src_[pos_])) {
      real = true;
      while (pos_ < n && is_digit(src_[pos_])) ++pos_;
    } else {
      pos_ = save + 1;
      return invalid(b, pos_ - b, "malformed exponent: expected digits after 'e'");
    }
  }
  if (pos_ < n && (is_alpha(src_[pos_]) || src_[pos_] == '_')) {
    while (pos_ < n && is_word(src_[pos_])) ++pos_;
    return invalid(b, pos_ - b, "malformed number: a number cannot run into letters");
  }
  if (!real && src_[b] == '0' && pos_ - b > 1) return invalid(b, pos_ - b, "integers cannot have leading zeros");
  return make(real ? Tok::Real : Tok::Int, b);
}

}  // namespace qvet::qasm2
