#include "circuit/modifiers.hpp"

#include <cmath>

namespace qvet {

namespace {

size_t dim_of(const std::vector<Complex>& m) {
  return static_cast<size_t>(std::llround(std::sqrt(static_cast<double>(m.size()))));
}

std::vector<Complex> multiply(const std::vector<Complex>& a, const std::vector<Complex>& b, size_t n) {
  std::vector<Complex> r(n * n, Complex(0));
  for (size_t i = 0; i < n; ++i)
    for (size_t k = 0; k < n; ++k) {
      const Complex x = a[i * n + k];
      if (x == Complex(0)) continue;
      for (size_t j = 0; j < n; ++j) r[i * n + j] += x * b[k * n + j];
    }
  return r;
}

}  // namespace

std::string controlled_name(uint32_t controls, std::string_view base) {
  return (controls > 2 ? "c" + std::to_string(controls) : std::string(controls, 'c')) + std::string(base);
}

std::vector<Complex> controlled_matrix(const std::vector<Complex>& u, uint32_t w, uint32_t k, uint64_t ctrl_state) {
  const size_t dim = size_t{1} << (w + k), sub = size_t{1} << w, mask = (size_t{1} << k) - 1;
  const size_t on = static_cast<size_t>(ctrl_state) & mask;
  std::vector<Complex> out(dim * dim, Complex(0));
  for (size_t i = 0; i < dim; ++i) {
    if ((i & mask) != on) {
      out[i * dim + i] = 1;
      continue;
    }
    for (size_t j = 0; j < sub; ++j) out[i * dim + ((j << k) | on)] = u[(i >> k) * sub + j];
  }
  return out;
}

std::vector<Complex> adjoint(const std::vector<Complex>& m) {
  const size_t n = dim_of(m);
  std::vector<Complex> r(m.size());
  for (size_t i = 0; i < n; ++i)
    for (size_t j = 0; j < n; ++j) r[j * n + i] = std::conj(m[i * n + j]);
  return r;
}

std::vector<Complex> matrix_power(const std::vector<Complex>& m, double k) {
  const size_t n = dim_of(m);
  if (k == std::floor(k) && std::fabs(k) <= 64) {
    std::vector<Complex> base = k < 0 ? adjoint(m) : m;
    std::vector<Complex> acc(n * n, Complex(0));
    for (size_t i = 0; i < n; ++i) acc[i * n + i] = 1;
    for (long e = std::labs(static_cast<long>(k)); e > 0; e >>= 1) {
      if (e & 1) acc = multiply(acc, base, n);
      if (e > 1) base = multiply(base, base, n);
    }
    return acc;
  }
  // A fractional power of a 2x2 matrix by Sylvester's formula over its two eigenvalues (each to
  // its principal power, as Operator.power takes them): m^k = (l1^k (m - l2) - l2^k (m - l1)) / (l1 - l2).
  // Larger matrices are refused by the callers (an empty result), which keeps an eigensolver out of
  // the small WebAssembly module.
  if (n != 2) return {};
  const Complex a = m[0], b = m[1], c = m[2], d = m[3];
  const Complex half_trace = (a + d) / 2.0, disc = std::sqrt(half_trace * half_trace - (a * d - b * c));
  const Complex l1 = half_trace + disc, l2 = half_trace - disc;
  if (std::abs(l1 - l2) < 1e-12) {  // a multiple of the identity (normal, one eigenvalue)
    const Complex p = std::pow(l1, k);
    return {p, Complex(0), Complex(0), p};
  }
  const Complex p1 = std::pow(l1, k), p2 = std::pow(l2, k), den = l1 - l2;
  return {(p1 * (a - l2) - p2 * (a - l1)) / den, (p1 * b - p2 * b) / den, (p1 * c - p2 * c) / den,
          (p1 * (d - l2) - p2 * (d - l1)) / den};
}

}  // namespace qvet
