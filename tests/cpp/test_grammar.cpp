// Every OpenQASM 2 grammar feature loads into the circuit Qiskit would build.
#include <catch2/catch.hpp>
#include <cmath>

#include "helpers.hpp"

using namespace qvet;
using namespace qvet::test;

namespace {
double param0(const std::string& expr) {
  Report r = run_ops(prog("qreg q[1];\nrz(" + expr + ") q[0];\n"));
  INFO(dump(r));
  REQUIRE(r.valid);
  REQUIRE(r.operations.size() == 1);
  return r.operations[0].params.at(0);
}
}  // namespace

TEST_CASE("version, include, registers", "[grammar]") {
  Report r = run(prog("qreg q[3];\nqreg anc[2];\ncreg c[3];\nh q[0];\ncx q[0], anc[1];\nmeasure q -> c;\n"));
  INFO(dump(r));
  REQUIRE(r.valid);
  CHECK(r.version == "2.0");
  CHECK(r.format == "qasm2");
  CHECK(r.qubits == 5);
  CHECK(r.clbits == 3);
  REQUIRE(r.qregs.size() == 2);
  CHECK(r.qregs[1].name == "anc");
  CHECK(r.qregs[1].size == 2);
  CHECK(r.cregs.at(0).size == 3);
}

TEST_CASE("expressions follow OpenQASM 2 precedence and Python's arithmetic", "[grammar][expr]") {
  CHECK(param0("1+2*3") == Approx(7));
  CHECK(param0("(1+2)*3") == Approx(9));
  CHECK(param0("2^3^2") == Approx(512));  // right-associative
  CHECK(param0("-2^2") == Approx(-4));    // unary minus binds looser than ^
  CHECK(param0("2^-1") == Approx(0.5));
  CHECK(param0("8/4/2") == Approx(1));  // left-associative
  CHECK(param0("10-4-3") == Approx(3));
  CHECK(param0("pi/2") == Approx(M_PI / 2));
  CHECK(param0("sin(pi/2)") == Approx(1));
  CHECK(param0("cos(0)") == Approx(1));
  CHECK(param0("tan(pi/4)") == Approx(1));
  CHECK(param0("exp(1)") == Approx(std::exp(1.0)));
  CHECK(param0("ln(exp(2))") == Approx(2));
  CHECK(param0("sqrt(16)") == Approx(4));
  CHECK(param0("1.5e-3") == Approx(0.0015));
  CHECK(param0(".5") == Approx(0.5));
  CHECK(param0("5.") == Approx(5));
  CHECK(param0("--1") == Approx(1));
  CHECK(param0("+1") == Approx(1));
}

TEST_CASE("broadcasting over registers", "[grammar]") {
  Report r = run_ops(prog(
      "qreg a[3];\nqreg b[3];\nqreg tt[1];\ncreg c[3];\nh a;\ncx a, b;\ncx a, tt[0];\nmeasure b -> c;\nreset a;\n"));
  INFO(dump(r));
  REQUIRE(r.valid);
  CHECK(r.gates == 3 + 3 + 3 + 3 + 3);
  CHECK(count_of(r.metrics.gate_types, "h") == 3);
  CHECK(count_of(r.metrics.gate_types, "cx") == 6);
  CHECK(count_of(r.metrics.gate_types, "measure") == 3);
  CHECK(count_of(r.metrics.gate_types, "reset") == 3);
  // cx a, b pairs a[i] with b[i]; cx a, t[0] repeats the single qubit.
  CHECK(r.operations[4].qubits == std::vector<uint32_t>{1, 4});
  CHECK(r.operations[7].qubits == std::vector<uint32_t>{1, 6});
  CHECK(r.operations[10].qubits == std::vector<uint32_t>{4});
  CHECK(r.operations[10].clbits == std::vector<uint32_t>{1});
}

TEST_CASE("barrier is one instruction over the union of its operands", "[grammar]") {
  Report r = run_ops(prog("qreg a[2];\nqreg b[2];\nbarrier a, b[1], a[0];\n"));
  REQUIRE(r.valid);
  REQUIRE(r.operations.size() == 1);
  CHECK(r.operations[0].name == "barrier");
  CHECK(r.operations[0].qubits == std::vector<uint32_t>{0, 1, 3});
}

