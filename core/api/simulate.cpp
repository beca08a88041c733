// The public entry points that run the simulator: each loads the source like validate() (the same
// report), then hands the circuit to core/sim/. Nothing thrown inside gets out.
#include <new>

#include "api/load.hpp"
#include "qvet.hpp"
#include "sim/simulate.hpp"
#include "sim/unitary.hpp"
#include "source/source_map.hpp"

namespace qvet {

Report simulate(std::string_view source, const Options& options, const SimOptions& sim) {
  return guarded([&](Report& r) {
    Circuit c;
    load(source, options, r, c);
    if (!r.valid) return;
    r.has_simulation = true;
    const SourceView view(source, options);
    const SourceMap plain(view.notebook() ? std::string_view() : source);
    sim::run(c, view.notebook() ? view.map() : plain, sim, r.simulation);
    view.to_cells(r.simulation.error.span);
  });
}

UnitaryResult unitary(std::string_view source, const Options& options) {
  UnitaryResult out;
  try {
    Circuit c;
    out.report = guarded([&](Report& r) { load(source, options, r, c); });
    if (out.report.valid) {
      const SourceView view(source, options);
      const SourceMap plain(view.notebook() ? std::string_view() : source);
      sim::circuit_unitary(c, view.notebook() ? view.map() : plain, out);
      view.to_cells(out.error.span);
    } else {
      // Its first error says why: the same diagnostic the report lists.
      for (const Diagnostic& d : out.report.diagnostics)
        if (d.severity == Severity::Error) {
          out.error = d;
          break;
        }
    }
  } catch (const std::bad_alloc&) {
    out.ok = false;
    out.error = {Severity::Error, "E409", "out of memory while building the unitary", {}};
  }
  return out;
}

Equivalence equivalent(std::string_view a, std::string_view b, const Options& options) {
  UnitaryResult ua = unitary(a, options), ub = unitary(b, options);
  if (!ua.ok || !ub.ok) {
    Equivalence e;
    e.error = !ua.ok ? ua.error : ub.error;
    e.error.message = (!ua.ok ? "first circuit: " : "second circuit: ") + e.error.message;
    return e;
  }
  return sim::compare(ua, ub);
}

}  // namespace qvet
