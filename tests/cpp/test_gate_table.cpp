// Every row of the gate table, checked from the row alone, so a new row is checked the moment it
// is added: its matrix is unitary and equals its definition followed all the way down to U and CX
// (built here from U's formula and CX's permutation only, never from the table's other matrices);
// its inverse times it is the identity; its controlled form is it with one more control; and the
// simulator's kernel for it applies exactly its matrix.
#include <catch2/catch.hpp>
#include <cmath>
#include <complex>
#include <set>
#include <string>
#include <vector>

#include "circuit/gates.hpp"
#include "helpers.hpp"
#include "sim/engine.hpp"
#include "sim/ops.hpp"

using namespace qvet;

namespace {

using Matrix = std::vector<Complex>;  // row-major, dim x dim
const double kParams[4] = {0.3, 0.7, -1.1, 0.4};

Matrix identity(size_t dim) {
  Matrix m(dim * dim, 0);
  for (size_t i = 0; i < dim; ++i) m[i * dim + i] = 1;
  return m;
}

Matrix multiply(const Matrix& a, const Matrix& b, size_t dim) {
  Matrix r(dim * dim, 0);
  for (size_t i = 0; i < dim; ++i)
    for (size_t k = 0; k < dim; ++k)
      for (size_t j = 0; j < dim; ++j) r[i * dim + j] += a[i * dim + k] * b[k * dim + j];
  return r;
}

Matrix full(const GateRow& g, const double* params, unsigned width) {
  Matrix m(size_t{1} << (2 * width));
  full_matrix(g, params, width, m.data());
  return m;
}

// The largest |a - e^{i phase} b| entry, with the phase taken from the largest entry of b.
double distance_up_to_phase(const Matrix& a, const Matrix& b) {
  size_t k = 0;
  for (size_t i = 1; i < b.size(); ++i)
    if (std::abs(b[i]) > std::abs(b[k])) k = i;
  const Complex phase = a[k] / b[k];
  double worst = std::abs(std::abs(phase) - 1);
  for (size_t i = 0; i < a.size(); ++i) worst = std::max(worst, std::abs(a[i] - phase * b[i]));
  return worst;
}

double distance(const Matrix& a, const Matrix& b) {
  double worst = 0;
  for (size_t i = 0; i < a.size(); ++i) worst = std::max(worst, std::abs(a[i] - b[i]));
  return worst;
}

// State-by-state application of U and CX to a whole matrix: `m` becomes gate * m.
struct Primitives {
  unsigned n;
  size_t dim;
  Matrix m;

  explicit Primitives(unsigned width) : n(width), dim(size_t{1} << width), m(identity(size_t{1} << width)) {}

  void u(double t, double p, double l, unsigned q) {  // Qiskit's U, the formula alone
    const double c = std::cos(t / 2), s = std::sin(t / 2);
    const Complex a = c, b = -std::polar(1.0, l) * s, cc = std::polar(1.0, p) * s, d = std::polar(1.0, p + l) * c;
    for (size_t col = 0; col < dim; ++col)
      for (size_t i = 0; i < dim; ++i) {
        if ((i >> q) & 1) continue;
        const size_t j = i | (size_t{1} << q);
        const Complex x = m[i * dim + col], y = m[j * dim + col];
        m[i * dim + col] = a * x + b * y;
        m[j * dim + col] = cc * x + d * y;
      }
  }
  void cx(unsigned c, unsigned t) {  // a permutation of the basis
    for (size_t col = 0; col < dim; ++col)
      for (size_t i = 0; i < dim; ++i)
        if (((i >> c) & 1) && !((i >> t) & 1)) std::swap(m[i * dim + col], m[(i | (size_t{1} << t)) * dim + col]);
  }
};

// Applies row `g` on `qubits` by following definitions down to U and CX; with `inverse`, the
// inverse (the steps reversed, each inverted). Returns false when some step has no definition.
bool expand(const GateRow& g, const double* params, const std::vector<unsigned>& qubits, bool inverse, Primitives& out,
            int depth = 0) {
  if (depth > 20) return false;
  if (g.name == "U") {
    if (inverse)
      out.u(-params[0], -params[2], -params[1], qubits[0]);
    else
      out.u(params[0], params[1], params[2], qubits[0]);
    return true;
  }
  if (g.name == "CX") {
    out.cx(qubits[0], qubits[1]);
    return true;
  }
  if (!g.definition) return false;
  Definition d;
  g.definition(params, d);
  if (!d.ok()) return false;
  std::vector<const Definition::Op*> steps;
  for (const Definition::Op& op : d) steps.push_back(&op);
  if (inverse) std::reverse(steps.begin(), steps.end());
  for (const Definition::Op* op : steps) {
    std::vector<unsigned> q;
    for (uint8_t k = 0; k < op->num_qubits; ++k) q.push_back(qubits[op->qubits[k]]);
    if (!expand(*op->gate, op->params, q, inverse != op->inverse, out, depth + 1)) return false;
  }
  return true;
}

std::vector<unsigned> first(unsigned n) {
  std::vector<unsigned> q(n);
  for (unsigned i = 0; i < n; ++i) q[i] = i;
  return q;
}

}  // namespace

