// The statevector kernels against a plain reference, compiled once per kernel path (see
// tests/cpp/CMakeLists.txt: scalar, two-lane SIMD, AVX2), so every path runs the same cases and
// not only the one this machine happens to pick. The kernels promise bit-identical amplitudes on
// every path (same IEEE operations in the same order, no FMA), so the comparison is exact.
#include <catch2/catch.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "helpers.hpp"
#include "sim/fused_kernel.hpp"
#include "sim/kernels.hpp"
#include "sim/pool.hpp"

using namespace qvet::sim;

namespace {

// The association the kernels document: (a*x) + (b*y), each product written out.
cd mul(cd a, cd b) { return {a.real() * b.real() - a.imag() * b.imag(), a.real() * b.imag() + a.imag() * b.real()}; }
cd mul2(cd a, cd x, cd b, cd y) {
  return {(a.real() * x.real() - a.imag() * x.imag()) + (b.real() * y.real() - b.imag() * y.imag()),
          (a.real() * x.imag() + a.imag() * x.real()) + (b.real() * y.imag() + b.imag() * y.real())};
}

// A fixed pseudo-random state (not normalised: the kernels are linear, and odd values catch more).
std::vector<cd> state(unsigned n, uint32_t seed) {
  std::vector<cd> psi(size_t{1} << n);
  uint32_t x = seed;
  auto next = [&] {
    x = x * 1664525u + 1013904223u;
    return static_cast<double>(x >> 8) / 16777216.0 - 0.5;
  };
  for (cd& a : psi) a = {next(), next()};
  return psi;
}

Mat2 mat2(uint32_t seed) {
  const std::vector<cd> v = state(2, seed);
  return Mat2{{v[0], v[1], v[2], v[3]}};
}
Mat4 mat4(uint32_t seed) {
  const std::vector<cd> v = state(4, seed);
  Mat4 m;
  for (int i = 0; i < 16; ++i) m.m[i] = v[i];
  return m;
}

bool bit(uint64_t i, unsigned q) { return (i >> q) & 1; }

// References: one basis pair (or quadruple) at a time, straight from the definitions.
void ref_1q(std::vector<cd>& psi, unsigned q, const Mat2& u, uint64_t controls = 0) {
  for (uint64_t i = 0; i < psi.size(); ++i) {
    if (bit(i, q) || (i & controls) != controls) continue;
    const uint64_t j = i | (uint64_t{1} << q);
    const cd x = psi[i], y = psi[j];
    psi[i] = mul2(u.m[0], x, u.m[1], y);
    psi[j] = mul2(u.m[2], x, u.m[3], y);
  }
}
void ref_2q(std::vector<cd>& psi, unsigned q0, unsigned q1, const Mat4& u) {
  for (uint64_t i = 0; i < psi.size(); ++i) {
    if (bit(i, q0) || bit(i, q1)) continue;
    const uint64_t idx[4] = {i, i | (uint64_t{1} << q0), i | (uint64_t{1} << q1),
                             i | (uint64_t{1} << q0) | (uint64_t{1} << q1)};
    cd in[4], out[4];
    for (int k = 0; k < 4; ++k) in[k] = psi[idx[k]];
    for (int r = 0; r < 4; ++r)
      out[r] = mul2(u.m[4 * r], in[0], u.m[4 * r + 1], in[1]) + mul2(u.m[4 * r + 2], in[2], u.m[4 * r + 3], in[3]);
    for (int k = 0; k < 4; ++k) psi[idx[k]] = out[k];
  }
}

// Bit-for-bit; on a mismatch, where and by how much.
void same(const std::vector<cd>& got, const std::vector<cd>& want) {
  REQUIRE(got.size() == want.size());
  size_t bad = 0, first = 0;
  for (size_t i = 0; i < got.size(); ++i)
    if (got[i] != want[i] && bad++ == 0) first = i;
  INFO("first difference at " << first << ": " << got[first] << " vs " << want[first]);
  CHECK(bad == 0);
}

constexpr unsigned kN = 7;  // 128 amplitudes: every qubit position, strides below and above the SIMD width

}  // namespace

