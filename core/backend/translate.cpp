// The translation rules. Level 1 writes each multi-qubit gate with its definition from the gate
// table (Qiskit's qelib1.inc and library definitions, in cx and one-qubit gates); level 2 writes a one-qubit gate in
// the basis's one-qubit gates (rz/sx/x, or u1/u2/u3, or u); level 3 writes cx with the basis's two-qubit gate (cz:
// h.cz.h on the target; ecr: x on the control, ecr, rz on the control and sx on the target, which
// tests/cpp/test_backend.cpp checks is cx up to a global phase).
#include "backend/translate.hpp"

#include <cmath>
#include <set>
#include <vector>

namespace qvet::backend {

namespace {

using Seq = std::vector<std::string_view>;  // row names (the basis gates among them by their own names)

enum class OneQ { Identity, Diagonal, X, SX, Y, Half, General };  // Half: h, sxdg, u2 (one sx)

// Which one-qubit gate `g` is, read off its matrix (at generic parameters, so a parameterised
// gate is not taken for a special value of itself), up to a global phase: that decides what it
// costs in a basis of rz, sx and x.
bool proportional(const Complex* a, const Complex* b) {
  Complex ratio = 0;
  for (int i = 0; i < 4; ++i) {
    if ((std::abs(a[i]) < 1e-12) != (std::abs(b[i]) < 1e-12)) return false;
    if (std::abs(b[i]) >= 1e-12 && ratio == Complex(0)) ratio = a[i] / b[i];
  }
  for (int i = 0; i < 4; ++i)
    if (std::abs(a[i] - ratio * b[i]) > 1e-12) return false;
  return true;
}

OneQ one_qubit_kind(const GateRow& g) {
  const double generic[4] = {0.3, 0.7, -1.1, 0.4};
  Complex m[4];
  g.matrix(generic, m);
  const double r = 1 / std::sqrt(2.0);
  const Complex identity[4] = {1, 0, 0, 1}, x[4] = {0, 1, 1, 0}, y[4] = {0, Complex(0, -1), Complex(0, 1), 0};
  const Complex sx[4] = {Complex(1, 1), Complex(1, -1), Complex(1, -1), Complex(1, 1)};
  if (proportional(m, identity)) return OneQ::Identity;
  if (std::abs(m[1]) < 1e-12 && std::abs(m[2]) < 1e-12) return OneQ::Diagonal;
  if (proportional(m, x)) return OneQ::X;
  if (proportional(m, sx)) return OneQ::SX;
  if (proportional(m, y)) return OneQ::Y;
  bool half = true;  // |every entry| = 1/sqrt(2): one sx between two rz (h, sxdg, u2)
  for (const Complex& e : m) half = half && std::abs(std::abs(e) - r) < 1e-12;
  return half ? OneQ::Half : OneQ::General;
}

// Level 2: a one-qubit gate in the basis's one-qubit gates; false when the basis has none that fit.
bool one_qubit_in_basis(const Backend& b, OneQ kind, Seq* out) {
  if (kind == OneQ::Identity) {
    out->clear();  // an identity needs no pulse (an `id` in the basis was counted as itself)
    return true;
  }
  if (b.has("rz") && b.has("sx")) {
    switch (kind) {
      case OneQ::Diagonal: *out = {"rz"}; return true;
      case OneQ::X: *out = b.has("x") ? Seq{"x"} : Seq{"sx", "sx"}; return true;
      case OneQ::SX: *out = {"sx"}; return true;
      case OneQ::Y: *out = b.has("x") ? Seq{"rz", "x"} : Seq{"rz", "sx", "sx"}; return true;
      case OneQ::Half: *out = {"rz", "sx", "rz"}; return true;
      default: *out = {"rz", "sx", "rz", "sx", "rz"}; return true;
    }
  }
  if (b.has("u3") || b.has("u")) {
    const char* general = b.has("u3") ? "u3" : "u";
    if (kind == OneQ::Diagonal && b.has("u1"))
      *out = {"u1"};
    else if (kind == OneQ::Half && b.has("u2"))
      *out = {"u2"};
    else
      *out = {general};
    return true;
  }
  return false;
}

std::string join(const Seq& s) {
  std::string out;
  for (std::string_view g : s) out += (out.empty() ? "" : ".") + std::string(g);
  return out;
}

struct Expander {
  const Backend& b;
  Translation& t;
  std::set<std::string> explained;

  void rule(std::string_view g, const Seq& s) {
    if (!explained.insert(std::string(g)).second) return;
    t.text += (t.text.empty() ? "" : "; ") + std::string(g) + " -> " + (s.empty() ? std::string("nothing") : join(s));
  }

  // Adds the basis gates row `g` becomes to t.counts; false when some part has no translation.
  bool add(const GateRow& g, uint64_t times, int depth) {
    if (depth > 8) return false;
    if (b.has(g.qiskit_name)) {
      t.counts[std::string(g.qiskit_name)] += times;
      return true;
    }
    Seq s;
    if (g.num_qubits == 1) {  // level 2
      if (!one_qubit_in_basis(b, one_qubit_kind(g), &s)) return false;
    } else if (g.qiskit_name == "cx") {  // level 3
      if (b.has("cz"))
        s = {"h", "cz", "h"};
      else if (b.has("ecr"))
        s = {"x", "ecr", "rz", "sx"};
      else
        return false;
    } else if (g.definition) {  // level 1: the gate table's definition
      Definition d;
      const double zeros[4] = {0, 0, 0, 0};  // the steps of a definition do not depend on its parameters
      g.definition(zeros, d);
      if (!d.ok()) return false;
      for (const Definition::Op& op : d) s.push_back(op.gate->name);
    } else {
      return false;  // mcx with 5+ controls: the transpiler synthesises it
    }
    // U and CX are written as Qiskit writes them (u, cx), not as OpenQASM 2's keywords.
    rule(g.in(kPrimitive) ? g.qiskit_name : g.name, s);
    for (std::string_view part : s) {
      const GateRow* row = find_gate(part);
      if (!row || !add(*row, times, depth + 1)) return false;
    }
    return true;
  }
};

}  // namespace

Translation translate(const Backend& b, const GateRow* row, std::string_view qiskit_name) {
  Translation t;
  if (b.has(qiskit_name)) {
    t.known = t.direct = true;
    t.counts[std::string(qiskit_name)] = 1;
    t.total = 1;
    return t;
  }
  if (!row) return t;  // an opaque gate: what it becomes is the device's business
  Expander e{b, t, {}};
  t.known = e.add(*row, 1, 0);
  if (!t.known) {
    t.counts.clear();
    return t;
  }
  for (const auto& [g, n] : t.counts) t.total += n;
  return t;
}

}  // namespace qvet::backend
