#include "circuit/expr.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "circuit/gates.hpp"

namespace qvet {

std::string exact_number_text(double v) {
  if (v == 0) return "0";
  // k*pi/d as the readers evaluate it, left to right: (k*pi)/d.
  for (int d : {1, 2, 3, 4, 6, 8, 12, 16, 32, 64}) {
    const double k = std::round(v * d / kPi);
    if (k == 0 || std::fabs(k) > 64.0 * d || (k * kPi) / d != v) continue;
    const long ki = static_cast<long>(k);
    std::string t = ki == 1 ? "pi" : ki == -1 ? "-pi" : std::to_string(ki) + "*pi";
    return d == 1 ? t : t + "/" + std::to_string(d);
  }
  char buf[40];
  for (int digits = 15; digits <= 17; ++digits) {
    std::snprintf(buf, sizeof buf, "%.*g", digits, v);
    if (std::strtod(buf, nullptr) == v) break;
  }
  std::string t = buf;
  // OpenQASM 2's real literals have a point before any exponent ("1.0e-05", not "1e-05").
  const size_t e = t.find('e');
  if (e != std::string::npos && t.find('.') == std::string::npos) t.insert(e, ".0");
  return t;
}

bool expr_uses_inverse_trig(const Expr& e) {
  for (const ExprOp& op : e)
    if (op.code == ExprOp::Asin || op.code == ExprOp::Acos || op.code == ExprOp::Atan) return true;
  return false;
}

std::string expr_text(const Expr& e, const std::vector<std::string>& names, ExprDialect dialect) {
  struct Part {
    std::string text;
    int prec;  // 0 +-, 1 */, 2 unary minus, 3 **, 4 atom
  };
  static const char* const kPython[] = {"sin", "cos", "tan", "exp", "log", "sqrt", "arcsin", "arccos", "arctan"};
  static const char* const kQasm2[] = {"sin", "cos", "tan", "exp", "ln", "sqrt", "asin", "acos", "atan"};
  static const char* const kQasm3[] = {"sin", "cos", "tan", "exp", "log", "sqrt", "arcsin", "arccos", "arctan"};
  const char* const* functions = dialect == ExprDialect::Qasm2   ? kQasm2
                                 : dialect == ExprDialect::Qasm3 ? kQasm3
                                                                 : kPython;
  const char* pow = dialect == ExprDialect::Qasm2 ? "^" : "**";
  std::vector<Part> st;
  auto wrap = [](const Part& p, int need) { return p.prec < need ? "(" + p.text + ")" : p.text; };
  for (const ExprOp& op : e) {
    switch (op.code) {
      case ExprOp::Const: {
        std::string t;
        if (dialect == ExprDialect::Report) {
          char buf[32];
          std::snprintf(buf, sizeof buf, "%.6g", op.value);
          t = buf;
        } else {
          t = exact_number_text(op.value);
        }
        // A negative number, or k*pi/d, binds like a product or a unary minus.
        const int prec = t[0] == '-' ? 2 : t.find_first_of("*/") != std::string::npos ? 1 : 4;
        st.push_back({t, prec});
        break;
      }
      case ExprOp::Param: st.push_back({op.param < names.size() ? names[op.param] : "?", 4}); break;
      case ExprOp::Neg: st.back() = {"-" + wrap(st.back(), 2), 2}; break;
      case ExprOp::Add:
      case ExprOp::Sub:
      case ExprOp::Mul:
      case ExprOp::Div:
      case ExprOp::Pow: {
        const Part b = st.back();
        st.pop_back();
        const Part a = st.back();
        const int prec = op.code == ExprOp::Pow ? 3 : (op.code == ExprOp::Mul || op.code == ExprOp::Div) ? 1 : 0;
        const char* sym = op.code == ExprOp::Add   ? " + "
                          : op.code == ExprOp::Sub ? " - "
                          : op.code == ExprOp::Mul ? "*"
                          : op.code == ExprOp::Div ? "/"
                                                   : pow;
        // Left-associative: the right operand needs parentheses at equal precedence (a - (b - c)).
        st.back() = {wrap(a, prec == 3 ? 4 : prec) + sym + wrap(b, prec == 3 ? 3 : prec + 1), prec};
        break;
      }
      default: st.back() = {std::string(functions[op.code - ExprOp::Sin]) + "(" + st.back().text + ")", 4}; break;
    }
  }
  return st.empty() ? "" : st.back().text;
}

bool evaluate(const Expr& expr, const double* params, std::vector<double>& st, double* result, const char** error) {
  st.clear();
  for (const ExprOp& op : expr) {
    double r = 0;
    switch (op.code) {
      case ExprOp::Const: st.push_back(op.value); continue;
      case ExprOp::Param: st.push_back(params[op.param]); continue;
      case ExprOp::Neg: st.back() = -st.back(); continue;
      case ExprOp::Sin:
      case ExprOp::Cos:
      case ExprOp::Tan:
      case ExprOp::Exp:
      case ExprOp::Ln:
      case ExprOp::Sqrt:
      case ExprOp::Asin:
      case ExprOp::Acos:
      case ExprOp::Atan: {
        double a = st.back();
        switch (op.code) {
          case ExprOp::Sin: r = std::sin(a); break;
          case ExprOp::Cos: r = std::cos(a); break;
          case ExprOp::Tan: r = std::tan(a); break;
          case ExprOp::Exp: r = std::exp(a); break;
          case ExprOp::Ln:
            if (!(a > 0)) {
              *error = "ln of a number that is not positive";
              return false;
            }
            r = std::log(a);
            break;
          case ExprOp::Sqrt:
            if (a < 0) {
              *error = "sqrt of a negative number";
              return false;
            }
            r = std::sqrt(a);
            break;
          case ExprOp::Asin:
            if (a < -1 || a > 1) {
              *error = "asin of a number outside [-1, 1]";
              return false;
            }
            r = std::asin(a);
            break;
          case ExprOp::Acos:
            if (a < -1 || a > 1) {
              *error = "acos of a number outside [-1, 1]";
              return false;
            }
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
            if (b == 0) {
              *error = "division by zero";
              return false;
            }
            r = a / b;
            break;
          default:  // Pow
            if (a == 0 && b < 0) {
              *error = "zero raised to a negative power";
              return false;
            }
            if (a < 0 && b != std::floor(b)) {
              *error = "a negative number raised to a fractional power";
              return false;
            }
            r = std::pow(a, b);
            break;
        }
        st.back() = r;
        break;
      }
    }
    if (!std::isfinite(st.back())) {
      *error = "the value is not a finite number";
      return false;
    }
  }
  *result = st.empty() ? 0 : st.back();
  return true;
}

}  // namespace qvet
