// The fused-block kernel's scalar and WebAssembly simd128 paths and the choice of path (the AVX2
// and AVX-512 paths are fused_avx2.cpp and fused_avx512.cpp, each compiled for its instruction set
// and taken only on a CPU that has it).
#include "sim/fused_kernel.hpp"

#include <cstdint>

#include "sim/pool.hpp"

#if !defined(QVET_NO_SIMD) && defined(__wasm_simd128__)
#include <wasm_simd128.h>
#define QVET_FUSED_SIMD128 1
#endif
#if !defined(QVET_NO_SIMD) && !defined(QVET_NO_AVX2) && defined(__x86_64__) && !defined(__EMSCRIPTEN__) && \
    (defined(__GNUC__) || defined(__clang__))
#define QVET_FUSED_AVX2 1
#if !defined(QVET_NO_AVX512)
#define QVET_FUSED_AVX512 1
#endif
#endif

namespace qvet::sim {

#if QVET_FUSED_AVX2
// fused_avx2.cpp: ranges of groups with the AVX2 vector types (4 complex floats, 2 complex doubles).
void fused_avx2(float* psi, const unsigned* q, unsigned k, const float* m, uint64_t g_begin, uint64_t g_end);
void fused_avx2(double* psi, const unsigned* q, unsigned k, const double* m, uint64_t g_begin, uint64_t g_end);
uint64_t fused_avx2_groups(const float*, unsigned n, const unsigned* q, unsigned k);
uint64_t fused_avx2_groups(const double*, unsigned n, const unsigned* q, unsigned k);
unsigned fused_avx2_lane_bits(const float*);
unsigned fused_avx2_lane_bits(const double*);
#endif
#if QVET_FUSED_AVX512
// fused_avx512.cpp: the same with 8 complex floats, 4 complex doubles.
void fused_avx512(float* psi, const unsigned* q, unsigned k, const float* m, uint64_t g_begin, uint64_t g_end);
void fused_avx512(double* psi, const unsigned* q, unsigned k, const double* m, uint64_t g_begin, uint64_t g_end);
uint64_t fused_avx512_groups(const float*, unsigned n, const unsigned* q, unsigned k);
uint64_t fused_avx512_groups(const double*, unsigned n, const unsigned* q, unsigned k);
unsigned fused_avx512_lane_bits(const float*);
unsigned fused_avx512_lane_bits(const double*);
#endif

namespace {

#include "sim/fused_impl.hpp"

// Groups per part: below this, waking the other threads costs more than it saves.
constexpr uint64_t kMinGroupsPerThread = uint64_t{1} << 12;

#if !QVET_FUSED_SIMD128
// One complex number a "register": the reference every vector path equals bit for bit.
template <class Real>
struct Scalar {
  using T = Real;
  struct R {
    T re, im;
  };
  static constexpr unsigned L = 0;
  static R load(const T* p) { return {p[0], p[1]}; }
  static void store(T* p, R v) {
    p[0] = v.re;
    p[1] = v.im;
  }
  static R add(R a, R b) { return {a.re + b.re, a.im + b.im}; }
  static R mul(R a, R b) { return {a.re * b.re, a.im * b.im}; }
  static R swap_ri(R x) { return {x.im, x.re}; }
  static R lane_xor(R x, unsigned) { return x; }
  static R from(const T* p) { return {p[0], p[1]}; }
};
#endif

#if QVET_FUSED_SIMD128
struct Simd128Float {  // two complex floats
  using T = float;
  using R = v128_t;
  static constexpr unsigned L = 1;
  static R load(const T* p) { return wasm_v128_load(p); }
  static void store(T* p, R v) { wasm_v128_store(p, v); }
  static R add(R a, R b) { return wasm_f32x4_add(a, b); }
  static R mul(R a, R b) { return wasm_f32x4_mul(a, b); }
  static R swap_ri(R x) { return wasm_i32x4_shuffle(x, x, 1, 0, 3, 2); }
  static R lane_xor(R x, unsigned) { return wasm_i32x4_shuffle(x, x, 2, 3, 0, 1); }  // the only mask is 1
  static R from(const T* p) { return wasm_v128_load(p); }
};
struct Simd128Double {  // one complex double
  using T = double;
  using R = v128_t;
  static constexpr unsigned L = 0;
  static R load(const T* p) { return wasm_v128_load(p); }
  static void store(T* p, R v) { wasm_v128_store(p, v); }
  static R add(R a, R b) { return wasm_f64x2_add(a, b); }
  static R mul(R a, R b) { return wasm_f64x2_mul(a, b); }
  static R swap_ri(R x) { return wasm_i64x2_shuffle(x, x, 1, 0); }
  static R lane_xor(R x, unsigned) { return x; }
  static R from(const T* p) { return wasm_v128_load(p); }
};
template <class Real>
struct Simd128;
template <>
struct Simd128<float> : Simd128Float {};
template <>
struct Simd128<double> : Simd128Double {};
#endif

#if QVET_FUSED_AVX2
bool cpu_has_avx2() {
  static const bool yes = __builtin_cpu_supports("avx2");
  return yes;
}
#endif
#if QVET_FUSED_AVX512
bool cpu_has_avx512() {
  static const bool yes = __builtin_cpu_supports("avx512f");
  return yes;
}
#endif

// Runs range(begin, end) over [0, groups), split among the pool's threads when there is a pool.
template <class Range>
void run_groups(uint64_t groups, Pool* pool, const Range& range) {
  if (pool)
    pool->for_range(groups, kMinGroupsPerThread, range);
  else
    range(0, groups);
}

template <class V>
void run_vector(std::complex<typename V::T>* psi, unsigned n, const unsigned* q, unsigned k,
                const std::complex<typename V::T>* m, Pool* pool) {
  using T = typename V::T;
  T* data = reinterpret_cast<T*>(psi);
  const T* mat = reinterpret_cast<const T*>(m);
  run_groups(fused_group_count<V>(n, q, k), pool,
             [&](uint64_t b, uint64_t e) { fused_groups<V>(data, q, k, mat, b, e); });
}

}  // namespace

template <class T>
void apply_fused(std::complex<T>* psi, unsigned n, const unsigned* qubits, unsigned k, const std::complex<T>* m,
                 Pool* pool) {
  T* data = reinterpret_cast<T*>(psi);
  const T* mat = reinterpret_cast<const T*>(m);
  (void)data;
  (void)mat;
#if QVET_FUSED_AVX512
  if (cpu_has_avx512() && n >= fused_avx512_lane_bits(data))
    return run_groups(fused_avx512_groups(data, n, qubits, k), pool,
                      [&](uint64_t b, uint64_t e) { fused_avx512(data, qubits, k, mat, b, e); });
#endif
#if QVET_FUSED_AVX2
  if (cpu_has_avx2() && n >= fused_avx2_lane_bits(data))
    return run_groups(fused_avx2_groups(data, n, qubits, k), pool,
                      [&](uint64_t b, uint64_t e) { fused_avx2(data, qubits, k, mat, b, e); });
#endif
#if QVET_FUSED_SIMD128
  // A block's qubits are below n, so n >= 1 = simd128's lane bits: the scalar path never runs here,
  // and is not compiled into the module (the page's download).
  run_vector<Simd128<T>>(psi, n, qubits, k, m, pool);
#else
  run_vector<Scalar<T>>(psi, n, qubits, k, m, pool);
#endif
}

template <class T>
const char* fused_path() {
#if QVET_FUSED_AVX512
  if (cpu_has_avx512()) return "avx512";
#endif
#if QVET_FUSED_AVX2
  if (cpu_has_avx2()) return "avx2";
#endif
#if QVET_FUSED_SIMD128
  return "simd128";
#else
  return "scalar";
#endif
}

template void apply_fused<float>(std::complex<float>*, unsigned, const unsigned*, unsigned, const std::complex<float>*,
                                 Pool*);
template void apply_fused<double>(std::complex<double>*, unsigned, const unsigned*, unsigned,
                                  const std::complex<double>*, Pool*);
template const char* fused_path<float>();
template const char* fused_path<double>();

}  // namespace qvet::sim
