// Qiskit's matrices for the standard gates (qiskit.circuit.library, Qiskit 1.0), lowered to the
// kernels: controlled gates become a control mask plus a 2x2, diagonal gates a diagonal. The
// relative-phase Toffolis are applied through their definitions, which is how Qiskit defines them.
#include <cmath>
#include <string_view>

#include "sim/ops.hpp"
#include "circuit/gates.hpp"

namespace qvet::sim {

namespace {
constexpr double kPi = 3.141592653589793238462643383279502884;
const cd I(0, 1);

cd expi(double a) { return {std::cos(a), std::sin(a)}; }

Mat2 m2(cd a, cd b, cd c, cd d) { return Mat2{{a, b, c, d}}; }
const double kR = 1 / std::sqrt(2.0);
const Mat2 kX = m2(0, 1, 1, 0);
const Mat2 kY = m2(0, -I, I, 0);
const Mat2 kH = m2(kR, kR, kR, -kR);
const Mat2 kSX = m2(cd(0.5, 0.5), cd(0.5, -0.5), cd(0.5, -0.5), cd(0.5, 0.5));
const Mat2 kSXdg = m2(cd(0.5, -0.5), cd(0.5, 0.5), cd(0.5, 0.5), cd(0.5, -0.5));

Mat2 rx(double t) { return m2(std::cos(t / 2), -I * std::sin(t / 2), -I * std::sin(t / 2), std::cos(t / 2)); }
Mat2 ry(double t) { return m2(std::cos(t / 2), -std::sin(t / 2), std::sin(t / 2), std::cos(t / 2)); }
Mat2 rz(double t) { return m2(expi(-t / 2), 0, 0, expi(t / 2)); }
Mat2 phase(double l) { return m2(1, 0, 0, expi(l)); }

struct Emitter {
  Program& p;
  const unsigned* q;

