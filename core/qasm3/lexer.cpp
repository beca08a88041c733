#include "qasm3/lexer.hpp"

#include <cstring>
#include <iterator>

namespace qvet::qasm3 {

const char* describe(Tok k) {
  switch (k) {
    case Tok::Eof: return "end of file";
    case Tok::Invalid: return "an invalid token";
    case Tok::Id: return "an identifier";
    case Tok::HwQubit: return "a physical qubit";
    case Tok::Int: return "an integer";
    case Tok::Real: return "a real number";
    case Tok::Imag: return "an imaginary number";
    case Tok::Timing: return "a duration";
    case Tok::BitString: return "a bit string";
    case Tok::String: return "a string";
    case Tok::Pragma: return "a pragma";
    case Tok::KwOpenqasm: return "'OPENQASM'";
    case Tok::KwInclude: return "'include'";
    case Tok::KwDefcalgrammar: return "'defcalgrammar'";
    case Tok::KwDef: return "'def'";
    case Tok::KwCal: return "'cal'";
    case Tok::KwDefcal: return "'defcal'";
    case Tok::KwGate: return "'gate'";
    case Tok::KwExtern: return "'extern'";
    case Tok::KwBox: return "'box'";
    case Tok::KwLet: return "'let'";
    case Tok::KwBreak: return "'break'";
    case Tok::KwContinue: return "'continue'";
    case Tok::KwIf: return "'if'";
    case Tok::KwElse: return "'else'";
    case Tok::KwEnd: return "'end'";
    case Tok::KwReturn: return "'return'";
    case Tok::KwFor: return "'for'";
    case Tok::KwWhile: return "'while'";
    case Tok::KwIn: return "'in'";
    case Tok::KwSwitch: return "'switch'";
    case Tok::KwCase: return "'case'";
    case Tok::KwDefault: return "'default'";
    case Tok::KwInput: return "'input'";
    case Tok::KwOutput: return "'output'";
    case Tok::KwConst: return "'const'";
    case Tok::KwReadonly: return "'readonly'";
    case Tok::KwMutable: return "'mutable'";
    case Tok::KwQreg: return "'qreg'";
    case Tok::KwQubit: return "'qubit'";
    case Tok::KwCreg: return "'creg'";
    case Tok::KwBool: return "'bool'";
    case Tok::KwBit: return "'bit'";
    case Tok::KwInt: return "'int'";
    case Tok::KwUint: return "'uint'";
    case Tok::KwFloat: return "'float'";
    case Tok::KwAngle: return "'angle'";
    case Tok::KwComplex: return "'complex'";
    case Tok::KwArray: return "'array'";
    case Tok::KwVoid: return "'void'";
    case Tok::KwDuration: return "'duration'";
    case Tok::KwStretch: return "'stretch'";
    case Tok::KwGphase: return "'gphase'";
    case Tok::KwInv: return "'inv'";
    case Tok::KwPow: return "'pow'";
    case Tok::KwCtrl: return "'ctrl'";
    case Tok::KwNegctrl: return "'negctrl'";
    case Tok::KwDurationof: return "'durationof'";
    case Tok::KwDelay: return "'delay'";
    case Tok::KwReset: return "'reset'";
    case Tok::KwMeasure: return "'measure'";
    case Tok::KwBarrier: return "'barrier'";
    case Tok::KwTrue: return "'true'";
    case Tok::KwFalse: return "'false'";
    case Tok::KwSizeof: return "'sizeof'";
    case Tok::Semi: return "';'";
    case Tok::Comma: return "','";
    case Tok::Colon: return "':'";
    case Tok::Dot: return "'.'";
    case Tok::LParen: return "'('";
    case Tok::RParen: return "')'";
    case Tok::LBracket: return "'['";
    case Tok::RBracket: return "']'";
    case Tok::LBrace: return "'{'";
    case Tok::RBrace: return "'}'";
    case Tok::Arrow: return "'->'";
    case Tok::At: return "'@'";
    case Tok::Hash: return "'#'";
    case Tok::Eq: return "'='";
    case Tok::CompoundAssign: return "a compound assignment";
    case Tok::EqEq: return "'=='";
    case Tok::NotEq: return "'!='";
    case Tok::Less: return "'<'";
    case Tok::LessEq: return "'<='";
    case Tok::Greater: return "'>'";
    case Tok::GreaterEq: return "'>='";
    case Tok::Shl: return "'<<'";
    case Tok::Shr: return "'>>'";
    case Tok::Plus: return "'+'";
    case Tok::PlusPlus: return "'++'";
    case Tok::Minus: return "'-'";
    case Tok::Star: return "'*'";
    case Tok::StarStar: return "'**'";
    case Tok::Slash: return "'/'";
    case Tok::Percent: return "'%'";
    case Tok::Amp: return "'&'";
    case Tok::AmpAmp: return "'&&'";
    case Tok::Pipe: return "'|'";
    case Tok::PipePipe: return "'||'";
    case Tok::Caret: return "'^'";
    case Tok::Tilde: return "'~'";
    case Tok::Bang: return "'!'";
  }
  return "a token";
}

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
// A name may hold any non-ASCII character (π, τ, ℇ and letters of any script): the source is
// checked to be UTF-8 before it is read, so a lead byte starts a whole character.
bool is_word_start(char c) { return is_alpha(c) || c == '_' || static_cast<unsigned char>(c) >= 0x80; }
bool is_word(char c) { return is_word_start(c) || is_digit(c); }

struct Keyword {
  const char* text;
  Tok kind;
};
constexpr Keyword kKeywords[] = {
    {"OPENQASM", Tok::KwOpenqasm},
    {"include", Tok::KwInclude},
    {"defcalgrammar", Tok::KwDefcalgrammar},
    {"def", Tok::KwDef},
    {"cal", Tok::KwCal},
    {"defcal", Tok::KwDefcal},
    {"gate", Tok::KwGate},
    {"extern", Tok::KwExtern},
    {"box", Tok::KwBox},
    {"let", Tok::KwLet},
    {"break", Tok::KwBreak},
    {"continue", Tok::KwContinue},
    {"if", Tok::KwIf},
    {"else", Tok::KwElse},
    {"end", Tok::KwEnd},
    {"return", Tok::KwReturn},
    {"for", Tok::KwFor},
    {"while", Tok::KwWhile},
    {"in", Tok::KwIn},
    {"switch", Tok::KwSwitch},
    {"case", Tok::KwCase},
    {"default", Tok::KwDefault},
    {"input", Tok::KwInput},
    {"output", Tok::KwOutput},
    {"const", Tok::KwConst},
    {"readonly", Tok::KwReadonly},
    {"mutable", Tok::KwMutable},
    {"qreg", Tok::KwQreg},
    {"qubit", Tok::KwQubit},
    {"creg", Tok::KwCreg},
    {"bool", Tok::KwBool},
    {"bit", Tok::KwBit},
    {"int", Tok::KwInt},
    {"uint", Tok::KwUint},
    {"float", Tok::KwFloat},
    {"angle", Tok::KwAngle},
    {"complex", Tok::KwComplex},
    {"array", Tok::KwArray},
    {"void", Tok::KwVoid},
    {"duration", Tok::KwDuration},
    {"stretch", Tok::KwStretch},
    {"gphase", Tok::KwGphase},
    {"inv", Tok::KwInv},
    {"pow", Tok::KwPow},
    {"ctrl", Tok::KwCtrl},
    {"negctrl", Tok::KwNegctrl},
    {"durationof", Tok::KwDurationof},
    {"delay", Tok::KwDelay},
    {"reset", Tok::KwReset},
    {"measure", Tok::KwMeasure},
    {"barrier", Tok::KwBarrier},
    {"true", Tok::KwTrue},
    {"false", Tok::KwFalse},
    {"sizeof", Tok::KwSizeof},
};

// The keywords by first letter and length, so a name is compared with at most a few of them.
struct KeywordIndex {
  // first[c] .. first[c + 1]: the keywords starting with letter c, in kKeywords' order sorted by it.
  Keyword sorted[std::size(kKeywords)];
  uint8_t length[std::size(kKeywords)] = {};
  uint8_t first[129] = {};
  KeywordIndex() {
    size_t n = 0;
    for (int c = 0; c < 128; ++c) {
      first[c] = static_cast<uint8_t>(n);
      for (const Keyword& k : kKeywords)
        if (k.text[0] == c) {
          length[n] = static_cast<uint8_t>(std::strlen(k.text));
          sorted[n++] = k;
        }
    }
    first[128] = static_cast<uint8_t>(n);
  }
};

// Keywords are 2 to 13 letters; a name outside that range is never one.
Tok keyword(std::string_view w) {
  if (w.size() < 2 || w.size() > 13 || static_cast<unsigned char>(w[0]) >= 128) return Tok::Id;
  static const KeywordIndex index;
  const auto c = static_cast<unsigned char>(w[0]);
  for (size_t i = index.first[c]; i < index.first[c + 1]; ++i) {
    if (index.length[i] == w.size() && std::memcmp(w.data(), index.sorted[i].text, w.size()) == 0)
      return index.sorted[i].kind;
  }
  return Tok::Id;
}

// The units of a duration literal; `µs` is two bytes of UTF-8 before the `s`.
size_t time_unit(std::string_view rest) {
  auto starts = [&](std::string_view u) { return rest.substr(0, u.size()) == u; };
  size_t n = 0;
  if (starts("dt") || starts("ns") || starts("us") || starts("ms"))
    n = 2;
  else if (starts("\xC2\xB5s"))
    n = 3;
  else if (starts("s"))
    n = 1;
  if (n && n < rest.size() && is_word(rest[n])) return 0;  // `2sec` or `3dtx` is not a duration
  return n;
}

}  // namespace

