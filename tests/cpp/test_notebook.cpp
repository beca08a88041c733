// Jupyter notebooks: the code cells in order, read as one Qiskit file, with diagnostics naming the
// cell (1-based, over all cells, as the notebook's own order shows them) and the line within it.
#include <catch2/catch.hpp>
#include <string>

#include "helpers.hpp"

using namespace qvet;
using qvet::test::find;
using qvet::test::run;

namespace {
// A notebook of cells given as (type, source) pairs, in nbformat 4's JSON.
std::string notebook(const std::vector<std::pair<std::string, std::string>>& cells) {
  nlohmann::json nb = {{"nbformat", 4}, {"nbformat_minor", 5}, {"metadata", nlohmann::json::object()}};
  nb["cells"] = nlohmann::json::array();
  for (const auto& [type, source] : cells) {
    // Jupyter stores a cell's source as a list of lines, each keeping its newline.
    nlohmann::json lines = nlohmann::json::array();
    size_t start = 0;
    while (start < source.size()) {
      size_t nl = source.find('\n', start);
      size_t end = nl == std::string::npos ? source.size() : nl + 1;
      lines.push_back(source.substr(start, end - start));
      start = end;
    }
    nb["cells"].push_back({{"cell_type", type}, {"metadata", nlohmann::json::object()}, {"source", lines}});
  }
  return nb.dump(1);
}
}  // namespace

TEST_CASE("a notebook's code cells are read in order, diagnostics name the cell and its line", "[python][notebook]") {
  const std::string nb = notebook({
      {"markdown", "# GHZ\nThree qubits, entangled."},
      {"code", "%matplotlib inline\nfrom qiskit import QuantumCircuit\nfrom qiskit_aer import AerSimulator\n"},
      {"code", "qc = QuantumCircuit(3)\nqc.h(0)\nqc.cx(0, 1)\nqc.cx(1, 2)\nqc.measure_all()\nqc.draw('mpl')"},
      {"markdown", "Run it:"},
      {"code", "counts = AerSimulator().run(qc).result().get_counts()\nprint(counts)\n"},
  });
  Report r = run(nb);
  INFO(test::errors_of(r));
  REQUIRE(r.valid);
  CHECK(r.format == "python");
  CHECK(test::counts_of(r) == "measure:3 cx:2 h:1 barrier:1");
  CHECK(r.metrics.depth == 4);
  const Diagnostic* magic = find(r, "I602");
  REQUIRE(magic);
  CHECK(magic->span.cell == 2);
  CHECK(magic->span.line == 1);
  const Diagnostic* ran = find(r, "I601");
  REQUIRE(ran);
  CHECK(ran->span.cell == 5);
  CHECK(ran->span.line == 1);
  // An error in the third cell's fourth line, at its column; the JSON report says "cell".
  const std::string bad = notebook({{"code", "from qiskit import QuantumCircuit\n"},
                                    {"markdown", "text"},
                                    {"code", "qc = QuantumCircuit(2)\nqc.h(0)\n\nqc.cx(0, 5)\n"}});
  r = run(bad);
  CHECK_FALSE(r.valid);
  const Diagnostic* e = find(r, "E606");
  REQUIRE(e);
  CHECK(e->span.cell == 3);
  CHECK(e->span.line == 4);
  CHECK(e->span.column == 10);
  CHECK(to_json(r).find("\"cell\":3") != std::string::npos);
  // Not a notebook qvet can read: broken JSON, no code cells. OpenQASM is never taken for one.
  CHECK(find(run("{\"cells\": [ {\"cell_type\": \"code\", \"source\": [\"qc = 1\"] "), "E614"));
  CHECK(find(run(notebook({{"markdown", "only words"}})), "E614"));
  Options qasm;
  qasm.format = Format::Qasm2;
  CHECK(find(run("{\"cells\": []}", qasm), "E614") == nullptr);
}
