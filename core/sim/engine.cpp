#include "sim/engine.hpp"

#include <string>

#include "sim/fused_kernel.hpp"

namespace qvet::sim {

void apply(const Program& p, const Op& op, cd* psi, unsigned n) {
  switch (op.kind) {
    case Op::One: apply_1q(psi, n, op.q0, p.mat2(op)); break;
    case Op::Diag1: apply_diag_1q(psi, n, op.q0, p.mats[op.mat], p.mats[op.mat + 3]); break;
    case Op::Controlled1: apply_controlled_1q(psi, n, op.controls, op.q0, p.mat2(op)); break;
    case Op::Two: apply_2q(psi, n, op.q0, op.q1, p.mat4(op)); break;
    case Op::Diag2: {
      const cd d[4] = {p.mats[op.mat], p.mats[op.mat + 5], p.mats[op.mat + 10], p.mats[op.mat + 15]};
      apply_diag_2q(psi, n, op.q0, op.q1, d);
      break;
    }
    case Op::Swap: apply_swap(psi, n, op.controls, op.q0, op.q1); break;
    case Op::Dense: apply_dense(psi, n, p.qubits.data() + op.q0, op.q1, p.mats.data() + op.mat); break;
    case Op::Fused: apply_fused(psi, n, p.qubits.data() + op.q0, op.q1, p.mats.data() + op.mat, nullptr); break;
    case Op::Measure:
    case Op::Reset:
    case Op::Prepare: break;  // handled by the caller: they need randomness, clbits, or may fail
  }
}

uint64_t qubit_mask(const Op& op) {
  if (op.kind == Op::Dense || op.kind == Op::Prepare || op.kind == Op::Fused) return op.controls;
  uint64_t m = op.controls | (uint64_t{1} << op.q0);
  if (op.kind == Op::Two || op.kind == Op::Diag2 || op.kind == Op::Swap) m |= uint64_t{1} << op.q1;
  return m;
}

std::vector<Step> schedule(const Program& p, size_t begin, size_t end, unsigned n, unsigned block_qubits) {
  std::vector<Step> steps;
  const uint64_t low = (uint64_t{1} << block_qubits) - 1;
  // Greedy list scheduling over per-qubit queues: an op is ready when it heads the queue of every
  // qubit it touches. Ready low ops go first, into the current run; otherwise the earliest ready op.
  std::vector<std::vector<uint32_t>> queue(n);
  std::vector<size_t> head(n, 0);
  for (size_t i = begin; i < end; ++i) {
    const uint64_t m = qubit_mask(p.ops[i]);
    for (unsigned q = 0; q < n; ++q)
      if ((m >> q) & 1) queue[q].push_back(static_cast<uint32_t>(i));
  }
  auto ready = [&](uint32_t i) {
    const uint64_t m = qubit_mask(p.ops[i]);
    for (unsigned q = 0; q < n; ++q)
      if (((m >> q) & 1) && (head[q] >= queue[q].size() || queue[q][head[q]] != i)) return false;
    return true;
  };
  auto pop = [&](uint32_t i) {
    const uint64_t m = qubit_mask(p.ops[i]);
    for (unsigned q = 0; q < n; ++q)
      if ((m >> q) & 1) ++head[q];
  };
  Step run{true, {}};
  auto flush_run = [&] {
    if (run.ops.empty()) return;
    steps.push_back(std::move(run));
    run = Step{true, {}};
  };
  size_t done = 0;
  const size_t total = end - begin;
  while (done < total) {
    bool progress = true;
    while (progress) {
      progress = false;
      for (unsigned q = 0; q < block_qubits && q < n; ++q) {
        while (head[q] < queue[q].size()) {
          const uint32_t i = queue[q][head[q]];
          if ((qubit_mask(p.ops[i]) & ~low) || !ready(i)) break;
          pop(i);
          run.ops.push_back(i);
          ++done;
          progress = true;
        }
      }
    }
    if (done == total) break;
    // No low op is ready: the earliest ready op among the queue heads (one always exists).
    uint32_t best = UINT32_MAX;
    for (unsigned q = 0; q < n; ++q)
      if (head[q] < queue[q].size() && queue[q][head[q]] < best && ready(queue[q][head[q]])) best = queue[q][head[q]];
    flush_run();
    pop(best);
    steps.push_back(Step{false, {best}});
    ++done;
  }
  flush_run();
  return steps;
}

namespace {
// Decimal text to bits, LSB first, by repeated halving (the value may exceed 64 bits; its length
// is bounded by the source size).
std::vector<uint8_t> decimal_bits(std::string digits) {
  std::vector<uint8_t> bits;
  while (!(digits.size() == 1 && digits[0] == '0') && !digits.empty()) {
    int carry = 0;
    std::string half;
    for (char ch : digits) {
      int cur = carry * 10 + (ch - '0');
      half += static_cast<char>('0' + cur / 2);
      carry = cur % 2;
    }
    bits.push_back(static_cast<uint8_t>(carry));
    size_t nz = half.find_first_not_of('0');
    digits = nz == std::string::npos ? "0" : half.substr(nz);
  }
  return bits;
}
}  // namespace

ConditionChecker::ConditionChecker(const Circuit& c) : c_(c) {
  for (const Condition& cond : c.conditions) {
    const uint32_t size = cond.clbit_count;
    // A d-digit value is at least 10^(d-1): past ~0.30103 digits per bit it cannot fit.
    const double max_digits = static_cast<double>(size) * 0.30103 + 2;
    std::vector<uint8_t> bits;
    bool impossible = static_cast<double>(cond.value.size()) > max_digits;
    if (!impossible) {
      if (cond.value.size() > kMaxConditionDigits) {
        too_large_ = true;
      } else {
        bits = decimal_bits(cond.value);
        impossible = bits.size() > size;
      }
    }
    bits.resize(size, 0);
    bits_.push_back(std::move(bits));
    impossible_.push_back(impossible);
  }
}

bool ConditionChecker::holds(int32_t condition, const std::vector<uint8_t>& clbits) const {
  const Condition& cond = c_.conditions[condition];
  if (impossible_[condition]) return cond.negated;
  const std::vector<uint8_t>& want = bits_[condition];
  for (uint32_t i = 0; i < cond.clbit_count; ++i)
    if (clbits[cond.clbit_begin + i] != want[i]) return cond.negated;
  return !cond.negated;
}

}  // namespace qvet::sim
