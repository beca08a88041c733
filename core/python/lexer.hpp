// Python lexer for the static subset: a pull lexer (one token at a time, so a large script never
// exists as a token array) that produces Python's NEWLINE, INDENT and DEDENT tokens from the layout,
// joins lines inside brackets and after a backslash, and skips comments. A character Python would
// not accept becomes an Error token with its diagnostic already reported.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics/sink.hpp"
#include "source/source_map.hpp"

namespace qvet::python {

enum class T : uint8_t { End, Error, Newline, Indent, Dedent, Name, Int, Float, Imag, String, Op };

struct Token {
  T kind = T::End;
  uint32_t offset = 0;
  uint32_t length = 0;
};

class Lexer {
 public:
  Lexer(std::string_view src, const SourceMap& map, DiagnosticSink& sink);
  // Lexes src[begin, end) as the inside of brackets (no layout tokens): an f-string's field.
  Lexer(std::string_view src, const SourceMap& map, DiagnosticSink& sink, size_t begin, size_t end);

  Token next();
  std::string_view text(const Token& t) const { return src_.substr(t.offset, t.length); }

 private:
  Token scan();
  bool layout(Token* out);  // at the start of a logical line: indentation tokens
  Token string_literal(size_t begin, size_t quote_at);
  Token number(size_t begin);
  Token error(size_t begin, size_t length, const std::string& message);
  Token make(T kind, size_t begin) const {
    return Token{kind, static_cast<uint32_t>(begin), static_cast<uint32_t>(pos_ - begin)};
  }

  std::string_view src_;
  const SourceMap& map_;
  DiagnosticSink& sink_;
  size_t pos_ = 0;
  int brackets_ = 0;          // inside (), [] or {} newlines do not end the line
  bool line_start_ = true;    // the next token begins a logical line
  bool emitted_any_ = false;  // a NEWLINE is owed before END
  std::vector<uint32_t> indents_{0};
  uint32_t pending_dedents_ = 0;
};

// Decodes a string literal token (prefixes r, b, u, f in any case; single or triple quotes) into
// its text. f-strings are handled by the parser; this returns false with *why for bad escapes.
bool decode_string(std::string_view raw, std::string* out, std::string* why);
// Python's backslash escapes in a string body (none in a raw string).
bool unescape(std::string_view body, bool raw, std::string* out, std::string* why);
// The prefix letters of a string token, lowercased ("", "r", "f", "rb", ...).
std::string string_prefix(std::string_view raw);

}  // namespace qvet::python
