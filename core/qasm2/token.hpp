// Tokens are a kind plus a byte range into the one source buffer; text is never copied.
#pragma once
#include <cstdint>
#include <string_view>

namespace qvet::qasm2 {

enum class Tok : uint8_t {
  Eof,
  Invalid,
  Id,
  Int,
  Real,
  String,
  // keywords
  KwOpenqasm,
  KwInclude,
  KwQreg,
  KwCreg,
  KwGate,
  KwOpaque,
  KwMeasure,
  KwReset,
  KwBarrier,
  KwIf,
  KwU,
  KwCX,
  KwPi,
  KwSin,
  KwCos,
  KwTan,
  KwExp,
  KwLn,
  KwSqrt,
  // punctuation
  Semi,
  Comma,
  LParen,
  RParen,
  LBracket,
  RBracket,
  LBrace,
  RBrace,
  Arrow,
  EqEq,
  Plus,
  Minus,
  Star,
  Slash,
  Caret,
};

struct Token {
  Tok kind = Tok::Eof;
  uint32_t offset = 0;
  uint32_t length = 0;
};

// How a token kind reads in "expected X, found Y" messages.
const char* describe(Tok kind);

}  // namespace qvet::qasm2
