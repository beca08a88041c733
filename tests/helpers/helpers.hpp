// Shared helpers for the test files: run the core on a snippet, find a diagnostic, read counts.
#pragma once
#include <catch2/catch.hpp>

#include <dirent.h>
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "qvet.hpp"
#include "util/sha256.hpp"

// Ends the current test as skipped (ctest reports it as "Skipped", not "Passed"): the message
// carries the marker that tests/cpp/CMakeLists.txt gives ctest as SKIP_REGULAR_EXPRESSION.
#define QVET_SKIP(msg)          \
  do {                          \
    WARN("QVET_SKIP: " << msg); \
    return;                     \
  } while (0)

namespace qvet::test {

// With QVET_FIXTURE_DIR set, every circuit validated with default options is also written there
// (ops/ for those asked with operations), so the WebAssembly parity test can replay them all.
inline void dump_fixture(const std::string& src, bool ops) {
  const char* dir = std::getenv("QVET_FIXTURE_DIR");
  if (!dir) return;
  std::ofstream(std::string(dir) + (ops ? "/ops/" : "/") + sha256_hex(src).substr(0, 16) + ".qasm", std::ios::binary)
      << src;
}

inline bool is_default(const Options& o) {
  const Options d;
  return o.format == d.format && o.strict == d.strict && !o.include_operations &&
         o.limits.max_source_bytes == d.limits.max_source_bytes && o.limits.max_qubits == d.limits.max_qubits &&
         o.limits.max_clbits == d.limits.max_clbits && o.limits.max_instructions == d.limits.max_instructions &&
         o.limits.max_gate_nesting == d.limits.max_gate_nesting &&
         o.limits.max_expanded_ops == d.limits.max_expanded_ops && o.limits.max_expr_depth == d.limits.max_expr_depth &&
         o.limits.max_diagnostics == d.limits.max_diagnostics && o.limits.max_qasm3_steps == d.limits.max_qasm3_steps;
}

inline Report run(const std::string& src, Options opt = {}) {
  if (is_default(opt)) dump_fixture(src, false);
  return validate(src, opt);
}

inline Report run_ops(const std::string& src) {
  dump_fixture(src, true);
  Options opt;
  opt.include_operations = true;
  return validate(src, opt);
}

// The first diagnostic with this code, or nullptr.
inline const Diagnostic* find(const Report& r, const std::string& code) {
  for (const Diagnostic& d : r.diagnostics)
    if (d.code == code) return &d;
  return nullptr;
}

inline size_t count_code(const Report& r, const std::string& code) {
  size_t n = 0;
  for (const Diagnostic& d : r.diagnostics) n += d.code == code;
  return n;
}

inline size_t error_count(const Report& r) {
  size_t n = 0;
  for (const Diagnostic& d : r.diagnostics) n += d.severity == Severity::Error;
  return n;
}

inline uint64_t count_of(const std::vector<GateCount>& counts, const std::string& name) {
  for (const GateCount& g : counts)
    if (g.name == name) return g.count;
  return 0;
}

// Every diagnostic of a report, a line each ("E204 4:5 message"), for INFO on a failure.
inline std::string errors_of(const Report& r) {
  std::string s;
  for (const Diagnostic& d : r.diagnostics)
    s += d.code + " " + std::to_string(d.span.line) + ":" + std::to_string(d.span.column) + " " + d.message + "\n";
  return s;
}

// count_ops as text in Qiskit's order, "name:count name:count ...", for comparing with a literal.
inline std::string counts_text(const std::vector<GateCount>& counts) {
  std::string s;
  for (const GateCount& g : counts) s += (s.empty() ? "" : " ") + g.name + ":" + std::to_string(g.count);
  return s;
}
// The circuit's count_ops as written.
inline std::string counts_of(const Report& r) { return counts_text(r.metrics.gate_types); }

inline std::string dump(const Report& r) { return to_json(r, 1); }

// What every report promises, whatever the input: valid exactly when no error is listed, every
// span inside the source, no figures for an invalid circuit, and JSON that parses back to the
// same verdict.
inline void check_report_invariants(const Report& r, const std::string& src) {
  size_t errors = 0;
  for (const Diagnostic& d : r.diagnostics) {
    errors += d.severity == Severity::Error;
    CHECK(d.span.line >= 1);
    CHECK(d.span.column >= 1);
    CHECK(d.span.end_line >= d.span.line);
    CHECK(uint64_t{d.span.offset} + d.span.length <= src.size());
  }
  CHECK(r.valid == (errors == 0));
  if (!r.valid) {
    CHECK(r.qubits == 0);
    CHECK(r.gates == 0);
    CHECK(r.metrics.depth == 0);
    CHECK(r.metrics.gate_types.empty());
  }
  CHECK(r.circuit_hash == sha256_hex(src));
  const nlohmann::json j = nlohmann::json::parse(to_json(r), nullptr, false);
  REQUIRE_FALSE(j.is_discarded());
  CHECK(j["valid"] == r.valid);
  CHECK(j["errors"].size() == errors + (r.dropped_diagnostics ? 1 : 0));
}

// The header every snippet starts with.
inline std::string prog(const std::string& body) { return "OPENQASM 2.0;\ninclude \"qelib1.inc\";\n" + body; }

// A file's bytes into *out; false when it cannot be opened.
inline bool read_file(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

// The files directly in `dir` whose names end in `ext` ("" for all but dotfiles), as dir/name,
// sorted; empty when the folder is absent.
inline std::vector<std::string> files_in(const std::string& dir, const std::string& ext = "") {
  std::vector<std::string> out;
  DIR* d = opendir(dir.c_str());
  if (!d) return out;
  while (dirent* e = readdir(d)) {
    const std::string name = e->d_name;
    if (name[0] == '.' || name.size() < ext.size() || name.compare(name.size() - ext.size(), ext.size(), ext) != 0)
      continue;
    out.push_back(dir + "/" + name);
  }
  closedir(d);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace qvet::test
