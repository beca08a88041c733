// Qiskit Python front end: reads the circuit-building subset of Python statically and fills the
// same Circuit the OpenQASM 2 front end fills. Nothing the user wrote is ever executed: the code is
// parsed into a tree of the subset's constructs only, and a bounded evaluator with no access to
// files, imports or the host walks it.
#pragma once
#include <string>
#include <string_view>

#include "circuit/circuit.hpp"
#include "diagnostics/sink.hpp"
#include "qvet/options.hpp"
#include "source/source_map.hpp"

namespace qvet::python {

// Fills `out` with the chosen circuit (the last QuantumCircuit built, or Options::circuit) and
// `*name` with its variable. Problems are diagnostics in `sink`.
void parse(std::string_view src, const SourceMap& map, const Options& options, DiagnosticSink& sink, Circuit& out,
           std::string* name);

}  // namespace qvet::python
