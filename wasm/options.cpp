#include "options.hpp"

#include <nlohmann/json.hpp>

#include "util/sha256.hpp"

namespace qvet::wasm {

namespace {
using json = nlohmann::json;

bool get_uint(const json& j, const char* key, uint64_t* out, std::string& err) {
  if (!j.contains(key)) return true;
  const json& v = j[key];
  if (!v.is_number_unsigned()) {
    err = std::string("option '") + key + "' must be a non-negative integer";
    return false;
  }
  *out = v.get<uint64_t>();
  return true;
}
bool get_bool(const json& j, const char* key, bool* out, std::string& err) {
  if (!j.contains(key)) return true;
  if (!j[key].is_boolean()) {
    err = std::string("option '") + key + "' must be true or false";
    return false;
  }
  *out = j[key].get<bool>();
  return true;
}
}  // namespace

std::string parse_options(const std::string& text, Options& opt, SimOptions* sim) {
  json j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return "options must be a JSON object";
  std::string err;
  if (j.contains("format")) {
    const json& f = j["format"];
    if (f == "auto") opt.format = Format::Auto;
    else if (f == "qasm2") opt.format = Format::Qasm2;
    else if (f == "python") opt.format = Format::Python;
    else return "option 'format' must be \"auto\", \"qasm2\" or \"python\"";
  }
  if (j.contains("backend")) {
    const json& b = j["backend"];
    if (b.is_string()) opt.backend = b.get<std::string>();
    else if (b.is_object()) opt.backend_json = b.dump();
    else return "option 'backend' must be a profile name or a backend object";
    const std::string problem = backend_problem(opt);
    if (!problem.empty()) return "option 'backend': " + problem;
  }
  if (j.contains("circuit")) {
    if (!j["circuit"].is_string()) return "option 'circuit' must be a string";
    opt.circuit = j["circuit"].get<std::string>();
  }
  if (!get_bool(j, "strict", &opt.strict, err) || !get_bool(j, "operations", &opt.include_operations, err)) return err;
  if (j.contains("limits")) {
    const json& l = j["limits"];
    if (!l.is_object()) return "option 'limits' must be an object";
    uint64_t v = 0;
    Limits& lim = opt.limits;
    if (!get_uint(l, "maxSourceBytes", &lim.max_source_bytes, err) || !get_uint(l, "maxQubits", &lim.max_qubits, err) ||
        !get_uint(l, "maxClbits", &lim.max_clbits, err) || !get_uint(l, "maxInstructions", &lim.max_instructions, err) ||
        !get_uint(l, "maxExpandedOps", &lim.max_expanded_ops, err))
      return err;
    if (l.contains("maxDiagnostics")) {
      if (!get_uint(l, "maxDiagnostics", &v, err)) return err;
      lim.max_diagnostics = static_cast<uint32_t>(std::min<uint64_t>(v, 100000));
    }
  }
  if (!sim) return "";
  if (!get_uint(j, "shots", &sim->shots, err) || !get_uint(j, "seed", &sim->seed, err) ||
      !get_bool(j, "statevector", &sim->statevector, err))
    return err;
  if (j.contains("maxQubits")) {
    uint64_t q = 0;
    if (!get_uint(j, "maxQubits", &q, err)) return err;
    sim->max_qubits = static_cast<unsigned>(std::min<uint64_t>(q, kDefaultSimQubits));
  }
  if (j.contains("parameters")) {
    const json& p = j["parameters"];
    if (!p.is_object()) return "option 'parameters' must be an object of numbers";
    for (const auto& [name, value] : p.items()) {
      if (!value.is_number()) return "option 'parameters' must be an object of numbers";
      sim->parameters.emplace_back(name, value.get<double>());
    }
  }
  if (j.contains("paulis")) {
    const json& p = j["paulis"];
    if (!p.is_array()) return "option 'paulis' must be an array of strings";
    for (const json& s : p) {
      if (!s.is_string()) return "option 'paulis' must be an array of strings";
      sim->paulis.push_back(s.get<std::string>());
    }
  }
  return "";
}

std::string error_report(const std::string& code_text, const std::string& message) {
  Report r;
  r.circuit_hash = sha256_hex(code_text);  // still the hash of what was sent
  r.format = "unknown";
  r.diagnostics.push_back({Severity::Error, "E100", message, {}});
  return to_json(r);
}

}  // namespace qvet::wasm
