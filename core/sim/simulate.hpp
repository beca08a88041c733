// The simulator's entry: a loaded, valid circuit in, the report's `simulation` section out.
#pragma once
#include "circuit/circuit.hpp"
#include "qvet/options.hpp"
#include "qvet/report.hpp"
#include "source/source_map.hpp"

namespace qvet::sim {

// Binds the circuit's Parameters from opt.parameters (so `c` is changed), then simulates it.
// Sizes are checked before anything is allocated; every failure is an error in `out`.
void run(Circuit& c, const SourceMap& map, const SimOptions& opt, Simulation& out);

}  // namespace qvet::sim
