// The JSON report: the old service's fields with their old meaning, plus qvet's own.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "helpers.hpp"
#include "util/sha256.hpp"

using namespace qvet;
using namespace qvet::test;
using nlohmann::json;

TEST_CASE("the report is a superset of the old /validate response", "[report]") {
  const std::string src = prog("qreg q[2];\ncreg c[2];\nh q[0];\ncx q[0], q[1];\nmeasure q -> c;\n");
  json j = json::parse(to_json(validate(src)));
  for (const char* key : {"valid", "circuit_hash", "depth", "qubits", "gates", "gate_types", "estimated_execution_time",
                          "errors", "warnings"})
    CHECK(j.contains(key));
  CHECK(j["valid"] == true);
  CHECK(j["circuit_hash"] == sha256_hex(src));
  CHECK(j["depth"] == 3);
  CHECK(j["qubits"] == 2);
  CHECK(j["gates"] == 4);
  CHECK(j["gate_types"] == json({{"measure", 2}, {"h", 1}, {"cx", 1}}));
  CHECK(j["estimated_execution_time"].get<double>() == 3 * 0.1 + 4 * 0.01);
  CHECK(j["errors"] == json::array());
  CHECK(j["warnings"] == json::array());
  // gate_types keeps count_ops' order in the text itself.
  std::string text = to_json(validate(src));
  CHECK(text.find("\"measure\"") < text.find("\"h\""));
}

TEST_CASE("qvet's own fields", "[report]") {
  json j = json::parse(to_json(validate(prog("qreg q[2];\ncreg c[1];\nh q[0];\nbarrier q;\ncx q[0], q[1];\n"))));
  CHECK(j["format"] == "qasm2");
  CHECK(j["version"] == "2.0");
  CHECK(j["clbits"] == 1);
  CHECK(j["size"] == 2);
  CHECK(j["nonlocal_gates"] == 1);
  CHECK(j["two_qubit_gates"] == 1);
  CHECK(j["ops_per_qubit"] == json({2, 1}));
  CHECK(j["expanded"]["depth"] == 2);
  CHECK(j["registers"]["qregs"][0] == json({{"name", "q"}, {"size", 2}}));
  CHECK(j["diagnostics"].size() == 1);  // creg c never used
  CHECK(j["diagnostics"][0]["code"] == "W202");
  CHECK(j["qvet_version"] == std::string(version()));
  CHECK_FALSE(j.contains("operations"));
}

TEST_CASE("errors and warnings are strings, diagnostics carry the structure", "[report]") {
  json j = json::parse(to_json(validate(prog("qreg q[1];\nfoo q[0];\n"))));
  CHECK(j["valid"] == false);
  REQUIRE(j["errors"].size() == 1);
  CHECK(j["errors"][0] == "4:1: unknown gate 'foo' [E305]");
  const json& d = j["diagnostics"][0];
  CHECK(d["severity"] == "error");
  CHECK(d["code"] == "E305");
  CHECK(d["line"] == 4);
  CHECK(d["column"] == 1);
  CHECK(d["end_line"] == 4);
  CHECK(d["end_column"] == 4);
}

TEST_CASE("operations list, when asked for", "[report]") {
  Options opt;
  opt.include_operations = true;
  json j =
      json::parse(to_json(validate(prog("qreg q[2];\ncreg c[2];\nrx(0.5) q[0];\nif (c == 2) cx q[0], q[1];\n"), opt)));
  REQUIRE(j["operations"].size() == 2);
  CHECK(j["operations"][0] == json({{"name", "rx"},
                                    {"qubits", {0}},
                                    {"clbits", json::array()},
                                    {"params", {0.5}},
                                    {"layer", 0},
                                    {"line", 5},
                                    {"column", 1}}));
  CHECK(j["operations"][1]["condition"] == json({{"creg", "c"}, {"value", "2"}}));
  CHECK(j["operations"][1]["layer"] == 1);
}

TEST_CASE("Qiskit Python input is recognised, and --format qasm2 overrides the guess", "[report][format]") {
  Report r = validate("from qiskit import QuantumCircuit\nqc = QuantumCircuit(2)\n");
  CHECK(r.valid);
  CHECK(r.format == "python");
  Options forced;
  forced.format = Format::Qasm2;
  Report f = validate("from qiskit import QuantumCircuit\n", forced);
  CHECK(f.format == "qasm2");
  CHECK_FALSE(f.valid);
}

TEST_CASE("max_operations lists only the first operations, and says the list was cut", "[report][operations]") {
  const std::string src =
      "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\nh q[0];\ncx q[0], q[1];\nx q[1];\nz q[0];\n";
  Options opt;
  opt.include_operations = true;
  const Report all = validate(src, opt);
  REQUIRE(all.operations.size() == 4);
  CHECK_FALSE(all.operations_truncated);
  CHECK(to_json(all).find("operations_truncated") == std::string::npos);
  opt.max_operations = 2;
  const Report cut = validate(src, opt);
  REQUIRE(cut.operations.size() == 2);
  CHECK(cut.operations_truncated);
  CHECK(cut.operations[1].name == "cx");
  CHECK(cut.gates == 4);  // the figures are the whole circuit's
  CHECK(cut.metrics.depth == all.metrics.depth);
  CHECK(nlohmann::json::parse(to_json(cut))["operations_truncated"] == true);
  opt.max_operations = 4;  // exactly as many: nothing cut
  CHECK_FALSE(validate(src, opt).operations_truncated);
}
