// Every diagnostic, with its exact line and column, and recovery that reports every error.
#include <catch2/catch.hpp>

#include "helpers.hpp"

using namespace qvet;
using namespace qvet::test;

namespace {
struct Case {
  const char* name;
  std::string src;
  const char* code;
  uint32_t line, column;
  const char* words;  // a fragment the message must contain
};

// Line 1 is the version, line 2 the include; snippets start on line 3.
const Case kErrors[] = {
    {"undeclared register", prog("qreg q[1];\nh r[0];\n"), "E201", 4, 3, "'r' is not declared"},
    {"duplicate register", prog("qreg q[1];\ncreg q[1];\n"), "E202", 4, 6,
     "already defined as a quantum register (line 3)"},
    {"duplicate gate", prog("gate g a { h a; }\ngate g a { x a; }\n"), "E202", 4, 6, "already defined"},
    {"redefining a qelib1 gate after the include", prog("gate h a { U(0,0,0) a; }\n"), "E202", 3, 6,
     "'h' is already defined"},
    {"index out of range", prog("qreg q[2];\nx q[2];\n"), "E204", 4, 5,
     "index 2 is out of range for register 'q' of size 2"},
    {"wrong parameter count", prog("qreg q[1];\nrx(1, 2) q[0];\n"), "E301", 4, 1,
     "takes 1 parameter, but 2 were given"},
    {"parameters on a gate without any", prog("qreg q[1];\nh(0.5) q[0];\n"), "E301", 4, 1, "takes 0 parameters"},
    {"wrong qubit count", prog("qreg q[3];\ncx q[0], q[1], q[2];\n"), "E302", 4, 4,
     "acts on 2 qubits, but 3 were given"},
    {"one qubit twice", prog("qreg q[2];\ncx q[1], q[1];\n"), "E303", 4, 4, "qubit q[1] twice"},
    {"one qubit twice through broadcasting", prog("qreg q[2];\ncx q, q[0];\n"), "E303", 4, 4, "twice"},
    {"broadcast size mismatch", prog("qreg a[2];\nqreg b[3];\ncx a, b;\n"), "E304", 5, 7, "different sizes"},
    {"measure size mismatch", prog("qreg q[2];\ncreg c[3];\nmeasure q -> c;\n"), "E304", 5, 9,
     "cannot measure register 'q'"},
    {"measure register into bit", prog("qreg q[2];\ncreg c[2];\nmeasure q -> c[0];\n"), "E304", 5, 9, "into bit c[0]"},
    {"unknown gate", prog("qreg q[1];\nfoo q[0];\n"), "E305", 4, 1, "unknown gate 'foo'"},
    {"qelib1 gate without the include", "OPENQASM 2.0;\nqreg q[1];\nh q[0];\n", "E305", 3, 1,
     "add 'include \"qelib1.inc\";'"},
    {"recursive definition", prog("gate loop a { loop a; }\n"), "E306", 3, 15, "calls itself"},
    {"std gate declared with another signature", "OPENQASM 2.0;\ngate rzz a, b { CX a, b; }\n", "E307", 2, 6,
     "Qiskit's standard 'rzz' has 1 parameter"},
    {"include of another file", prog("include \"other.inc\";\n"), "E120", 3, 1, "only the built-in \"qelib1.inc\""},
    {"include of stdgates.inc", "OPENQASM 2.0;\ninclude \"stdgates.inc\";\n", "E120", 2, 1, "OpenQASM 3"},
    {"version not first", "qreg q[1];\nOPENQASM 2.0;\n", "E111", 2, 1, "must be the first statement"},
    {"unsupported version", "OPENQASM 4.0;\n", "E110", 1, 10, "unsupported OpenQASM version '4.0'"},
    {"missing semicolon", prog("qreg q[1]\nh q[0];\n"), "E102", 4, 1, "expected ';', found an identifier 'h'"},
    {"missing arrow", prog("qreg q[1];\ncreg c[1];\nmeasure q[0] c[0];\n"), "E102", 5, 14, "expected '->'"},
    {"not a statement", prog("qreg q[1];\n) h q[0];\n"), "E102", 4, 1, "expected a statement"},
    {"gate applied to a creg", prog("creg c[1];\nh c[0];\n"), "E203", 4, 3,
     "'c' is a classical register; expected a quantum register"},
    {"register used as a gate", prog("qreg q[1];\nq q[0];\n"), "E203", 4, 1, "not a gate"},
    {"if on a quantum register", prog("qreg q[1];\nif (q == 1) x q[0];\n"), "E203", 4, 5,
     "'if' compares a classical register"},
    {"if on one bit", prog("qreg q[1];\ncreg c[2];\nif (c[0] == 1) x q[0];\n"), "E102", 5, 6, "OpenQASM 3"},
    {"conditioned barrier", prog("qreg q[1];\ncreg c[1];\nif (c == 1) barrier q;\n"), "E102", 5, 13,
     "cannot be conditioned"},
    {"measure in a gate body", prog("gate g a { measure a -> a; }\n"), "E102", 3, 12, "not allowed inside a gate body"},
    {"indexing in a gate body", prog("gate g a { h a[0]; }\n"), "E102", 3, 15, "indexing"},
    {"unknown argument in a gate body", prog("gate g a { h b; }\n"), "E201", 3, 14,
     "'b' is not a qubit argument of gate 'g'"},
    {"unknown parameter in a gate body", prog("gate g(x) a { rz(y) a; }\n"), "E201", 3, 18,
     "'y' is not a parameter of gate 'g'"},
    {"parameter outside a gate body", prog("qreg q[1];\nrz(theta) q[0];\n"), "E201", 4, 4,
     "must be constant expressions"},
    {"duplicate gate argument", prog("gate g a, a { h a; }\n"), "E202", 3, 11, "already a parameter or qubit"},
    {"division by zero", prog("qreg q[1];\nrz(1/0) q[0];\n"), "E310", 4, 4, "division by zero"},
    {"ln of zero", prog("qreg q[1];\nrz(ln(0)) q[0];\n"), "E310", 4, 4, "ln of a number that is not positive"},
    {"unterminated gate body", prog("gate g a { h a;\n"), "E102", 4, 1,
     "expected '}' to close the body of gate 'g' opened at line 3"},
    {"bad character", prog("qreg q[1];\nh q[0]; @\n"), "E101", 4, 9, "unexpected '@'"},
    {"integer too large", prog("qreg q[99999999999999999999999];\n"), "E105", 3, 8, "too large"},
    {"redefining U", "OPENQASM 2.0;\ngate U a { }\n", "E202", 2, 6, "built into the language"},
};
}  // namespace

