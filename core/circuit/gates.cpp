// The standard gates: Qiskit 1.0's matrices (qiskit.circuit.library.standard_gates), its
// definitions (qelib1.inc as Qiskit ships it, and the library's _define methods), inverses and
// controlled forms. tests/cpp/test_gate_table.cpp checks every row: the matrix against the
// definition, the inverse times the gate, the controlled form against the gate with a control.
#include "circuit/gates.hpp"

#include "circuit/trig.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <unordered_map>
#include <vector>

namespace qvet {

namespace {

const Complex kI(0, 1);
const double kR = 1 / std::sqrt(2.0);

Complex expi(double a) { return {portable_cos(a), portable_sin(a)}; }

// ---- matrices: the target block, row-major, argument k = bit k of the index

void set2(Complex* m, Complex a, Complex b, Complex c, Complex d) {
  m[0] = a;
  m[1] = b;
  m[2] = c;
  m[3] = d;
}
void u_matrix(double t, double p, double l, Complex* m) {
  const double c = portable_cos(t / 2), s = portable_sin(t / 2);
  set2(m, c, -expi(l) * s, expi(p) * s, expi(p + l) * c);
}
void diag4(Complex* m, Complex d0, Complex d1, Complex d2, Complex d3) {
  std::fill(m, m + 16, Complex(0));
  m[0] = d0;
  m[5] = d1;
  m[10] = d2;
  m[15] = d3;
}

void m_u(const double* p, Complex* m) { u_matrix(p[0], p[1], p[2], m); }
void m_u2(const double* p, Complex* m) { u_matrix(kPi / 2, p[0], p[1], m); }
void m_phase(const double* p, Complex* m) { set2(m, 1, 0, 0, expi(p[0])); }
void m_id(const double*, Complex* m) { set2(m, 1, 0, 0, 1); }
void m_x(const double*, Complex* m) { set2(m, 0, 1, 1, 0); }
void m_y(const double*, Complex* m) { set2(m, 0, -kI, kI, 0); }
void m_z(const double*, Complex* m) { set2(m, 1, 0, 0, -1); }
void m_h(const double*, Complex* m) { set2(m, kR, kR, kR, -kR); }
void m_s(const double*, Complex* m) { set2(m, 1, 0, 0, kI); }
void m_sdg(const double*, Complex* m) { set2(m, 1, 0, 0, -kI); }
void m_t(const double*, Complex* m) { set2(m, 1, 0, 0, expi(kPi / 4)); }
void m_tdg(const double*, Complex* m) { set2(m, 1, 0, 0, expi(-kPi / 4)); }
void m_rx(const double* p, Complex* m) {
  const double c = portable_cos(p[0] / 2), s = portable_sin(p[0] / 2);
  set2(m, c, -kI * s, -kI * s, c);
}
void m_ry(const double* p, Complex* m) {
  const double c = portable_cos(p[0] / 2), s = portable_sin(p[0] / 2);
  set2(m, c, -s, s, c);
}
void m_rz(const double* p, Complex* m) { set2(m, expi(-p[0] / 2), 0, 0, expi(p[0] / 2)); }
void m_sx(const double*, Complex* m) {
  set2(m, Complex(0.5, 0.5), Complex(0.5, -0.5), Complex(0.5, -0.5), Complex(0.5, 0.5));
}
void m_sxdg(const double*, Complex* m) {
  set2(m, Complex(0.5, -0.5), Complex(0.5, 0.5), Complex(0.5, 0.5), Complex(0.5, -0.5));
}
void m_cu_target(const double* p, Complex* m) {  // CUGate's target block: e^{i gamma} U(theta, phi, lambda)
  u_matrix(p[0], p[1], p[2], m);
  for (int i = 0; i < 4; ++i) m[i] *= expi(p[3]);
}
void m_swap(const double*, Complex* m) { diag4(m, 1, 0, 0, 1), m[6] = m[9] = 1; }
void m_rxx(const double* p, Complex* m) {
  const Complex c = portable_cos(p[0] / 2), s = -kI * portable_sin(p[0] / 2);
  diag4(m, c, c, c, c);
  m[3] = m[6] = m[9] = m[12] = s;
}
void m_ryy(const double* p, Complex* m) {
  const Complex c = portable_cos(p[0] / 2), s = kI * portable_sin(p[0] / 2);
  diag4(m, c, c, c, c);
  m[3] = m[12] = s;
  m[6] = m[9] = -s;
}
void m_rzx(const double* p, Complex* m) {  // exp(-i t/2 X(1) Z(0)): Z on the first argument, X on the second
  const Complex c = portable_cos(p[0] / 2), s = kI * portable_sin(p[0] / 2);
  diag4(m, c, c, c, c);
  m[2] = m[8] = -s;
  m[7] = m[13] = s;
}
void m_rzz(const double* p, Complex* m) { diag4(m, expi(-p[0] / 2), expi(p[0] / 2), expi(p[0] / 2), expi(-p[0] / 2)); }
void m_iswap(const double*, Complex* m) {
  diag4(m, 1, 0, 0, 1);
  m[6] = m[9] = kI;
}
void m_ecr(const double*, Complex* m) {
  std::fill(m, m + 16, Complex(0));
  m[1] = m[4] = m[11] = m[14] = kR;
  m[3] = m[9] = kI * kR;
  m[6] = m[12] = -kI * kR;
}
void m_dcx(const double*, Complex* m) {  // cx 0,1 then cx 1,0
  std::fill(m, m + 16, Complex(0));
  m[0] = m[7] = m[9] = m[14] = 1;
}
// Qiskit's RCCXGate and RC3XGate arrays: the Toffolis up to relative phases.
void m_rccx(const double*, Complex* m) {
  std::fill(m, m + 64, Complex(0));
  for (int i : {0, 1, 2, 4, 6}) m[9 * i] = 1;
  m[8 * 3 + 7] = -kI;
  m[8 * 5 + 5] = -1;
  m[8 * 7 + 3] = kI;
}
void m_rc3x(const double*, Complex* m) {
  std::fill(m, m + 256, Complex(0));
  for (int i : {0, 1, 2, 4, 5, 6, 8, 9, 10, 12, 13, 14}) m[17 * i] = 1;
  m[16 * 3 + 3] = kI;
  m[16 * 7 + 15] = 1;
  m[16 * 11 + 11] = -kI;
  m[16 * 15 + 7] = -1;
}

// ---- definitions (qelib1.inc as Qiskit ships it; the library's _define for the others)

void d_u3(const double* p, Definition& d) { d("U", {0}, {p[0], p[1], p[2]}); }
void d_u2(const double* p, Definition& d) { d("U", {0}, {kPi / 2, p[0], p[1]}); }
void d_u1(const double* p, Definition& d) { d("U", {0}, {0, 0, p[0]}); }
void d_cx(const double*, Definition& d) { d("CX", {0, 1}); }
void d_id(const double*, Definition& d) { d("U", {0}, {0, 0, 0}); }
void d_x(const double*, Definition& d) { d("u3", {0}, {kPi, 0, kPi}); }
void d_y(const double*, Definition& d) { d("u3", {0}, {kPi, kPi / 2, kPi / 2}); }
void d_z(const double*, Definition& d) { d("u1", {0}, {kPi}); }
void d_h(const double*, Definition& d) { d("u2", {0}, {0, kPi}); }
void d_s(const double*, Definition& d) { d("u1", {0}, {kPi / 2}); }
void d_sdg(const double*, Definition& d) { d("u1", {0}, {-kPi / 2}); }
void d_t(const double*, Definition& d) { d("u1", {0}, {kPi / 4}); }
void d_tdg(const double*, Definition& d) { d("u1", {0}, {-kPi / 4}); }
void d_rx(const double* p, Definition& d) { d("u3", {0}, {p[0], -kPi / 2, kPi / 2}); }
void d_ry(const double* p, Definition& d) { d("u3", {0}, {p[0], 0, 0}); }
void d_rz(const double* p, Definition& d) { d("u1", {0}, {p[0]}); }
void d_sx(const double*, Definition& d) { d("sdg", {0})("h", {0})("sdg", {0}); }
void d_sxdg(const double*, Definition& d) { d("s", {0})("h", {0})("s", {0}); }
void d_cz(const double*, Definition& d) { d("h", {1})("cx", {0, 1})("h", {1}); }
void d_cy(const double*, Definition& d) { d("sdg", {1})("cx", {0, 1})("s", {1}); }
void d_swap(const double*, Definition& d) { d("cx", {0, 1})("cx", {1, 0})("cx", {0, 1}); }
void d_ch(const double*, Definition& d) {
  d("s", {1})("h", {1})("t", {1})("cx", {0, 1})("tdg", {1})("h", {1})("sdg", {1});
}
void d_ccx(const double*, Definition& d) {
  d("h", {2})("cx", {1, 2})("tdg", {2})("cx", {0, 2})("t", {2})("cx", {1, 2})("tdg", {2})("cx", {0, 2});
  d("t", {1})("t", {2})("h", {2})("cx", {0, 1})("t", {0})("tdg", {1})("cx", {0, 1});
}
void d_cswap(const double*, Definition& d) { d("cx", {2, 1})("ccx", {0, 1, 2})("cx", {2, 1}); }
void d_crx(const double* p, Definition& d) {
  d("u1", {1}, {kPi / 2})("cx", {0, 1})("u3", {1}, {-p[0] / 2, 0, 0})("cx", {0, 1})("u3", {1}, {p[0] / 2, -kPi / 2, 0});
}
void d_cry(const double* p, Definition& d) {
  d("ry", {1}, {p[0] / 2})("cx", {0, 1})("ry", {1}, {-p[0] / 2})("cx", {0, 1});
}
void d_crz(const double* p, Definition& d) {
  d("rz", {1}, {p[0] / 2})("cx", {0, 1})("rz", {1}, {-p[0] / 2})("cx", {0, 1});
}
void d_cu1(const double* p, Definition& d) {
  d("u1", {0}, {p[0] / 2})("cx", {0, 1})("u1", {1}, {-p[0] / 2})("cx", {0, 1})("u1", {1}, {p[0] / 2});
}
void d_cp(const double* p, Definition& d) {
  d("p", {0}, {p[0] / 2})("cx", {0, 1})("p", {1}, {-p[0] / 2})("cx", {0, 1})("p", {1}, {p[0] / 2});
}
void d_cu3(const double* p, Definition& d) {
  const double t = p[0], f = p[1], l = p[2];
  d("u1", {0}, {(l + f) / 2})("u1", {1}, {(l - f) / 2})("cx", {0, 1})("u3", {1}, {-t / 2, 0, -(f + l) / 2});
  d("cx", {0, 1})("u3", {1}, {t / 2, f, 0});
}
void d_csx(const double*, Definition& d) { d("h", {1})("cu1", {0, 1}, {kPi / 2})("h", {1}); }
void d_cu(const double* p, Definition& d) { d("u1", {0}, {p[3]})("cu3", {0, 1}, {p[0], p[1], p[2]}); }
void d_rxx(const double* p, Definition& d) {
  d("h", {0})("h", {1})("cx", {0, 1})("rz", {1}, {p[0]})("cx", {0, 1})("h", {1})("h", {0});
}
void d_rzz(const double* p, Definition& d) { d("cx", {0, 1})("rz", {1}, {p[0]})("cx", {0, 1}); }
void d_rccx(const double*, Definition& d) {
  d("h", {2})("t", {2})("cx", {1, 2})("tdg", {2})("cx", {0, 2})("t", {2})("cx", {1, 2})("tdg", {2})("h", {2});
}
void d_rc3x(const double*, Definition& d) {
  d("h", {3})("t", {3})("cx", {2, 3})("tdg", {3})("h", {3})("cx", {0, 3})("t", {3})("cx", {1, 3})("tdg", {3});
  d("cx", {0, 3})("t", {3})("cx", {1, 3})("tdg", {3})("h", {3})("t", {3})("cx", {2, 3})("tdg", {3})("h", {3});
}
// Qiskit 1.0's C3XGate: sqrt(T) phases and 14 cx between two h on the target.
void d_c3x(const double*, Definition& d) {
  const double a = kPi / 8;
  d("h", {3})("p", {0}, {a})("p", {1}, {a})("p", {2}, {a})("p", {3}, {a});
  d("cx", {0, 1})("p", {1}, {-a})("cx", {0, 1})("cx", {1, 2})("p", {2}, {-a})("cx", {0, 2})("p", {2}, {a});
  d("cx", {1, 2})("p", {2}, {-a})("cx", {0, 2})("cx", {2, 3})("p", {3}, {-a})("cx", {1, 3})("p", {3}, {a});
  d("cx", {2, 3})("p", {3}, {-a})("cx", {0, 3})("p", {3}, {a})("cx", {2, 3})("p", {3}, {-a})("cx", {1, 3});
  d("p", {3}, {a})("cx", {2, 3})("p", {3}, {-a})("cx", {0, 3})("h", {3});
}
// Qiskit's C3SXGate (Barenco et al. 1995): h, a controlled phase of +-pi/8 from each control in
// turn, h, with the controls' parities walked by cx.
void d_c3sqrtx(const double*, Definition& d) {
  const uint8_t ctl[] = {0, 1, 1, 2, 2, 2, 2};
  const uint8_t cx[][2] = {{0, 1}, {0, 1}, {1, 2}, {0, 2}, {1, 2}, {0, 2}};
  for (int k = 0; k < 7; ++k) {
    d("h", {3})("cu1", {ctl[k], 3}, {k % 2 ? -kPi / 8 : kPi / 8})("h", {3});
    if (k < 6) d("cx", {cx[k][0], cx[k][1]});
  }
}
void d_c4x(const double*, Definition& d) {
  d("h", {4})("cu1", {3, 4}, {kPi / 2})("h", {4})("rc3x", {0, 1, 2, 3})("h", {4})("cu1", {3, 4}, {-kPi / 2})("h", {4});
  d.inverse("rc3x", {0, 1, 2, 3});  // Qiskit's C4XGate: the second rc3x is inverted
  d("c3sqrtx", {0, 1, 2, 4});
}
void d_iswap(const double*, Definition& d) { d("s", {0})("s", {1})("h", {0})("cx", {0, 1})("cx", {1, 0})("h", {1}); }
void d_dcx(const double*, Definition& d) { d("cx", {0, 1})("cx", {1, 0}); }
void d_ecr(const double*, Definition& d) { d("rzx", {0, 1}, {kPi / 4})("x", {0})("rzx", {0, 1}, {-kPi / 4}); }
void d_ryy(const double* p, Definition& d) {
  d("rx", {0}, {kPi / 2})("rx", {1}, {kPi / 2})("cx", {0, 1})("rz", {1}, {p[0]})("cx", {0, 1});
  d("rx", {0}, {-kPi / 2})("rx", {1}, {-kPi / 2});
}
void d_rzx(const double* p, Definition& d) { d("h", {1})("cx", {0, 1})("rz", {1}, {p[0]})("cx", {0, 1})("h", {1}); }

// ---- the rows

// A row under construction: each call sets one aspect, so a row reads as a sentence.
struct Row {
  GateRow r;
  Row(std::string_view name, std::string_view qiskit_name, uint8_t params, uint8_t qubits, uint8_t sets) {
    r.name = name;
    r.qiskit_name = qiskit_name;
    r.num_params = params;
    r.num_qubits = qubits;
    r.target_qubits = qubits;
    r.sets = sets;
    r.label = qiskit_name;
  }
  Row& matrix(void (*m)(const double*, Complex*), GateKernel k = GateKernel::Matrix) {
    r.matrix = m;
    r.kernel = k;
    return *this;
  }
  // A controlled gate: `m` acts on the last qubit (the last two for a swap); `label` is the target's.
  Row& controlled_on(void (*m)(const double*, Complex*), std::string_view label, uint8_t targets = 1) {
    r.matrix = m;
    r.kernel = targets == 2 ? GateKernel::Swap : GateKernel::Controlled;
    r.target_qubits = targets;
    r.label = label;
    return *this;
  }
  Row& def(void (*d)(const double*, Definition&)) {
    r.definition = d;
    return *this;
  }
  Row& applied_by_definition() {
    r.kernel = GateKernel::Definition;
    return *this;
  }
  Row& identity() {
    r.kernel = GateKernel::Identity;
    return *this;
  }
  Row& inverse(std::string_view name, std::initializer_list<ParamMap> params = {}) {
    return related(r.inverse, name, params);
  }
  // Its own inverse, with each parameter negated (rx(t)^-1 = rx(-t), ...).
  Row& inverse_negated() { return same_params(r.inverse, r.name, -1); }
  Row& self_inverse() { return same_params(r.inverse, r.name, 1); }  // parameters unchanged (u0's is ignored)
  // Gate.control(1): `name` with this gate's parameters, or `params` when given.
  Row& control(std::string_view name, std::initializer_list<ParamMap> params = {}) {
    return params.size() == 0 ? same_params(r.controlled, name, 1) : related(r.controlled, name, params);
  }
  Row& alias(std::string_view a) {
    for (std::string_view& slot : r.aliases)
      if (slot.empty()) {
        slot = a;
        return *this;
      }
    std::abort();  // more aliases than GateRow has room for: a programming error, found at start-up
  }
  Row& py(const char* method, const char* cls, std::initializer_list<const char*> params,
          std::initializer_list<const char*> qubits) {
    r.python.method = method;
    r.python.cls = cls;
    std::copy(params.begin(), params.end(), r.python.params);
    std::copy(qubits.begin(), qubits.end(), r.python.qubits);
    return *this;
  }

