// The backend checks: fit, translation, connectivity (with the SWAP-free layout search and SWAP
// bounds), duration and reliability. Each finding is a diagnostic with the span of the operation
// that causes it; the figures go to the report's `backend` section.
#pragma once
#include "backend/backend.hpp"
#include "circuit/circuit.hpp"
#include "diagnostics/sink.hpp"
#include "qvet/options.hpp"
#include "qvet/report.hpp"
#include "source/source_map.hpp"

namespace qvet::backend {

// `c` must be a valid circuit. Adds E701 when it does not fit, warnings W701-W704 otherwise.
void check(const Circuit& c, const SourceMap& map, const Options& opt, const Backend& b, DiagnosticSink& sink,
           BackendReport& out);

}  // namespace qvet::backend
