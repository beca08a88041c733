#include "sim/kernels.hpp"

#include <cassert>
#include <cmath>
#include <utility>
#include <vector>

// Two-lane double SIMD: SSE2 (part of x86-64) natively, simd128 in WebAssembly. The few
// operations the kernels need are wrapped below so that both targets run the same code.
#if !defined(QVET_NO_SIMD) && defined(__wasm_simd128__)
#include <wasm_simd128.h>
#define QVET_SIMD 1
using __m128d = v128_t;
inline __m128d _mm_add_pd(__m128d a, __m128d b) { return wasm_f64x2_add(a, b); }
inline __m128d _mm_mul_pd(__m128d a, __m128d b) { return wasm_f64x2_mul(a, b); }
inline __m128d _mm_set1_pd(double x) { return wasm_f64x2_splat(x); }
inline __m128d _mm_set_pd(double hi, double lo) { return wasm_f64x2_make(lo, hi); }
inline __m128d _mm_loadu_pd(const double* p) { return wasm_v128_load(p); }
inline void _mm_storeu_pd(double* p, __m128d v) { wasm_v128_store(p, v); }
#define QVET_SWAP(x) wasm_i64x2_shuffle((x), (x), 1, 0)
#elif !defined(QVET_NO_SIMD) && defined(__SSE2__) && !defined(__EMSCRIPTEN__)
#include <emmintrin.h>
#define QVET_SIMD 1
#define QVET_SWAP(x) _mm_shuffle_pd((x), (x), 1)
#else
#define QVET_SIMD 0
#endif

