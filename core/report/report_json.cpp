// The report's JSON: the old service's fields first, with their old meaning, then qvet's own.
// Keys keep this order (ordered_json), so the output reads the same every time.
#include <nlohmann/json.hpp>

#include "qvet.hpp"

namespace qvet {

namespace {
using json = nlohmann::ordered_json;

// Where the operations go in the dumped report (a control character, which no key or value of a
// report holds unescaped).
constexpr const char* kOperationsMark = "\x01operations";

// A string as nlohmann writes it; printable ASCII without quotes or backslashes, which gate and
// register names are, goes straight in.
void append_string(std::string& out, std::string_view s) {
  bool plain = true;
  for (char ch : s) plain = plain && ch >= 0x20 && ch < 0x7f && ch != '"' && ch != '\\';
  if (!plain) {
    out += json(std::string(s)).dump(-1, ' ', false, json::error_handler_t::replace);
    return;
  }
  out += '"';
  out += s;
  out += '"';
}

template <typename T>
void append_list(std::string& out, const std::vector<T>& items, const char* comma) {
  out += '[';
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += comma;
    out += std::to_string(items[i]);
  }
  out += ']';
}

// The operations array, written directly rather than built as ordered_json: a drawing asks for
// thousands, and an object of map nodes per operation cost ~7 us each natively (and more in
// WebAssembly), most of the time of a big circuit's report. The keys, their order and the numbers
// are those nlohmann writes; pretty-printed, each operation takes one line.
void append_operations(std::string& out, const std::vector<OperationInfo>& ops, int indent) {
  const bool pretty = indent >= 0;
  const char* comma = pretty ? ", " : ",";
  const char* colon = pretty ? ": " : ":";
  const std::string item_indent = pretty ? "\n" + std::string(static_cast<size_t>(2 * indent), ' ') : "";
  auto key = [&](const char* name) {
    out += '"';
    out += name;
    out += '"';
    out += colon;
  };
  out += '[';
  for (size_t i = 0; i < ops.size(); ++i) {
    const OperationInfo& op = ops[i];
    if (i) out += ',';
    out += item_indent;
    out += '{';
    key("name");
    append_string(out, op.name);
    out += comma;
    key("qubits");
    append_list(out, op.qubits, comma);
    out += comma;
    key("clbits");
    append_list(out, op.clbits, comma);
    out += comma;
    key("params");
    out += '[';
    for (size_t k = 0; k < op.params.size(); ++k) {
      if (k) out += comma;
      if (k < op.param_text.size() && !op.param_text[k].empty())
        append_string(out, op.param_text[k]);
      else
        out += json(op.params[k]).dump();
    }
    out += ']';
    out += comma;
    key("layer");
    out += std::to_string(op.layer);
    if (op.has_condition) {
      out += comma;
      key("condition");
      out += '{';
      key("creg");
      append_string(out, op.condition_creg);
      out += comma;
      key("value");
      append_string(out, op.condition_value);
      out += '}';
    }
    out += comma;
    key("line");
    out += std::to_string(op.span.line);
    out += comma;
    key("column");
    out += std::to_string(op.span.column);
    if (op.span.cell) {
      out += comma;
      key("cell");
      out += std::to_string(op.span.cell);
    }
    out += '}';
  }
  if (pretty && !ops.empty()) out += "\n" + std::string(static_cast<size_t>(indent), ' ');
  out += ']';
}

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
  if (!d.fixes.empty()) {
    json fixes = json::array();
    for (const Fix& f : d.fixes) {
      json edits = json::array();
      for (const TextEdit& e : f.edits)
        edits.push_back({{"line", e.span.line},
                         {"column", e.span.column},
                         {"end_line", e.span.end_line},
                         {"end_column", e.span.end_column},
                         {"offset", e.span.offset},
                         {"length", e.span.length},
                         {"text", e.text}});
      fixes.push_back({{"title", f.title}, {"edits", std::move(edits)}});
    }
    j["fixes"] = std::move(fixes);
  }
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
  o["suppressed_diagnostics"] = r.suppressed_diagnostics;
  if (!r.operations.empty()) {
    o["operations"] = kOperationsMark;  // written directly below, after the dump
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
  o["schema_version"] = report_schema_version();
  o["qvet_version"] = version();
  std::string out = o.dump(indent, ' ', false, json::error_handler_t::replace);
  if (!r.operations.empty()) {
    // The key and the mark as the dump wrote them: inside any string of the report a quote is
    // escaped, so this sequence can only be the key's own.
    const std::string mark = "\"operations\"" + std::string(indent >= 0 ? ": " : ":") + json(kOperationsMark).dump();
    const size_t at = out.find(mark);
    if (at != std::string::npos) {
      std::string ops = "\"operations\"" + std::string(indent >= 0 ? ": " : ":");
      append_operations(ops, r.operations, indent);
      out.replace(at, mark.size(), ops);
    }
  }
  return out;
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
