// The circuit written back as OpenQASM 2 or 3, whichever front end read it: a Qiskit Python file
// becomes OpenQASM without Python. The export is made so that reading it back gives the same
// figures: standard gates keep their names, the program's own gates are defined under the names
// Qiskit counts them by, and a standard gate the target language lacks is written as exactly the
// definition the readers recognise as that gate again (circuit/definitions.hpp).
//
// What the target cannot say is an error (E800) at the instruction or gate concerned: OpenQASM 2
// has no control flow and no free parameters, OpenQASM 3 no opaque gates or matrices. What it says
// differently, so that the figures read back differ as they do in Qiskit's own round trip (a
// conditioned gate becomes an `if` block, counted `if_else`), is a warning (W801).
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "circuit/circuit.hpp"
#include "diagnostics/sink.hpp"
#include "qvet/options.hpp"
#include "source/source_map.hpp"

namespace qvet {

// Writes `c` (a valid circuit) in `to` (Format::Qasm2 or Format::Qasm3) into *out; spans of the
// diagnostics come from `map`, the source the circuit was read from. False after an error.
// *renamed lists the gates and registers written under another name than they had.
bool write_qasm(const Circuit& c, Format to, const SourceMap& map, DiagnosticSink& sink, std::string* out,
                std::vector<std::pair<std::string, std::string>>* renamed);

}  // namespace qvet