TEST_CASE("gate table: ids, names and sets are consistent", "[gates][table]") {
  std::set<std::string_view> names;
  size_t index = 0;
  for (const GateRow& g : gate_rows()) {
    INFO(g.name);
    CHECK(g.id == index++);
    CHECK(names.insert(g.name).second);
    CHECK(find_gate(g.name) == &g);
    CHECK(!g.qiskit_name.empty());
    CHECK(!g.label.empty());
    CHECK(g.num_params <= 4);
    CHECK(g.target_qubits >= 1);
    if (g.num_qubits) CHECK(g.target_qubits <= g.num_qubits);
    CHECK(g.matrix != nullptr);
    if (g.kernel == GateKernel::Matrix) CHECK(g.num_qubits <= 2);
    if (g.kernel == GateKernel::Definition) {
      // The simulator applies it step by step: every step must be a row it can apply, and an
      // inverted step needs its gate's inverse row.
      REQUIRE(g.definition != nullptr);
      Definition d;
      g.definition(kParams, d);
      CHECK(d.ok());
      for (const Definition::Op& op : d)
        if (op.inverse) CHECK(find_gate(op.gate->inverse.name) != nullptr);
    }
    if (g.kernel == GateKernel::Controlled) CHECK(g.target_qubits == 1);
    if (g.kernel == GateKernel::Swap) CHECK(g.target_qubits == 2);
    if (g.in(kPaper) || g.in(kBuiltin)) CHECK(g.in(kQasm2));
    // A Python class or method has an argument name for every parameter and qubit.
    if (g.python.cls || g.python.method)
      for (int i = 0; i < g.num_params; ++i) CHECK(g.python.params[i] != nullptr);
    for (const std::string_view& a : g.aliases) CHECK((a.empty() || !find_gate(a)));
  }
  // The language's primitives come first: a circuit's gate list starts with the table.
  CHECK(gate_rows().begin()[0].name == "U");
  CHECK(gate_rows().begin()[1].name == "CX");
  CHECK(find_gate("no such gate") == nullptr);
  CHECK(find_gate("iswap", kQasm2) == nullptr);  // Python-only: not an OpenQASM 2 gate
  CHECK(find_gate("cu", kQasm2) != nullptr);
}

TEST_CASE("gate table: every matrix is unitary and equals its definition down to U and CX", "[gates][table]") {
  for (const GateRow& g : gate_rows()) {
    if (g.num_qubits == 0) continue;  // variadic: no definition (Qiskit synthesises it)
    INFO(g.name);
    const Matrix m = full(g, kParams, g.num_qubits);
    const size_t dim = size_t{1} << g.num_qubits;
    CHECK(distance(multiply(
                       m,
                       [&] {
                         Matrix h(dim * dim);
                         for (size_t i = 0; i < dim; ++i)
                           for (size_t j = 0; j < dim; ++j) h[i * dim + j] = std::conj(m[j * dim + i]);
                         return h;
                       }(),
                       dim),
                   identity(dim)) < 1e-12);
    if (g.in(kPrimitive)) continue;
    REQUIRE(g.definition != nullptr);
    Primitives p(g.num_qubits);
    REQUIRE(expand(g, kParams, first(g.num_qubits), false, p));
    CHECK(distance_up_to_phase(m, p.m) < 1e-12);
  }
}

