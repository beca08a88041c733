// The fused-block kernel's AVX2 path, compiled with -mavx2 (CMakeLists.txt) and called only when
// the CPU has AVX2. It holds nothing but intrinsics and the shared template, so no inline function
// compiled for AVX2 here can stand in for another translation unit's copy.
#include <immintrin.h>

#include <cstdint>

#include "sim/fused_kernel.hpp"

namespace qvet::sim {

namespace {

#include "sim/fused_impl.hpp"

struct Avx2Float {  // four complex floats
  using T = float;
  using R = __m256;
  static constexpr unsigned L = 2;
  static R load(const T* p) { return _mm256_loadu_ps(p); }
  static void store(T* p, R v) { _mm256_storeu_ps(p, v); }
  static R add(R a, R b) { return _mm256_add_ps(a, b); }
  static R mul(R a, R b) { return _mm256_mul_ps(a, b); }
  static R swap_ri(R x) { return _mm256_permute_ps(x, 0xB1); }
  static R lane_xor(R x, unsigned mask) {
    if (mask & 1) x = _mm256_permute_ps(x, 0x4E);          // complex 0 <-> 1, 2 <-> 3
    if (mask & 2) x = _mm256_permute2f128_ps(x, x, 0x01);  // halves swapped
    return x;
  }
  static R from(const T* p) { return _mm256_load_ps(p); }
};

struct Avx2Double {  // two complex doubles
  using T = double;
  using R = __m256d;
  static constexpr unsigned L = 1;
  static R load(const T* p) { return _mm256_loadu_pd(p); }
  static void store(T* p, R v) { _mm256_storeu_pd(p, v); }
  static R add(R a, R b) { return _mm256_add_pd(a, b); }
  static R mul(R a, R b) { return _mm256_mul_pd(a, b); }
  static R swap_ri(R x) { return _mm256_permute_pd(x, 5); }
  static R lane_xor(R x, unsigned) { return _mm256_permute2f128_pd(x, x, 0x01); }  // the only mask is 1
  static R from(const T* p) { return _mm256_load_pd(p); }
};

}  // namespace

void fused_avx2(float* psi, const unsigned* q, unsigned k, const float* m, uint64_t g_begin, uint64_t g_end) {
  fused_groups<Avx2Float>(psi, q, k, m, g_begin, g_end);
}
void fused_avx2(double* psi, const unsigned* q, unsigned k, const double* m, uint64_t g_begin, uint64_t g_end) {
  fused_groups<Avx2Double>(psi, q, k, m, g_begin, g_end);
}
uint64_t fused_avx2_groups(const float*, unsigned n, const unsigned* q, unsigned k) {
  return fused_group_count<Avx2Float>(n, q, k);
}
uint64_t fused_avx2_groups(const double*, unsigned n, const unsigned* q, unsigned k) {
  return fused_group_count<Avx2Double>(n, q, k);
}
unsigned fused_avx2_lane_bits(const float*) { return Avx2Float::L; }
unsigned fused_avx2_lane_bits(const double*) { return Avx2Double::L; }

}  // namespace qvet::sim
