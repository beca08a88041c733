// Rules: the caller's RuleOptions (--disable, --enable, --error, --warning, the package's `rules`)
// and the source's own `qvet:` comments, applied to every diagnostic as it is added.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "api/option_json.hpp"
#include "helpers.hpp"
#include "source/rules.hpp"

using namespace qvet;
using namespace qvet::test;

namespace {

// The codes of a report's diagnostics, in order, each with its line.
std::vector<std::string> found(const Report& r) {
  std::vector<std::string> out;
  for (const Diagnostic& d : r.diagnostics) out.push_back(d.code + "@" + std::to_string(d.span.line));
  return out;
}

Report with_rules(const std::string& src, RuleOptions rules, bool strict = false) {
  Options opt;
  opt.rules = std::move(rules);
  opt.strict = strict;
  Report r = validate(src, opt);
  check_report_invariants(r, src);
  return r;
}

// W202 (an unused register, line 3) and W204 (a gate after a measurement, line 6).
const std::string kTwoWarnings = prog("qreg q[1];\nqreg spare[2];\ncreg c[1];\nmeasure q[0] -> c[0];\nh q[0];\n");

}  // namespace

TEST_CASE("rules: a code switched off, made an error, or kept as a warning under --strict", "[rules]") {
  const Report plain = with_rules(kTwoWarnings, {});
  REQUIRE(found(plain) == std::vector<std::string>{"W202@4", "W204@7"});
  CHECK(plain.suppressed_diagnostics == 0);

  RuleOptions off;
  off.disable = {"W204"};
  const Report quiet = with_rules(kTwoWarnings, off);
  CHECK(found(quiet) == std::vector<std::string>{"W202@4"});
  CHECK(quiet.valid);
  CHECK(quiet.suppressed_diagnostics == 1);
  CHECK(nlohmann::json::parse(to_json(quiet))["suppressed_diagnostics"] == 1);

  RuleOptions harsh;
  harsh.error = {"W204"};
  const Report strict204 = with_rules(kTwoWarnings, harsh);
  REQUIRE(strict204.diagnostics.size() == 2);
  CHECK(strict204.diagnostics[1].severity == Severity::Error);
  CHECK_THAT(strict204.diagnostics[1].message, Catch::EndsWith("(an error by the rules)"));
  CHECK_FALSE(strict204.valid);  // and, as for any invalid circuit, no figures (the invariants)

  // --strict makes W101 (no version line) an error; --warning keeps it a warning.
  const std::string unversioned = "include \"qelib1.inc\";\nqreg q[1];\nh q[0];\n";
  CHECK_FALSE(with_rules(unversioned, {}, /*strict=*/true).valid);
  RuleOptions lenient;
  lenient.warning = {"W101"};
  const Report kept = with_rules(unversioned, lenient, /*strict=*/true);
  CHECK(kept.valid);
  REQUIRE(found(kept) == std::vector<std::string>{"W101@1"});
  CHECK(kept.diagnostics[0].severity == Severity::Warning);
  CHECK(kept.diagnostics[0].message.find("strict") == std::string::npos);

  // One code in two lists: disable wins.
  RuleOptions both;
  both.disable = {"W204"};
  both.error = {"W204"};
  CHECK(found(with_rules(kTwoWarnings, both)) == std::vector<std::string>{"W202@4"});
}

TEST_CASE("rules: unknown codes, retired codes and errors are refused, with the reason", "[rules]") {
  CHECK(rule_code_problem("disable", "W204").empty());
  CHECK(rule_code_problem("error", "E204").empty());  // an error made an error: nothing to do, no harm
  CHECK(rule_code_problem("disable", "W9990") == "unknown diagnostic code 'W9990' (docs/diagnostics.md lists them)");
  CHECK(rule_code_problem("disable", "E204") ==
        "E204 is an error: the circuit cannot be read as written, so it cannot be switched off");
  CHECK(rule_code_problem("warning", "E305") ==
        "E305 is an error: the circuit cannot be read as written, so it cannot be made a warning");
  CHECK(rule_code_problem("disable", "E130") == "E130 is retired: qvet no longer reports it");
  // Through the package's JSON: comma-separated codes, and a refusal for a bad one.
  Options opt;
  SimOptions sim;
  CHECK(options_from_json(R"({"rules": {"disable": ["W204, W202"], "error": ["W205"]}})", kValidateCall, opt, sim)
            .empty());
  CHECK(opt.rules.disable == std::vector<std::string>{"W204", "W202"});
  CHECK(opt.rules.error == std::vector<std::string>{"W205"});
  Options bad;
  CHECK(options_from_json(R"({"rules": {"disable": ["E204"]}})", kValidateCall, bad, sim) ==
        "option 'disable': E204 is an error: the circuit cannot be read as written, so it cannot be switched off");
}