TEST_CASE("gate table: inverse times gate is the identity, exactly", "[gates][table]") {
  size_t with_inverse = 0;
  for (const GateRow& g : gate_rows()) {
    if (g.inverse.name.empty() || g.num_qubits == 0) continue;
    INFO(g.name << " -> " << g.inverse.name);
    const GateRow* inv = find_gate(g.inverse.name);
    REQUIRE(inv);
    CHECK(inv->num_qubits == g.num_qubits);
    CHECK(g.inverse.num_params == inv->num_params);
    double p[4] = {};
    related_params(g.inverse, kParams, p);
    const size_t dim = size_t{1} << g.num_qubits;
    CHECK(distance(multiply(full(*inv, p, g.num_qubits), full(g, kParams, g.num_qubits), dim), identity(dim)) < 1e-12);
    ++with_inverse;
  }
  CHECK(with_inverse >= 35);  // every standard gate whose inverse Qiskit names as a standard gate
}

TEST_CASE("gate table: the controlled form is the gate with one more control in front", "[gates][table]") {
  size_t with_control = 0;
  for (const GateRow& g : gate_rows()) {
    if (g.controlled.name.empty() || g.num_qubits == 0) continue;
    INFO(g.name << " -> " << g.controlled.name);
    const GateRow* c = find_gate(g.controlled.name);
    REQUIRE(c);
    const unsigned width = g.num_qubits + 1u;
    if (c->num_qubits) CHECK(c->num_qubits == width);
    double p[4] = {};
    related_params(g.controlled, kParams, p);
    // Qubit 0 (the new control) is the low bit: the gate acts on the odd basis states.
    const Matrix base = full(g, kParams, g.num_qubits);
    const size_t dim = size_t{1} << width, half = dim / 2;
    Matrix want = identity(dim);
    for (size_t i = 0; i < half; ++i)
      for (size_t j = 0; j < half; ++j) want[(2 * i + 1) * dim + (2 * j + 1)] = base[i * half + j];
    CHECK(distance(full(*c, p, width), want) < 1e-12);
    ++with_control;
  }
  CHECK(with_control >= 19);  // x, y, z, h, p, u1, u3, u, U, rx, ry, rz, sx, swap, cx, CX, ccx, c3x, c4x
}

TEST_CASE("gate table: the simulator's kernel for each row applies exactly its matrix", "[gates][table][sim]") {
  for (const GateRow& g : gate_rows()) {
    for (unsigned width : {unsigned{g.num_qubits}, 6u}) {
      if (width == 0 || (g.num_qubits && width != g.num_qubits)) continue;
      INFO(g.name << " on " << width << " qubits");
      // Arguments in reverse order, so no kernel can get away with assuming qubit k is argument k.
      std::vector<uint32_t> q(width);
      for (unsigned i = 0; i < width; ++i) q[i] = width - 1 - i;
      sim::Program prog;
      sim::lower_std_gate(g, kParams, q.data(), width, prog);
      const Matrix want = full(g, kParams, width);
      const size_t dim = size_t{1} << width;
      double worst = 0;
      for (size_t col = 0; col < dim; ++col) {
        std::vector<Complex> state(dim, 0);
        // Basis state `col` of the arguments: argument k is qubit q[k].
        size_t index = 0;
        for (unsigned k = 0; k < width; ++k) index |= ((col >> k) & 1) << q[k];
        state[index] = 1;
        for (const sim::Op& op : prog.ops) sim::apply(prog, op, state.data(), width);
        for (size_t row = 0; row < dim; ++row) {
          size_t at = 0;
          for (unsigned k = 0; k < width; ++k) at |= ((row >> k) & 1) << q[k];
          worst = std::max(worst, std::abs(state[at] - want[row * dim + col]));
        }
      }
      CHECK(worst < 1e-12);
    }
  }
}
