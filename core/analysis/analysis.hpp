// Qiskit's circuit figures, computed on the loaded circuit exactly as QuantumCircuit computes them
// in Qiskit 1.0: depth() with barriers adding no depth but aligning their qubits and conditions
// occupying their whole classical register, size() without barriers, count_ops() ordered by count
// then first appearance, num_nonlocal_gates(). The same figures after expanding the program's own
// gates down to standard gates come from walking the expansion without materialising it.
#pragma once
#include <vector>

#include "circuit/circuit.hpp"
#include "qvet/report.hpp"

namespace qvet::analysis {

struct Analysis {
  uint64_t instructions = 0;  // len(data)
  Metrics metrics;
  Metrics expanded;
  std::vector<uint64_t> ops_per_qubit;  // non-barrier instructions touching each qubit
  std::vector<uint64_t> layers;         // per instruction, when asked for
};

Analysis analyze(const Circuit& circuit, bool want_layers);

}  // namespace qvet::analysis
