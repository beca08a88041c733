// Warnings about circuits that load but are probably not what the author meant. They run only
// on a circuit that loaded without errors, so they never pile onto an error.
#pragma once
#include "circuit/circuit.hpp"
#include "diagnostics/sink.hpp"
#include "source/source_map.hpp"

namespace qvet::lint {

void check(const Circuit& circuit, const SourceMap& map, DiagnosticSink& sink);

}  // namespace qvet::lint
