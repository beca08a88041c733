#include "sim/executor.hpp"

#include <cmath>
#include <utility>

#include "sim/engine.hpp"
#include "sim/fused_kernel.hpp"
#include "sim/kernels.hpp"
#include "sim/pool.hpp"

namespace qvet::sim {

namespace {

// Written out as the vector kernels form a product (no library call, no fused multiply-add).
template <class T>
inline std::complex<T> mul(std::complex<T> a, std::complex<T> b) {
  return {a.real() * b.real() + (-a.imag()) * b.imag(), a.real() * b.imag() + a.imag() * b.real()};
}
template <class T>
inline std::complex<T> mul2(std::complex<T> a, std::complex<T> x, std::complex<T> b, std::complex<T> y) {
  const std::complex<T> u = mul(a, x), v = mul(b, y);
  return {u.real() + v.real(), u.imag() + v.imag()};
}

// A 1-qubit gate on `target` where every bit of `controls` is 1: the multi-controlled gates wider
// than a fused block (mcx on many qubits), rare enough for a plain loop.
template <class T>
void controlled_1q(std::complex<T>* psi, unsigned n, uint64_t controls, unsigned target, const std::complex<T>* u) {
  const uint64_t size = uint64_t{1} << n, stride = uint64_t{1} << target;
  for (uint64_t i = 0; i < size; ++i) {
    if ((i & stride) || (i & controls) != controls) continue;
    const std::complex<T> x = psi[i], y = psi[i + stride];
    psi[i] = mul2(u[0], x, u[1], y);
    psi[i + stride] = mul2(u[2], x, u[3], y);
  }
}

template <class T>
void swap_where(std::complex<T>* psi, unsigned n, uint64_t controls, unsigned a, unsigned b) {
  const uint64_t size = uint64_t{1} << n, ba = uint64_t{1} << a, bb = uint64_t{1} << b;
  for (uint64_t i = 0; i < size; ++i)
    if ((i & ba) && !(i & bb) && (i & controls) == controls) std::swap(psi[i], psi[(i ^ ba) | bb]);
}

// A UnitaryGate's matrix (qubits in argument order), row by row.
template <class T>
void dense(std::complex<T>* psi, unsigned n, const unsigned* qubits, unsigned k, const std::complex<T>* u) {
  uint64_t mask = 0;
  const std::vector<uint64_t> off = group_offsets(qubits, k, &mask);
  const size_t dim = off.size();
  std::vector<std::complex<T>> in(dim);
  for (uint64_t base = 0; base < (uint64_t{1} << n); ++base) {
    if (base & mask) continue;
    for (size_t j = 0; j < dim; ++j) in[j] = psi[base | off[j]];
    for (size_t r = 0; r < dim; ++r) {
      std::complex<T> acc = 0;
      for (size_t j = 0; j < dim; ++j) {
        const std::complex<T> t = mul(u[r * dim + j], in[j]);
        acc = {acc.real() + t.real(), acc.imag() + t.imag()};
      }
      psi[base | off[r]] = acc;
    }
  }
}

}  // namespace

template <class T>
Executor<T>::Executor(const Program& p, unsigned n, Pool* pool)
    // Chunks of 2 MiB, which stay in the L2/L3 cache while a run of ops on their qubits is applied
    // (measured on the 24-qubit benchmark before fusion: 2^14 amplitudes 3.5 s, 2^16 3.3 s, 2^17
    // 2.85 s, 2^18 3.1 s, 2^20 3.9 s). A constant per precision, not a property of the machine, so
    // the order of operations, and with it every amplitude, is the same everywhere.
    : p_(p), n_(n), pool_(pool), block_qubits_(sizeof(T) == 4 ? 18 : 17) {
  mats_.reserve(p.mats.size());
  for (const cd& m : p.mats) mats_.emplace_back(static_cast<T>(m.real()), static_cast<T>(m.imag()));
}

template <class T>
void Executor<T>::apply_on(const Op& op, C* psi, unsigned n, Pool* pool) const {
  switch (op.kind) {
    case Op::Fused: apply_fused(psi, n, p_.qubits.data() + op.q0, op.q1, mats_.data() + op.mat, pool); break;
    case Op::Controlled1: controlled_1q(psi, n, op.controls, op.q0, mats_.data() + op.mat); break;
    case Op::Swap: swap_where(psi, n, op.controls, op.q0, op.q1); break;
    case Op::Dense: dense(psi, n, p_.qubits.data() + op.q0, op.q1, mats_.data() + op.mat); break;
    default: break;  // fuse_blocks leaves no other unitary kind; Measure, Reset, Prepare are the caller's
  }
}

template <class T>
void Executor<T>::apply_blocked(size_t begin, size_t end, C* psi, const std::function<void(size_t)>* applied) const {
  if (block_qubits_ >= n_) {  // the whole state is one chunk
    for (size_t i = begin; i < end; ++i) {
      apply(p_.ops[i], psi);
      if (applied) (*applied)(1);
    }
    return;
  }
  const unsigned bq = block_qubits_;
  const uint64_t chunk = uint64_t{1} << bq, chunks = uint64_t{1} << (n_ - bq);
  for (const Step& step : schedule(p_, begin, end, n_, bq)) {
    if (!step.chunked) {
      apply(p_.ops[step.ops.front()], psi);
    } else {
      auto body = [&](uint64_t c0, uint64_t c1) {
        for (uint64_t c = c0; c < c1; ++c)
          for (uint32_t i : step.ops) apply_on(p_.ops[i], psi + c * chunk, bq, nullptr);
      };
      if (pool_)
        pool_->for_range(chunks, 1, body);
      else
        body(0, chunks);
    }
    if (applied) (*applied)(step.ops.size());
  }
}

template <class T>
bool Executor<T>::prepare(const Op& op, C* psi) const {
  uint64_t mask = 0;
  const std::vector<uint64_t> off = group_offsets(p_.qubits.data() + op.q0, op.q1, &mask);
  const uint64_t size = uint64_t{1} << n_;
  for (uint64_t i = 0; i < size; ++i)
    if ((i & mask) && std::sqrt(norm2(psi[i])) > 1e-10) return false;
  for (uint64_t base = 0; base < size; ++base) {
    if (base & mask) continue;
    const C a = psi[base];
    for (size_t j = 0; j < off.size(); ++j) psi[base | off[j]] = mul(a, mats_[op.mat + j]);
  }
  return true;
}

template <class T>
double Executor<T>::probability_one(const C* psi, unsigned q) const {
  const uint64_t size = uint64_t{1} << n_, stride = uint64_t{1} << q;
  double p = 0;
  for (uint64_t hi = stride; hi < size; hi += 2 * stride)
    for (uint64_t lo = 0; lo < stride; ++lo) p += norm2(psi[hi + lo]);
  return p;
}

template <class T>
void Executor<T>::collapse(C* psi, unsigned q, int bit, double p) const {
  const uint64_t size = uint64_t{1} << n_, stride = uint64_t{1} << q;
  const T scale = static_cast<T>(p > 0 ? 1.0 / std::sqrt(p) : 0.0);
  for (uint64_t hi = 0; hi < size; hi += 2 * stride) {
    C* keep = psi + hi + (bit ? stride : 0);
    C* drop = psi + hi + (bit ? 0 : stride);
    for (uint64_t lo = 0; lo < stride; ++lo) {
      keep[lo] = {keep[lo].real() * scale, keep[lo].imag() * scale};
      drop[lo] = 0;
    }
  }
}

template <class T>
void Executor<T>::flip(C* psi, unsigned q) const {
  const uint64_t size = uint64_t{1} << n_, stride = uint64_t{1} << q;
  for (uint64_t hi = 0; hi < size; hi += 2 * stride)
    for (uint64_t lo = 0; lo < stride; ++lo) std::swap(psi[hi + lo], psi[hi + lo + stride]);
}

template class Executor<float>;
template class Executor<double>;

}  // namespace qvet::sim
