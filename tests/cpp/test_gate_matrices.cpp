// Every standard gate's matrix (Qiskit's, as the simulator applies it) equals, within 1e-12, the
// product of its definition in terms of U and CX, times the global phase Qiskit's convention
// puts on it (OpenQASM 2 has no global phase; Qiskit's rz, sx, rxx, rzz carry one).
#include <catch2/catch.hpp>

#include <algorithm>
#include <limits>

#include <cmath>
#include <complex>
#include "circuit/trig.hpp"

#include "circuit/gates.hpp"
#include "helpers.hpp"

using namespace qvet;

namespace {
const double kT = 0.3, kP = 0.7, kL = -1.1, kG = 0.4;

// Building blocks, each in terms of U, CX and the ones above it. d_c3sqrtx follows Qiskit's
// C3SXGate (cu1(+pi/8) first); some copies of qelib1.inc have the signs the other way round,
// which gives the controlled inverse of sqrt(X).
const char* kLibrary = R"(
gate d_h a { U(pi/2,0,pi) a; }
gate d_s a { U(0,0,pi/2) a; }
gate d_sdg a { U(0,0,-pi/2) a; }
gate d_t a { U(0,0,pi/4) a; }
gate d_tdg a { U(0,0,-pi/4) a; }
gate d_u1(l) a { U(0,0,l) a; }
gate d_cu1(l) a,b { d_u1(l/2) a; CX a,b; d_u1(-l/2) b; CX a,b; d_u1(l/2) b; }
gate d_ccx a,b,c { d_h c; CX b,c; d_tdg c; CX a,c; d_t c; CX b,c; d_tdg c; CX a,c; d_t b; d_t c; d_h c; CX a,b; d_t a; d_tdg b; CX a,b; }
gate d_rc3x a,b,c,d { d_h d; d_t d; CX c,d; d_tdg d; d_h d; CX a,d; d_t d; CX b,d; d_tdg d; CX a,d; d_t d; CX b,d; d_tdg d; d_h d; d_t d; CX c,d; d_tdg d; d_h d; }
gate d_rc3xdg a,b,c,d { d_h d; d_t d; CX c,d; d_tdg d; d_h d; d_t d; CX b,d; d_tdg d; CX a,d; d_t d; CX b,d; d_tdg d; CX a,d; d_h d; d_t d; CX c,d; d_tdg d; d_h d; }
gate d_c3sqrtx a,b,c,d { d_h d; d_cu1(pi/8) a,d; d_h d; CX a,b; d_h d; d_cu1(-pi/8) b,d; d_h d; CX a,b; d_h d; d_cu1(pi/8) b,d; d_h d; CX b,c; d_h d; d_cu1(-pi/8) c,d; d_h d; CX a,c; d_h d; d_cu1(pi/8) c,d; d_h d; CX b,c; d_h d; d_cu1(-pi/8) c,d; d_h d; CX a,c; d_h d; d_cu1(pi/8) c,d; d_h d; }
)";

struct Def {
  const char* call;  // the standard gate with its parameters
  int qubits;
  const char* params;  // formal parameters of the definition, or ""
  const char* body;    // in terms of U, CX and the library
  double phase;        // Qiskit's matrix = e^{i phase} * product of the body
};

