// OpenQASM 3 front end: reads a program into the circuit model (see reader.hpp for how). Errors
// are values in the sink; after one, the reader skips to the end of the statement and goes on, so
// one run reports every independent error.
#pragma once
#include <string_view>

#include "circuit/circuit.hpp"
#include "diagnostics/sink.hpp"
#include "qvet/options.hpp"
#include "source/source_map.hpp"

namespace qvet::qasm3 {

void parse(std::string_view src, const SourceMap& map, const Options& options, DiagnosticSink& sink, Circuit& out);

}  // namespace qvet::qasm3
