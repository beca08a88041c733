#include "python/lexer.hpp"

#include <cctype>
#include <cstring>

namespace qvet::python {

namespace {
bool id_start(unsigned char c) { return std::isalpha(c) || c == '_' || c >= 0x80; }
bool id_char(unsigned char c) { return id_start(c) || std::isdigit(c); }
bool prefix_letter(char c) {
  c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return c == 'r' || c == 'b' || c == 'u' || c == 'f';
}
}  // namespace

Lexer::Lexer(std::string_view src, const SourceMap& map, DiagnosticSink& sink) : src_(src), map_(map), sink_(sink) {
  if (src_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
}

Lexer::Lexer(std::string_view src, const SourceMap& map, DiagnosticSink& sink, size_t begin, size_t end)
    : src_(src.substr(0, end)), map_(map), sink_(sink), pos_(begin), brackets_(1), line_start_(false) {}

Token Lexer::error(size_t begin, size_t length, const std::string& message) {
  sink_.add({Severity::Error, "E601", message, map_.span(begin, length)});
  pos_ = begin + length;
  return Token{T::Error, static_cast<uint32_t>(begin), static_cast<uint32_t>(length)};
}

Token Lexer::next() {
  if (pending_dedents_ > 0) {
    --pending_dedents_;
    return Token{T::Dedent, static_cast<uint32_t>(pos_), 0};
  }
  if (line_start_ && brackets_ == 0) {
    Token t;
    if (layout(&t)) return t;
  }
  return scan();
}

// Measures the indentation of the next non-blank line and turns a change into INDENT/DEDENT.
// Blank lines and comment-only lines do not count, as in Python.
bool Lexer::layout(Token* out) {
  for (;;) {
    size_t p = pos_;
    uint32_t col = 0;
    while (p < src_.size() && (src_[p] == ' ' || src_[p] == '\t' || src_[p] == '\f')) {
      col = src_[p] == '\t' ? (col / 8 + 1) * 8 : src_[p] == ' ' ? col + 1 : 0;
      ++p;
    }
    if (p < src_.size() && (src_[p] == '\r' || src_[p] == '\n' || src_[p] == '#')) {
      while (p < src_.size() && src_[p] != '\n') ++p;
      pos_ = p < src_.size() ? p + 1 : p;
      if (p >= src_.size()) break;
      continue;
    }
    pos_ = p;
    if (p >= src_.size()) break;
    line_start_ = false;
    if (col > indents_.back()) {
      indents_.push_back(col);
      *out = Token{T::Indent, static_cast<uint32_t>(p), 0};
      return true;
    }
    uint32_t n = 0;
    while (col < indents_.back()) {
      indents_.pop_back();
      ++n;
    }
    if (col != indents_.back()) {
      *out = error(p - col, col, "this line's indentation does not match any enclosing block");
      return true;
    }
    if (n == 0) return false;
    pending_dedents_ = n - 1;
    *out = Token{T::Dedent, static_cast<uint32_t>(p), 0};
    return true;
  }
  // End of input: close every open block.
  line_start_ = false;
  if (indents_.size() > 1) {
    pending_dedents_ = static_cast<uint32_t>(indents_.size() - 2);
    indents_.resize(1);
    *out = Token{T::Dedent, static_cast<uint32_t>(pos_), 0};
    return true;
  }
  return false;
}

Token Lexer::scan() {
  for (;;) {
    if (pos_ >= src_.size()) {
      if (emitted_any_) {
        emitted_any_ = false;
        line_start_ = true;
        return Token{T::Newline, static_cast<uint32_t>(pos_), 0};
      }
      Token t;
      if (layout(&t)) return t;
      return Token{T::End, static_cast<uint32_t>(pos_), 0};
    }
    const char c = src_[pos_];
    if (c == ' ' || c == '\t' || c == '\f' || c == '\r') {
      ++pos_;
      continue;
    }
    if (c == '#') {
      while (pos_ < src_.size() && src_[pos_] != '\n') ++pos_;
      continue;
    }
    if (c == '\\') {
      size_t p = pos_ + 1;
      if (p < src_.size() && src_[p] == '\r') ++p;
      if (p < src_.size() && src_[p] == '\n') {
        pos_ = p + 1;
        continue;
      }
      return error(pos_, 1, "a backslash outside a string must end the line (line continuation)");
    }
    if (c == '\n') {
      ++pos_;
      if (brackets_ > 0) continue;
      if (!emitted_any_) {
        line_start_ = true;
        Token t;
        if (layout(&t)) return t;
        continue;
      }
      emitted_any_ = false;
      line_start_ = true;
      return Token{T::Newline, static_cast<uint32_t>(pos_ - 1), 1};
    }
    emitted_any_ = true;
    const size_t begin = pos_;
    const unsigned char u = static_cast<unsigned char>(c);
    if (id_start(u)) {
      // A string prefix (r, b, f, u, rb, ...) directly followed by a quote starts a string.
      size_t p = pos_;
      while (p < src_.size() && p - pos_ < 2 && prefix_letter(src_[p])) ++p;
      if (p > pos_ && p < src_.size() && (src_[p] == '"' || src_[p] == '\'')) return string_literal(begin, p);
      while (pos_ < src_.size() && id_char(static_cast<unsigned char>(src_[pos_]))) ++pos_;
      return make(T::Name, begin);
    }
    if (std::isdigit(u) ||
        (c == '.' && pos_ + 1 < src_.size() && std::isdigit(static_cast<unsigned char>(src_[pos_ + 1]))))
      return number(begin);
    if (c == '"' || c == '\'') return string_literal(begin, pos_);
    // Operators and delimiters, longest first.
    static const char* const kOps[] = {
        "**=", "//=", ">>=", "<<=", "...", "**", "//", "<<", ">>", "<=", ">=", "==", "!=", "->", "+=", "-=",
        "*=",  "/=",  "%=",  "&=",  "|=",  "^=", "@=", ":=", "+",  "-",  "*",  "/",  "%",  "@",  "&",  "|",
        "^",   "~",   "<",   ">",   "(",   ")",  "[",  "]",  "{",  "}",  ",",  ":",  ".",  ";",  "="};
    for (const char* op : kOps) {
      std::string_view o(op);
      if (src_.compare(pos_, o.size(), o) == 0) {
        pos_ += o.size();
        if (o == "(" || o == "[" || o == "{") ++brackets_;
        if ((o == ")" || o == "]" || o == "}") && brackets_ > 0) --brackets_;
        return make(T::Op, begin);
      }
    }
    if (c == '\0') return error(begin, 1, "NUL byte in the source");
    return error(begin, 1, std::string("character '") + c + "' is not valid in Python here");
  }
}

Token Lexer::string_literal(size_t begin, size_t quote_at) {
  const char q = src_[quote_at];
  const bool triple = src_.compare(quote_at, 3, std::string(3, q)) == 0;
  size_t p = quote_at + (triple ? 3 : 1);
  for (;;) {
    if (p >= src_.size()) return error(begin, src_.size() - begin, "unterminated string");
    const char c = src_[p];
    if (c == '\\') {
      p += 2;
      continue;
    }
    if (!triple && c == '\n') return error(begin, p - begin, "unterminated string (it reaches the end of the line)");
    if (c == q && (!triple || src_.compare(p, 3, std::string(3, q)) == 0)) {
      pos_ = p + (triple ? 3 : 1);
      return make(T::String, begin);
    }
    ++p;
  }
}

Token Lexer::number(size_t begin) {
  auto digits = [&](auto ok) {
    while (pos_ < src_.size() &&
           (ok(static_cast<unsigned char>(src_[pos_])) ||
            (src_[pos_] == '_' && pos_ + 1 < src_.size() && ok(static_cast<unsigned char>(src_[pos_ + 1])))))
      ++pos_;
  };
  auto dec = [](unsigned char ch) { return std::isdigit(ch) != 0; };
  T kind = T::Int;
  if (src_[pos_] == '0' && pos_ + 1 < src_.size() && std::strchr("xXoObB", src_[pos_ + 1]) && src_[pos_ + 1]) {
    const char base = static_cast<char>(std::tolower(static_cast<unsigned char>(src_[pos_ + 1])));
    pos_ += 2;
    if (base == 'x') digits([](unsigned char ch) { return std::isxdigit(ch) != 0; });
    if (base == 'o') digits([](unsigned char ch) { return ch >= '0' && ch <= '7'; });
    if (base == 'b') digits([](unsigned char ch) { return ch == '0' || ch == '1'; });
    if (pos_ == begin + 2) return error(begin, 2, "missing digits after the base prefix");
  } else {
    digits(dec);
    if (pos_ < src_.size() && src_[pos_] == '.') {
      ++pos_;
      digits(dec);
      kind = T::Float;
    }
    if (pos_ < src_.size() && (src_[pos_] == 'e' || src_[pos_] == 'E')) {
      size_t p = pos_ + 1;
      if (p < src_.size() && (src_[p] == '+' || src_[p] == '-')) ++p;
      if (p < src_.size() && std::isdigit(static_cast<unsigned char>(src_[p]))) {
        pos_ = p;
        digits(dec);
        kind = T::Float;
      }
    }
    if (pos_ < src_.size() && (src_[pos_] == 'j' || src_[pos_] == 'J')) {
      ++pos_;
      kind = T::Imag;
    }
    if (kind == T::Int && pos_ - begin > 1 && src_[begin] == '0' &&
        src_.substr(begin, pos_ - begin).find_first_not_of("0_") != std::string_view::npos)
      return error(begin, pos_ - begin,
                   "leading zeros in a decimal integer are not allowed in Python (use 0o for octal)");
  }
  if (pos_ < src_.size() && id_char(static_cast<unsigned char>(src_[pos_]))) {
    size_t e = pos_;
    while (e < src_.size() && id_char(static_cast<unsigned char>(src_[e]))) ++e;
    return error(begin, e - begin, "invalid number literal");
  }
  return make(kind, begin);
}

std::string string_prefix(std::string_view raw) {
  std::string p;
  for (char c : raw) {
    if (c == '"' || c == '\'') break;
    p += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return p;
}

bool decode_string(std::string_view raw, std::string* out, std::string* why) {
  const std::string prefix = string_prefix(raw);
  const bool is_raw = prefix.find('r') != std::string::npos;
  raw.remove_prefix(prefix.size());
  const size_t q = raw.size() >= 6 && raw[0] == raw[1] && raw[1] == raw[2] ? 3 : 1;
  return unescape(raw.substr(q, raw.size() - 2 * q), is_raw, out, why);
}

bool unescape(std::string_view body, bool is_raw, std::string* out, std::string* why) {
  out->clear();
  for (size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (c != '\\' || is_raw) {
      out->push_back(c);
      continue;
    }
    if (++i >= body.size()) break;
    switch (body[i]) {
      case '\n': break;
      case 'n': out->push_back('\n'); break;
      case 't': out->push_back('\t'); break;
      case 'r': out->push_back('\r'); break;
      case '\\':
      case '\'':
      case '"': out->push_back(body[i]); break;
      case '0':
      case 'x':
      case 'u':
      case 'U':
      case 'N': *why = std::string("the escape \\") + body[i] + " is outside the static subset"; return false;
      default:
        out->push_back('\\');
        out->push_back(body[i]);
        break;
    }
  }
  return true;
}

}  // namespace qvet::python