Token Lexer::invalid(size_t begin, size_t length, std::string message) {
  if (!quiet_) sink_.add({Severity::Error, "E101", std::move(message), map_.span(begin, length)});
  return Token{Tok::Invalid, static_cast<uint32_t>(begin), static_cast<uint32_t>(length)};
}

size_t Lexer::line_end(size_t pos) const {
  const void* nl = pos < src_.size() ? std::memchr(src_.data() + pos, '\n', src_.size() - pos) : nullptr;
  return nl ? static_cast<size_t>(static_cast<const char*>(nl) - src_.data()) : src_.size();
}

bool Lexer::skip_space_and_comments() {
  const size_t n = src_.size();
  const char* s = src_.data();
  for (;;) {
    while (pos_ < n && (s[pos_] == ' ' || s[pos_] == '\t' || s[pos_] == '\n' || s[pos_] == '\r')) ++pos_;
    if (pos_ + 1 >= n || s[pos_] != '/') return true;
    if (s[pos_ + 1] == '/') {
      pos_ = line_end(pos_);
    } else if (s[pos_ + 1] == '*') {
      const size_t b = pos_;
      const char* close = nullptr;
      for (size_t i = pos_ + 2; i + 1 < n; ++i)
        if (s[i] == '*' && s[i + 1] == '/') {
          close = s + i;
          break;
        }
      if (!close) {
        pos_ = n;
        invalid(b, 2, "unterminated block comment: '/*' has no closing '*/'");
        return false;
      }
      pos_ = static_cast<size_t>(close - s) + 2;
    } else {
      return true;
    }
  }
}