TEST_CASE("gate definitions stay one instruction, with their body kept for expansion", "[grammar]") {
  Report r =
      run(prog("gate majority a,b,c { cx c,b; cx c,a; ccx a,b,c; }\n"
               "gate rot(theta, phi) q { rz(theta) q; rx(phi/2) q; barrier q; }\n"
               "qreg q[3];\nmajority q[0], q[1], q[2];\nrot(0.1, pi) q[1];\n"));
  INFO(dump(r));
  REQUIRE(r.valid);
  CHECK(r.gates == 2);
  CHECK(count_of(r.metrics.gate_types, "majority") == 1);
  CHECK(count_of(r.metrics.gate_types, "rot") == 1);
  REQUIRE(r.custom_gates.size() == 2);
  CHECK(r.custom_gates[1].name == "rot");
  CHECK(r.custom_gates[1].num_params == 2);
  CHECK(r.custom_gates[0].num_qubits == 3);
  // Expanded: cx, cx, ccx from majority; rz, rx, barrier from rot.
  CHECK(count_of(r.expanded.gate_types, "cx") == 2);
  CHECK(count_of(r.expanded.gate_types, "ccx") == 1);
  CHECK(count_of(r.expanded.gate_types, "barrier") == 1);
  CHECK(r.expanded.size == 5);
}

TEST_CASE("gates built from U, CX and earlier gates, nested", "[grammar]") {
  Report r =
      run("OPENQASM 2.0;\ngate my_h a { U(pi/2, 0, pi) a; }\ngate my_cx a, b { CX a, b; }\n"
          "gate bell a, b { my_h a; my_cx a, b; }\nqreg q[2];\nbell q[0], q[1];\nU(0,0,0) q[0];\nCX q[1], q[0];\n");
  INFO(dump(r));
  REQUIRE(r.valid);
  CHECK(count_of(r.metrics.gate_types, "bell") == 1);
  CHECK(count_of(r.metrics.gate_types, "u") == 1);   // U counts as u, as in Qiskit
  CHECK(count_of(r.metrics.gate_types, "cx") == 1);  // CX counts as cx
  CHECK(count_of(r.expanded.gate_types, "u") == 2);
  CHECK(count_of(r.expanded.gate_types, "cx") == 2);
  CHECK(r.expanded.depth == 4);
}

TEST_CASE("opaque gates load, count, and warn", "[grammar]") {
  Report r = run(prog("opaque magic(a) q, r;\nqreg q[2];\nmagic(0.5) q[0], q[1];\n"));
  INFO(dump(r));
  REQUIRE(r.valid);
  CHECK(count_of(r.metrics.gate_types, "magic") == 1);
  CHECK(r.custom_gates.at(0).opaque);
  CHECK(find(r, "W201") != nullptr);
  CHECK(count_of(r.expanded.gate_types, "magic") == 1);
}

TEST_CASE("if conditions on a classical register", "[grammar]") {
  Report r =
      run_ops(prog("qreg q[2];\ncreg c[2];\nmeasure q[0] -> c[0];\nif (c == 1) x q[1];\nif(c==3) measure q[1] -> "
                   "c[1];\nif (c==0) reset q;\n"));
  INFO(dump(r));
  REQUIRE(r.valid);
  REQUIRE(r.operations.size() == 5);
  CHECK(r.operations[1].has_condition);
  CHECK(r.operations[1].condition_creg == "c");
  CHECK(r.operations[1].condition_value == "1");
  CHECK(r.operations[1].name == "x");  // counts under its own name, not if_else (Qiskit 1.0)
  CHECK(count_of(r.metrics.gate_types, "x") == 1);
  CHECK(r.operations[4].has_condition);
}

TEST_CASE("condition values may exceed 64 bits, as Python integers do", "[grammar]") {
  Report r = run_ops(prog("qreg q[1];\ncreg c[70];\nif (c == 1180591620717411303423) x q[0];\n"));
  INFO(dump(r));
  REQUIRE(r.valid);
  CHECK(r.operations.at(0).condition_value == "1180591620717411303423");
  CHECK(find(r, "W208") == nullptr);
  Report never = run(prog("qreg q[1];\ncreg c[2];\nif (c == 4) x q[0];\n"));
  CHECK(never.valid);
  CHECK(find(never, "W208") != nullptr);
}

