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

namespace {
// The operations as nlohmann would build them, key by key: what the direct writer must equal.
nlohmann::ordered_json operations_by_nlohmann(const Report& r) {
  nlohmann::ordered_json ops = nlohmann::ordered_json::array();
  for (const OperationInfo& op : r.operations) {
    nlohmann::ordered_json params = nlohmann::ordered_json::array();
    for (size_t k = 0; k < op.params.size(); ++k) {
      if (k < op.param_text.size() && !op.param_text[k].empty())
        params.push_back(op.param_text[k]);
      else
        params.push_back(op.params[k]);
    }
    nlohmann::ordered_json j{
        {"name", op.name}, {"qubits", op.qubits}, {"clbits", op.clbits}, {"params", params}, {"layer", op.layer}};
    if (op.has_condition) j["condition"] = {{"creg", op.condition_creg}, {"value", op.condition_value}};
    j["line"] = op.span.line;
    j["column"] = op.span.column;
    if (op.span.cell) j["cell"] = op.span.cell;
    ops.push_back(j);
  }
  return ops;
}
}  // namespace

TEST_CASE("the operations are written as nlohmann writes them, compact and indented", "[report][operations]") {
  Options opt;
  opt.include_operations = true;
  // Numbers of every shape, a condition with a value past 64 bits, a barrier, a reset.
  const Report q2 = validate(prog("qreg q[3];\ncreg c[70];\nrz(pi/3) q[0];\nu(1e-5, -0.1, 123456789.25) q[1];\n"
                                  "rx(0) q[2];\nbarrier q;\nmeasure q[0] -> c[0];\n"
                                  "if (c == 1180591620717411303424) x q[1];\nreset q[2];\n"),
                             opt);
  // Python: symbolic parameters written as their expressions, with quotes and non-ASCII text.
  const Report py = validate(
      "from qiskit import QuantumCircuit\nfrom qiskit.circuit import Parameter\n"
      "θ = Parameter('θ')\nphi = Parameter('\"phi\"')\nqc = QuantumCircuit(2, 2)\nqc.rx(2 * θ, 0)\n"
      "qc.rzz(phi + 1, 0, 1)\nqc.measure([0, 1], [0, 1])\n",
      opt);
  // A notebook's operations carry their cell.
  const Report nb = validate(
      R"({"cells": [{"cell_type": "code", "source": ["from qiskit import QuantumCircuit\n", "qc = QuantumCircuit(1)\n"]},)"
      R"( {"cell_type": "code", "source": ["qc.h(0)\n"]}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5})",
      opt);
  for (const Report* r : {&q2, &py, &nb}) {
    INFO(r->format << ": " << (r->diagnostics.empty() ? "" : r->diagnostics[0].message));
    REQUIRE(r->valid);
    REQUIRE_FALSE(r->operations.empty());
    const nlohmann::ordered_json expected = operations_by_nlohmann(*r);
    for (int indent : {-1, 2}) {
      const nlohmann::ordered_json j = nlohmann::ordered_json::parse(to_json(*r, indent));
      CHECK(j["operations"] == expected);     // ordered: the keys' order counts too
      CHECK(j["qvet_version"] == version());  // what follows the array is intact
    }
  }
  CHECK(py.operations[0].param_text[0] == "2*θ");
  CHECK(nb.operations[0].span.cell == 2);
  // Compact output has no spaces between the fields of an operation.
  CHECK(to_json(q2).find(R"({"name":"rz","qubits":[0],"clbits":[],"params":[1.0471975511965976],"layer":0,)") !=
        std::string::npos);
}