Token Lexer::next() {
  const size_t n = src_.size();
  // Spaces inline; only a '/' that may start a comment takes the general path.
  const char* s = src_.data();
  while (pos_ < n && (s[pos_] == ' ' || s[pos_] == '\n' || s[pos_] == '\t' || s[pos_] == '\r')) ++pos_;
  if (pos_ < n && s[pos_] == '/' && !skip_space_and_comments()) return make(Tok::Eof, pos_);
  const size_t b = pos_;
  if (pos_ >= n) return make(Tok::Eof, b);
  const char c = src_[pos_];
  if (is_digit(c) || (c == '.' && pos_ + 1 < n && is_digit(src_[pos_ + 1]))) return number(b);
  if (is_word_start(c)) {
    // The only non-ASCII characters a program may hold outside comments and strings are those of
    // names; a stray one is an identifier the reader will not find, with that error.
    return word(b);
  }
  ++pos_;
  auto next_is = [&](char ch) {
    if (pos_ < n && src_[pos_] == ch) {
      ++pos_;
      return true;
    }
    return false;
  };
  // `op=` as a compound assignment, else `op`.
  auto op_or_assign = [&](Tok plain) { return next_is('=') ? make(Tok::CompoundAssign, b) : make(plain, b); };
  switch (c) {
    case ';': return make(Tok::Semi, b);
    case ',': return make(Tok::Comma, b);
    case ':': return make(Tok::Colon, b);
    case '.': return make(Tok::Dot, b);
    case '(': return make(Tok::LParen, b);
    case ')': return make(Tok::RParen, b);
    case '[': return make(Tok::LBracket, b);
    case ']': return make(Tok::RBracket, b);
    case '{': return make(Tok::LBrace, b);
    case '}': return make(Tok::RBrace, b);
    case '@': return make(Tok::At, b);
    case '=': return next_is('=') ? make(Tok::EqEq, b) : make(Tok::Eq, b);
    case '!': return next_is('=') ? make(Tok::NotEq, b) : make(Tok::Bang, b);
    case '~': return op_or_assign(Tok::Tilde);
    case '%': return op_or_assign(Tok::Percent);
    case '/': return op_or_assign(Tok::Slash);
    case '^': return op_or_assign(Tok::Caret);
    case '+':
      if (next_is('+')) return make(Tok::PlusPlus, b);
      return op_or_assign(Tok::Plus);
    case '-':
      if (next_is('>')) return make(Tok::Arrow, b);
      return op_or_assign(Tok::Minus);
    case '*':
      if (next_is('*')) return op_or_assign(Tok::StarStar);
      return op_or_assign(Tok::Star);
    case '&':
      if (next_is('&')) return make(Tok::AmpAmp, b);
      return op_or_assign(Tok::Amp);
    case '|':
      if (next_is('|')) return make(Tok::PipePipe, b);
      return op_or_assign(Tok::Pipe);
    case '<':
      if (next_is('<')) return op_or_assign(Tok::Shl);
      return next_is('=') ? make(Tok::LessEq, b) : make(Tok::Less, b);
    case '>':
      if (next_is('>')) return op_or_assign(Tok::Shr);
      return next_is('=') ? make(Tok::GreaterEq, b) : make(Tok::Greater, b);
    case '$': {
      if (pos_ >= n || !is_digit(src_[pos_])) return invalid(b, 1, "'$' starts a physical qubit such as $0");
      while (pos_ < n && is_digit(src_[pos_])) ++pos_;
      return make(Tok::HwQubit, b);
    }
    case '#': {
      if (src_.substr(pos_, 6) == "pragma") {
        pos_ = line_end(pos_);
        return make(Tok::Pragma, b);
      }
      return make(Tok::Hash, b);
    }
    case '"':
    case '\'': return string(b, c);
    default: break;
  }
  if (c == '\0') return invalid(b, 1, "unexpected NUL byte: the source must be text");
  if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
    return invalid(b, 1, "unexpected control character (byte " + std::to_string(static_cast<int>(c)) + ")");
  return invalid(b, 1, std::string("unexpected '") + c + "': it is not part of any OpenQASM 3 token");
}

