// Shared helpers for the test files: run the core on a snippet, find a diagnostic, read counts.
#pragma once
#include <catch2/catch.hpp>
#include <string>

#include "qvet.hpp"

namespace qvet::test {

inline Report run(const std::string& src, Options opt = {}) { return validate(src, opt); }

inline Report run_ops(const std::string& src) {
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

inline std::string dump(const Report& r) { return to_json(r, 1); }

// The header every snippet starts with.
inline std::string prog(const std::string& body) { return "OPENQASM 2.0;\ninclude \"qelib1.inc\";\n" + body; }

}  // namespace qvet::test
