// OpenQASM 3 lexer: one token at a time from a byte buffer. Whitespace, `//` and `/* */` comments
// are skipped. Anything that is not a token becomes Tok::Invalid with an error already reported,
// so the parser only has to resynchronise. The position can be saved and restored: the reader
// runs a loop body or a subroutine by reading its tokens again (see reader.hpp).
#pragma once
#include <string>
#include <string_view>

#include "diagnostics/sink.hpp"
#include "qasm3/token.hpp"
#include "source/source_map.hpp"

namespace qvet::qasm3 {

class Lexer {
 public:
  Lexer(std::string_view src, const SourceMap& map, DiagnosticSink& sink) : src_(src), map_(map), sink_(sink) {}

  Token next();
  std::string_view text(const Token& t) const { return src_.substr(t.offset, t.length); }
  size_t position() const { return pos_; }
  void seek(size_t pos) { pos_ = pos; }
  // The offset of the end of the line holding `pos` (a pragma's or an annotation's text ends there).
  size_t line_end(size_t pos) const;
  // Errors are given only while this is on; a body read again for another iteration stays quiet.
  void set_quiet(bool quiet) { quiet_ = quiet; }

 private:
  Token make(Tok k, size_t begin) const {
    return Token{k, static_cast<uint32_t>(begin), static_cast<uint32_t>(pos_ - begin)};
  }
  Token invalid(size_t begin, size_t length, std::string message);
  Token number(size_t begin);
  Token word(size_t begin);
  Token string(size_t begin, char quote);
  bool skip_space_and_comments();  // false after an unterminated block comment (reported)

  std::string_view src_;
  const SourceMap& map_;
  DiagnosticSink& sink_;
  size_t pos_ = 0;
  bool quiet_ = false;
};

}  // namespace qvet::qasm3
