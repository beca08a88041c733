// Parameter expressions: the one type every front end builds (OpenQASM gate bodies, Qiskit
// Parameter arithmetic), printed for the report and evaluated wherever values are bound (the
// parser's constant arguments, gate-body expansion, Parameter binding at simulation).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace qvet {

// One step of a postfix expression over numbered parameters (a gate's own, or a circuit's
// Parameters): postfix keeps a 10^6-gate circuit free of per-node allocations.
struct ExprOp {
  enum Code : uint8_t { Const, Param, Neg, Add, Sub, Mul, Div, Pow, Sin, Cos, Tan, Exp, Ln, Sqrt, Asin, Acos, Atan };
  Code code = Const;
  uint32_t param = 0;
  double value = 0;
};
using Expr = std::vector<ExprOp>;

// How an expression is written: for the report (Python's spelling, six significant digits), or
// as OpenQASM 2 or 3 source that reads back to the same doubles (`pi/2` where a number is a
// simple multiple of pi, else the shortest digits that round-trip; `^` or `**`; `ln` or `log`).
enum class ExprDialect : uint8_t { Report, Qasm2, Qasm3 };

// The expression as text, e.g. "2*theta - 1.5708", with `names` for ExprOp::Param. OpenQASM 2 has
// no inverse trigonometric functions: check expr_uses_inverse_trig before writing one in it.
std::string expr_text(const Expr& e, const std::vector<std::string>& names, ExprDialect dialect = ExprDialect::Report);
bool expr_uses_inverse_trig(const Expr& e);

// A number as OpenQASM source that reads back to exactly `v` (see ExprDialect).
std::string exact_number_text(double v);

// Evaluates `expr` with `params` for ExprOp::Param (`stack` is scratch space, reused across calls
// so evaluation does not allocate). Python's semantics where they show: 0**0 == 1; a negative base
// with a fractional exponent, division by zero and a non-finite result are errors. Returns false,
// with *error set and *result left alone, on such an error.
bool evaluate(const Expr& expr, const double* params, std::vector<double>& stack, double* result, const char** error);

}  // namespace qvet
