// Applies a lowered program to a state: the dispatch from ops to kernels, and the classical
// register checks for conditioned ops.
#pragma once
#include <vector>

#include "circuit/circuit.hpp"
#include "sim/ops.hpp"

namespace qvet::sim {

// Applies a unitary op (not Measure/Reset) to psi.
void apply(const Program& p, const Op& op, cd* psi, unsigned n);

// Cache blocking: ops [begin, end) of p, all unitary and unconditioned, in steps. Ops on the low
// `block_qubits` qubits are reordered (only past ops on other qubits, with which they commute)
// into chunked steps, each applied one 2^block_qubits chunk at a time so that the chunk stays in
// cache for the whole run instead of streaming the state from memory per op; every other op is a
// step of its own on the whole state.
struct Step {
  bool chunked = false;
  std::vector<uint32_t> ops;  // indices into p.ops; one op when not chunked
};
std::vector<Step> schedule(const Program& p, size_t begin, size_t end, unsigned n, unsigned block_qubits);

// Qubits an op acts on (controls included), as a bit mask.
uint64_t qubit_mask(const Op& op);

// `if (creg == value)` against the current classical bits (one byte per clbit).
class ConditionChecker {
 public:
  explicit ConditionChecker(const Circuit& c);
  bool holds(int32_t condition, const std::vector<uint8_t>& clbits) const;
  // Some value has more than kMaxConditionDigits digits and a register wide enough for it:
  // converting it would take quadratic time, so simulation refuses.
  bool too_large() const { return too_large_; }
  static constexpr size_t kMaxConditionDigits = 4000;

 private:
  const Circuit& c_;
  std::vector<std::vector<uint8_t>> bits_;  // per condition: the value's bits, LSB first
  std::vector<uint8_t> impossible_;         // value needs more bits than the register has
  bool too_large_ = false;
};

}  // namespace qvet::sim