TEST_CASE("rules: OpenQASM comments switch a code off for the next line, this line or the file", "[rules]") {
  // Next line only: the second W204 stays.
  const std::string next =
      prog("qreg q[2];\ncreg c[2];\nmeasure q -> c;\n// qvet: disable-next-line W204\nh q[0];\nx q[1];\n");
  const Report a = with_rules(next, {});
  CHECK(found(a) == std::vector<std::string>{"W204@8"});
  CHECK(a.suppressed_diagnostics == 1);
  // This line, with a reason and two codes.
  const std::string line = prog(
      "qreg q[2];\ncreg c[2];\nmeasure q -> c;\nh q[0];  // qvet: disable-line W204, W203 -- deliberate\n"
      "x q[1];\n");
  CHECK(found(with_rules(line, {})) == std::vector<std::string>{"W204@7"});
  // The whole file, from a comment anywhere (OpenQASM 2 has no block comments; OpenQASM 3 below).
  const std::string file = kTwoWarnings + "// qvet: disable W204 W202\n";
  const Report c = with_rules(file, {});
  CHECK(c.diagnostics.empty());
  CHECK(c.suppressed_diagnostics == 2);
  // Text in a string is not a comment (an include path here: E120 stays, and nothing is switched off).
  const std::string in_string = "OPENQASM 2.0;\ninclude \"// qvet: disable E120.inc\";\nqreg q[1];\n";
  CHECK(found(with_rules(in_string, {})) == std::vector<std::string>{"E120@2"});
  // OpenQASM 3 reads the same comments.
  const std::string q3 =
      "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[1] q;\nbit[1] c;\nc[0] = measure q[0];\n"
      "h q[0];  /* qvet: disable-line W204 */\n";
  const Report d = with_rules(q3, {});
  CHECK(d.format == "qasm3");
  CHECK(d.suppressed_diagnostics == 1);
  for (const Diagnostic& diag : d.diagnostics) CHECK(diag.code != "W204");
}

TEST_CASE("rules: a qvet comment that is not understood is W209 at the comment", "[rules]") {
  const std::string src = prog(
      "qreg q[1];\n// qvet: disable W9990\n// qvet: disable E204\n// qvet: ignore W204\n// qvet: disable\n"
      "// an ordinary comment that mentions qvet: nothing happens\nh q[0];\n");
  const Report r = with_rules(src, {});
  std::vector<std::string> messages;
  for (const Diagnostic& d : r.diagnostics) {
    CHECK(d.code == "W209");
    messages.push_back(std::to_string(d.span.line) + ": " + d.message);
  }
  CHECK(messages == std::vector<std::string>{
                        "4: unknown diagnostic code 'W9990' (docs/diagnostics.md lists them)",
                        "5: E204 is an error: the circuit cannot be read as written, so it cannot be switched off",
                        "6: unknown qvet comment 'ignore': expected disable, disable-line or disable-next-line and "
                        "the codes",
                        "7: name the codes to switch off: qvet: disable W204",
                    });
  CHECK(r.valid);
  // W209 is a rule too.
  RuleOptions off;
  off.disable = {"W209"};
  CHECK(with_rules(src, off).diagnostics.empty());
}

TEST_CASE("rules: Python comments, after code for a line and alone for the file, never inside strings", "[rules]") {
  const std::string head = "from qiskit import QuantumCircuit\nqc = QuantumCircuit(2, 2)\nqc.measure([0, 1], [0, 1])\n";
  // After code: that line only.
  const Report a = with_rules(head + "qc.h(0)  # qvet: disable=W204\nqc.x(1)\n", {});
  CHECK(found(a) == std::vector<std::string>{"W204@5"});
  // On a line of its own: the file.
  const Report b = with_rules("# qvet: disable=W204\n" + head + "qc.h(0)\nqc.x(1)\n", {});
  CHECK(b.diagnostics.empty());
  CHECK(b.suppressed_diagnostics == 2);
  // Next line, in pylint's spelling.
  CHECK(found(with_rules(head + "# qvet: disable-next-line=W204\nqc.h(0)\nqc.x(1)\n", {})) ==
        std::vector<std::string>{"W204@6"});
  // A "# qvet:" inside strings, single- and triple-quoted, is text.
  const std::string strings =
      head + "note = '# qvet: disable=W204'\ndoc = \"\"\"\n# qvet: disable=W204\n\"\"\"\nqc.h(0)\n";
  CHECK(found(with_rules(strings, {})) == std::vector<std::string>{"W204@8"});
  // In a notebook, the comment's line is counted within the cells as the diagnostics' are.
  const std::string nb =
      R"({"cells": [{"cell_type": "code", "source": ["from qiskit import QuantumCircuit\n", "qc = QuantumCircuit(2, 2)\n"]},)"
      R"( {"cell_type": "code", "source": ["qc.measure([0, 1], [0, 1])\n", "qc.h(0)  # qvet: disable=W204\n", "qc.x(1)\n"]}],)"
      R"( "metadata": {}, "nbformat": 4, "nbformat_minor": 5})";
  const Report n = validate(nb);
  REQUIRE(n.diagnostics.size() == 1);
  CHECK(n.diagnostics[0].code == "W204");
  CHECK(n.diagnostics[0].span.cell == 2);
  CHECK(n.diagnostics[0].span.line == 3);
  CHECK(n.suppressed_diagnostics == 1);
}
