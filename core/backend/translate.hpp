// What a standard gate becomes on a device's basis: a fixed translation table (Qiskit's standard
// equivalences, before any optimisation), so the counts are reproducible and the report can say
// which translation it assumed.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "backend/backend.hpp"
#include "circuit/gates.hpp"

namespace qvet::backend {

struct Translation {
  bool known = false;                      // false: no fixed translation (e.g. mcx with 5+ controls)
  bool direct = false;                     // the gate is itself a basis gate
  std::map<std::string, uint64_t> counts;  // basis gate -> how many
  uint64_t total = 0;
  std::string text;  // e.g. "h -> rz.sx.rz" (the rules used)
};

// `row` is the gate's row of the gate table (nullptr for an opaque gate, which has no fixed
// translation unless the basis has it by name); `qiskit_name` what Qiskit calls it.
Translation translate(const Backend& b, const GateRow* row, std::string_view qiskit_name);

}  // namespace qvet::backend