// On x86-64 the hottest kernels also have an AVX2 version, chosen at run time. It does the same
// IEEE operations in the same order, two complex numbers at a time (no FMA), so results stay
// bit-identical to the SSE2 and scalar paths. QVET_NO_AVX2 (and QVET_NO_SIMD) build the other paths
// for tests/cpp/kernels, which runs every one.
#if QVET_SIMD && !defined(QVET_NO_AVX2) && defined(__x86_64__) && !defined(__EMSCRIPTEN__) && \
    (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define QVET_AVX2 1
#else
#define QVET_AVX2 0
#endif

namespace qvet::sim {

namespace {
// Complex arithmetic written out: std::complex's operator* checks for NaN/inf (a library call per
// product under strict IEEE rules), which would dominate these loops. The association below is
// the one the SIMD path computes, so both give bit-identical amplitudes (and so identical counts
// for a seed, natively and in WebAssembly).
// Index of group g's |00> amplitude for a 2-qubit kernel on bits lo_q < hi_q: g spread over the
// bits above lo_q, with a zero inserted at hi_q (the bits below lo_q are the contiguous run).
inline uint64_t pair_base(uint64_t g, unsigned lo_q, unsigned hi_q) {
  const uint64_t k = g << (lo_q + 1);
  return ((k >> hi_q) << (hi_q + 1)) | (k & ((uint64_t{1} << hi_q) - 1));
}

[[maybe_unused]] inline cd mul(cd a, cd b) {
  return {a.real() * b.real() - a.imag() * b.imag(), a.real() * b.imag() + a.imag() * b.real()};
}
[[maybe_unused]] inline cd mul2(cd a, cd x, cd b, cd y) {
  return {(a.real() * x.real() - a.imag() * x.imag()) + (b.real() * y.real() - b.imag() * y.imag()),
          (a.real() * x.imag() + a.imag() * x.real()) + (b.real() * y.imag() + b.imag() * y.real())};
}

#if QVET_SIMD
// One complex double per 128-bit register: m * x = (m.re, m.re) * x + (-m.im, m.im) * swap(x).
struct CMul {
  __m128d re, im;
  explicit CMul(cd m) : re(_mm_set1_pd(m.real())), im(_mm_set_pd(m.imag(), -m.imag())) {}
};
inline __m128d swap(__m128d x) { return QVET_SWAP(x); }
inline __m128d vmul(const CMul& m, __m128d x) { return _mm_add_pd(_mm_mul_pd(m.re, x), _mm_mul_pd(m.im, swap(x))); }
inline __m128d vmul2(const CMul& a, __m128d x, const CMul& b, __m128d y) { return _mm_add_pd(vmul(a, x), vmul(b, y)); }
inline __m128d load(const cd* p) { return _mm_loadu_pd(reinterpret_cast<const double*>(p)); }
inline void store(cd* p, __m128d v) { _mm_storeu_pd(reinterpret_cast<double*>(p), v); }
#endif

#if QVET_AVX2
bool cpu_has_avx2() {
  static const bool yes = __builtin_cpu_supports("avx2");
  return yes;
}

// Two complex doubles per register: m * x = (m.re..) * x + (-m.im, m.im, ..) * swap(x).
struct CMul4 {
  __m256d re, im;
};
__attribute__((target("avx2"))) inline CMul4 cmul4(cd m) {
  return {_mm256_set1_pd(m.real()), _mm256_set_pd(m.imag(), -m.imag(), m.imag(), -m.imag())};
}
// The same products with the swapped inputs computed once per input rather than once per product
// (the shuffle port, not the multipliers, limits these loops); identical IEEE operations.
__attribute__((target("avx2"))) inline __m256d pmul4(const CMul4& m, __m256d x, __m256d xs) {
  return _mm256_add_pd(_mm256_mul_pd(m.re, x), _mm256_mul_pd(m.im, xs));
}
__attribute__((target("avx2"))) inline __m256d row4(const CMul4* m, const __m256d* v, const __m256d* vs) {
  return _mm256_add_pd(_mm256_add_pd(pmul4(m[0], v[0], vs[0]), pmul4(m[1], v[1], vs[1])),
                       _mm256_add_pd(pmul4(m[2], v[2], vs[2]), pmul4(m[3], v[3], vs[3])));
}
__attribute__((target("avx2"))) inline __m256d load4(const cd* p) {
  return _mm256_loadu_pd(reinterpret_cast<const double*>(p));
}
__attribute__((target("avx2"))) inline void store4(cd* p, __m256d v) {
  _mm256_storeu_pd(reinterpret_cast<double*>(p), v);
}

// Requires stride >= 2 (runs of at least two amplitudes).
__attribute__((target("avx2"))) void apply_1q_avx2(cd* psi, uint64_t size, uint64_t stride, const Mat2& u) {
  const CMul4 m00 = cmul4(u.m[0]), m01 = cmul4(u.m[1]), m10 = cmul4(u.m[2]), m11 = cmul4(u.m[3]);
  for (uint64_t hi = 0; hi < size; hi += 2 * stride) {
    cd* a = psi + hi;
    cd* b = a + stride;
    for (uint64_t lo = 0; lo < stride; lo += 2) {
      const __m256d x = load4(a + lo), y = load4(b + lo);
      const __m256d xs = _mm256_permute_pd(x, 5), ys = _mm256_permute_pd(y, 5);
      store4(a + lo, _mm256_add_pd(pmul4(m00, x, xs), pmul4(m01, y, ys)));
      store4(b + lo, _mm256_add_pd(pmul4(m10, x, xs), pmul4(m11, y, ys)));
    }
  }
}

// Requires lo_size >= 2.
__attribute__((target("avx2"))) void apply_2q_avx2(cd* psi, unsigned lo_q, unsigned hi_q, uint64_t groups, uint64_t b0,
                                                   uint64_t b1, const Mat4& u) {
  CMul4 m[16];
  for (int i = 0; i < 16; ++i) m[i] = cmul4(u.m[i]);
  const uint64_t lo_size = uint64_t{1} << lo_q;
  for (uint64_t g = 0; g < groups; ++g) {
    const uint64_t k = pair_base(g, lo_q, hi_q);
    cd* p0 = psi + k;
    cd* p1 = p0 + b0;
    cd* p2 = p0 + b1;
    cd* p3 = p0 + b0 + b1;
    for (uint64_t lo = 0; lo < lo_size; lo += 2) {
      const __m256d v[4] = {load4(p0 + lo), load4(p1 + lo), load4(p2 + lo), load4(p3 + lo)};
      const __m256d vs[4] = {_mm256_permute_pd(v[0], 5), _mm256_permute_pd(v[1], 5), _mm256_permute_pd(v[2], 5),
                             _mm256_permute_pd(v[3], 5)};
      store4(p0 + lo, row4(m, v, vs));
      store4(p1 + lo, row4(m + 4, v, vs));
      store4(p2 + lo, row4(m + 8, v, vs));
      store4(p3 + lo, row4(m + 12, v, vs));
    }
  }
}
#endif
}  // namespace

void apply_1q(cd* psi, unsigned n, unsigned q, const Mat2& u) {
  assert(q < n);
  const uint64_t size = uint64_t{1} << n, stride = uint64_t{1} << q;
#if QVET_AVX2
  if (stride >= 2 && cpu_has_avx2()) return apply_1q_avx2(psi, size, stride, u);
#endif
#if QVET_SIMD
  const CMul m00(u.m[0]), m01(u.m[1]), m10(u.m[2]), m11(u.m[3]);
  for (uint64_t hi = 0; hi < size; hi += 2 * stride) {
    cd* a = psi + hi;
    cd* b = a + stride;
    for (uint64_t lo = 0; lo < stride; ++lo) {
      const __m128d x = load(a + lo), y = load(b + lo);
      store(a + lo, vmul2(m00, x, m01, y));
      store(b + lo, vmul2(m10, x, m11, y));
    }
  }
#else
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
#endif
}

void apply_diag_1q(cd* psi, unsigned n, unsigned q, cd d0, cd d1) {
  assert(q < n);
  const uint64_t size = uint64_t{1} << n, stride = uint64_t{1} << q;
  const bool skip0 = d0 == cd(1, 0);
#if QVET_SIMD
  const CMul v0(d0), v1(d1);
  for (uint64_t hi = 0; hi < size; hi += 2 * stride) {
    cd* a = psi + hi;
    cd* b = a + stride;
    if (!skip0)
      for (uint64_t lo = 0; lo < stride; ++lo) store(a + lo, vmul(v0, load(a + lo)));
    for (uint64_t lo = 0; lo < stride; ++lo) store(b + lo, vmul(v1, load(b + lo)));
  }
#else
  for (uint64_t hi = 0; hi < size; hi += 2 * stride) {
    cd* a = psi + hi;
    cd* b = a + stride;
    if (!skip0)
      for (uint64_t lo = 0; lo < stride; ++lo) a[lo] = mul(d0, a[lo]);
    for (uint64_t lo = 0; lo < stride; ++lo) b[lo] = mul(d1, b[lo]);
  }
#endif
}

void apply_controlled_1q(cd* psi, unsigned n, uint64_t controls, unsigned target, const Mat2& u) {
  assert(target < n && !(controls >> target & 1));
  if (!controls) return apply_1q(psi, n, target, u);
  const uint64_t size = uint64_t{1} << n, stride = uint64_t{1} << target;
#if QVET_SIMD
  const CMul m00(u.m[0]), m01(u.m[1]), m10(u.m[2]), m11(u.m[3]);
#else
  const cd m00 = u.m[0], m01 = u.m[1], m10 = u.m[2], m11 = u.m[3];
#endif
  for (uint64_t hi = 0; hi < size; hi += 2 * stride) {
    if ((hi & controls & ~(2 * stride - 1)) != (controls & ~(2 * stride - 1))) continue;  // high controls off
    for (uint64_t lo = 0; lo < stride; ++lo) {
      const uint64_t i = hi + lo;
      if ((i & controls) != controls) continue;
#if QVET_SIMD
      const __m128d x = load(psi + i), y = load(psi + i + stride);
      store(psi + i, vmul2(m00, x, m01, y));
      store(psi + i + stride, vmul2(m10, x, m11, y));
#else
      const cd x = psi[i], y = psi[i + stride];
      psi[i] = mul2(m00, x, m01, y);
      psi[i + stride] = mul2(m10, x, m11, y);
#endif
    }
  }
}

void apply_2q(cd* psi, unsigned n, unsigned q0, unsigned q1, const Mat4& u) {
  assert(q0 < n && q1 < n && q0 != q1);
  const uint64_t b0 = uint64_t{1} << q0, b1 = uint64_t{1} << q1;
  const unsigned lo_q = q0 < q1 ? q0 : q1, hi_q = q0 < q1 ? q1 : q0;
  const uint64_t lo_size = uint64_t{1} << lo_q;           // contiguous run below both target bits
  const uint64_t groups = uint64_t{1} << (n - 2 - lo_q);  // everything above, with targets removed
#if QVET_AVX2
  if (lo_size >= 2 && cpu_has_avx2()) return apply_2q_avx2(psi, lo_q, hi_q, groups, b0, b1, u);
#endif
#if QVET_SIMD
  CMul m[16] = {CMul(u.m[0]),  CMul(u.m[1]),  CMul(u.m[2]),  CMul(u.m[3]), CMul(u.m[4]),  CMul(u.m[5]),
                CMul(u.m[6]),  CMul(u.m[7]),  CMul(u.m[8]),  CMul(u.m[9]), CMul(u.m[10]), CMul(u.m[11]),
                CMul(u.m[12]), CMul(u.m[13]), CMul(u.m[14]), CMul(u.m[15])};
#endif
  for (uint64_t g = 0; g < groups; ++g) {
    const uint64_t k = pair_base(g, lo_q, hi_q);
    cd* p0 = psi + k;
    cd* p1 = p0 + b0;
    cd* p2 = p0 + b1;
    cd* p3 = p0 + b0 + b1;
    for (uint64_t lo = 0; lo < lo_size; ++lo) {
#if QVET_SIMD
      const __m128d v0 = load(p0 + lo), v1 = load(p1 + lo), v2 = load(p2 + lo), v3 = load(p3 + lo);
      store(p0 + lo, _mm_add_pd(vmul2(m[0], v0, m[1], v1), vmul2(m[2], v2, m[3], v3)));
      store(p1 + lo, _mm_add_pd(vmul2(m[4], v0, m[5], v1), vmul2(m[6], v2, m[7], v3)));
      store(p2 + lo, _mm_add_pd(vmul2(m[8], v0, m[9], v1), vmul2(m[10], v2, m[11], v3)));
      store(p3 + lo, _mm_add_pd(vmul2(m[12], v0, m[13], v1), vmul2(m[14], v2, m[15], v3)));
#else
      const cd v[4] = {p0[lo], p1[lo], p2[lo], p3[lo]};
      cd* out[4] = {p0 + lo, p1 + lo, p2 + lo, p3 + lo};
      for (int r = 0; r < 4; ++r) {
        const cd* row = u.m + 4 * r;
        const cd x = mul2(row[0], v[0], row[1], v[1]), y = mul2(row[2], v[2], row[3], v[3]);
        *out[r] = cd(x.real() + y.real(), x.imag() + y.imag());
      }
#endif
    }
  }
}

void apply_diag_2q(cd* psi, unsigned n, unsigned q0, unsigned q1, const cd d[4]) {
  assert(q0 < n && q1 < n && q0 != q1);
  const uint64_t b0 = uint64_t{1} << q0, b1 = uint64_t{1} << q1;
  const unsigned lo_q = q0 < q1 ? q0 : q1, hi_q = q0 < q1 ? q1 : q0;
  const uint64_t lo_size = uint64_t{1} << lo_q, groups = uint64_t{1} << (n - 2 - lo_q);
  const cd* dd = d;
#if QVET_SIMD
  const CMul v[4] = {CMul(dd[0]), CMul(dd[1]), CMul(dd[2]), CMul(dd[3])};
#endif
  const uint64_t offs[4] = {0, b0, b1, b0 + b1};
  for (uint64_t g = 0; g < groups; ++g) {
    const uint64_t k = pair_base(g, lo_q, hi_q);
    for (int r = 0; r < 4; ++r) {
      if (dd[r] == cd(1, 0)) continue;  // cz, cp: three quarters untouched
      cd* p = psi + k + offs[r];
#if QVET_SIMD
      for (uint64_t lo = 0; lo < lo_size; ++lo) store(p + lo, vmul(v[r], load(p + lo)));
#else
      for (uint64_t lo = 0; lo < lo_size; ++lo) p[lo] = mul(dd[r], p[lo]);
#endif
    }
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

const char* kernel_path() {
#if QVET_AVX2
  if (cpu_has_avx2()) return "avx2";
#endif
#if QVET_SIMD && defined(__wasm_simd128__)
  return "simd128";
#elif QVET_SIMD
  return "sse2";
#else
  return "scalar";
#endif
}

// Data gates are rare (a UnitaryGate, an initialize), so one scalar loop serves every path: for
// each index with the k qubits clear, gather their 2^k amplitudes, transform, scatter.
std::vector<uint64_t> group_offsets(const unsigned* qubits, unsigned k, uint64_t* mask) {
  std::vector<uint64_t> off(size_t{1} << k, 0);
  *mask = 0;
  for (unsigned b = 0; b < k; ++b) *mask |= uint64_t{1} << qubits[b];
  for (size_t j = 0; j < off.size(); ++j)
    for (unsigned b = 0; b < k; ++b)
      if ((j >> b) & 1) off[j] |= uint64_t{1} << qubits[b];
  return off;
}

void apply_dense(cd* psi, unsigned n, const unsigned* qubits, unsigned k, const cd* u) {
  uint64_t mask = 0;
  const std::vector<uint64_t> off = group_offsets(qubits, k, &mask);
  const size_t dim = off.size();
  std::vector<cd> in(dim);
  for (uint64_t base = 0; base < (uint64_t{1} << n); ++base) {
    if (base & mask) continue;
    for (size_t j = 0; j < dim; ++j) in[j] = psi[base | off[j]];
    for (size_t r = 0; r < dim; ++r) {
      cd acc = 0;
      for (size_t j = 0; j < dim; ++j) acc += u[r * dim + j] * in[j];
      psi[base | off[r]] = acc;
    }
  }
}

}  // namespace qvet::sim
