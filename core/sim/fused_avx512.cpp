// The fused-block kernel's AVX-512 path, compiled with -mavx512f (CMakeLists.txt) and called only
// when the CPU has AVX-512F: twice the lanes of AVX2 (8 complex floats, 4 complex doubles), the
// same operations in the same order (no fused multiply-adds), so the same bits. Like
// fused_avx2.cpp it holds only intrinsics and the shared template.
#include <immintrin.h>

#include <cstdint>

#include "sim/fused_kernel.hpp"

namespace qvet::sim {

namespace {

#include "sim/fused_impl.hpp"

struct Avx512Float {  // eight complex floats
  using T = float;
  using R = __m512;
  static constexpr unsigned L = 3;
  static R load(const T* p) { return _mm512_loadu_ps(p); }
  static void store(T* p, R v) { _mm512_storeu_ps(p, v); }
  static R add(R a, R b) { return _mm512_add_ps(a, b); }
  static R mul(R a, R b) { return _mm512_mul_ps(a, b); }
  static R swap_ri(R x) { return _mm512_permute_ps(x, 0xB1); }
  static R lane_xor(R x, unsigned mask) {
    if (mask & 1) x = _mm512_permute_ps(x, 0x4E);                           // complex 2i <-> 2i+1
    if (mask & 2) x = _mm512_shuffle_f32x4(x, x, _MM_SHUFFLE(2, 3, 0, 1));  // 128-bit pairs swapped
    if (mask & 4) x = _mm512_shuffle_f32x4(x, x, _MM_SHUFFLE(1, 0, 3, 2));  // 256-bit halves swapped
    return x;
  }
  static R from(const T* p) { return _mm512_load_ps(p); }
};

struct Avx512Double {  // four complex doubles
  using T = double;
  using R = __m512d;
  static constexpr unsigned L = 2;
  static R load(const T* p) { return _mm512_loadu_pd(p); }
  static void store(T* p, R v) { _mm512_storeu_pd(p, v); }
  static R add(R a, R b) { return _mm512_add_pd(a, b); }
  static R mul(R a, R b) { return _mm512_mul_pd(a, b); }
  static R swap_ri(R x) { return _mm512_permute_pd(x, 0x55); }
  static R lane_xor(R x, unsigned mask) {
    if (mask & 1) x = _mm512_shuffle_f64x2(x, x, _MM_SHUFFLE(2, 3, 0, 1));  // complex 2i <-> 2i+1
    if (mask & 2) x = _mm512_shuffle_f64x2(x, x, _MM_SHUFFLE(1, 0, 3, 2));  // halves swapped
    return x;
  }
  static R from(const T* p) { return _mm512_load_pd(p); }
};

}  // namespace

void fused_avx512(float* psi, const unsigned* q, unsigned k, const float* m, uint64_t g_begin, uint64_t g_end) {
  fused_groups<Avx512Float>(psi, q, k, m, g_begin, g_end);
}
void fused_avx512(double* psi, const unsigned* q, unsigned k, const double* m, uint64_t g_begin, uint64_t g_end) {
  fused_groups<Avx512Double>(psi, q, k, m, g_begin, g_end);
}
uint64_t fused_avx512_groups(const float*, unsigned n, const unsigned* q, unsigned k) {
  return fused_group_count<Avx512Float>(n, q, k);
}
uint64_t fused_avx512_groups(const double*, unsigned n, const unsigned* q, unsigned k) {
  return fused_group_count<Avx512Double>(n, q, k);
}
unsigned fused_avx512_lane_bits(const float*) { return Avx512Float::L; }
unsigned fused_avx512_lane_bits(const double*) { return Avx512Double::L; }

}  // namespace qvet::sim
