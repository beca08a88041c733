// The core's entry point: checks the input against the limits, picks the front end, runs the
// lints and the analysis, and assembles the report. Nothing thrown inside gets out.
#include <algorithm>
#include <functional>
#include <new>

#include "analysis/analysis.hpp"
#include "api/load.hpp"
#include "backend/check.hpp"
#include "circuit/circuit.hpp"
#include "lint/lints.hpp"
#include "python/frontend.hpp"
#include "qasm2/index.hpp"
#include "qasm2/parser.hpp"
#include "qasm3/frontend.hpp"
#include "qasm3/index.hpp"
#include "qvet.hpp"
#include "service/fixes.hpp"
#include "source/detect.hpp"
#include "source/notebook.hpp"
#include "source/rules.hpp"
#include "source/source_map.hpp"
#include "util/sha256.hpp"

namespace qvet {

namespace {

// The first max_operations instructions (all when 0): a drawing of a 10^5-gate circuit shows a
// few thousand, and listing the rest is most of such a report's size.
void fill_operations(const Circuit& c, const SourceMap& map, const analysis::Analysis& a, uint64_t max_operations,
                     Report& r) {
  const size_t count =
      max_operations && max_operations < c.ops.size() ? static_cast<size_t>(max_operations) : c.ops.size();
  r.operations_truncated = count < c.ops.size();
  r.operations.reserve(count);
  const std::vector<const Expr*> symbolic = c.symbolic_by_slot();
  for (size_t i = 0; i < count; ++i) {
    const Instruction& op = c.ops[i];
    OperationInfo info;
    info.name = c.op_name(op);
    info.qubits.assign(c.qubits(op), c.qubits(op) + op.qubit_count);
    if (op.clbit >= 0) info.clbits.push_back(static_cast<uint32_t>(op.clbit));
    info.params.assign(c.params(op), c.params(op) + op.param_count);
    for (uint32_t k = 0; k < op.param_count; ++k)
      if (const Expr* e = symbolic[op.param_begin + k]) {
        info.param_text.resize(op.param_count);
        info.param_text[k] = expr_text(*e, c.parameters);
      }
    info.layer = a.layers[i];
    if (op.condition >= 0) {
      const Condition& cond = c.conditions[op.condition];
      info.has_condition = true;
      const Register& reg = c.cregs[cond.creg];
      info.condition_creg =
          cond.single_bit ? reg.name + "[" + std::to_string(cond.clbit_begin - reg.offset) + "]" : reg.name;
      info.condition_value = cond.value;
    }
    info.span = map.span(op.src_offset, op.src_length);
    r.operations.push_back(std::move(info));
  }
}

}  // namespace

SourceView::SourceView(std::string_view src, const Options& opt) {
  if (opt.format == Format::Qasm2 || !looks_like_notebook(src)) return;
  notebook_ = true;
  if (!read_notebook(src, &nb_, &error_)) return;
  map_ = std::make_unique<SourceMap>(nb_.code);
}

void SourceView::to_cells(Span& s) const {
  if (!notebook_ || nb_.cells.empty()) return;
  const Notebook::Cell& cell = nb_.cell_of(s.line);
  s.cell = cell.number;
  const uint32_t shift = cell.first_line - 1;
  s.line -= shift;
  s.end_line = s.end_line > shift ? s.end_line - shift : s.line;
}

Format front_end(std::string_view src, const Options& opt) {
  if (opt.format != Format::Auto) return opt.format;
  if (looks_like_notebook(src)) return Format::Python;
  switch (detect_format(src)) {
    case DetectedFormat::Python: return Format::Python;
    case DetectedFormat::Qasm3: return Format::Qasm3;
    case DetectedFormat::Qasm2: return Format::Qasm2;
  }
  return Format::Qasm2;
}

void load(std::string_view src, const Options& opt, Report& r, Circuit& c) {
  r.circuit_hash = sha256_hex(src);
  DiagnosticSink sink(opt.limits.max_diagnostics);
  SourceMap map(src);

  if (src.size() > opt.limits.max_source_bytes) {
    sink.add({Severity::Error, "E401",
              "the source is " + std::to_string(src.size()) + " bytes; the limit is " +
                  std::to_string(opt.limits.max_source_bytes),
              map.span(0, 0)});
    r.format = "unknown";
    r.diagnostics = sink.take();
    return;
  }
  size_t bad = find_invalid_utf8(src);
  if (bad != std::string_view::npos)
    sink.add({Severity::Error, "E101", "invalid UTF-8 byte sequence: the source must be UTF-8 text", map.span(bad, 1)});

  // A notebook's code cells are read as one Python file, under their own source map; at the end
  // every span is told in cells and their lines.
  const SourceView view(src, opt);
  const SourceMap& code_map = view.notebook() ? view.map() : map;
  const std::string_view code = view.notebook() ? view.code() : src;
  const Format front = front_end(src, opt);
  const bool python = front == Format::Python;
  // The caller's rules and the source's own qvet: comments, for every diagnostic from here on.
  const RuleSet rules(opt.rules, code, code_map, python ? CommentStyle::Python : CommentStyle::Qasm);
  sink.set_filter([&rules](Diagnostic& d) { return rules.admit(d); });
  for (const Diagnostic& d : rules.problems) sink.add(d);
  if (!view.error().empty()) {
    r.format = "python";
    sink.add({Severity::Error, "E614", view.error(), map.span(0, 0)});
  } else if (python) {
    r.format = "python";
    python::parse(code, code_map, opt, sink, c, &r.circuit);
    r.parameters = c.parameters;  // in Qiskit's order (by name; a ParameterVector's by index)
  } else if (front == Format::Qasm3) {
    r.format = "qasm3";
    qasm3::parse(src, map, opt, sink, c);
    r.version = c.version;
    r.parameters = c.parameters;  // the program's inputs, in order of declaration
  } else {
    r.format = "qasm2";
    qasm2::parse(src, map, opt, sink, c);
    r.version = c.version;
  }
  bool valid = !sink.has_errors();
  if (valid) lint::check(c, code_map, sink);
  // A lint the rules make an error (RuleOptions::error) makes the circuit invalid, with no figures,
  // as a --strict error does.
  valid = valid && !sink.has_errors();

  for (const Register& reg : c.qregs) r.qregs.push_back({reg.name, reg.size});
  for (const Register& reg : c.cregs) r.cregs.push_back({reg.name, reg.size});
  for (const GateDef& g : c.gates)
    if (!g.std && g.matrix.empty() && g.state.empty())
      r.custom_gates.push_back({g.name, g.num_params, g.num_qubits, g.opaque, g.span.line});

  if (valid) {
    analysis::Analysis a = analysis::analyze(c, opt.include_operations);
    r.qubits = c.num_qubits;
    r.clbits = c.num_clbits;
    r.gates = a.instructions;
    r.metrics = std::move(a.metrics);
    r.expanded = std::move(a.expanded);
    r.ops_per_qubit = std::move(a.ops_per_qubit);
    r.estimated_execution_time = static_cast<double>(r.metrics.depth) * 0.1 + static_cast<double>(r.gates) * 0.01;
    if (opt.include_operations) fill_operations(c, code_map, a, opt.max_operations, r);
  }
  bool fits = true;
  if (!opt.backend.empty() || !opt.backend_json.empty()) {
    backend::Backend b;
    std::string why;
    if (!backend::resolve(opt, &b, &why)) {
      sink.add({Severity::Error, "E702", why, map.span(0, 0)});
      fits = false;
    } else if (valid) {
      r.has_backend = true;
      const size_t errors_before = sink.error_count();
      backend::check(c, code_map, opt, b, sink, r.backend);
      fits = sink.error_count() == errors_before;
      if (r.backend.duration_s >= 0) r.estimated_execution_time = r.backend.duration_s;
    }
  }
  r.valid = valid && fits;
  r.dropped_diagnostics = sink.dropped();
  r.suppressed_diagnostics = sink.suppressed();
  r.diagnostics = sink.take();
  if (view.notebook()) {
    for (Diagnostic& d : r.diagnostics) view.to_cells(d.span);
    for (OperationInfo& op : r.operations) view.to_cells(op.span);
  }
  std::stable_sort(r.diagnostics.begin(), r.diagnostics.end(),
                   [](const Diagnostic& x, const Diagnostic& y) { return x.span.offset < y.span.offset; });
  // Quick fixes, for OpenQASM: the names are indexed only when a diagnostic may have one.
  if (!view.notebook() && (r.format == "qasm2" || r.format == "qasm3") &&
      std::any_of(r.diagnostics.begin(), r.diagnostics.end(), [](const Diagnostic& d) {
        return d.code == "W101" || d.code == "W124" || d.code == "E305" || d.code == "E204" || d.code == "W202" ||
               d.code == "W205";
      })) {
    const bool qasm3 = r.format == "qasm3";
    const SymbolIndex index = qasm3 ? qasm3::index_symbols(src, map) : qasm2::index_symbols(src, map);
    service::attach_fixes(r, src, map, index, qasm3 ? Format::Qasm3 : Format::Qasm2);
  }
}

Report guarded(const std::function<void(Report&)>& body) {
  Report r;
  try {
    body(r);
  } catch (const std::bad_alloc&) {
    // The limits keep allocation bounded; this is the last line of defence on a small heap.
    std::string hash = r.circuit_hash;
    r = Report{};
    r.circuit_hash = hash;
    r.format = "unknown";
    r.diagnostics.push_back({Severity::Error, "E409", "out of memory while validating; lower the input size", {}});
  } catch (...) {
    std::string hash = r.circuit_hash;
    r = Report{};
    r.circuit_hash = hash;
    r.format = "unknown";
    r.diagnostics.push_back({Severity::Error, "E900", "internal error in qvet; please report this input", {}});
  }
  return r;
}

Report validate(std::string_view source, const Options& options) {
  return guarded([&](Report& r) {
    Circuit c;
    load(source, options, r, c);
  });
}

const char* version() { return QVET_VERSION; }

// 1.1.0: suppressed_diagnostics and schema_version itself. 1.2.0: a diagnostic's fixes.
const char* report_schema_version() { return "1.2.0"; }

}  // namespace qvet
