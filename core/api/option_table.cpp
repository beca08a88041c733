// The rows of the option table (see option_table.hpp for what is carried from them).
#include "api/option_table.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "qvet.hpp"
#include "source/rules.hpp"

namespace qvet {

namespace {

using json = nlohmann::json;

// The format choices in the package's order; the row's choices and its setter both come from here.
constexpr std::pair<const char*, Format> kFormats[] = {
    {"auto", Format::Auto}, {"qasm2", Format::Qasm2}, {"qasm3", Format::Qasm3}, {"python", Format::Python}};

// The most qubits a caller may ask to simulate. In WebAssembly the default is also the ceiling: a
// browser tab cannot hold more amplitudes. Natively the memory limit decides; 64 keeps 1 << n defined.
#ifdef __EMSCRIPTEN__
constexpr uint64_t kSimQubitsCeiling = kDefaultSimQubits;
#else
constexpr uint64_t kSimQubitsCeiling = 64;
#endif
// More simulation threads than this would only wait on memory.
constexpr uint64_t kThreadsCeiling = 256;
// A report with more diagnostics than this is no more useful, only bigger.
constexpr uint64_t kDiagnosticsCeiling = 100000;

std::string ok() { return {}; }

std::vector<std::string> format_names() {
  std::vector<std::string> names;
  for (const auto& f : kFormats) names.emplace_back(f.first);
  return names;
}

const char* format_name(Format f) {
  for (const auto& [name, format] : kFormats)
    if (format == f) return name;
  return "auto";
}

// A rules list (RuleOptions): codes, each checked, given one by one or comma-separated.
std::string store_codes(const char* what, const std::vector<std::string>& given, std::vector<std::string>& into) {
  for (const std::string& item : given) {
    size_t start = 0;
    while (start <= item.size()) {
      size_t comma = item.find(',', start);
      if (comma == std::string::npos) comma = item.size();
      std::string code = item.substr(start, comma - start);
      while (!code.empty() && code.front() == ' ') code.erase(0, 1);
      while (!code.empty() && code.back() == ' ') code.pop_back();
      if (std::string wrong = rule_code_problem(what, code); !wrong.empty()) return wrong;
      into.push_back(code);
      start = comma + 1;
    }
  }
  return ok();
}

std::vector<OptionRow> make_rows() {
  constexpr unsigned kAll = kValidateCall | kSimulateCall;  // what simulate() validates first
  constexpr unsigned kSim = kSimulateCall;
  using T = OptionType;
  using V = const OptionValue&;
  using O = const Options&;
  using S = const SimOptions&;
  return {
      {"format", "--format", "F", T::OneOf, kAll | kEquivalentCall, "Options::format",
       "the language of the source: qasm2, python (Qiskit code, read statically, never run) or auto, "
       "which tells them apart",
       format_names(),
       [](V v, Options& o, SimOptions&) {
         o.format = kFormats[v.count].second;
         return ok();
       },
       [](O o, S) -> json { return format_name(o.format); }},
      {"strict",
       "--strict",
       nullptr,
       T::Boolean,
       kAll | kEquivalentCall,
       "Options::strict",
       "departures from the OpenQASM 2 paper are errors, not warnings",
       {},
       [](V v, Options& o, SimOptions&) {
         o.strict = v.flag;
         return ok();
       },
       [](O o, S) -> json { return o.strict; }},
      {"operations",
       "--ops",
       nullptr,
       T::Boolean,
       kAll,
       "Options::include_operations",
       "include every operation with its layer in the report (to draw the circuit)",
       {},
       [](V v, Options& o, SimOptions&) {
         o.include_operations = v.flag;
         return ok();
       },
       [](O o, S) -> json { return o.include_operations; }},
      {"maxOperations",
       "--max-operations",
       "N",
       T::Count,
       kAll,
       "Options::max_operations",
       "with operations: list only the first N (0 lists all), what a drawing of a big circuit needs",
       {},
       [](V v, Options& o, SimOptions&) {
         o.max_operations = v.count;
         return ok();
       },
       [](O o, S) -> json { return o.max_operations; }},
      // One of the two fields, never both; what is wrong with the backend is only known once it is
      // looked up, so the setter says (the CLI then tries the name as a file).
      {"backend",
       "--backend",
       "B",
       T::Backend,
       kAll,
       "Options::backend, Options::backend_json",
       "check against a device: a profile or IBM device name (as qvet backends and the package's "
       "backends list them), line-N, ring-N, grid-RxC, all-to-all-N, or a configuration shaped like "
       "Qiskit's (on the CLI, a JSON file)",
       {},
       [](V v, Options& o, SimOptions&) {
         o.backend = v.is_object ? "" : v.text;
         o.backend_json = v.is_object ? v.text : "";
         return backend_problem(o);
       },
       [](O o, S) -> json {
         if (o.backend_json.empty()) return o.backend;
         json j = json::parse(o.backend_json, nullptr, false);
         return j.is_discarded() ? json(o.backend_json) : j;
       }},
      {"circuit",
       "--circuit",
       "NAME",
       T::Identifier,
       kAll,
       "Options::circuit",
       "Python: the variable holding the circuit to report (default: the last QuantumCircuit built)",
       {},
       [](V v, Options& o, SimOptions&) {
         o.circuit = v.text;
         return ok();
       },
       [](O o, S) -> json { return o.circuit; }},
      // The limits: the package only (a CLI user has the memory of the whole machine).
      {"rules.disable",
       "--disable",
       "CODE",
       T::StringList,
       kAll,
       "Options::rules.disable",
       "do not report this warning or info (a code of docs/diagnostics.md; several comma-separated)",
       {},
       [](V v, Options& o, SimOptions&) { return store_codes("disable", v.strings, o.rules.disable); },
       [](O o, S) -> json { return o.rules.disable; }},
      {"rules.enable",
       "--enable",
       "CODE",
       T::StringList,
       kAll,
       "Options::rules.enable",
       "report this code, which is off by default",
       {},
       [](V v, Options& o, SimOptions&) { return store_codes("enable", v.strings, o.rules.enable); },
       [](O o, S) -> json { return o.rules.enable; }},
      {"rules.error",
       "--error",
       "CODE",
       T::StringList,
       kAll,
       "Options::rules.error",
       "report this warning as an error (the circuit is then invalid)",
       {},
       [](V v, Options& o, SimOptions&) { return store_codes("error", v.strings, o.rules.error); },
       [](O o, S) -> json { return o.rules.error; }},
      {"rules.warning",
       "--warning",
       "CODE",
       T::StringList,
       kAll,
       "Options::rules.warning",
       "keep this code a warning where --strict would make it an error",
       {},
       [](V v, Options& o, SimOptions&) { return store_codes("warning", v.strings, o.rules.warning); },
       [](O o, S) -> json { return o.rules.warning; }},
      {"limits.maxSourceBytes",
       nullptr,
       nullptr,
       T::Count,
       kAll,
       "Limits::max_source_bytes",
       "refuse a source of more bytes",
       {},
       [](V v, Options& o, SimOptions&) {
         o.limits.max_source_bytes = v.count;
         return ok();
       },
       [](O o, S) -> json { return o.limits.max_source_bytes; }},
      {"limits.maxQubits",
       nullptr,
       nullptr,
       T::Count,
       kAll,
       "Limits::max_qubits",
       "refuse more qubits, over all qregs",
       {},
       [](V v, Options& o, SimOptions&) {
         o.limits.max_qubits = v.count;
         return ok();
       },
       [](O o, S) -> json { return o.limits.max_qubits; }},
      {"limits.maxClbits",
       nullptr,
       nullptr,
       T::Count,
       kAll,
       "Limits::max_clbits",
       "refuse more classical bits, over all cregs",
       {},
       [](V v, Options& o, SimOptions&) {
         o.limits.max_clbits = v.count;
         return ok();
       },
       [](O o, S) -> json { return o.limits.max_clbits; }},
      {"limits.maxInstructions",
       nullptr,
       nullptr,
       T::Count,
       kAll,
       "Limits::max_instructions",
       "refuse more instructions, counted after broadcasting over registers",
       {},
       [](V v, Options& o, SimOptions&) {
         o.limits.max_instructions = v.count;
         return ok();
       },
       [](O o, S) -> json { return o.limits.max_instructions; }},
      {"limits.maxExpandedOps",
       nullptr,
       nullptr,
       T::Count,
       kAll,
       "Limits::max_expanded_ops",
       "refuse more operations once custom gates are expanded",
       {},
       [](V v, Options& o, SimOptions&) {
         o.limits.max_expanded_ops = v.count;
         return ok();
       },
       [](O o, S) -> json { return o.limits.max_expanded_ops; }},
      {"limits.maxDiagnostics",
       nullptr,
       nullptr,
       T::Count,
       kAll,
       "Limits::max_diagnostics",
       "errors and warnings kept in a report, up to 100000",
       {},
       [](V v, Options& o, SimOptions&) {
         o.limits.max_diagnostics = static_cast<uint32_t>(std::min(v.count, kDiagnosticsCeiling));
         return ok();
       },
       [](O o, S) -> json { return o.limits.max_diagnostics; }},
      {"shots",
       "--shots",
       "N",
       T::Count,
       kSim,
       "SimOptions::shots",
       "samples to draw",
       {},
       [](V v, Options&, SimOptions& s) {
         s.shots = v.count;
         return ok();
       },
       [](O, S s) -> json { return s.shots; }},
      {"precision",
       "--precision",
       "P",
       T::OneOf,
       kSim,
       "SimOptions::precision",
       "of the amplitudes: double, or single (half the memory; the same on every platform for each)",
       {"double", "single"},
       [](V v, Options&, SimOptions& s) {
         s.precision = v.count == 1 ? Precision::Single : Precision::Double;
         return ok();
       },
       [](O, S s) -> json { return s.precision == Precision::Single ? "single" : "double"; }},
      {"threads",
       "--threads",
       "N",
       T::Count,
       kSim,
       "SimOptions::threads",
       "threads for the simulation, 0 for one a core (WebAssembly without threads: one); the same amplitudes "
       "for any number",
       {},
       [](V v, Options&, SimOptions& s) {
         s.threads = static_cast<unsigned>(std::min<uint64_t>(v.count, kThreadsCeiling));
         return ok();
       },
       [](O, S s) -> json { return s.threads; }},
      {"seed",
       "--seed",
       "S",
       T::Count,
       kSim,
       "SimOptions::seed",
       "the same seed gives the same counts on every platform",
       {},
       [](V v, Options&, SimOptions& s) {
         s.seed = v.count;
         return ok();
       },
       [](O, S s) -> json { return s.seed; }},
      {"statevector",
       "--statevector",
       nullptr,
       T::Boolean,
       kSim,
       "SimOptions::statevector",
       "include the final amplitudes (up to 16 qubits)",
       {},
       [](V v, Options&, SimOptions& s) {
         s.statevector = v.flag;
         return ok();
       },
       [](O, S s) -> json { return s.statevector; }},
      {"maxQubits",
       "--max-qubits",
       "N",
       T::Count,
       kSim,
       "SimOptions::max_qubits",
       "refuse larger circuits before allocating; at most 24 in WebAssembly",
       {},
       [](V v, Options&, SimOptions& s) {
         s.max_qubits = static_cast<unsigned>(std::min(v.count, kSimQubitsCeiling));
         return ok();
       },
       [](O, S s) -> json { return s.max_qubits; }},
      {"parameters",
       "--param",
       "NAME=X",
       T::NumberMap,
       kSim,
       "SimOptions::parameters",
       "values of the circuit's Parameters (Qiskit Python input), by name; every one is needed",
       {},
       [](V v, Options&, SimOptions& s) {
         s.parameters.insert(s.parameters.end(), v.numbers.begin(), v.numbers.end());
         return ok();
       },
       [](O, S s) -> json {
         json m = json::object();
         for (const auto& [name, x] : s.parameters) m[name] = x;
         return m;
       }},
      {"paulis",
       "--pauli",
       "P",
       T::StringList,
       kSim,
       "SimOptions::paulis",
       "Pauli strings such as ZZI (qubit 0 rightmost) whose expectation values to report",
       {},
       [](V v, Options&, SimOptions& s) {
         s.paulis.insert(s.paulis.end(), v.strings.begin(), v.strings.end());
         return ok();
       },
       [](O, S s) -> json { return s.paulis; }},
  };
}

}  // namespace

const std::vector<OptionRow>& option_table() {
  static const std::vector<OptionRow> rows = make_rows();
  return rows;
}

std::string_view option_group(const OptionRow& row) {
  const std::string_view key = row.key;
  const size_t dot = key.find('.');
  return dot == std::string_view::npos ? std::string_view() : key.substr(0, dot);
}

std::string_view option_leaf(const OptionRow& row) {
  const std::string_view key = row.key;
  const size_t dot = key.find('.');
  return dot == std::string_view::npos ? key : key.substr(dot + 1);
}

const char* option_type_name(OptionType type) {
  switch (type) {
    case OptionType::Boolean: return "boolean";
    case OptionType::Count: return "count";
    case OptionType::Identifier: return "identifier";
    case OptionType::OneOf: return "oneOf";
    case OptionType::Backend: return "backend";
    case OptionType::NumberMap: return "numberMap";
    case OptionType::StringList: return "stringList";
  }
  return "unknown";
}

std::string option_default_text(const OptionRow& row) {
  const json d = row.read(Options{}, SimOptions{});
  if (d.is_number_unsigned()) return std::to_string(d.get<uint64_t>());
  if (d.is_string()) return d.get<std::string>();
  return "";  // false, an empty map or list: the option is simply off
}

std::string option_choices_text(const OptionRow& row, bool quote) {
  std::string out;
  for (size_t i = 0; i < row.choices.size(); ++i) {
    if (i) out += i + 1 == row.choices.size() ? " or " : ", ";
    out += quote ? "\"" + row.choices[i] + "\"" : row.choices[i];
  }
  return out;
}

}  // namespace qvet
