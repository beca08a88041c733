// Embind: validation. Reports cross the boundary as JSON text (one JSON.parse on the JS side), so
// the package returns exactly the object the CLI prints with --json.
#include <emscripten/bind.h>

#include <nlohmann/json.hpp>

#include "options.hpp"
#include "qvet.hpp"

namespace {

std::string validate_json(const std::string& code, const std::string& options) {
  qvet::Options opt;
  std::string err = qvet::wasm::parse_options(options, opt, nullptr);
  if (!err.empty()) return qvet::wasm::error_report(code, err);
  return qvet::to_json(qvet::validate(code, opt));
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

}  // namespace

void init_validate() {
  emscripten::function("validate", &validate_json);
  emscripten::function("version", &version);
  emscripten::function("backends", &backends_json);
}
