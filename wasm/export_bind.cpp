// Embind: export. The result crosses as JSON text, the object `qvet export --json` prints.
#include <emscripten/bind.h>

#include "options.hpp"
#include "qvet.hpp"

namespace {

// `to` is "qasm2" or "qasm3" (the package checks it first).
std::string export_json(const std::string& code, const std::string& to, const std::string& options) {
  qvet::Options opt;
  const qvet::Format target = to == "qasm3" ? qvet::Format::Qasm3 : qvet::Format::Qasm2;
  const std::string err = qvet::wasm::parse_options(options, opt, nullptr);
  if (err.empty()) return qvet::to_json(qvet::export_circuit(code, target, opt));
  // Options the package let through but the core refuses: the source is not even read.
  qvet::Export e;
  e.format = to;
  e.report = qvet::validate("", qvet::Options{});
  e.report.diagnostics.assign(1, {qvet::Severity::Error, "E100", err, {}});
  e.report.valid = false;
  e.report.format = "unknown";
  return qvet::to_json(e);
}

}  // namespace

void init_export() { emscripten::function("exportCircuit", &export_json); }