TEST_CASE("kernels: dense and diagonal one-qubit gates on every qubit", "[kernels]") {
  for (unsigned q = 0; q < kN; ++q) {
    INFO("qubit " << q);
    const Mat2 u = mat2(q + 1);
    std::vector<cd> got = state(kN, 7), want = got;
    apply_1q(got.data(), kN, q, u);
    ref_1q(want, q, u);
    same(got, want);
    // Diagonal: the general kernel with zero off-diagonals gives the same bits only if the
    // diagonal kernel multiplies exactly as written, which is what it promises.
    got = state(kN, 8);
    want = got;
    apply_diag_1q(got.data(), kN, q, u.m[0], u.m[3]);
    for (uint64_t i = 0; i < want.size(); ++i) want[i] = mul(bit(i, q) ? u.m[3] : u.m[0], want[i]);
    same(got, want);
    // A diagonal starting with 1 skips the untouched half.
    got = state(kN, 9);
    want = got;
    apply_diag_1q(got.data(), kN, q, 1, u.m[3]);
    for (uint64_t i = 0; i < want.size(); ++i)
      if (bit(i, q)) want[i] = mul(u.m[3], want[i]);
    same(got, want);
  }
}

TEST_CASE("kernels: controlled one-qubit gates, one to three controls", "[kernels]") {
  for (unsigned t = 0; t < kN; ++t)
    for (uint64_t controls : {uint64_t{1}, uint64_t{0x22}, uint64_t{0x45}, uint64_t{0x70}}) {
      if (controls >> t & 1) continue;
      INFO("target " << t << ", controls " << controls);
      const Mat2 u = mat2(static_cast<uint32_t>(t * 31 + controls));
      std::vector<cd> got = state(kN, 11), want = got;
      apply_controlled_1q(got.data(), kN, controls, t, u);
      ref_1q(want, t, u, controls);
      same(got, want);
    }
}

TEST_CASE("kernels: dense and diagonal two-qubit gates on every ordered pair", "[kernels]") {
  for (unsigned a = 0; a < kN; ++a)
    for (unsigned b = 0; b < kN; ++b) {
      if (a == b) continue;
      INFO("qubits " << a << ", " << b);
      const Mat4 u = mat4(a * 8 + b + 100);
      std::vector<cd> got = state(kN, 13), want = got;
      apply_2q(got.data(), kN, a, b, u);
      ref_2q(want, a, b, u);
      same(got, want);
      const cd d[4] = {u.m[0], u.m[5], u.m[10], u.m[15]};
      got = state(kN, 14);
      want = got;
      apply_diag_2q(got.data(), kN, a, b, d);
      for (uint64_t i = 0; i < want.size(); ++i) want[i] = mul(d[bit(i, a) + 2 * bit(i, b)], want[i]);
      same(got, want);
    }
}

TEST_CASE("kernels: swaps, plain and controlled", "[kernels]") {
  for (unsigned a = 0; a < kN; ++a)
    for (unsigned b = a + 1; b < kN; ++b)
      for (uint64_t controls : {uint64_t{0}, uint64_t{1} << ((b + 1) % kN)}) {
        if (controls >> a & 1 || controls >> b & 1) continue;
        INFO("qubits " << a << ", " << b << ", controls " << controls);
        std::vector<cd> got = state(kN, 17), want = got;
        apply_swap(got.data(), kN, controls, a, b);
        for (uint64_t i = 0; i < want.size(); ++i)
          if (bit(i, a) && !bit(i, b) && (i & controls) == controls)
            std::swap(want[i], want[(i & ~(uint64_t{1} << a)) | (uint64_t{1} << b)]);
        same(got, want);
      }
}

