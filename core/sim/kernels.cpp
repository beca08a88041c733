#include "sim/kernels.hpp"

#include <cassert>
#include <cmath>
#include <utility>

namespace qvet::sim {

namespace {
// Complex multiply-add written out: std::complex's operator* checks for NaN/inf (a library call
// per product under strict IEEE rules), which would dominate these loops.
inline cd mul(cd a, cd b) {
  return {a.real() * b.real() - a.imag() * b.imag(), a.real() * b.imag() + a.imag() * b.real()};
}
inline cd mul2(cd a, cd x, cd b, cd y) {
  return {a.real() * x.real() - a.imag() * x.imag() + b.real() * y.real() - b.imag() * y.imag(),
          a.real() * x.imag() + a.imag() * x.real() + b.real() * y.imag() + b.imag() * y.real()};
}
}  // namespace

void apply_1q(cd* psi, unsigned n, unsigned q, const Mat2& u) {
  assert(q < n);
  const uint64_t size = uint64_t{1} << n, stride = uint64_t{1} << q;
  const cd m00 = u.m[0], m01 = u.m[1], m10 = u.m[2], m11 = u.m[3];
  for (uint64_t hi = 0; hi < size; hi += 2 * stride) {
    cd* a = psi + hi;
    cd* b = a + stride;
    for (uint64_t lo = 0; lo < stride; ++lo) {
      const cd x = a[lo], y = b[lo];
      a[lo] = mul2(m00, x, m01, y);
      b[lo] = mul2(m10, x, m11, y);
    }
  }
}

void apply_diag_1q(cd* psi, unsigned n, unsigned q, cd d0, cd d1) {
  assert(q < n);
  const uint64_t size = uint64_t{1} << n, stride = uint64_t{1} << q;
  const bool skip0 = d0 == cd(1, 0);
  for (uint64_t hi = 0; hi < size; hi += 2 * stride) {
    cd* a = psi + hi;
    cd* b = a + stride;
    if (!skip0)
      for (uint64_t lo = 0; lo < stride; ++lo) a[lo] = mul(d0, a[lo]);
    for (uint64_t lo = 0; lo < stride; ++lo) b[lo] = mul(d1, b[lo]);
  }
}

void apply_controlled_1q(cd* psi, unsigned n, uint64_t controls, unsigned target, const Mat2& u) {
  assert(target < n && !(controls >> target & 1));
  if (!controls) return apply_1q(psi, n, target, u);
  const uint64_t size = uint64_t{1} << n, stride = uint64_t{1} << target;
  const cd m00 = u.m[0], m01 = u.m[1], m10 = u.m[2], m11 = u.m[3];
  for (uint64_t hi = 0; hi < size; hi += 2 * stride) {
    for (uint64_t lo = 0; lo < stride; ++lo) {
      const uint64_t i = hi + lo;
      if ((i & controls) != controls) continue;
      const cd x = psi[i], y = psi[i + stride];
      psi[i] = mul2(m00, x, m01, y);
      psi[i + stride] = mul2(m10, x, m11, y);
    }
  }
}

void apply_2q(cd* psi, unsigned n, unsigned q0, unsigned q1, const Mat4& u) {
  assert(q0 < n && q1 < n && q0 != q1);
  const uint64_t b0 = uint64_t{1} << q0, b1 = uint64_t{1} << q1;
  const unsigned lo_q = q0 < q1 ? q0 : q1, hi_q = q0 < q1 ? q1 : q0;
  const uint64_t quarter = uint64_t{1} << (n - 2);
  for (uint64_t k = 0; k < quarter; ++k) {
    // Insert zero bits at lo_q, then at hi_q: i has both target bits clear.
    uint64_t i = ((k >> lo_q) << (lo_q + 1)) | (k & ((uint64_t{1} << lo_q) - 1));
    i = ((i >> hi_q) << (hi_q + 1)) | (i & ((uint64_t{1} << hi_q) - 1));
    const uint64_t idx[4] = {i, i | b0, i | b1, i | b0 | b1};
    const cd v[4] = {psi[idx[0]], psi[idx[1]], psi[idx[2]], psi[idx[3]]};
    for (int r = 0; r < 4; ++r) {
      const cd* row = u.m + 4 * r;
      cd acc = mul2(row[0], v[0], row[1], v[1]);
      acc += mul2(row[2], v[2], row[3], v[3]);
      psi[idx[r]] = acc;
    }
  }
}

void apply_diag_2q(cd* psi, unsigned n, unsigned q0, unsigned q1, const cd d[4]) {
  assert(q0 < n && q1 < n && q0 != q1);
  const uint64_t size = uint64_t{1} << n;
  for (uint64_t i = 0; i < size; ++i) {
    const unsigned k = static_cast<unsigned>(((i >> q0) & 1) | (((i >> q1) & 1) << 1));
    psi[i] = mul(d[k], psi[i]);
  }
}

void apply_swap(cd* psi, unsigned n, uint64_t controls, unsigned a, unsigned b) {
  assert(a < n && b < n && a != b);
  const uint64_t size = uint64_t{1} << n, ba = uint64_t{1} << a, bb = uint64_t{1} << b;
  for (uint64_t i = 0; i < size; ++i) {
    // Visit each pair once, from its |a=1, b=0> member.
    if ((i & ba) && !(i & bb) && (i & controls) == controls) std::swap(psi[i], psi[(i ^ ba) | bb]);
  }
}

double probability_one(const cd* psi, unsigned n, unsigned q) {
  const uint64_t size = uint64_t{1} << n, stride = uint64_t{1} << q;
  double p = 0;
  for (uint64_t hi = stride; hi < size; hi += 2 * stride)
    for (uint64_t lo = 0; lo < stride; ++lo) p += std::norm(psi[hi + lo]);
  return p;
}

void collapse(cd* psi, unsigned n, unsigned q, int bit, double p) {
  const uint64_t size = uint64_t{1} << n, stride = uint64_t{1} << q;
  const double scale = p > 0 ? 1.0 / std::sqrt(p) : 0.0;
  for (uint64_t hi = 0; hi < size; hi += 2 * stride) {
    cd* keep = psi + hi + (bit ? stride : 0);
    cd* drop = psi + hi + (bit ? 0 : stride);
    for (uint64_t lo = 0; lo < stride; ++lo) {
      keep[lo] *= scale;
      drop[lo] = 0;
    }
  }
}

}  // namespace qvet::sim
