// Evaluation of parameter expressions, shared by the parser (constant arguments) and anything
// that binds a gate body's parameters later. Python's semantics where they show: 0^0 == 1, a
// negative base with a fractional exponent and division by zero are errors.
#include <cmath>

#include "qasm2/parser.hpp"

namespace qvet::qasm2 {

bool evaluate(const Expr& expr, const double* params, std::vector<double>& st, double* result,
              const char** error) {
  st.clear();
  for (const ExprOp& op : expr) {
    double r = 0;
    switch (op.code) {
      case ExprOp::Const: st.push_back(op.value); continue;
      case ExprOp::Param: st.push_back(params[op.param]); continue;
      case ExprOp::Neg: st.back() = -st.back(); continue;
      case ExprOp::Sin: case ExprOp::Cos: case ExprOp::Tan: case ExprOp::Exp:
      case ExprOp::Ln: case ExprOp::Sqrt: case ExprOp::Asin: case ExprOp::Acos: case ExprOp::Atan: {
        double a = st.back();
        switch (op.code) {
          case ExprOp::Sin: r = std::sin(a); break;
          case ExprOp::Cos: r = std::cos(a); break;
          case ExprOp::Tan: r = std::tan(a); break;
          case ExprOp::Exp: r = std::exp(a); break;
          case ExprOp::Ln:
            if (!(a > 0)) { *error = "ln of a number that is not positive"; return false; }
            r = std::log(a);
            break;
          case ExprOp::Sqrt:
            if (a < 0) { *error = "sqrt of a negative number"; return false; }
            r = std::sqrt(a);
            break;
          case ExprOp::Asin:
            if (a < -1 || a > 1) { *error = "asin of a number outside [-1, 1]"; return false; }
            r = std::asin(a);
            break;
          case ExprOp::Acos:
            if (a < -1 || a > 1) { *error = "acos of a number outside [-1, 1]"; return false; }
            r = std::acos(a);
            break;
          default: r = std::atan(a); break;
        }
        st.back() = r;
        break;
      }
      default: {
        double b = st.back();
        st.pop_back();
        double a = st.back();
        switch (op.code) {
          case ExprOp::Add: r = a + b; break;
          case ExprOp::Sub: r = a - b; break;
          case ExprOp::Mul: r = a * b; break;
          case ExprOp::Div:
            if (b == 0) { *error = "division by zero"; return false; }
            r = a / b;
            break;
          default:  // Pow
            if (a == 0 && b < 0) { *error = "zero raised to a negative power"; return false; }
            if (a < 0 && b != std::floor(b)) { *error = "a negative number raised to a fractional power"; return false; }
            r = std::pow(a, b);
            break;
        }
        st.back() = r;
        break;
      }
    }
    if (!std::isfinite(st.back())) { *error = "the value is not a finite number"; return false; }
  }
  *result = st.empty() ? 0 : st.back();
  return true;
}

}  // namespace qvet::qasm2
