// OpenQASM 2 lexer: produces one token at a time from a byte buffer. Whitespace and `//`
// comments are skipped. Anything else that is not a token (a stray byte, NUL, a non-ASCII byte
// outside a comment or string, an unterminated string) becomes a Tok::Invalid token with an error
// already reported, so the parser only has to resynchronise.
#pragma once
#include <string_view>

#include "diagnostics/sink.hpp"
#include "qasm2/token.hpp"
#include "source/source_map.hpp"

namespace qvet::qasm2 {

class Lexer {
 public:
  Lexer(std::string_view src, const SourceMap& map, DiagnosticSink& sink) : src_(src), map_(map), sink_(sink) {}

  Token next();
  std::string_view text(const Token& t) const { return src_.substr(t.offset, t.length); }
  // Where the next token starts being looked for: the parser's byte-level fast path for operand
  // lists reads ahead itself and moves the lexer past what it read.
  size_t position() const { return pos_; }
  void seek(size_t pos) { pos_ = pos; }

 private:
  Token make(Tok k, size_t begin) const {
    return Token{k, static_cast<uint32_t>(begin), static_cast<uint32_t>(pos_ - begin)};
  }
  Token invalid(size_t begin, size_t length, std::string message);
  Token number(size_t begin);
  Token word(size_t begin);

  std::string_view src_;
  const SourceMap& map_;
  DiagnosticSink& sink_;
  size_t pos_ = 0;
};

}  // namespace qvet::qasm2
