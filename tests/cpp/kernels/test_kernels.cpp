// The statevector kernels against a plain reference, compiled once per kernel path (see
// tests/cpp/CMakeLists.txt: scalar, two-lane SIMD, AVX2), so every path runs the same cases and
// not only the one this machine happens to pick. The kernels promise bit-identical amplitudes on
// every path (same IEEE operations in the same order, no FMA), so the comparison is exact.
#include <catch2/catch.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "helpers.hpp"
#include "sim/kernels.hpp"

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

TEST_CASE("kernels: measurement probability and collapse", "[kernels]") {
  for (unsigned q = 0; q < kN; ++q) {
    INFO("qubit " << q);
    std::vector<cd> psi = state(kN, 19);
    double p1 = 0, total = 0;
    for (uint64_t i = 0; i < psi.size(); ++i) {
      total += std::norm(psi[i]);
      if (bit(i, q)) p1 += std::norm(psi[i]);
    }
    CHECK(std::abs(probability_one(psi.data(), kN, q) - p1) < 1e-12);
    collapse(psi.data(), kN, q, 1, p1 / total);
    for (uint64_t i = 0; i < psi.size(); ++i)
      if (!bit(i, q)) CHECK(psi[i] == cd(0));
  }
}

// Each executable is built for one path (QVET_KERNELS_PATH, from tests/cpp/CMakeLists.txt): it
// must be the one that ran the cases above, or this file tests some other path twice.
TEST_CASE("kernels: this executable runs the path it was built for", "[kernels]") {
  const std::string want = QVET_KERNELS_PATH;
#if defined(__x86_64__) && !defined(__EMSCRIPTEN__)
  if (want == "avx2" && !__builtin_cpu_supports("avx2"))
    QVET_SKIP("this CPU has no AVX2; the AVX2 kernels cannot run here");
#endif
  CHECK(std::string(kernel_path()) == want);
}