// Each executable is built for one path (QVET_KERNELS_PATH, from tests/cpp/CMakeLists.txt): it
// must be the one that ran the cases above, or this file tests some other path twice.
// The fused-block kernel against the canonical order it documents (sim/fused_kernel.hpp): each
// product (re*x + (-im)*x.im, re*x.im + im*x.re), a row's products summed as a binary tree over
// the column's bits, bit 0 first. Every block of 1 to 3 of the 7 qubits, in both precisions, on one
// thread and on a pool of three: the same bits.
template <class T>
std::complex<T> tree_row(const std::complex<T>* m, const std::vector<std::complex<T>>& x, unsigned r, unsigned lo,
                         unsigned width) {
  if (width == 1) {
    const std::complex<T> c = m[r * x.size() + lo], v = x[lo];
    return {c.real() * v.real() + (-c.imag()) * v.imag(), c.real() * v.imag() + c.imag() * v.real()};
  }
  const std::complex<T> a = tree_row(m, x, r, lo, width / 2), b = tree_row(m, x, r, lo + width / 2, width / 2);
  return {a.real() + b.real(), a.imag() + b.imag()};
}

template <class T>
void ref_fused(std::vector<std::complex<T>>& psi, const std::vector<unsigned>& q,
               const std::vector<std::complex<T>>& m) {
  const unsigned k = static_cast<unsigned>(q.size()), dim = 1u << k;
  uint64_t mask = 0;
  for (unsigned t : q) mask |= uint64_t{1} << t;
  for (uint64_t base = 0; base < psi.size(); ++base) {
    if (base & mask) continue;
    std::vector<std::complex<T>> x(dim);
    std::vector<uint64_t> at(dim, base);
    for (unsigned j = 0; j < dim; ++j) {
      for (unsigned b = 0; b < k; ++b)
        if ((j >> b) & 1) at[j] |= uint64_t{1} << q[b];
      x[j] = psi[at[j]];
    }
    for (unsigned r = 0; r < dim; ++r) psi[at[r]] = tree_row(m.data(), x, r, 0, dim);
  }
}

template <class T>
void check_fused() {
  Pool pool(3);
  uint32_t seed = 100;
  for (unsigned k = 1; k <= kMaxFusedQubits; ++k)
    for (uint32_t set = 0; set < (1u << kN); ++set) {
      if (static_cast<unsigned>(__builtin_popcount(set)) != k) continue;
      std::vector<unsigned> q;
      for (unsigned b = 0; b < kN; ++b)
        if ((set >> b) & 1) q.push_back(b);
      INFO("qubits mask " << set << ", " << sizeof(T) * 8 << "-bit");
      const std::vector<cd> s = state(kN, ++seed), mm = state(2 * k, ++seed);
      std::vector<std::complex<T>> want(s.begin(), s.end()), m(mm.begin(), mm.end());
      std::vector<std::complex<T>> got = want, pooled = want;
      ref_fused(want, q, m);
      apply_fused(got.data(), kN, q.data(), k, m.data(), nullptr);
      apply_fused(pooled.data(), kN, q.data(), k, m.data(), &pool);
      size_t bad = 0;
      for (size_t i = 0; i < want.size(); ++i) bad += (got[i] != want[i]) + (pooled[i] != want[i]);
      CHECK(bad == 0);
    }
}

TEST_CASE("kernels: fused blocks of 1 to 3 qubits, in the canonical order, in both precisions", "[kernels][fused]") {
  check_fused<double>();
  check_fused<float>();
}

TEST_CASE("kernels: this executable runs the path it was built for", "[kernels]") {
  const std::string want = QVET_KERNELS_PATH;
#if defined(__x86_64__) && !defined(__EMSCRIPTEN__)
  if (want == "avx2" && !__builtin_cpu_supports("avx2"))
    QVET_SKIP("this CPU has no AVX2; the AVX2 kernels cannot run here");
  if (want == "avx512" && !__builtin_cpu_supports("avx512f"))
    QVET_SKIP("this CPU has no AVX-512F; the AVX-512 fused kernel cannot run here");
#endif
  // Only the fused kernel has an AVX-512 path; the others stay on AVX2 there.
  CHECK(std::string(kernel_path()) == (want == "avx512" ? "avx2" : want));
  // Without AVX2 natively the fused kernel is scalar (SSE2's two lanes hold one complex double:
  // nothing to gain over the compiler's scalar code).
  const std::string fused = want == "sse2" ? "scalar" : want;
  CHECK(std::string(fused_path<double>()) == fused);
  CHECK(std::string(fused_path<float>()) == fused);
}