const Def kDefs[] = {
    {"u3(0.3,0.7,-1.1)", 1, "(t,p,l)", "U(t,p,l) q0;", 0},
    {"u2(0.7,-1.1)", 1, "(p,l)", "U(pi/2,p,l) q0;", 0},
    {"u1(-1.1)", 1, "(l)", "U(0,0,l) q0;", 0},
    {"cx", 2, "", "CX q0,q1;", 0},
    {"id", 1, "", "U(0,0,0) q0;", 0},
    {"u0(2)", 1, "(g)", "U(0,0,0) q0;", 0},
    {"u(0.3,0.7,-1.1)", 1, "(t,p,l)", "U(t,p,l) q0;", 0},
    {"p(-1.1)", 1, "(l)", "U(0,0,l) q0;", 0},
    {"x", 1, "", "U(pi,0,pi) q0;", 0},
    {"y", 1, "", "U(pi,pi/2,pi/2) q0;", 0},
    {"z", 1, "", "U(0,0,pi) q0;", 0},
    {"h", 1, "", "U(pi/2,0,pi) q0;", 0},
    {"s", 1, "", "U(0,0,pi/2) q0;", 0},
    {"sdg", 1, "", "U(0,0,-pi/2) q0;", 0},
    {"t", 1, "", "U(0,0,pi/4) q0;", 0},
    {"tdg", 1, "", "U(0,0,-pi/4) q0;", 0},
    {"rx(0.3)", 1, "(t)", "U(t,-pi/2,pi/2) q0;", 0},
    {"ry(0.3)", 1, "(t)", "U(t,0,0) q0;", 0},
    {"rz(0.3)", 1, "(t)", "U(0,0,t) q0;", -kT / 2},
    {"sx", 1, "", "U(pi/2,-pi/2,pi/2) q0;", M_PI / 4},
    {"sxdg", 1, "", "U(pi/2,pi/2,-pi/2) q0;", -M_PI / 4},
    {"cz", 2, "", "d_h q1; CX q0,q1; d_h q1;", 0},
    {"cy", 2, "", "d_sdg q1; CX q0,q1; d_s q1;", 0},
    {"swap", 2, "", "CX q0,q1; CX q1,q0; CX q0,q1;", 0},
    {"ch", 2, "", "d_s q1; d_h q1; d_t q1; CX q0,q1; d_tdg q1; d_h q1; d_sdg q1;", 0},
    {"ccx", 3, "", "d_ccx q0,q1,q2;", 0},
    {"cswap", 3, "", "CX q2,q1; d_ccx q0,q1,q2; CX q2,q1;", 0},
    {"crx(0.3)", 2, "(l)", "U(0,0,pi/2) q1; CX q0,q1; U(-l/2,0,0) q1; CX q0,q1; U(l/2,-pi/2,0) q1;", 0},
    {"cry(0.3)", 2, "(l)", "U(l/2,0,0) q1; CX q0,q1; U(-l/2,0,0) q1; CX q0,q1;", 0},
    {"crz(0.3)", 2, "(l)", "U(0,0,l/2) q1; CX q0,q1; U(0,0,-l/2) q1; CX q0,q1;", 0},
    {"cu1(-1.1)", 2, "(l)", "d_cu1(l) q0,q1;", 0},
    {"cp(-1.1)", 2, "(l)", "d_cu1(l) q0,q1;", 0},
    {"cu3(0.3,0.7,-1.1)", 2, "(t,p,l)",
     "U(0,0,(l+p)/2) q0; U(0,0,(l-p)/2) q1; CX q0,q1; U(-t/2,0,-(p+l)/2) q1; CX q0,q1; U(t/2,p,0) q1;", 0},
    {"csx", 2, "", "d_h q1; d_cu1(pi/2) q0,q1; d_h q1;", 0},
    {"cu(0.3,0.7,-1.1,0.4)", 2, "(t,p,l,g)",
     "U(0,0,g) q0; U(0,0,(l+p)/2) q0; U(0,0,(l-p)/2) q1; CX q0,q1; U(-t/2,0,-(p+l)/2) q1; CX q0,q1; U(t/2,p,0) q1;", 0},
    {"rxx(0.3)", 2, "(t)", "d_h q0; d_h q1; CX q0,q1; U(0,0,t) q1; CX q0,q1; d_h q0; d_h q1;", -kT / 2},
    {"rzz(0.3)", 2, "(t)", "CX q0,q1; U(0,0,t) q1; CX q0,q1;", -kT / 2},
    {"rccx", 3, "", "d_h q2; d_t q2; CX q1,q2; d_tdg q2; CX q0,q2; d_t q2; CX q1,q2; d_tdg q2; d_h q2;", 0},
    {"rc3x", 4, "", "d_rc3x q0,q1,q2,q3;", 0},
    {"c3x", 4, "",
     "d_h q3; d_cu1(-pi/4) q0,q3; d_h q3; CX q0,q1; d_h q3; d_cu1(pi/4) q1,q3; d_h q3; CX q0,q1; d_h q3; "
     "d_cu1(-pi/4) q1,q3; d_h q3; CX q1,q2; d_h q3; d_cu1(pi/4) q2,q3; d_h q3; CX q0,q2; d_h q3; "
     "d_cu1(-pi/4) q2,q3; d_h q3; CX q1,q2; d_h q3; d_cu1(pi/4) q2,q3; d_h q3; CX q0,q2; d_h q3; "
     "d_cu1(-pi/4) q2,q3; d_h q3;",
     0},
    {"c3sqrtx", 4, "", "d_c3sqrtx q0,q1,q2,q3;", 0},
    {"c4x", 5, "",
     "d_h q4; d_cu1(pi/2) q3,q4; d_h q4; d_rc3x q0,q1,q2,q3; d_h q4; d_cu1(-pi/2) q3,q4; d_h q4; "
     "d_rc3xdg q0,q1,q2,q3; d_c3sqrtx q0,q1,q2,q4;",
     0},  // Qiskit: the second rc3x is inverted
};