TEST_CASE("Qiskit's qelib1 gate set, with Qiskit's names", "[grammar][gates]") {
  Report r =
      run(prog("qreg q[5];\n"
               "u3(1,2,3) q[0]; u2(1,2) q[0]; u1(1) q[0]; cx q[0],q[1]; id q[0]; u0(1) q[0]; u(1,2,3) q[0];\n"
               "p(1) q[0]; x q[0]; y q[0]; z q[0]; h q[0]; s q[0]; sdg q[0]; t q[0]; tdg q[0];\n"
               "rx(1) q[0]; ry(1) q[0]; rz(1) q[0]; sx q[0]; sxdg q[0]; cz q[0],q[1]; cy q[0],q[1];\n"
               "swap q[0],q[1]; ch q[0],q[1]; ccx q[0],q[1],q[2]; cswap q[0],q[1],q[2]; crx(1) q[0],q[1];\n"
               "cry(1) q[0],q[1]; crz(1) q[0],q[1]; cu1(1) q[0],q[1]; cp(1) q[0],q[1]; cu3(1,2,3) q[0],q[1];\n"
               "csx q[0],q[1]; cu(1,2,3,4) q[0],q[1]; rxx(1) q[0],q[1]; rzz(1) q[0],q[1];\n"
               "rccx q[0],q[1],q[2]; rc3x q[0],q[1],q[2],q[3]; c3x q[0],q[1],q[2],q[3];\n"
               "c3sqrtx q[0],q[1],q[2],q[3]; c4x q[0],q[1],q[2],q[3],q[4];\n"));
  INFO(dump(r));
  REQUIRE(r.valid);
  CHECK(r.gates == 42);
  CHECK(count_of(r.metrics.gate_types, "mcx") == 2);  // c3x and c4x
  CHECK(count_of(r.metrics.gate_types, "rcccx") == 1);
  CHECK(count_of(r.metrics.gate_types, "c3sx") == 1);
  CHECK(count_of(r.metrics.gate_types, "u") == 1);
  CHECK(count_of(r.metrics.gate_types, "c3x") == 0);
  CHECK(r.metrics.nonlocal_gates == 22);
  CHECK(r.metrics.two_qubit_gates == 15);
}

TEST_CASE("Qiskit's relaxations load, with a warning each", "[grammar][relaxed]") {
  SECTION("no version line") {
    Report r = run("include \"qelib1.inc\";\nqreg q[1];\nh q[0];\n");
    CHECK(r.valid);
    const Diagnostic* d = find(r, "W101");
    REQUIRE(d);
    CHECK(d->span.line == 1);
  }
  SECTION("extended qelib1 gates") {
    Report r = run(prog("qreg q[2];\nsx q[0];\nsx q[1];\nrzz(0.5) q[0], q[1];\n"));
    CHECK(r.valid);
    CHECK(count_code(r, "W102") == 2);  // once per gate name
  }
  SECTION("Qiskit's built-in gates without the include") {
    Report r = run("OPENQASM 2.0;\nqreg q[2];\nswap q[0], q[1];\n");
    CHECK(r.valid);
    REQUIRE(find(r, "W103"));
    CHECK(find(r, "W103")->span.line == 3);
  }
  SECTION("trailing commas and empty statements") {
    Report r = run(prog("qreg q[2];;\ncx q[0], q[1],;\n"));
    CHECK(r.valid);
    CHECK(count_code(r, "W104") == 2);
  }
  SECTION("a program may declare a standard gate before including nothing") {
    Report r =
        run("OPENQASM 2.0;\ngate rzz(t) a, b { CX a, b; U(0,0,t) b; CX a, b; }\nqreg q[2];\nrzz(1) q[0], q[1];\n");
    CHECK(r.valid);
    CHECK(count_of(r.metrics.gate_types, "rzz") == 1);
  }
}

TEST_CASE("strict mode turns departures from the paper into errors", "[grammar][strict]") {
  Options strict;
  strict.strict = true;
  Report r = run("include \"qelib1.inc\";\nqreg q[2];\nsx q[0];\ncx q[0], q[1],;\n", strict);
  CHECK_FALSE(r.valid);
  REQUIRE(find(r, "W101"));
  CHECK(find(r, "W101")->severity == Severity::Error);
  CHECK(find(r, "W102")->severity == Severity::Error);
  CHECK(find(r, "W104")->severity == Severity::Error);
  CHECK(run(prog("qreg q[1];\nh q[0];\n"), strict).valid);
}

TEST_CASE("any version but 2.0 is an error, never read as 2.0", "[grammar][version]") {
  // Auto-detection sends 3 and 3.0 to the OpenQASM 3 reader; asked to read OpenQASM 2, they stop.
  Options qasm2;
  qasm2.format = Format::Qasm2;
  for (const char* v : {"4.0", "3.0", "3", "2.1", "1.0"}) {
    const bool three = v[0] == '3';
    Report r = run(std::string("OPENQASM ") + v + ";\nqreg q[1];\n", three ? qasm2 : Options{});
    INFO(v);
    if (three) CHECK(find(r, "E110")->message.find("--format qasm3") != std::string::npos);
    CHECK_FALSE(r.valid);
    REQUIRE(find(r, "E110"));
    CHECK(find(r, "E110")->span.line == 1);
    CHECK(find(r, "E110")->span.column == 10);
    CHECK(r.qubits == 0);
  }
  Report two = run("OPENQASM 2;\nqreg q[1];\n");
  CHECK(two.valid);
  CHECK(find(two, "W105"));
}

