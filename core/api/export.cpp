// qvet export: validate, then write the circuit with core/export/qasm_writer.
#include <algorithm>

#include "api/load.hpp"
#include "export/qasm_writer.hpp"

namespace qvet {

Export export_circuit(std::string_view source, Format to, const Options& options) {
  Export e;
  e.format = to == Format::Qasm3 ? "qasm3" : "qasm2";
  e.report = guarded([&](Report& r) {
    Circuit c;
    load(source, options, r, c);
    if (!r.valid) return;
    // The spans of the export's diagnostics are in the code the front end read (a notebook's
    // cells joined), then told in cells as load() tells the report's.
    const SourceView view(source, options);
    const SourceMap plain(source);
    const SourceMap& map = view.notebook() ? view.map() : plain;
    DiagnosticSink sink(options.limits.max_diagnostics);
    const bool ok = write_qasm(c, to == Format::Qasm3 ? Format::Qasm3 : Format::Qasm2, map, sink, &e.code, &e.renamed);
    for (Diagnostic d : sink.take()) {
      if (view.notebook()) view.to_cells(d.span);
      r.diagnostics.push_back(std::move(d));
    }
    std::stable_sort(r.diagnostics.begin(), r.diagnostics.end(),
                     [](const Diagnostic& x, const Diagnostic& y) { return x.span.offset < y.span.offset; });
    if (!ok) e.code.clear();
    e.ok = ok;
  });
  if (!e.ok) e.code.clear();
  return e;
}

}  // namespace qvet
