// The report's JSON: the old service's fields first, with their old meaning, then qvet's own.
// Keys keep this order (ordered_json), so the output reads the same every time.
#include <nlohmann/json.hpp>

#include "qvet.hpp"

namespace qvet {

namespace {
using json = nlohmann::ordered_json;

json gate_types(const std::vector<GateCount>& counts) {
  json o = json::object();
  for (const GateCount& g : counts) o[g.name] = g.count;
  return o;
}

json metrics(const Metrics& m) {
  return json{{"size", m.size},
              {"depth", m.depth},
              {"nonlocal_gates", m.nonlocal_gates},
              {"two_qubit_gates", m.two_qubit_gates},
              {"gate_types", gate_types(m.gate_types)}};
}

std::string flat(const Diagnostic& d) {
  return (d.span.cell ? "cell " + std::to_string(d.span.cell) + ", " : std::string()) + std::to_string(d.span.line) +
         ":" + std::to_string(d.span.column) + ": " + d.message + " [" + d.code + "]";
}

// One diagnostic, in the one shape every error and warning has in JSON (a report's diagnostics,
// simulation.error, an equivalence's error).
json diagnostic(const Diagnostic& d) {
  json j{{"severity", severity_name(d.severity)}, {"code", d.code}, {"message", d.message}};
  j["line"] = d.span.line;
  j["column"] = d.span.column;
  j["end_line"] = d.span.end_line;
  j["end_column"] = d.span.end_column;
  j["offset"] = d.span.offset;
  j["length"] = d.span.length;
  if (d.span.cell) j["cell"] = d.span.cell;
  return j;
}

}  // namespace

// Unknown figures are null, never a made-up number.
json backend_section(const BackendReport& b) {
  auto known = [](double v) { return v >= 0 ? json(v) : json(nullptr); };
  auto known_int = [](int64_t v) { return v >= 0 ? json(v) : json(nullptr); };
  json t = json::array();
  for (const BackendTranslation& x : b.translations)
    t.push_back({{"gate", x.gate},
                 {"count", x.count},
                 {"basis_gates_each", known_int(x.each)},
                 {"translation", x.translation}});
  json counts = json::object();
  for (const GateCount& g : b.basis_counts) counts[g.name] = g.count;
  json o;
  o["name"] = b.name;
  o["processor"] = b.processor;
  o["qubits"] = b.qubits;
  o["couplers"] = b.couplers;
  o["basis_gates"] = b.basis;
  o["directed"] = b.directed;
  o["fits"] = b.fits;
  o["translations"] = std::move(t);
  o["translation_complete"] = b.translation_complete;
  o["basis_gate_counts"] = std::move(counts);
  o["connectivity"] = {{"uncoupled_as_written", b.uncoupled},
                       {"layout_status", b.layout_status},
                       {"layout", b.layout.empty() ? json(nullptr) : json(b.layout)},
                       {"layout_note", b.layout_note},
                       {"layout_search_steps", b.layout_steps},
                       {"swaps_lower_bound", known_int(b.swaps_lower_bound)},
                       {"swaps_lower_bound_as_written", known_int(b.swaps_lower_bound_as_written)}};
  o["estimated_duration_seconds"] = known(b.duration_s);
  o["estimated_success_probability"] = known(b.success_probability);
  o["source"] = b.source;
  o["notes"] = b.notes;
  return o;
}

std::string to_json(const Report& r, int indent) {
  json errors = json::array(), warnings = json::array(), diags = json::array();
  for (const Diagnostic& d : r.diagnostics) {
    // The old service's two lists; an info (skipped run code) is only in `diagnostics`.
    if (d.severity != Severity::Info) (d.severity == Severity::Error ? errors : warnings).push_back(flat(d));
    diags.push_back(diagnostic(d));
  }
  if (r.dropped_diagnostics)
    errors.push_back(std::to_string(r.dropped_diagnostics) + " more diagnostics were not listed (the limit)");

  json o;
  o["valid"] = r.valid;
  o["circuit_hash"] = r.circuit_hash;
  o["depth"] = r.metrics.depth;
  o["qubits"] = r.qubits;
  o["gates"] = r.gates;
  o["gate_types"] = gate_types(r.metrics.gate_types);
  o["estimated_execution_time"] = r.estimated_execution_time;
  o["errors"] = std::move(errors);
  o["warnings"] = std::move(warnings);
  o["format"] = r.format;
  o["version"] = r.version;
  if (r.format == "python") {
    o["circuit"] = r.circuit;
    o["parameters"] = r.parameters;
  }
  o["clbits"] = r.clbits;
  o["size"] = r.metrics.size;
  o["nonlocal_gates"] = r.metrics.nonlocal_gates;
  o["two_qubit_gates"] = r.metrics.two_qubit_gates;
  o["ops_per_qubit"] = r.ops_per_qubit;
  o["expanded"] = metrics(r.expanded);
  json qregs = json::array(), cregs = json::array(), custom = json::array();
  for (const RegisterInfo& reg : r.qregs) qregs.push_back({{"name", reg.name}, {"size", reg.size}});
  for (const RegisterInfo& reg : r.cregs) cregs.push_back({{"name", reg.name}, {"size", reg.size}});
  for (const CustomGateInfo& g : r.custom_gates)
    custom.push_back(
        {{"name", g.name}, {"params", g.num_params}, {"qubits", g.num_qubits}, {"opaque", g.opaque}, {"line", g.line}});
  o["registers"] = {{"qregs", std::move(qregs)}, {"cregs", std::move(cregs)}};
  o["custom_gates"] = std::move(custom);
  o["diagnostics"] = std::move(diags);
  if (!r.operations.empty()) {
    json ops = json::array();
    for (const OperationInfo& op : r.operations) {
      json params = json::array();
      for (size_t k = 0; k < op.params.size(); ++k) {
        if (k < op.param_text.size() && !op.param_text[k].empty())
          params.push_back(op.param_text[k]);
        else
          params.push_back(op.params[k]);
      }
      json j{{"name", op.name},
             {"qubits", op.qubits},
             {"clbits", op.clbits},
             {"params", std::move(params)},
             {"layer", op.layer}};
      if (op.has_condition) j["condition"] = {{"creg", op.condition_creg}, {"value", op.condition_value}};
      j["line"] = op.span.line;
      j["column"] = op.span.column;
      if (op.span.cell) j["cell"] = op.span.cell;
      ops.push_back(std::move(j));
    }
    o["operations"] = std::move(ops);
    if (r.operations_truncated) o["operations_truncated"] = true;
  }
  if (r.has_simulation) {
    const Simulation& s = r.simulation;
    json sim;
    sim["ok"] = s.ok;
    if (!s.ok) {
      sim["error"] = diagnostic(s.error);
    } else {
      sim["method"] = s.method;
      sim["precision"] = s.precision;
      sim["threads"] = s.threads;
      sim["qubits"] = s.qubits;
      sim["shots"] = s.shots;
      sim["seed"] = s.seed;
      sim["measured_all_qubits"] = s.measured_all;
      json counts = json::object();
      for (const auto& [k, v] : s.counts) counts[k] = v;
      sim["counts"] = std::move(counts);
      if (s.has_probabilities) {
        json probs = json::object();
        for (const auto& [k, v] : s.probabilities) probs[k] = v;
        sim["probabilities"] = std::move(probs);
        sim["probabilities_truncated"] = s.probabilities_truncated;
      } else {
        sim["probabilities"] = nullptr;  // mid-circuit measurement: they depend on the outcomes
      }
      if (!s.statevector.empty()) {
        json sv = json::array();
        for (const auto& a : s.statevector) sv.push_back({a.real(), a.imag()});
        sim["statevector"] = std::move(sv);
      }
      json ev = json::object();
      for (const auto& [k, v] : s.expectation_values) ev[k] = v;
      sim["expectation_values"] = std::move(ev);
    }
    o["simulation"] = std::move(sim);
  }
  if (r.has_backend) o["backend"] = backend_section(r.backend);
  o["qvet_version"] = version();
  return o.dump(indent, ' ', false, json::error_handler_t::replace);
}

std::string to_json(const Export& e, int indent) {
  const json report = json::parse(to_json(e.report));
  json o;
  o["ok"] = e.ok;
  o["format"] = e.format;
  o["code"] = e.ok ? json(e.code) : json(nullptr);
  o["source_format"] = e.report.format;
  json renamed = json::array();
  for (const auto& [from, to] : e.renamed) renamed.push_back({{"from", from}, {"to", to}});
  o["renamed"] = std::move(renamed);
  o["circuit_hash"] = e.report.circuit_hash;
  o["errors"] = report["errors"];
  o["warnings"] = report["warnings"];
  o["diagnostics"] = report["diagnostics"];
  o["qvet_version"] = version();
  return o.dump(indent, ' ', false, json::error_handler_t::replace);
}

std::string to_json(const Equivalence& e, int indent) {
  json o;
  o["ok"] = e.ok;
  o["equivalent"] = e.equivalent;
  o["global_phase"] = e.global_phase;
  o["max_deviation"] = e.max_deviation;
  o["error"] = e.ok ? json(nullptr) : diagnostic(e.error);
  return o.dump(indent, ' ', false, json::error_handler_t::replace);
}

}  // namespace qvet
