// The unitary of a small loaded circuit, built with the simulator's kernels, and the comparison
// of two unitaries up to a global phase.
#pragma once
#include "circuit/circuit.hpp"
#include "qvet/report.hpp"
#include "source/source_map.hpp"

namespace qvet::sim {

// Fills out.matrix (and out.qubits); false with out.error when the circuit has no single unitary
// (E510: measurements, resets, conditions, unbound Parameters; E501: an opaque gate) or is too
// large (E511). `map` gives the error its span.
bool circuit_unitary(const Circuit& c, const SourceMap& map, UnitaryResult& out);

// Both unitaries computed (ok): are they equal up to a global phase?
Equivalence compare(const UnitaryResult& a, const UnitaryResult& b);

}  // namespace qvet::sim