 private:
  // `name` taking this gate's parameters in order, each times `sign`.
  Row& same_params(RelatedGate& rel, std::string_view name, int8_t sign) {
    rel.name = name;
    rel.num_params = r.num_params;
    for (uint8_t i = 0; i < r.num_params; ++i) rel.params[i] = {static_cast<int8_t>(i), sign, 0};
    return *this;
  }
  Row& related(RelatedGate& rel, std::string_view name, std::initializer_list<ParamMap> params) {
    rel.name = name;
    rel.num_params = static_cast<uint8_t>(params.size());
    std::copy(params.begin(), params.end(), rel.params);
    return *this;
  }
};

constexpr ParamMap neg(int8_t i) { return {i, -1, 0}; }
constexpr ParamMap same(int8_t i) { return {i, 1, 0}; }
constexpr ParamMap zero() { return {-1, 1, 0}; }

constexpr uint8_t PAPER = kQasm2 | kPaper, BUILTIN = kQasm2 | kBuiltin;
const std::initializer_list<const char*> kQubit = {"qubit"};
const std::initializer_list<const char*> kCtlTgt = {"control_qubit", "target_qubit"};
const std::initializer_list<const char*> kPair = {"qubit1", "qubit2"};

std::vector<GateRow> build() {
  // Row order: U and CX (the language's primitives), then Qiskit's legacy qelib1 order, then the
  // gates only Qiskit Python reaches. A circuit's gates list starts with these, in this order.
  const Row rows[] = {
      Row("U", "u", 3, 1, kPrimitive | PAPER | kBuiltin)
          .matrix(m_u)
          .inverse("U", {neg(0), neg(2), neg(1)})
          .control("cu", {same(0), same(1), same(2), zero()}),
      Row("CX", "cx", 0, 2, kPrimitive | PAPER | kBuiltin).controlled_on(m_x, "x").self_inverse().control("ccx"),
      Row("u3", "u3", 3, 1, PAPER)
          .matrix(m_u)
          .def(d_u3)
          .inverse("u3", {neg(0), neg(2), neg(1)})
          .control("cu3")
          .py("u3", "U3Gate", {"theta", "phi", "lam"}, kQubit),
      Row("u2", "u2", 2, 1, PAPER)
          .matrix(m_u2)
          .def(d_u2)
          .inverse("u2", {{1, -1, -1}, {0, -1, 1}})
          .py("u2", "U2Gate", {"phi", "lam"}, kQubit),
      Row("u1", "u1", 1, 1, PAPER)
          .matrix(m_phase)
          .def(d_u1)
          .inverse_negated()
          .control("cu1")
          .py("u1", "U1Gate", {"theta"}, kQubit),
      Row("cx", "cx", 0, 2, PAPER)
          .controlled_on(m_x, "x")
          .def(d_cx)
          .self_inverse()
          .control("ccx")
          .py("cx", "CXGate", {}, kCtlTgt),
      Row("id", "id", 0, 1, PAPER).matrix(m_id).identity().def(d_id).self_inverse().py("id", "IGate", {}, kQubit),
      Row("u0", "u0", 1, 1, BUILTIN).matrix(m_id).identity().def(d_id).self_inverse(),
      Row("u", "u", 3, 1, BUILTIN)
          .matrix(m_u)
          .def(d_u3)
          .inverse("u", {neg(0), neg(2), neg(1)})
          .control("cu", {same(0), same(1), same(2), zero()})
          .py("u", "UGate", {"theta", "phi", "lam"}, kQubit),
      Row("p", "p", 1, 1, BUILTIN)
          .alias("phase")
          .matrix(m_phase)
          .def(d_u1)
          .inverse_negated()
          .control("cp")
          .py("p", "PhaseGate", {"theta"}, kQubit),
      Row("x", "x", 0, 1, PAPER).matrix(m_x).def(d_x).self_inverse().control("cx").py("x", "XGate", {}, kQubit),
      Row("y", "y", 0, 1, PAPER).matrix(m_y).def(d_y).self_inverse().control("cy").py("y", "YGate", {}, kQubit),
      Row("z", "z", 0, 1, PAPER).matrix(m_z).def(d_z).self_inverse().control("cz").py("z", "ZGate", {}, kQubit),
      Row("h", "h", 0, 1, PAPER).matrix(m_h).def(d_h).self_inverse().control("ch").py("h", "HGate", {}, kQubit),
      Row("s", "s", 0, 1, PAPER).matrix(m_s).def(d_s).inverse("sdg").py("s", "SGate", {}, kQubit),
      Row("sdg", "sdg", 0, 1, PAPER).matrix(m_sdg).def(d_sdg).inverse("s").py("sdg", "SdgGate", {}, kQubit),
      Row("t", "t", 0, 1, PAPER).matrix(m_t).def(d_t).inverse("tdg").py("t", "TGate", {}, kQubit),
      Row("tdg", "tdg", 0, 1, PAPER).matrix(m_tdg).def(d_tdg).inverse("t").py("tdg", "TdgGate", {}, kQubit),
      Row("rx", "rx", 1, 1, PAPER)
          .matrix(m_rx)
          .def(d_rx)
          .inverse_negated()
          .control("crx")
          .py("rx", "RXGate", {"theta"}, kQubit),
      Row("ry", "ry", 1, 1, PAPER)
          .matrix(m_ry)
          .def(d_ry)
          .inverse_negated()
          .control("cry")
          .py("ry", "RYGate", {"theta"}, kQubit),
      Row("rz", "rz", 1, 1, PAPER)
          .matrix(m_rz)
          .def(d_rz)
          .inverse_negated()
          .control("crz")
          .py("rz", "RZGate", {"phi"}, kQubit),
      Row("sx", "sx", 0, 1, BUILTIN)
          .matrix(m_sx)
          .def(d_sx)
          .inverse("sxdg")
          .control("csx")
          .py("sx", "SXGate", {}, kQubit),
      Row("sxdg", "sxdg", 0, 1, BUILTIN).matrix(m_sxdg).def(d_sxdg).inverse("sx").py("sxdg", "SXdgGate", {}, kQubit),
      Row("cz", "cz", 0, 2, PAPER).controlled_on(m_z, "z").def(d_cz).self_inverse().py("cz", "CZGate", {}, kCtlTgt),
      Row("cy", "cy", 0, 2, PAPER).controlled_on(m_y, "y").def(d_cy).self_inverse().py("cy", "CYGate", {}, kCtlTgt),
      Row("swap", "swap", 0, 2, BUILTIN)
          .controlled_on(m_swap, "swap", 2)
          .def(d_swap)
          .self_inverse()
          .control("cswap")
          .py("swap", "SwapGate", {}, kPair),
      Row("ch", "ch", 0, 2, PAPER).controlled_on(m_h, "h").def(d_ch).self_inverse().py("ch", "CHGate", {}, kCtlTgt),
      Row("ccx", "ccx", 0, 3, PAPER)
          .controlled_on(m_x, "x")
          .def(d_ccx)
          .self_inverse()
          .control("c3x")
          .py("ccx", "CCXGate", {}, {"control_qubit1", "control_qubit2", "target_qubit"}),
      Row("cswap", "cswap", 0, 3, BUILTIN)
          .controlled_on(m_swap, "swap", 2)
          .def(d_cswap)
          .self_inverse()
          .py("cswap", "CSwapGate", {}, {"control_qubit", "target_qubit1", "target_qubit2"}),
      Row("crx", "crx", 1, 2, BUILTIN)
          .controlled_on(m_rx, "rx")
          .def(d_crx)
          .inverse_negated()
          .py("crx", "CRXGate", {"theta"}, kCtlTgt),
      Row("cry", "cry", 1, 2, BUILTIN)
          .controlled_on(m_ry, "ry")
          .def(d_cry)
          .inverse_negated()
          .py("cry", "CRYGate", {"theta"}, kCtlTgt),
      Row("crz", "crz", 1, 2, PAPER)
          .controlled_on(m_rz, "rz")
          .def(d_crz)
          .inverse_negated()
          .py("crz", "CRZGate", {"theta"}, kCtlTgt),
      Row("cu1", "cu1", 1, 2, PAPER)
          .controlled_on(m_phase, "u1")
          .def(d_cu1)
          .inverse_negated()
          .py("cu1", "CU1Gate", {"theta"}, kCtlTgt),
      Row("cp", "cp", 1, 2, BUILTIN)
          .alias("cphase")
          .controlled_on(m_phase, "p")
          .def(d_cp)
          .inverse_negated()
          .py("cp", "CPhaseGate", {"theta"}, kCtlTgt),
      Row("cu3", "cu3", 3, 2, PAPER)
          .controlled_on(m_u, "u3")
          .def(d_cu3)
          .inverse("cu3", {neg(0), neg(2), neg(1)})
          .py("cu3", "CU3Gate", {"theta", "phi", "lam"}, kCtlTgt),
      Row("csx", "csx", 0, 2, BUILTIN).controlled_on(m_sx, "sx").def(d_csx).py("csx", "CSXGate", {}, kCtlTgt),
      Row("cu", "cu", 4, 2, BUILTIN)
          .controlled_on(m_cu_target, "u")
          .def(d_cu)
          .inverse("cu", {neg(0), neg(2), neg(1), neg(3)})
          .py("cu", "CUGate", {"theta", "phi", "lam", "gamma"}, kCtlTgt),
      Row("rxx", "rxx", 1, 2, BUILTIN)
          .matrix(m_rxx)
          .def(d_rxx)
          .inverse_negated()
          .py("rxx", "RXXGate", {"theta"}, kPair),
      Row("rzz", "rzz", 1, 2, BUILTIN)
          .matrix(m_rzz)
          .def(d_rzz)
          .inverse_negated()
          .py("rzz", "RZZGate", {"theta"}, kPair),
      Row("rccx", "rccx", 0, 3, BUILTIN)
          .matrix(m_rccx, GateKernel::Definition)
          .def(d_rccx)
          .py("rccx", "RCCXGate", {}, {"control_qubit1", "control_qubit2", "target_qubit"}),
      Row("rc3x", "rcccx", 0, 4, BUILTIN)
          .matrix(m_rc3x, GateKernel::Definition)
          .def(d_rc3x)
          .py("rcccx", "RC3XGate", {}, {"control_qubit1", "control_qubit2", "control_qubit3", "target_qubit"}),
      Row("c3x", "mcx", 0, 4, BUILTIN)
          .controlled_on(m_x, "x")
          .def(d_c3x)
          .self_inverse()
          .control("c4x")
          .py(nullptr, "C3XGate", {}, {"q0", "q1", "q2", "q3"}),
      Row("c3sqrtx", "c3sx", 0, 4, BUILTIN)
          .controlled_on(m_sx, "sx")
          .def(d_c3sqrtx)
          .py(nullptr, "C3SXGate", {}, {"q0", "q1", "q2", "q3"}),
      Row("c4x", "mcx", 0, 5, BUILTIN)
          .controlled_on(m_x, "x")
          .def(d_c4x)
          .self_inverse()
          .control("mcx")
          .py(nullptr, "C4XGate", {}, {"q0", "q1", "q2", "q3", "q4"}),
      // Qiskit gates that OpenQASM 2 does not have (reachable from Python only).
      Row("iswap", "iswap", 0, 2, 0).matrix(m_iswap).def(d_iswap).py("iswap", "iSwapGate", {}, kPair),
      Row("dcx", "dcx", 0, 2, 0).matrix(m_dcx, GateKernel::Definition).def(d_dcx).py("dcx", "DCXGate", {}, kPair),
      Row("ecr", "ecr", 0, 2, 0).matrix(m_ecr).def(d_ecr).self_inverse().py("ecr", "ECRGate", {}, kPair),
      Row("ryy", "ryy", 1, 2, 0).matrix(m_ryy).def(d_ryy).inverse_negated().py("ryy", "RYYGate", {"theta"}, kPair),
      Row("rzx", "rzx", 1, 2, 0).matrix(m_rzx).def(d_rzx).inverse_negated().py("rzx", "RZXGate", {"theta"}, kPair),
      // 5 or more controls: the width is the instruction's; Qiskit synthesises its definition.
      Row("mcx", "mcx", 0, 0, 0).controlled_on(m_x, "x").self_inverse().control("mcx"),
  };
  std::vector<GateRow> out;
  for (const Row& row : rows) {
    out.push_back(row.r);
    out.back().id = static_cast<uint8_t>(out.size() - 1);
  }
  return out;
}

const std::vector<GateRow>& table() {
  static const std::vector<GateRow> rows = build();
  return rows;
}

}  // namespace

GateRows gate_rows() { return {table().data(), table().size()}; }

const GateRow* find_gate(std::string_view name, uint8_t in) {
  // By name through an index built once: definitions and translations look rows up often.
  static const std::unordered_map<std::string_view, const GateRow*> index = [] {
    std::unordered_map<std::string_view, const GateRow*> m;
    for (const GateRow& g : table()) m.emplace(g.name, &g);
    return m;
  }();
  auto it = index.find(name);
  if (it == index.end()) return nullptr;
  const GateRow* g = it->second;
  return (in == 0xff || (g->sets & in)) ? g : nullptr;
}

Definition& Definition::operator()(std::string_view gate, std::initializer_list<uint8_t> qubits,
                                   std::initializer_list<double> params) {
  if (size_ == kMaxOps || qubits.size() > 5 || params.size() > 4) {
    ok_ = false;
    return *this;
  }
  Op& op = ops_[size_++];
  op.gate = find_gate(gate);
  if (!op.gate) ok_ = false;
  op.num_qubits = static_cast<uint8_t>(qubits.size());
  std::copy(qubits.begin(), qubits.end(), op.qubits);
  std::copy(params.begin(), params.end(), op.params);
  return *this;
}

Definition& Definition::inverse(std::string_view gate, std::initializer_list<uint8_t> qubits) {
  (*this)(gate, qubits);
  if (size_ > 0) ops_[size_ - 1].inverse = true;
  return *this;
}

void related_params(const RelatedGate& rel, const double* params, double* out) {
  for (uint8_t i = 0; i < rel.num_params; ++i) {
    const ParamMap& m = rel.params[i];
    out[i] = (m.src >= 0 ? m.sign * params[m.src] : 0) + m.pi_multiple * kPi;
  }
}

void full_matrix(const GateRow& row, const double* params, unsigned width, Complex* out) {
  const size_t dim = size_t{1} << width;
  const unsigned t = row.target_qubits, controls = width - t;
  const size_t tdim = size_t{1} << t;
  std::vector<Complex> target(tdim * tdim);
  row.matrix(params, target.data());
  std::fill(out, out + dim * dim, Complex(0));
  const size_t on = (size_t{1} << controls) - 1;  // every control 1
  for (size_t i = 0; i < dim; ++i) {
    if ((i & on) != on) {
      out[i * dim + i] = 1;
      continue;
    }
    for (size_t j = 0; j < tdim; ++j) out[i * dim + (on | (j << controls))] = target[(i >> controls) * tdim + j];
  }
}

namespace {
constexpr std::string_view kStdgates[] = {
    "p",  "x",   "y",   "z",   "h",  "s",    "sdg", "t",     "tdg", "sx", "rx",    "ry",     "rz", "cx", "cy", "cz",
    "cp", "crx", "cry", "crz", "ch", "swap", "ccx", "cswap", "cu",  "CX", "phase", "cphase", "id", "u1", "u2", "u3"};
}  // namespace

const GateRow* find_gate_spelling(std::string_view name) {
  if (const GateRow* row = find_gate(name)) return row;
  for (const GateRow& r : gate_rows())
    for (std::string_view a : r.aliases)
      if (!a.empty() && a == name) return &r;
  return nullptr;
}

NameList stdgates_names() { return {std::begin(kStdgates), std::size(kStdgates)}; }

bool in_stdgates(std::string_view name) {
  return std::find(std::begin(kStdgates), std::end(kStdgates), name) != std::end(kStdgates);
}

}  // namespace qvet
