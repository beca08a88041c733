#include "harness.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

#include "api/option_json.hpp"
#include "qvet.hpp"
#include "report/report_codec.hpp"

namespace qvet::fuzz {

namespace {

// Limits small enough that libFuzzer tries thousands of inputs a second, large enough that every
// path (loops unrolled, gates expanded, the Python interpreter's budgets) is reached: a bound hit
// early is a path too. The defaults' own bounds are tested in tests/cpp/test_limits.cpp.
Options fuzz_options(Format f) {
  Options o;
  o.format = f;
  o.limits.max_qubits = 256;
  o.limits.max_clbits = 256;
  o.limits.max_instructions = 20'000;
  o.limits.max_expanded_ops = 200'000;
  o.limits.max_python_steps = 200'000;
  o.limits.max_python_bytes = 16u << 20;
  o.limits.max_qasm3_steps = 200'000;
  o.limits.max_layout_steps = 20'000;
  return o;
}

SimOptions fuzz_sim() {
  SimOptions s;
  s.shots = 16;
  s.seed = 1;
  s.max_qubits = 10;
  s.max_memory_bytes = 64u << 20;
  s.max_trajectory_work = uint64_t{1} << 22;
  s.statevector = true;
  s.max_statevector_qubits = 4;
  s.paulis = {"Z", "XZ"};
  return s;
}

std::string text_of(const uint8_t* data, size_t size) { return {reinterpret_cast<const char*>(data), size}; }

bool has_error(const std::vector<Diagnostic>& ds) {
  for (const Diagnostic& d : ds)
    if (d.severity == Severity::Error) return true;
  return false;
}

std::string check_span(const Span& s, size_t source_size, const std::string& what) {
  if (s.line < 1 || s.column < 1 || s.end_line < s.line || (s.end_line == s.line && s.end_column < s.column))
    return what + ": span " + std::to_string(s.line) + ":" + std::to_string(s.column) + "-" +
           std::to_string(s.end_line) + ":" + std::to_string(s.end_column) + " is not a range";
  // A notebook's spans count in its code cells, not in the file's bytes.
  if (s.cell == 0 && (s.offset > source_size || s.length > source_size - s.offset))
    return what + ": span [" + std::to_string(s.offset) + ", +" + std::to_string(s.length) +
           ") lies outside the source of " + std::to_string(source_size) + " bytes";
  return "";
}

}  // namespace

std::string check_report(const Report& r, std::string_view source) { return check_report(r, to_json(r), source); }

std::string check_report(const Report& r, const std::string& json, std::string_view source) {
  // accept(): the parser without building the document (the fuzzers' time is better spent on qvet).
  if (!nlohmann::json::accept(json)) return "the report's JSON does not parse";
  if (r.format != "qasm2" && r.format != "qasm3" && r.format != "python" && r.format != "unknown")
    return "format '" + r.format + "'";
  if (r.circuit_hash.size() != 64) return "circuit_hash is not 64 hex digits";
  for (const Diagnostic& d : r.diagnostics) {
    if (d.code.size() != 4 || d.message.empty()) return "a diagnostic without its code or message: '" + d.code + "'";
    std::string bad = check_span(d.span, source.size(), d.code + " '" + d.message + "'");
    if (!bad.empty()) return bad;
  }
  if (r.valid == has_error(r.diagnostics))
    return r.valid ? "valid, with an error listed"
                   : "invalid, and no error listed (" + std::to_string(r.diagnostics.size()) + " diagnostics, " +
                         std::to_string(r.dropped_diagnostics) + " dropped)";
  // An invalid circuit claims no figures. A valid circuit that does not fit the device asked for
  // (only E7xx errors: the backend's) keeps its own figures, which the device check is made from.
  bool circuit_error = false;
  for (const Diagnostic& d : r.diagnostics)
    circuit_error = circuit_error || (d.severity == Severity::Error && d.code.compare(0, 2, "E7") != 0);
  if (circuit_error && (r.qubits || r.clbits || r.gates || r.metrics.size || r.metrics.depth || r.expanded.size ||
                        !r.metrics.gate_types.empty()))
    return "an invalid report claims figures";
  if (r.valid && r.metrics.size > r.gates) return "size() exceeds the instruction count";
  return "";
}

namespace {

bool same_metrics(const Metrics& a, const Metrics& b) {
  if (a.size != b.size || a.depth != b.depth || a.nonlocal_gates != b.nonlocal_gates ||
      a.two_qubit_gates != b.two_qubit_gates || a.gate_types.size() != b.gate_types.size())
    return false;
  for (size_t i = 0; i < a.gate_types.size(); ++i)
    if (a.gate_types[i].name != b.gate_types[i].name || a.gate_types[i].count != b.gate_types[i].count) return false;
  return true;
}

// Whether two reports say the same, field by field where the JSON would show a difference (a
// structural comparison: serialising both would cost more than validating).
bool same_report(const Report& a, const Report& b) {
  if (a.valid != b.valid || a.format != b.format || a.circuit_hash != b.circuit_hash || a.qubits != b.qubits ||
      a.clbits != b.clbits || a.gates != b.gates || a.parameters != b.parameters || a.circuit != b.circuit ||
      !same_metrics(a.metrics, b.metrics) || !same_metrics(a.expanded, b.expanded) ||
      a.ops_per_qubit != b.ops_per_qubit || a.diagnostics.size() != b.diagnostics.size() ||
      a.dropped_diagnostics != b.dropped_diagnostics || a.has_backend != b.has_backend ||
      a.has_simulation != b.has_simulation)
    return false;
  for (size_t i = 0; i < a.diagnostics.size(); ++i) {
    const Diagnostic &x = a.diagnostics[i], &y = b.diagnostics[i];
    if (x.code != y.code || x.message != y.message || x.span.offset != y.span.offset || x.span.length != y.span.length)
      return false;
  }
  if (a.has_backend && (a.backend.layout != b.backend.layout || a.backend.uncoupled != b.backend.uncoupled ||
                        a.backend.swaps_lower_bound != b.backend.swaps_lower_bound))
    return false;
  if (a.has_simulation && (a.simulation.ok != b.simulation.ok || a.simulation.counts != b.simulation.counts ||
                           a.simulation.error.code != b.simulation.error.code))
    return false;
  return true;
}

// Runs `call` twice: the reports must be the same, and keep the invariants.
template <class Call>
std::string twice(std::string_view source, Call call) {
  const Report a = call();
  std::string bad = check_report(a, source);
  if (!bad.empty()) return bad;
  if (!same_report(call(), a)) return "the same input gave two different reports";
  return "";
}

std::string validate_as(Format f, const uint8_t* data, size_t size) {
  const std::string src = text_of(data, size);
  const Options opt = fuzz_options(f);
  return twice(src, [&] { return validate(src, opt); });
}

std::string run_qasm2(const uint8_t* d, size_t n) { return validate_as(Format::Qasm2, d, n); }
std::string run_qasm3(const uint8_t* d, size_t n) { return validate_as(Format::Qasm3, d, n); }
std::string run_python(const uint8_t* d, size_t n) { return validate_as(Format::Python, d, n); }
std::string run_auto(const uint8_t* d, size_t n) { return validate_as(Format::Auto, d, n); }

std::string check_simulation(const Report& r) {
  if (!r.valid || !r.has_simulation) return "";
  const Simulation& s = r.simulation;
  if (!s.ok) return s.error.code.empty() || s.error.message.empty() ? "a failed simulation without its error" : "";
  uint64_t shots = 0;
  for (const auto& [key, n] : s.counts) {
    shots += n;
    for (char ch : key)
      if (ch != '0' && ch != '1') return "a counts key that is not bits: '" + key + "'";
  }
  if (shots != s.shots) return "counts add up to " + std::to_string(shots) + ", not " + std::to_string(s.shots);
  double total = 0;
  for (const auto& [key, p] : s.probabilities) {
    if (!(p >= -1e-12 && p <= 1 + 1e-9)) return "a probability outside [0, 1]";
    total += p;
  }
  if (total > 1 + 1e-6) return "probabilities add up to more than 1";
  if (!s.statevector.empty()) {
    double norm = 0;
    for (const auto& a : s.statevector) norm += std::norm(a);
    if (std::fabs(norm - 1) > 1e-6) return "the statevector's norm is " + std::to_string(norm);
  }
  for (const auto& [pauli, v] : s.expectation_values)
    if (!(v >= -1 - 1e-9 && v <= 1 + 1e-9)) return "an expectation value outside [-1, 1] for " + pauli;
  return "";
}

std::string run_simulate(const uint8_t* d, size_t n) {
  const std::string src = text_of(d, n);
  const Options opt = fuzz_options(Format::Auto);
  const SimOptions sim = fuzz_sim();
  const Report r = simulate(src, opt, sim);
  std::string bad = check_report(r, src);
  if (bad.empty()) bad = check_simulation(r);
  if (bad.empty() && !same_report(simulate(src, opt, sim), r)) bad = "the same input gave two different reports";
  return bad;
}

// The input is a backend configuration; the circuits are fixed, and meet every part of the check
// (an opaque gate, a gate with no fixed translation, measurements, a three-qubit gate).
std::string run_backend(const uint8_t* d, size_t n) {
  static const std::string kCircuits[] = {
      "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nopaque magic(a) q;\nqreg q[4];\ncreg c[4];\nh q[0];\n"
      "cx q[0], q[1];\nccx q[0], q[1], q[2];\nmagic(0.5) q[3];\nswap q[2], q[3];\nmeasure q -> c;\n",
      "from qiskit import QuantumCircuit\nqc = QuantumCircuit(6)\nqc.h(0)\nqc.mcx([0, 1, 2, 3, 4], 5)\n"
      "qc.rzz(0.3, 1, 5)\nqc.measure_all()\n"};
  Options opt = fuzz_options(Format::Auto);
  opt.backend_json = text_of(d, n);
  if (opt.backend_json.empty()) opt.backend_json = "{}";
  for (const std::string& src : kCircuits) {
    std::string bad = twice(src, [&] { return validate(src, opt); });
    if (!bad.empty()) return bad;
  }
  return "";
}

// The package's options, as JSON: read as simulate() reads them, then used (with the limits no
// larger than the fuzzing ones, so that a huge limit cannot make one input take minutes).
std::string run_options(const uint8_t* d, size_t n) {
  Options opt;
  SimOptions sim;
  const std::string why = options_from_json(text_of(d, n), kSimulateCall, opt, sim);
  if (!why.empty()) return "";
  const Options cap = fuzz_options(Format::Auto);
  auto clamp = [](auto& v, auto most) { v = std::min<std::decay_t<decltype(v)>>(v, most); };
  clamp(opt.limits.max_qubits, cap.limits.max_qubits);
  clamp(opt.limits.max_clbits, cap.limits.max_clbits);
  clamp(opt.limits.max_instructions, cap.limits.max_instructions);
  clamp(opt.limits.max_expanded_ops, cap.limits.max_expanded_ops);
  clamp(opt.limits.max_python_steps, cap.limits.max_python_steps);
  clamp(opt.limits.max_python_bytes, cap.limits.max_python_bytes);
  clamp(opt.limits.max_qasm3_steps, cap.limits.max_qasm3_steps);
  clamp(opt.limits.max_layout_steps, cap.limits.max_layout_steps);
  const SimOptions simcap = fuzz_sim();
  clamp(sim.shots, uint64_t{64});
  clamp(sim.max_qubits, simcap.max_qubits);
  clamp(sim.max_memory_bytes, simcap.max_memory_bytes);
  clamp(sim.max_trajectory_work, simcap.max_trajectory_work);
  clamp(sim.max_statevector_qubits, 4u);
  static const std::string kCircuits[] = {
      "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\ncreg c[2];\nh q[0];\ncx q[0], q[1];\nmeasure q -> c;\n",
      "from qiskit import QuantumCircuit\nfrom qiskit.circuit import Parameter\nt = Parameter('t')\n"
      "qc = QuantumCircuit(2, name='bell')\nqc.rx(t, 0)\nqc.cx(0, 1)\nbell = qc\n"};
  for (const std::string& src : kCircuits) {
    const Report r = simulate(src, opt, sim);
    std::string bad = check_report(r, src);
    if (bad.empty()) bad = check_simulation(r);
    if (!bad.empty()) return bad;
  }
  return "";
}

// Export, then read the export back: it must be valid, with the original's qubits, clbits and
// instruction count, whatever the source.
std::string run_export(const uint8_t* d, size_t n) {
  const std::string src = text_of(d, n);
  const Options opt = fuzz_options(Format::Auto);
  for (Format to : {Format::Qasm2, Format::Qasm3}) {
    const Export e = export_circuit(src, to, opt);
    // The export's report is the source's, with the export's own diagnostics (E800, W801) among
    // them: its spans must hold, and the export is ok exactly when no error is listed.
    for (const Diagnostic& x : e.report.diagnostics) {
      std::string bad = check_span(x.span, src.size(), x.code + " '" + x.message + "'");
      if (!bad.empty()) return bad;
    }
    if (e.ok == has_error(e.report.diagnostics)) return "ok, yet an error is listed (or the reverse)";
    // The JSON of one of the two (its lists are the report's, checked above): the costliest step.
    if (to == Format::Qasm3 && !nlohmann::json::accept(to_json(e))) return "the export's JSON does not parse";
    if (e.ok != !e.code.empty()) return "ok and the code disagree";
    if (!e.ok) {
      bool said = !e.report.valid;
      for (const Diagnostic& x : e.report.diagnostics) said = said || x.code == "E800";
      if (!said) return "an export refused without E800";
      continue;
    }
    Options back = opt;
    back.format = to;
    const Report r = validate(e.code, back);
    if (!r.valid) {
      std::string first;
      for (const Diagnostic& x : r.diagnostics)
        if (x.severity == Severity::Error && first.empty()) first = x.code + " " + x.message;
      return std::string("the ") + (to == Format::Qasm3 ? "OpenQASM 3" : "OpenQASM 2") +
             " export does not read back: " + first;
    }
    if (r.qubits != e.report.qubits || r.clbits != e.report.clbits || r.gates != e.report.gates)
      return "the export read back has other qubits, clbits or instructions";
  }
  return "";
}

// The language service on any source: every span it gives lies in the source; from each
// declaration hover finds something, definition finds the declaration itself, and a rename's
// edits each replace exactly the old name; completion answers anywhere without failing.
std::string run_language(const uint8_t* d, size_t n) {
  const std::string src = text_of(d, n);
  const Options opt = fuzz_options(Format::Auto);
  size_t k = 0;
  for (const DocumentSymbol& s : document_symbols(src, opt)) {
    if (++k > 32) break;  // enough of a long file
    for (const Span* sp : {&s.span, &s.name_span}) {
      std::string bad = check_span(*sp, src.size(), "symbol '" + s.name + "'");
      if (!bad.empty()) return bad;
    }
    if (src.compare(s.name_span.offset, s.name_span.length, s.name) != 0) return "a symbol's name span is not its name";
    const uint32_t line = s.name_span.line, column = s.name_span.column;
    if (!hover(src, line, column, opt).found) return "hover finds nothing at a declaration";
    const std::vector<Span> def = definition(src, line, column, opt);
    if (def.size() != 1 || def[0].offset != s.name_span.offset) return "a declaration's definition is not itself";
    for (const Span& r : references(src, line, column, true, opt)) {
      std::string bad = check_span(r, src.size(), "a reference");
      if (!bad.empty()) return bad;
    }
    const Rename r = rename(src, line, column, "zz_renamed", opt);
    for (const TextEdit& e : r.edits) {
      std::string bad = check_span(e.span, src.size(), "a rename edit");
      if (!bad.empty()) return bad;
      if (src.compare(e.span.offset, e.span.length, s.name) != 0) return "a rename edit does not cover the old name";
    }
  }
  for (uint32_t line : {1u, 2u, 3u, 7u, 1000u}) (void)completions(src, line, 1 + static_cast<uint32_t>(n % 9), opt);
  return "";
}

// The report's bytes (the CLI's cache): any bytes that decode encode back to themselves, and the
// report of the input, read as a source, survives its bytes.
std::string run_codec(const uint8_t* d, size_t n) {
  const std::string_view bytes(reinterpret_cast<const char*>(d), n);
  Report any;
  if (decode_report(bytes, &any) && encode_report(any) != bytes) return "decoded bytes encode to other bytes";
  const Report r = validate(text_of(d, n), fuzz_options(Format::Auto));
  Report back;
  if (!decode_report(encode_report(r), &back)) return "a report's bytes do not decode";
  if (to_json(back) != to_json(r)) return "a report read back from its bytes is another";
  return "";
}

}  // namespace

const std::vector<Target>& targets() {
  static const std::vector<Target> all = {
      {"qasm2", "validate, OpenQASM 2", run_qasm2},
      {"qasm3", "validate, OpenQASM 3", run_qasm3},
      {"python", "validate, Qiskit Python", run_python},
      {"auto", "validate, format detected (notebooks too)", run_auto},
      {"simulate", "simulate with small caps", run_simulate},
      {"backend", "a backend configuration (JSON)", run_backend},
      {"options", "the package's options (JSON)", run_options},
      {"export", "export to OpenQASM 2 and 3, read back", run_export},
      {"language", "the language service on any source", run_language},
      {"codec", "a report's bytes for the cache, and any bytes as one", run_codec},
  };
  return all;
}

const Target* find_target(std::string_view name) {
  for (const Target& t : targets())
    if (name == t.name) return &t;
  return nullptr;
}

}  // namespace qvet::fuzz
