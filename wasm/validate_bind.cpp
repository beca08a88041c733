// Embind: validation. Reports cross the boundary as JSON text (one JSON.parse on the JS side), so
// the package returns exactly the object the CLI prints with --json.
#include <emscripten/bind.h>

#include <nlohmann/json.hpp>

#include "circuit/gates.hpp"
#include "diagnostics/codes.hpp"
#include "options.hpp"
#include "qvet.hpp"

namespace {

std::string validate_json(const std::string& code, const std::string& options) {
  qvet::Options opt;
  std::string err = qvet::wasm::parse_options(options, opt, nullptr);
  if (!err.empty()) return qvet::wasm::error_report(code, err);
  return qvet::to_json(qvet::validate(code, opt));
}

// The front end validate/simulate read this code with ("qasm2", "qasm3" or "python"): the worker
// asks the small module (qvet-lean, OpenQASM 2 only) before each call and moves the rest to the
// full one. Options that do not parse answer "": the call itself then reports what is wrong.
// `simulate` says which call's options these are.
std::string front_end(const std::string& code, const std::string& options, bool simulate) {
  qvet::Options opt;
  qvet::SimOptions sim;
  if (!qvet::wasm::parse_options(options, opt, simulate ? &sim : nullptr).empty()) return "";
  switch (qvet::front_end(code, opt)) {
    case qvet::Format::Python: return "python";
    case qvet::Format::Qasm3: return "qasm3";
    default: return "qasm2";
  }
}

bool reads_as_python(const std::string& code, const std::string& options, bool simulate) {
  return front_end(code, options, simulate) == "python";
}

std::string version() { return qvet::version(); }

// The built-in profiles, for the package's `backends` list and the page's picker.
std::string backends_json() {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const qvet::BackendProfileInfo& p : qvet::backend_profiles())
    list.push_back({{"name", p.name},
                    {"processor", p.processor},
                    {"qubits", p.qubits},
                    {"couplers", p.couplers},
                    {"basis_gates", p.basis},
                    {"devices", p.devices}});
  return list.dump();
}

const char* kernel_name(qvet::GateKernel k) {
  switch (k) {
    case qvet::GateKernel::Identity: return "identity";
    case qvet::GateKernel::Matrix: return "matrix";
    case qvet::GateKernel::Controlled: return "controlled";
    case qvet::GateKernel::Swap: return "swap";
    case qvet::GateKernel::Definition: return "definition";
  }
  return "matrix";
}

// The gate table, for the package's `gates` list and the page's diagram: a gate added to
// core/circuit/gates.cpp appears in both without another edit.
std::string gates_json() {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const qvet::GateRow& g : qvet::gate_rows()) {
    nlohmann::ordered_json aliases = nlohmann::ordered_json::array();
    for (std::string_view a : g.aliases)
      if (!a.empty()) aliases.push_back(a);
    const bool controlled = g.kernel == qvet::GateKernel::Controlled || g.kernel == qvet::GateKernel::Swap;
    nlohmann::ordered_json row{
        {"name", g.name},
        {"qiskit_name", g.qiskit_name},
        {"aliases", aliases},
        {"params", g.num_params},
        {"qubits", g.num_qubits},
        {"target_qubits", g.target_qubits},
        {"controlled", controlled && g.target_qubits != g.num_qubits},
        {"kernel", kernel_name(g.kernel)},
        {"label", g.label},
        {"inverse", g.inverse.name.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(g.inverse.name)},
        {"controlled_form",
         g.controlled.name.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(g.controlled.name)},
        {"openqasm2", g.in(qvet::kPrimitive) ? nlohmann::ordered_json("builtin")
                      : g.in(qvet::kQasm2)   ? nlohmann::ordered_json("qelib1")
                                             : nlohmann::ordered_json()},
        {"python_method", g.python.method ? nlohmann::ordered_json(g.python.method) : nlohmann::ordered_json()},
        {"python_class", g.python.cls ? nlohmann::ordered_json(g.python.cls) : nlohmann::ordered_json()}};
    list.push_back(std::move(row));
  }
  return list.dump();
}

// The diagnostic code table, for the package's `codes` list and the page's rules panel: a code
// added to core/diagnostics/codes.cpp appears in both without another edit.
std::string codes_json() {
  static const std::pair<unsigned, const char*> kOrigins[] = {
      {qvet::origin::qasm2, "qasm2"},     {qvet::origin::qasm3, "qasm3"},           {qvet::origin::python, "python"},
      {qvet::origin::backend, "backend"}, {qvet::origin::simulation, "simulation"}, {qvet::origin::package, "package"},
      {qvet::origin::exporter, "export"}};
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const qvet::DiagnosticCode& c : qvet::diagnostic_codes()) {
    nlohmann::ordered_json origins = nlohmann::ordered_json::array();
    for (const auto& [bit, name] : kOrigins)
      if (c.origin & bit) origins.push_back(name);
    const char* severity = c.severity == qvet::Severity::Error     ? "error"
                           : c.severity == qvet::Severity::Warning ? "warning"
                                                                   : "info";
    list.push_back({{"code", c.code},
                    {"severity", severity},
                    {"title", c.title},
                    {"origins", origins},
                    {"off_by_default", c.off_by_default},
                    {"strict_error", c.strict_error},
                    {"retired", c.retired},
                    {"docs", qvet::code_docs_url(c)}});
  }
  return list.dump();
}

}  // namespace

void init_validate() {
  emscripten::function("validate", &validate_json);
  emscripten::function("readsAsPython", &reads_as_python);
  emscripten::function("frontEnd", &front_end);
  emscripten::function("version", &version);
  emscripten::function("backends", &backends_json);
  emscripten::function("gates", &gates_json);
  emscripten::function("codes", &codes_json);
}
