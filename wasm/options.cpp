#include "options.hpp"

#include "api/option_json.hpp"
#include "api/option_schema.hpp"
#include "util/sha256.hpp"

namespace qvet::wasm {

// Every option is read by walking the core's option table; nothing here knows one by name.
std::string parse_options(const std::string& text, Options& opt, SimOptions* sim) {
  SimOptions unused;  // validate: the simulation's options are not read
  return options_from_json(text, sim ? kSimulateCall : kValidateCall, opt, sim ? *sim : unused);
}

std::string option_schema() { return option_schema_json(); }

std::string error_report(const std::string& code_text, const std::string& message) {
  Report r;
  r.circuit_hash = sha256_hex(code_text);  // still the hash of what was sent
  r.format = "unknown";
  r.diagnostics.push_back({Severity::Error, "E100", message, {}});
  return to_json(r);
}

}  // namespace qvet::wasm
