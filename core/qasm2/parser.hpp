// OpenQASM 2 front end. One pass, like Qiskit's qasm2 crate: statements are parsed, checked and
// turned into circuit instructions as they are read, so a million-gate file never exists as a
// syntax tree. Errors are values in the sink; after one, the parser skips to the end of the
// statement (panic-mode recovery) and goes on, so one run reports every independent error.
#pragma once
#include <string_view>
#include <vector>

#include "circuit/circuit.hpp"
#include "diagnostics/sink.hpp"
#include "qasm2/lexer.hpp"
#include "qvet/options.hpp"
#include "source/source_map.hpp"

namespace qvet::qasm2 {

// Parses `src` into `out`. Returns false if a fatal error (an unsupported version) stopped it.
bool parse(std::string_view src, const SourceMap& map, const Options& options, DiagnosticSink& sink, Circuit& out);

}  // namespace qvet::qasm2
