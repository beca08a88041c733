// Whole Qiskit Python files in the style of the tutorials, the textbook and IBM Quantum's guides
// (tests/data/python/*.py): each file's first line holds the figures Qiskit 1.0 reports for the
// circuit it builds, worked out by hand from Qiskit's rules, as one JSON comment:
//   # qvet-expect: {"qubits": 2, "clbits": 2, "depth": 3, "size": 4, "nonlocal": 1,
//                   "count_ops": {"measure": 2, "h": 1, "cx": 1}, "info": ["I601"]}
// "count_ops" is in Qiskit's order (by count, then first use); "info" and "warnings" list the codes
// of the infos and warnings qvet gives (omitted: none). Files under pending/ use what qvet does not
// read yet and are not run here.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "helpers.hpp"

using namespace qvet;

namespace {

// The *.py files directly in `dir`, by name, sorted.
std::vector<std::string> python_files(const std::string& dir) {
  std::vector<std::string> out;
  for (const std::string& path : test::files_in(dir, ".py")) out.push_back(path.substr(dir.size() + 1));
  return out;
}

std::string read_text(const std::string& path) {
  std::string out;
  test::read_file(path, &out);
  return out;
}

// The JSON after "# qvet-expect:" on the file's first line, or a discarded value.
nlohmann::ordered_json expectation(const std::string& src) {
  const std::string marker = "# qvet-expect:";
  const std::string first = src.substr(0, src.find('\n'));
  if (first.compare(0, marker.size(), marker) != 0)
    return nlohmann::ordered_json(nlohmann::ordered_json::value_t::discarded);
  return nlohmann::ordered_json::parse(first.substr(marker.size()), nullptr, false);
}

// count_ops as the expectation writes it, "name:count ..." in the object's order.
std::string expected_counts(const nlohmann::ordered_json& counts) {
  std::string s;
  for (auto it = counts.begin(); it != counts.end(); ++it)
    s += (s.empty() ? "" : " ") + it.key() + ":" + std::to_string(it.value().get<uint64_t>());
  return s;
}

// The codes of a severity, once each, sorted.
std::set<std::string> codes_of(const Report& r, Severity severity) {
  std::set<std::string> out;
  for (const Diagnostic& d : r.diagnostics)
    if (d.severity == severity) out.insert(d.code);
  return out;
}

std::set<std::string> code_list(const nlohmann::ordered_json& j, const char* key) {
  std::set<std::string> out;
  if (j.contains(key))
    for (const auto& c : j[key]) out.insert(c.get<std::string>());
  return out;
}

std::string joined(const std::set<std::string>& codes) {
  std::string s;
  for (const std::string& c : codes) s += (s.empty() ? "" : " ") + c;
  return s;
}

}  // namespace

TEST_CASE("python_files: whole Qiskit Python files give Qiskit 1.0's figures", "[python][files]") {
  const std::string dir = QVET_PYTHON_FILES_DIR;
  const std::vector<std::string> files = python_files(dir);
  INFO("directory: " << dir);
  REQUIRE(files.size() >= 60);
  for (const std::string& name : files) {
    INFO("file: " << name);
    const std::string src = read_text(dir + "/" + name);
    const nlohmann::ordered_json want = expectation(src);
    REQUIRE_FALSE(want.is_discarded());
    REQUIRE(want.is_object());
    Options opt;
    opt.format = Format::Python;
    const Report r = validate(src, opt);
    INFO(test::errors_of(r));
    REQUIRE(r.valid);
    CHECK(r.format == "python");
    CHECK(r.qubits == want.at("qubits").get<uint64_t>());
    CHECK(r.clbits == want.at("clbits").get<uint64_t>());
    CHECK(r.metrics.depth == want.at("depth").get<uint64_t>());
    CHECK(r.metrics.size == want.at("size").get<uint64_t>());
    CHECK(r.metrics.nonlocal_gates == want.at("nonlocal").get<uint64_t>());
    CHECK(test::counts_of(r) == expected_counts(want.at("count_ops")));
    // len(data): every instruction counted by count_ops, barriers included.
    uint64_t instructions = 0;
    for (auto it = want.at("count_ops").begin(); it != want.at("count_ops").end(); ++it)
      instructions += it.value().get<uint64_t>();
    CHECK(r.gates == instructions);
    CHECK(joined(codes_of(r, Severity::Info)) == joined(code_list(want, "info")));
    CHECK(joined(codes_of(r, Severity::Warning)) == joined(code_list(want, "warnings")));
  }
}

TEST_CASE("python_files: every pending Python file carries a readable expectation", "[python][files]") {
  const std::string dir = std::string(QVET_PYTHON_FILES_DIR) + "/pending";
  for (const std::string& name : python_files(dir)) {
    INFO("file: pending/" << name);
    const std::string src = read_text(dir + "/" + name);
    const nlohmann::ordered_json want = expectation(src);
    REQUIRE_FALSE(want.is_discarded());
    for (const char* key : {"qubits", "clbits", "depth", "size", "nonlocal", "count_ops"}) CHECK(want.contains(key));
  }
}
