// OpenQASM 3 tokens: a kind plus a byte range into the one source buffer; text is never copied.
// The kinds follow the language's lexer grammar (openqasm/openqasm, qasm3Lexer.g4), so a program
// the reference parser splits one way splits the same way here.
#pragma once
#include <cstdint>

namespace qvet::qasm3 {

enum class Tok : uint8_t {
  Eof,
  Invalid,
  Id,         // names, including pi/π, tau/τ, euler/ℇ and the built-in gate U
  HwQubit,    // $0, $12: a physical qubit
  Int,        // 12, 0x1f, 0o17, 0b101, 1_000
  Real,       // 1.5, .5, 1e-3
  Imag,       // 1.5im, 2 im
  Timing,     // 100ns, 1.5us, 10µs, 3dt, 2s
  BitString,  // "0101" (also the file name of an include; the parser tells them apart)
  String,     // any other "..." text
  Pragma,     // #pragma ... to the end of the line (`pragma` without '#' is read by the parser)
  // keywords
  KwOpenqasm,
  KwInclude,
  KwDefcalgrammar,
  KwDef,
  KwCal,
  KwDefcal,
  KwGate,
  KwExtern,
  KwBox,
  KwLet,
  KwBreak,
  KwContinue,
  KwIf,
  KwElse,
  KwEnd,
  KwReturn,
  KwFor,
  KwWhile,
  KwIn,
  KwSwitch,
  KwCase,
  KwDefault,
  KwInput,
  KwOutput,
  KwConst,
  KwReadonly,
  KwMutable,
  KwQreg,
  KwQubit,
  KwCreg,
  KwBool,
  KwBit,
  KwInt,
  KwUint,
  KwFloat,
  KwAngle,
  KwComplex,
  KwArray,
  KwVoid,
  KwDuration,
  KwStretch,
  KwGphase,
  KwInv,
  KwPow,
  KwCtrl,
  KwNegctrl,
  KwDurationof,
  KwDelay,
  KwReset,
  KwMeasure,
  KwBarrier,
  KwTrue,
  KwFalse,
  KwSizeof,
  // punctuation and operators
  Semi,
  Comma,
  Colon,
  Dot,
  LParen,
  RParen,
  LBracket,
  RBracket,
  LBrace,
  RBrace,
  Arrow,           // ->
  At,              // @ between modifiers and a gate
  Hash,            // # in #dim
  Eq,              // =
  CompoundAssign,  // += -= *= /= %= **= &= |= ^= <<= >>= ~=
  EqEq,
  NotEq,
  Less,
  LessEq,
  Greater,
  GreaterEq,
  Shl,
  Shr,
  Plus,
  PlusPlus,  // ++ concatenation
  Minus,
  Star,
  StarStar,
  Slash,
  Percent,
  Amp,
  AmpAmp,
  Pipe,
  PipePipe,
  Caret,
  Tilde,
  Bang,
};

struct Token {
  Tok kind = Tok::Eof;
  uint32_t offset = 0;
  uint32_t length = 0;
};

// How a token kind reads in "expected X, found Y" messages.
const char* describe(Tok kind);

// A type keyword (bit, int, ..., stretch) that starts a classical declaration or a cast.
inline bool is_classical_type(Tok k) {
  return k == Tok::KwBool || k == Tok::KwBit || k == Tok::KwInt || k == Tok::KwUint || k == Tok::KwFloat ||
         k == Tok::KwAngle || k == Tok::KwComplex || k == Tok::KwDuration || k == Tok::KwStretch || k == Tok::KwArray ||
         k == Tok::KwCreg;
}

}  // namespace qvet::qasm3
