// Hostile and oversized input: each limit gives a clear error, nothing crashes, hangs or
// allocates without bound. These run under ASan/UBSan in CI as well.
#include <catch2/catch.hpp>

#include "helpers.hpp"

using namespace qvet;
using namespace qvet::test;

TEST_CASE("source size limit", "[limits]") {
  Options opt;
  opt.limits.max_source_bytes = 64;
  Report r = run(prog("qreg q[1];\nh q[0];\n// padding padding padding padding padding\n"), opt);
  CHECK_FALSE(r.valid);
  REQUIRE(find(r, "E401"));
  CHECK(find(r, "E401")->span.line == 1);
  CHECK(r.circuit_hash.size() == 64);
}

TEST_CASE("a 10^12-qubit register is refused before anything is allocated", "[limits]") {
  Report r = run(prog("qreg q[1000000000000];\nh q;\n"));
  CHECK_FALSE(r.valid);
  const Diagnostic* d = find(r, "E402");
  REQUIRE(d);
  CHECK(d->span.line == 3);
  CHECK(d->span.column == 8);
  CHECK(d->message.find("the limit is 1048576") != std::string::npos);
  // The follow-on use of the undeclared register is reported too, without a crash.
  CHECK(find(r, "E201"));
}

TEST_CASE("qubit and clbit limits add up over registers", "[limits]") {
  Options opt;
  opt.limits.max_qubits = 10;
  opt.limits.max_clbits = 4;
  Report r = run(prog("qreg a[6];\nqreg b[5];\ncreg c[5];\n"), opt);
  CHECK(find(r, "E402")->span.line == 4);
  CHECK(find(r, "E403")->span.line == 5);
}

TEST_CASE("instruction limit after broadcasting", "[limits]") {
  Options opt;
  opt.limits.max_instructions = 100;
  Report r = run(prog("qreg q[60];\nh q;\nx q;\n"), opt);
  CHECK_FALSE(r.valid);
  REQUIRE(find(r, "E404"));
  CHECK(find(r, "E404")->span.line == 5);
}

TEST_CASE("a definition chain that doubles at every level stops at the expansion limit", "[limits]") {
  std::string src = prog("gate g0 a { x a; }\n");
  for (int i = 1; i <= 60; ++i)
    src +=
        "gate g" + std::to_string(i) + " a { g" + std::to_string(i - 1) + " a; g" + std::to_string(i - 1) + " a; }\n";
  src += "qreg q[1];\ng60 q[0];\n";
  Report r = run(src);
  CHECK_FALSE(r.valid);
  const Diagnostic* d = find(r, "E406");
  REQUIRE(d);
  CHECK(d->span.line == 65);
  // The same chain, defined but not applied, loads: only expansion is costly.
  Report unused = run(prog("gate g0 a { x a; }\ngate g1 a { g0 a; g0 a; }\nqreg q[1];\nx q[0];\n"));
  CHECK(unused.valid);
}

TEST_CASE("gate nesting limit", "[limits]") {
  Options opt;
  opt.limits.max_gate_nesting = 5;
  std::string src = prog("gate g0 a { x a; }\n");
  for (int i = 1; i <= 8; ++i) src += "gate g" + std::to_string(i) + " a { g" + std::to_string(i - 1) + " a; }\n";
  Report r = run(src, opt);
  CHECK_FALSE(r.valid);
  REQUIRE(find(r, "E405"));
  CHECK(find(r, "E405")->span.line == 8);  // g5 is the first nested 6 deep
}

TEST_CASE("10^5 nested parentheses give an error, not a stack overflow", "[limits]") {
  std::string deep(100000, '(');
  deep += "1";
  deep += std::string(100000, ')');
  Report r = run(prog("qreg q[1];\nrz(" + deep + ") q[0];\n"));
  CHECK_FALSE(r.valid);
  const Diagnostic* d = find(r, "E407");
  REQUIRE(d);
  CHECK(d->span.line == 4);
  CHECK(d->span.column == 4 + 128);
  CHECK(error_count(r) == 1);
  // Unary chains and power towers are bounded the same way.
  CHECK(find(run(prog("qreg q[1];\nrz(" + std::string(100000, '-') + "1) q[0];\n")), "E407"));
  std::string tower = "2";
  for (int i = 0; i < 20000; ++i) tower += "^2";
  CHECK(find(run(prog("qreg q[1];\nrz(" + tower + ") q[0];\n")), "E407"));
  // Moderate nesting is fine.
  CHECK(run(prog("qreg q[1];\nrz(" + std::string(50, '(') + "1" + std::string(50, ')') + ") q[0];\n")).valid);
}

TEST_CASE("NUL bytes and invalid UTF-8 end in an error report", "[limits][hostile]") {
  Report nul = run(prog(std::string("qreg q[1];\nh q[0];\0\0\n", 20)));
  CHECK_FALSE(nul.valid);
  REQUIRE(find(nul, "E101"));
  CHECK(find(nul, "E101")->span.line == 4);
  Report utf = run(prog("// caf\xC3\n qreg q[1];\n"));
  CHECK_FALSE(utf.valid);
  REQUIRE(find(utf, "E101"));
  CHECK(find(utf, "E101")->span.line == 3);
  CHECK(find(utf, "E101")->message.find("UTF-8") != std::string::npos);
  Report bin = run(std::string("\xFF\xFE\x00\x01\x80garbage\x00", 12));
  CHECK_FALSE(bin.valid);
  CHECK(find(bin, "E101"));
  check_report_invariants(bin, std::string("\xFF\xFE\x00\x01\x80garbage\x00", 12));  // serialisable despite the bytes
}

TEST_CASE("truncated programs at every byte never crash", "[limits][hostile]") {
  const std::string full = prog(
      "gate g(t) a, b { rz(t/2) a; cx a, b; }\nqreg q[2];\ncreg c[2];\n"
      "g(pi) q[0], q[1];\nif (c == 1) x q[0];\nbarrier q;\nmeasure q -> c;\n");
  size_t invalid = 0;
  for (size_t n = 0; n < full.size(); ++n) {
    Report r = run(full.substr(0, n));
    invalid += !r.valid;
    check_report_invariants(r, full.substr(0, n));
  }
  CHECK(invalid > full.size() / 2);
  CHECK(run(full).valid);
}

TEST_CASE("a 10^6-gate circuit fits the default limits", "[limits][large]") {
  std::string src = prog("qreg q[64];\ncreg c[64];\n");
  src.reserve(20'000'000);
  for (int i = 0; i < 250000; ++i) {
    int a = i % 64, b = (i * 7 + 1) % 64;
    if (a == b) b = (b + 1) % 64;
    src += "h q[" + std::to_string(a) + "];\nrz(0.25) q[" + std::to_string(b) + "];\ncx q[" + std::to_string(a) +
           "], q[" + std::to_string(b) + "];\nx q[" + std::to_string(b) + "];\n";
  }
  Report r = run(src);
  REQUIRE(r.valid);
  CHECK(r.gates == 1000000);
  CHECK(r.metrics.nonlocal_gates == 250000);
}