std::string args(int k) {
  std::string s;
  for (int i = 0; i < k; ++i) s += (i ? ",q" : "q") + std::to_string(i);
  return s;
}
std::string applied(int k) {
  std::string s;
  for (int i = 0; i < k; ++i) s += (i ? ",r[" : "r[") + std::to_string(i) + "]";
  return s;
}
std::string actuals(const std::string& call) {
  size_t open = call.find('(');
  return open == std::string::npos ? "" : call.substr(open);
}
}  // namespace

TEST_CASE("each standard gate's matrix is its U/CX definition with Qiskit's phase", "[sim][gates]") {
  Options opt;
  for (const Def& d : kDefs) {
    INFO(d.call);
    std::string direct = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg r[" + std::to_string(d.qubits) + "];\n" +
                         d.call + " " + applied(d.qubits) + ";\n";
    std::string defined = std::string("OPENQASM 2.0;\n") + kLibrary + "gate d_gate" + d.params + " " + args(d.qubits) +
                          " { " + d.body + " }\nqreg r[" + std::to_string(d.qubits) + "];\nd_gate" + actuals(d.call) +
                          " " + applied(d.qubits) + ";\n";
    UnitaryResult a = unitary(direct, opt), b = unitary(defined, opt);
    INFO(a.error.message << " | " << b.error.message);
    REQUIRE(a.ok);
    REQUIRE(b.ok);
    REQUIRE(a.matrix.size() == b.matrix.size());
    const std::complex<double> phase(std::cos(d.phase), std::sin(d.phase));
    double worst = 0;
    for (size_t i = 0; i < a.matrix.size(); ++i) worst = std::max(worst, std::abs(a.matrix[i] - phase * b.matrix[i]));
    CHECK(worst < 1e-12);
    // And it is unitary: columns of unit norm.
    const size_t dim = size_t{1} << d.qubits;
    for (size_t col = 0; col < dim; ++col) {
      double norm = 0;
      for (size_t row = 0; row < dim; ++row) norm += std::norm(a.matrix[row * dim + col]);
      CHECK(std::abs(norm - 1) < 1e-12);
    }
  }
}

TEST_CASE("known matrices in Qiskit's little-endian convention", "[sim][gates]") {
  // cx q[0], q[1]: control is qubit 0 (the low bit): |01> <-> |11> in index terms 1 <-> 3.
  UnitaryResult cx = unitary("OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\ncx q[0], q[1];\n");
  REQUIRE(cx.ok);
  const std::vector<std::complex<double>> want = {1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0};
  for (size_t i = 0; i < 16; ++i) CHECK(std::abs(cx.matrix[i] - want[i]) < 1e-15);
  // rz(pi/2) = diag(e^{-i pi/4}, e^{i pi/4}), not diag(1, i).
  UnitaryResult rz = unitary("OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[1];\nrz(pi/2) q[0];\n");
  REQUIRE(rz.ok);
  CHECK(std::abs(rz.matrix[0] - std::polar(1.0, -M_PI / 4)) < 1e-15);
  CHECK(std::abs(rz.matrix[3] - std::polar(1.0, M_PI / 4)) < 1e-15);
}

namespace {
// Qiskit gates that OpenQASM 2 does not have, written as Qiskit Python; each definition is
// Qiskit's (qiskit.circuit.library), with rz written as U(0,0,t), which drops its phase -t/2.
struct PyDef {
  const char* call;  // QuantumCircuit method call on qubits 0 and 1
  const char* params;
  const char* body;
  const char* actuals;
  double phase;
};
const PyDef kPyDefs[] = {
    {"iswap(0, 1)", "", "d_s q0; d_s q1; d_h q0; CX q0,q1; CX q1,q0; d_h q1;", "", 0},
    {"dcx(0, 1)", "", "CX q0,q1; CX q1,q0;", "", 0},
    {"rzx(0.3, 0, 1)", "(t)", "d_h q1; CX q0,q1; U(0,0,t) q1; CX q0,q1; d_h q1;", "(0.3)", -kT / 2},
    {"ryy(0.3, 0, 1)", "(t)",
     "U(pi/2,-pi/2,pi/2) q0; U(pi/2,-pi/2,pi/2) q1; CX q0,q1; U(0,0,t) q1; CX q0,q1; U(-pi/2,-pi/2,pi/2) q0; "
     "U(-pi/2,-pi/2,pi/2) q1;",
     "(0.3)", -kT / 2},
    {"ecr(0, 1)", "",
     "d_h q1; CX q0,q1; U(0,0,pi/4) q1; CX q0,q1; d_h q1; U(pi,0,pi) q0; d_h q1; CX q0,q1; U(0,0,-pi/4) q1; "
     "CX q0,q1; d_h q1;",
     "", 0},
};
}  // namespace