TEST_CASE("each error has a stable code, a message and an exact span", "[diagnostics]") {
  for (const Case& c : kErrors) {
    Report r = run(c.src);
    INFO(c.name << "\n" << c.src << "\n" << dump(r));
    CHECK_FALSE(r.valid);
    const Diagnostic* d = find(r, c.code);
    REQUIRE(d != nullptr);
    CHECK(d->severity == Severity::Error);
    CHECK(d->span.line == c.line);
    CHECK(d->span.column == c.column);
    CHECK(d->message.find(c.words) != std::string::npos);
    CHECK(d->span.end_line >= d->span.line);
  }
}

TEST_CASE("spans cover the offending text", "[diagnostics]") {
  Report r = run(prog("qreg q[2];\nx q[17];\n"));
  const Diagnostic* d = find(r, "E204");
  REQUIRE(d);
  CHECK(d->span.column == 5);
  CHECK(d->span.end_column == 7);  // the index "17"
  CHECK(d->span.length == 2);
}

TEST_CASE("recovery at statement boundaries reports every independent error", "[diagnostics]") {
  Report r = run(prog("qreg q[2];\nfoo q[0];\nx q[5];\nqreg q[1];\ncx q[0], q[0];\nh q[1];\nrx() q[0];\n"));
  INFO(dump(r));
  CHECK(error_count(r) == 5);
  CHECK(find(r, "E305")->span.line == 4);
  CHECK(find(r, "E204")->span.line == 5);
  CHECK(find(r, "E202")->span.line == 6);
  CHECK(find(r, "E303")->span.line == 7);
  CHECK(find(r, "E301")->span.line == 9);
  // Diagnostics come sorted by position.
  for (size_t i = 1; i < r.diagnostics.size(); ++i)
    CHECK(r.diagnostics[i - 1].span.offset <= r.diagnostics[i].span.offset);
}

TEST_CASE("errors inside a gate body do not hide later statements", "[diagnostics]") {
  Report r = run(prog("gate g a { h b; x a; foo a; }\nqreg q[1];\ng q[0];\nx q[3];\n"));
  INFO(dump(r));
  CHECK(find(r, "E201")->span.line == 3);
  CHECK(find(r, "E305")->span.line == 3);
  CHECK(find(r, "E204")->span.line == 6);
  CHECK(find(r, "E305")->message.find("'foo'") != std::string::npos);
}

TEST_CASE("the number of diagnostics is capped", "[diagnostics]") {
  std::string src = prog("qreg q[1];\n");
  for (int i = 0; i < 500; ++i) src += "x q[9];\n";
  Options opt;
  opt.limits.max_diagnostics = 20;
  Report r = run(src, opt);
  CHECK_FALSE(r.valid);
  CHECK(r.diagnostics.size() == 20);
  CHECK(r.dropped_diagnostics > 0);
  CHECK(to_json(r).find("more diagnostics were not listed") != std::string::npos);
}

TEST_CASE("warnings users want", "[diagnostics][lints]") {
  SECTION("unused registers") {
    Report r = run(prog("qreg q[1];\nqreg spare[2];\ncreg c[1];\nh q[0];\n"));
    CHECK(r.valid);
    CHECK(count_code(r, "W202") == 2);
    CHECK(find(r, "W202")->span.line == 4);
  }
  SECTION("qubits never used") {
    Report r = run(prog("qreg q[4];\nh q[0];\nx q[2];\n"));
    REQUIRE(find(r, "W203"));
    CHECK(find(r, "W203")->message.find("q[1], q[3]") != std::string::npos);
  }
  SECTION("operations after the final measurement") {
    Report r =
        run(prog("qreg q[2];\ncreg c[2];\nmeasure q[0] -> c[0];\nh q[0];\nh q[0];\nmeasure q[1] -> c[1];\nreset "
                 "q[1];\nx q[1];\n"));
    CHECK(r.valid);
    CHECK(count_code(r, "W204") == 1);
    CHECK(find(r, "W204")->span.line == 6);
    CHECK(find(r, "W204")->message.find("line 5") != std::string::npos);
  }
  SECTION("unused gate definitions") {
    Report r = run(prog("gate g a { h a; }\nqreg q[1];\nx q[0];\n"));
    CHECK(find(r, "W205"));
  }
  SECTION("a clean circuit has no warnings") {
    Report r = run(prog("qreg q[2];\ncreg c[2];\nh q[0];\ncx q[0],q[1];\nmeasure q -> c;\n"));
    CHECK(r.valid);
    CHECK(r.diagnostics.empty());
  }
}