Token Lexer::string(size_t b, char quote) {
  const size_t n = src_.size();
  bool bits = true;
  while (pos_ < n && src_[pos_] != quote && src_[pos_] != '\n') {
    const char ch = src_[pos_];
    if (ch != '0' && ch != '1' && ch != '_') bits = false;
    ++pos_;
  }
  if (pos_ >= n || src_[pos_] != quote)
    return invalid(b, pos_ - b, std::string("unterminated string: expected a closing ") + quote + " on the same line");
  ++pos_;
  // A bit string is "0101" (underscores only between digits); "" and "_1" are plain strings.
  const std::string_view body = src_.substr(b + 1, pos_ - b - 2);
  if (body.empty() || body.front() == '_' || body.back() == '_') bits = false;
  return make(bits && quote == '"' ? Tok::BitString : Tok::String, b);
}

Token Lexer::word(size_t b) {
  const size_t n = src_.size();
  while (pos_ < n && is_word(src_[pos_])) ++pos_;
  return make(keyword(src_.substr(b, pos_ - b)), b);
}

Token Lexer::number(size_t b) {
  const size_t n = src_.size();
  auto digits = [&](auto ok) {  // digits with single underscores between them
    const size_t start = pos_;
    while (pos_ < n && (ok(src_[pos_]) || (src_[pos_] == '_' && pos_ > start && pos_ + 1 < n && ok(src_[pos_ + 1]))))
      ++pos_;
    return pos_ > start;
  };
  auto dec = [](char ch) { return is_digit(ch); };
  // 0x, 0o and 0b integers.
  if (src_[b] == '0' && b + 1 < n &&
      (src_[b + 1] == 'x' || src_[b + 1] == 'X' || src_[b + 1] == 'o' || src_[b + 1] == 'b' || src_[b + 1] == 'B')) {
    const char base = src_[b + 1];
    pos_ = b + 2;
    bool ok = false;
    if (base == 'x' || base == 'X')
      ok = digits([](char ch) { return is_digit(ch) || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F'); });
    else if (base == 'o')
      ok = digits([](char ch) { return ch >= '0' && ch <= '7'; });
    else
      ok = digits([](char ch) { return ch == '0' || ch == '1'; });
    if (!ok || (pos_ < n && is_word(src_[pos_]))) {
      while (pos_ < n && is_word(src_[pos_])) ++pos_;
      return invalid(b, pos_ - b, "malformed integer literal");
    }
    return make(Tok::Int, b);
  }
  bool real = false;
  digits(dec);
  if (pos_ < n && src_[pos_] == '.') {
    real = true;
    ++pos_;
    digits(dec);
  }
  if (pos_ < n && (src_[pos_] == 'e' || src_[pos_] == 'E')) {
    const size_t save = pos_;
    ++pos_;
    if (pos_ < n && (src_[pos_] == '+' || src_[pos_] == '-')) ++pos_;
    if (!digits(dec)) {
      pos_ = save + 1;
      return invalid(b, pos_ - b, "malformed exponent: expected digits after 'e'");
    }
    real = true;
  }
  // A suffix, possibly after spaces: `im` makes an imaginary number, a time unit a duration.
  size_t after = pos_;
  while (after < n && (src_[after] == ' ' || src_[after] == '\t')) ++after;
  // Only a letter (or the lead byte of µ) can start a suffix: most numbers end at `)`, `,` or `]`.
  if (after < n && (is_alpha(src_[after]) || src_[after] == '\xC2')) {
    const std::string_view rest = src_.substr(after);
    if (rest.substr(0, 2) == "im" && (rest.size() == 2 || !is_word(rest[2]))) {
      pos_ = after + 2;
      return make(Tok::Imag, b);
    }
    if (const size_t unit = time_unit(rest)) {
      pos_ = after + unit;
      return make(Tok::Timing, b);
    }
  }
  if (pos_ < n && is_word(src_[pos_])) {
    while (pos_ < n && is_word(src_[pos_])) ++pos_;
    return invalid(b, pos_ - b, "malformed number: a number cannot run into letters");
  }
  return make(real ? Tok::Real : Tok::Int, b);
}

}  // namespace qvet::qasm3