  void push(Op::Kind kind, unsigned q0, unsigned q1, uint64_t controls, uint32_t mat) {
    Op op;
    op.kind = kind;
    op.q0 = q0;
    op.q1 = q1;
    op.controls = controls;
    op.mat = mat;
    p.ops.push_back(op);
  }
  void one(unsigned qubit, const Mat2& m) {
    const bool diagonal = m.m[1] == cd(0) && m.m[2] == cd(0);
    push(diagonal ? Op::Diag1 : Op::One, qubit, 0, 0, p.add(m));
  }
  void controlled(uint64_t controls, unsigned target, const Mat2& m) {
    push(Op::Controlled1, target, 0, controls, p.add(m));
  }
  void two(unsigned a, unsigned b, const Mat4& m) { push(Op::Two, a, b, 0, p.add(m)); }
  void diag2(unsigned a, unsigned b, cd d0, cd d1, cd d2, cd d3) {
    Mat4 m{};
    m.m[0] = d0; m.m[5] = d1; m.m[10] = d2; m.m[15] = d3;
    push(Op::Diag2, a, b, 0, p.add(m));
  }
  void swap(uint64_t controls, unsigned a, unsigned b) { push(Op::Swap, a, b, controls, 0); }
  void cx(unsigned c, unsigned t) { controlled(uint64_t{1} << c, t, kX); }
  uint64_t mask(int from, int to) const {  // control bits of arguments [from, to)
    uint64_t m = 0;
    for (int i = from; i < to; ++i) m |= uint64_t{1} << q[i];
    return m;
  }
};
}  // namespace

Mat2 u_matrix(double theta, double phi, double lambda) {
  const double c = std::cos(theta / 2), s = std::sin(theta / 2);
  return m2(c, -expi(lambda) * s, expi(phi) * s, expi(phi + lambda) * c);
}

void lower_std_gate(int std_index, const double* p, const unsigned* q, unsigned num_qubits, Program& out) {
  Emitter e{out, q};
  const std::string_view g = std_gates()[std_index].name;
  const unsigned a = q[0];
  // One-qubit gates.
  if (g == "U" || g == "u3" || g == "u") return e.one(a, u_matrix(p[0], p[1], p[2]));
  if (g == "u2") return e.one(a, u_matrix(kPi / 2, p[0], p[1]));
  if (g == "u1" || g == "p") return e.one(a, phase(p[0]));
  if (g == "id" || g == "u0") return;  // identity: nothing to apply
  if (g == "x") return e.one(a, kX);
  if (g == "y") return e.one(a, kY);
  if (g == "z") return e.one(a, m2(1, 0, 0, -1));
  if (g == "h") return e.one(a, kH);
  if (g == "s") return e.one(a, m2(1, 0, 0, I));
  if (g == "sdg") return e.one(a, m2(1, 0, 0, -I));
  if (g == "t") return e.one(a, phase(kPi / 4));
  if (g == "tdg") return e.one(a, phase(-kPi / 4));
  if (g == "rx") return e.one(a, rx(p[0]));
  if (g == "ry") return e.one(a, ry(p[0]));
  if (g == "rz") return e.one(a, rz(p[0]));
  if (g == "sx") return e.one(a, kSX);
  if (g == "sxdg") return e.one(a, kSXdg);
  // Two-qubit gates: control first, as in Qiskit.
  const unsigned b = q[1];
  const uint64_t ca = uint64_t{1} << a;
  if (g == "CX" || g == "cx") return e.controlled(ca, b, kX);
  if (g == "cy") return e.controlled(ca, b, kY);
  if (g == "cz") return e.diag2(a, b, 1, 1, 1, -1);
  if (g == "ch") return e.controlled(ca, b, kH);
  if (g == "crx") return e.controlled(ca, b, rx(p[0]));
  if (g == "cry") return e.controlled(ca, b, ry(p[0]));
  if (g == "crz") return e.controlled(ca, b, rz(p[0]));
  if (g == "cu1" || g == "cp") return e.diag2(a, b, 1, 1, 1, expi(p[0]));
  if (g == "cu3") return e.controlled(ca, b, u_matrix(p[0], p[1], p[2]));
  if (g == "csx") return e.controlled(ca, b, kSX);
  if (g == "cu") {
    Mat2 u = u_matrix(p[0], p[1], p[2]);
    for (cd& x : u.m) x *= expi(p[3]);
    return e.controlled(ca, b, u);
  }
  if (g == "swap") return e.swap(0, a, b);
  if (g == "rxx") {
    const cd c = std::cos(p[0] / 2), s = -I * std::sin(p[0] / 2);
    Mat4 m{};
    m.m[0] = m.m[5] = m.m[10] = m.m[15] = c;
    m.m[3] = m.m[6] = m.m[9] = m.m[12] = s;
    return e.two(a, b, m);
  }
  if (g == "ryy") {
    const cd c = std::cos(p[0] / 2), s = I * std::sin(p[0] / 2);
    Mat4 m{};
    m.m[0] = m.m[5] = m.m[10] = m.m[15] = c;
    m.m[3] = m.m[12] = s;
    m.m[6] = m.m[9] = -s;
    return e.two(a, b, m);
  }
  if (g == "rzx") {  // exp(-i t/2 X(b) Z(a)): Z on the first argument, X on the second
    const cd c = std::cos(p[0] / 2), s = I * std::sin(p[0] / 2);
    Mat4 m{};
    m.m[0] = m.m[5] = m.m[10] = m.m[15] = c;
    m.m[2] = m.m[8] = -s;
    m.m[7] = m.m[13] = s;
    return e.two(a, b, m);
  }
  if (g == "iswap") {
    Mat4 m{};
    m.m[0] = m.m[15] = 1;
    m.m[6] = m.m[9] = I;
    return e.two(a, b, m);
  }
  if (g == "ecr") {
    Mat4 m{};
    m.m[1] = m.m[4] = m.m[11] = m.m[14] = kR;
    m.m[3] = m.m[9] = I * kR;
    m.m[6] = m.m[12] = -I * kR;
    return e.two(a, b, m);
  }
  if (g == "dcx") {  // Qiskit's definition: cx a,b then cx b,a
    e.cx(a, b);
    e.cx(b, a);
    return;
  }
  if (g == "rzz") return e.diag2(a, b, expi(-p[0] / 2), expi(p[0] / 2), expi(p[0] / 2), expi(-p[0] / 2));
  // Three qubits and more.
  if (g == "ccx") return e.controlled(e.mask(0, 2), q[2], kX);
  if (g == "cswap") return e.swap(ca, b, q[2]);
  if (g == "c3x") return e.controlled(e.mask(0, 3), q[3], kX);
  if (g == "c4x") return e.controlled(e.mask(0, 4), q[4], kX);
  if (g == "mcx") return e.controlled(e.mask(0, static_cast<int>(num_qubits) - 1), q[num_qubits - 1], kX);
  if (g == "c3sqrtx") return e.controlled(e.mask(0, 3), q[3], kSX);
  const Mat2 t = phase(kPi / 4), tdg = phase(-kPi / 4);
  if (g == "rccx") {
    const unsigned c = q[2];
    e.one(c, kH); e.one(c, t); e.cx(b, c); e.one(c, tdg); e.cx(a, c);
    e.one(c, t); e.cx(b, c); e.one(c, tdg); e.one(c, kH);
    return;
  }
  if (g == "rc3x") {
    const unsigned c = q[2], d = q[3];
    e.one(d, kH); e.one(d, t); e.cx(c, d); e.one(d, tdg); e.one(d, kH);
    e.cx(a, d); e.one(d, t); e.cx(b, d); e.one(d, tdg); e.cx(a, d); e.one(d, t); e.cx(b, d); e.one(d, tdg);
    e.one(d, kH); e.one(d, t); e.cx(c, d); e.one(d, tdg); e.one(d, kH);
    return;
  }
}

}  // namespace qvet::sim
