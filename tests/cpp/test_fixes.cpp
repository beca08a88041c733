// Quick fixes (core/service/fixes.hpp): each certain remedy, applied, gives the program meant;
// where the remedy is not certain (two close names, a size from a constant), there is none.
#include <catch2/catch.hpp>

#include "helpers.hpp"

using namespace qvet;
using namespace qvet::test;

namespace {

// The source with one fix's edits applied (from the end, so the offsets hold).
std::string applied(std::string src, const Fix& f) {
  std::vector<TextEdit> edits = f.edits;
  std::sort(edits.begin(), edits.end(),
            [](const TextEdit& a, const TextEdit& b) { return a.span.offset > b.span.offset; });
  for (const TextEdit& e : edits) src.replace(e.span.offset, e.span.length, e.text);
  return src;
}

// The first fix of the first diagnostic with `code`; fails the test when there is none.
std::string fixed(const std::string& src, const std::string& code, std::string* title = nullptr) {
  const Report r = validate(src);
  const Diagnostic* d = find(r, code);
  INFO(src);
  REQUIRE(d);
  REQUIRE(d->fixes.size() == 1);
  if (title) *title = d->fixes[0].title;
  return applied(src, d->fixes[0]);
}

size_t fixes_of(const std::string& src, const std::string& code) {
  const Report r = validate(src);
  const Diagnostic* d = find(r, code);
  return d ? d->fixes.size() : 0;
}

}  // namespace

TEST_CASE("fix: the missing version line and the missing include", "[fixes]") {
  std::string title;
  const std::string v = fixed("include \"qelib1.inc\";\nqreg q[1];\nh q[0];\n", "W101", &title);
  CHECK(title == "Add the version line 'OPENQASM 2.0;'");
  CHECK(v == "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[1];\nh q[0];\n");
  CHECK(validate(v).diagnostics.empty());
  const std::string inc = fixed("OPENQASM 2.0;\nqreg q[2];\nh q[0];\ncx q[0], q[1];\n", "E305", &title);
  CHECK(title == "Add 'include \"qelib1.inc\";'");
  CHECK(inc == "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\nh q[0];\ncx q[0], q[1];\n");
  CHECK(validate(inc).valid);
  // OpenQASM 3: a stdgates.inc gate read as Braket's built-in (W124), and the include that makes it Qiskit's.
  const std::string inc3 = fixed("OPENQASM 3.0;\nqubit q;\nh q;\n", "W124", &title);
  CHECK(inc3 == "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit q;\nh q;\n");
  CHECK(validate(inc3).valid);
  CHECK(validate(inc3).diagnostics.empty());
  // Not when the program also uses a Braket name stdgates.inc lacks: the include would hide it.
  CHECK(fixes_of("OPENQASM 3.0;\nqubit[2] q;\nh q[0];\ncnot q[0], q[1];\n", "W124") == 0);
  // An OpenQASM 3 library gate without any Braket reading: E305, with the include as its fix.
  const std::string cx3 = fixed("OPENQASM 3.0;\nqubit[2] q;\ncx q[0], q[1];\n", "E305", &title);
  CHECK(cx3 == "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[2] q;\ncx q[0], q[1];\n");
  CHECK(validate(cx3).valid);
}

TEST_CASE("fix: a gate name with one close match, and other tools' names", "[fixes]") {
  std::string title;
  const std::string head = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[3];\n";
  const std::string cnot = fixed(head + "cnot q[0], q[1];\n", "E305", &title);
  CHECK(title == "Change 'cnot' to 'cx'");
  CHECK(cnot == head + "cx q[0], q[1];\n");
  CHECK(fixed(head + "toffoli q[0], q[1], q[2];\n", "E305") == head + "ccx q[0], q[1], q[2];\n");
  CHECK(fixed(head + "sdag q[0];\n", "E305") == head + "sdg q[0];\n");
  CHECK(fixed(head + "cswp q[0], q[1], q[2];\n", "E305") == head + "cswap q[0], q[1], q[2];\n");
  // The program's own gate, misspelt by a transposition.
  const std::string own = head + "gate bell a, b { h a; cx a, b; }\n";
  CHECK(fixed(own + "blel q[0], q[1];\n", "E305") == own + "bell q[0], q[1];\n");
  // Not certain: two names a letter away (hh: h, ch), or none near.
  CHECK(fixes_of(head + "hh q[0];\n", "E305") == 0);
  CHECK(fixes_of(head + "frobnicate q[0];\n", "E305") == 0);
}

TEST_CASE("fix: a register grown for an index past its end", "[fixes]") {
  std::string title;
  const std::string src = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\ncreg c[2];\nh q[0];\ncx q[0], q[3];\n";
  const std::string grown = fixed(src, "E204", &title);
  CHECK(title == "Grow 'q' to 4 qubits");
  CHECK(grown.find("qreg q[4];") != std::string::npos);
  const Report r = validate(grown);
  CHECK(r.valid);
  CHECK(r.qubits == 4);
  CHECK(fixed("OPENQASM 2.0;\nqreg q[1];\ncreg c[1];\nmeasure q[0] -> c[2];\n", "E204", &title).find("creg c[3];") !=
        std::string::npos);
  CHECK(title == "Grow 'c' to 3 bits");
  // OpenQASM 3: a literal size grows; one from a constant is left to the user.
  CHECK(fixed("OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[2] q;\nx q[2];\n", "E204").find("qubit[3] q;") !=
        std::string::npos);
  CHECK(fixes_of("OPENQASM 3.0;\ninclude \"stdgates.inc\";\nconst uint n = 2;\nqubit[n] q;\nx q[2];\n", "E204") == 0);
}

TEST_CASE("fix: an unused register or gate removed with its line", "[fixes]") {
  std::string title;
  const std::string src =
      "OPENQASM 2.0;\ninclude \"qelib1.inc\";\ngate spare a { h a; }\nqreg q[1];\nqreg extra[2];\nh q[0];\n";
  const std::string reg = fixed(src, "W202", &title);
  CHECK(title == "Remove the unused register 'extra'");
  CHECK(reg == "OPENQASM 2.0;\ninclude \"qelib1.inc\";\ngate spare a { h a; }\nqreg q[1];\nh q[0];\n");
  const std::string gate = fixed(src, "W205", &title);
  CHECK(title == "Remove the unused gate 'spare'");
  CHECK(gate == "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[1];\nqreg extra[2];\nh q[0];\n");
  // Both applied: no warning left.
  const Report after = validate(fixed(gate, "W202"));
  CHECK(after.valid);
  CHECK(after.diagnostics.empty());
  // In the report's JSON, with the edits' positions.
  const std::string json = to_json(validate(src));
  CHECK(json.find("\"fixes\":[{\"title\":\"Remove the unused register 'extra'\",\"edits\":[{\"line\":5,\"column\":1") !=
        std::string::npos);
}