TEST_CASE("Python-only gates: each matrix is Qiskit's definition", "[sim][gates][python]") {
  for (const PyDef& d : kPyDefs) {
    INFO(d.call);
    const std::string direct =
        std::string("from qiskit import QuantumCircuit\nqc = QuantumCircuit(2)\nqc.") + d.call + "\n";
    const std::string defined = std::string("OPENQASM 2.0;\n") + kLibrary + "gate d_gate" + d.params + " q0,q1 { " +
                                d.body + " }\nqreg r[2];\nd_gate" + d.actuals + " r[0],r[1];\n";
    UnitaryResult a = unitary(direct), b = unitary(defined);
    INFO(a.error.message << " | " << b.error.message);
    REQUIRE(a.ok);
    REQUIRE(b.ok);
    const std::complex<double> phase(std::cos(d.phase), std::sin(d.phase));
    double worst = 0;
    for (size_t i = 0; i < a.matrix.size(); ++i) worst = std::max(worst, std::abs(a.matrix[i] - phase * b.matrix[i]));
    CHECK(worst < 1e-12);
  }
}

TEST_CASE("mcx with five controls flips the target only when every control is 1", "[sim][gates][python]") {
  UnitaryResult u = unitary("from qiskit import QuantumCircuit\nqc = QuantumCircuit(6)\nqc.mcx([0, 1, 2, 3, 4], 5)\n");
  REQUIRE(u.ok);
  REQUIRE(u.qubits == 6);
  for (size_t col = 0; col < 64; ++col) {
    const size_t row = (col & 31) == 31 ? col ^ 32 : col;
    for (size_t r = 0; r < 64; ++r) CHECK(std::abs(u.matrix[r * 64 + col] - (r == row ? 1.0 : 0.0)) < 1e-15);
  }
}

// Adding a gate is one row in core/circuit/gates.cpp plus its independent definition above: this
// fails until the new row has one (written from Qiskit's documentation, not from the table).
TEST_CASE("every row of the gate table has an independent definition here", "[gates][table]") {
  auto name_of = [](const char* call) { return std::string(call).substr(0, std::string(call).find('(')); };
  for (const GateRow& g : gate_rows()) {
    INFO(g.name);
    bool found = false;
    for (const Def& d : kDefs) found = found || name_of(d.call) == g.name;
    for (const PyDef& d : kPyDefs) found = found || (g.python.method && name_of(d.call) == g.python.method);
    // U and CX are the language's primitives (U is Qiskit's U; "known matrices" pins CX), and
    // the variadic mcx has its own test above.
    if (g.in(kPrimitive) || g.num_qubits == 0) found = true;
    CHECK(found);
  }
}

// The gate matrices' sine and cosine (circuit/trig.hpp): within an ulp or two of the C library's,
// and pinned to the same bits natively and in WebAssembly (this file runs in both test suites), so
// that a simulation's amplitudes are the same on every platform.
TEST_CASE("portable sine and cosine: accurate, and the same bits everywhere", "[gates][trig]") {
  double worst = 0;
  for (int i = -20000; i <= 20000; ++i) {
    const double x = i * 0.0031, s = std::sin(x), c = std::cos(x);
    if (std::fabs(s) < 1e-3 || std::fabs(c) < 1e-3) continue;  // relative error near a zero says little
    worst = std::max({worst, std::fabs(qvet::portable_sin(x) - s) / std::fabs(s),
                      std::fabs(qvet::portable_cos(x) - c) / std::fabs(c)});
  }
  CHECK(worst < 4.5e-16);
  struct Pin {
    double x, sin, cos;
  };
  const Pin pins[] = {
      {0.5, 0x1.eaee8744b05fp-2, 0x1.c1528065b7d5p-1},     {2.825, 0x1.3ecd6340b9019p-2, -0x1.e68df33681d4bp-1},
      {-7.1, -0x1.753b6e1646386p-1, 0x1.5e7ce691ea546p-1}, {123.456, -0x1.9b9dadc41aeb5p-1, -0x1.307e5980a1559p-1},
      {1e7, 0x1.aea414a28fc0ap-2, -0x1.d085be7bf7ca4p-1},
  };
  for (const Pin& p : pins) {
    INFO("x = " << p.x);
    CHECK(qvet::portable_sin(p.x) == p.sin);
    CHECK(qvet::portable_cos(p.x) == p.cos);
  }
  CHECK(std::isnan(qvet::portable_sin(std::numeric_limits<double>::infinity())));
  CHECK(qvet::portable_cos(0.0) == 1.0);
  CHECK(qvet::portable_sin(0.0) == 0.0);
}
