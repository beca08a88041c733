#include "sim/engine.hpp"

#include <string>

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
    case Op::Measure:
    case Op::Reset: break;  // handled by the caller: they need randomness and clbits
  }
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
    const Register& reg = c.cregs[cond.creg];
    // A d-digit value is at least 10^(d-1): past ~0.30103 digits per bit it cannot fit.
    const double max_digits = static_cast<double>(reg.size) * 0.30103 + 2;
    std::vector<uint8_t> bits;
    bool impossible = static_cast<double>(cond.value.size()) > max_digits;
    if (!impossible) {
      if (cond.value.size() > kMaxConditionDigits) {
        too_large_ = true;
      } else {
        bits = decimal_bits(cond.value);
        impossible = bits.size() > reg.size;
      }
    }
    bits.resize(reg.size, 0);
    bits_.push_back(std::move(bits));
    impossible_.push_back(impossible);
  }
}

bool ConditionChecker::holds(int32_t condition, const std::vector<uint8_t>& clbits) const {
  if (impossible_[condition]) return false;
  const Register& reg = c_.cregs[c_.conditions[condition].creg];
  const std::vector<uint8_t>& want = bits_[condition];
  for (uint32_t i = 0; i < reg.size; ++i)
    if (clbits[reg.offset + i] != want[i]) return false;
  return true;
}

}  // namespace qvet::sim