TEST_CASE("comments anywhere, CRLF line ends", "[grammar]") {
  Report r =
      run("// a Bell pair\r\nOPENQASM 2.0; // version\r\ninclude \"qelib1.inc\";\r\nqreg q[2]; creg c[2];\r\n"
          "h q[0]; // superpose\r\ncx q[0],q[1];\r\nmeasure q -> c;\r\n");
  INFO(dump(r));
  CHECK(r.valid);
  CHECK(r.metrics.depth == 3);
}

// Operand lists in their usual shape are read straight from the bytes (Parser::scan_args); every
// other shape falls back to the tokens. Both must give the same circuit and the same diagnostics.
TEST_CASE("operand lists read the same in every spacing, with comments and in every error", "[grammar][operands]") {
  const std::string decl = "qreg q[3];\nqreg r[3];\ncreg c[3];\n";
  const std::vector<std::string> same = {
      "cx q[0],q[1];\nreset q[2];\n",
      "cx q[0], q[1];\nreset q[2];\n",
      "cx  q [ 0 ] ,\tq[ 1 ]\n ;\nreset\nq[2] ;\n",
      "cx q[0], // the control\n  q[1];\nreset /* no */ q[2];\n",  // the comment forms
      "cx q[0],\r\nq[1];\r\nreset q[2];\r\n",
  };
  for (const std::string& body : same) {
    INFO(body);
    const Report r = run_ops(prog(decl + body));
    if (body.find("/*") != std::string::npos) {  // a block comment is an error, on its own
      CHECK(count_code(r, "E101") == 1);
      continue;
    }
    REQUIRE(r.valid);
    REQUIRE(r.operations.size() == 2);
    CHECK(r.operations[0].name == "cx");
    CHECK(r.operations[0].qubits == std::vector<uint32_t>{0, 1});
    CHECK(r.operations[1].name == "reset");
    CHECK(r.operations[1].qubits == std::vector<uint32_t>{2});
    CHECK(r.operations[0].span.line == 6);
    CHECK(r.operations[0].span.column == 1);
  }
  // Whole registers broadcast; a register and a bit of another broadcast the bit.
  const Report whole = run_ops(prog(decl + "cx q, r;\ncx q[1], r;\nreset r;\n"));
  REQUIRE(whole.valid);
  CHECK(whole.gates == 9);
  CHECK(whole.operations[4].qubits == std::vector<uint32_t>{1, 4});

  struct Bad {
    const char* body;
    const char* code;
    uint32_t column;  // of the diagnostic, on line 6
  };
  const Bad bad[] = {
      {"cx q[0], q[3];\n", "E204", 12},   // out of range: the index is marked
      {"cx q[0], q[01];\n", "E101", 12},  // a leading zero
      {"cx q[0], c[1];\n", "E203", 10},   // a classical register where a qubit goes
      {"cx q[0], w[1];\n", "E201", 10},   // undeclared
      {"cx q[0], cx[1];\n", "E203", 10},  // a gate's name
      {"cx q[0], q[0];\n", "E303", 4},    // the same qubit twice
      {"cx q[0];\n", "E302", 4},          // too few
      {"h q[0], q[1];\n", "E302", 3},     // too many
      {"cx q, r[0], q;\n", "E302", 4},
      {"reset q[0], q[1];\n", "E102", 11},
      {"cx q[0], q[1]\nh q[2];\n", "E102", 1},  // the missing ';' is found at the next statement
      {"cx q[0] q[1];\n", "E102", 9},
      {"cx q[99999999999999999999];\n", "E105", 6},
  };
  for (const Bad& b : bad) {
    INFO(b.body);
    const Report r = run(prog(decl + b.body));
    CHECK_FALSE(r.valid);
    const Diagnostic* d = find(r, b.code);
    REQUIRE(d != nullptr);
    CHECK(d->span.column == b.column);
  }
  // A trailing comma is Qiskit's leniency, a warning.
  const Report trailing = run(prog(decl + "cx q[0], q[1],;\n"));
  CHECK(trailing.valid);
  CHECK(count_code(trailing, "W104") == 1);
}
