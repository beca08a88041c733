// Runs a fused program (sim/blocks.hpp) on a state of either precision: the fused blocks through
// their vector kernel, the few wider gates and data gates through plain loops, measurement
// probabilities and collapse. Ops on the low qubits are reordered (only past ops they commute with)
// into runs applied one cache-sized chunk at a time, the chunks shared among the pool's threads.
#pragma once
#include <complex>
#include <functional>
#include <vector>

#include "sim/ops.hpp"

namespace qvet::sim {

class Pool;

template <class T>
class Executor {
 public:
  using C = std::complex<T>;
  Executor(const Program& p, unsigned n, Pool* pool);

  // A unitary op (not Measure, Reset or Prepare) on the whole state.
  void apply(const Op& op, C* psi) const { apply_on(op, psi, n_, pool_); }
  // Ops [begin, end): unitary, unconditioned, none a Prepare. `applied`, when set, is told how many
  // ops each step applied, on the calling thread (for SimOptions::progress).
  void apply_blocked(size_t begin, size_t end, C* psi, const std::function<void(size_t)>* applied = nullptr) const;
  // Prepare: false, with psi untouched, when its qubits are not all |0> (see kernels.hpp).
  bool prepare(const Op& op, C* psi) const;

  double probability_one(const C* psi, unsigned q) const;
  void collapse(C* psi, unsigned q, int bit, double p) const;
  void flip(C* psi, unsigned q) const;  // X on q (a reset that read 1)

 private:
  void apply_on(const Op& op, C* psi, unsigned n, Pool* pool) const;

  const Program& p_;
  unsigned n_;
  Pool* pool_;
  std::vector<C> mats_;  // p_.mats in this precision
  unsigned block_qubits_;
};

// |a|^2 in double, the same on every platform for either precision.
template <class T>
inline double norm2(std::complex<T> a) {
  const double re = a.real(), im = a.imag();
  return re * re + im * im;
}

}  // namespace qvet::sim
