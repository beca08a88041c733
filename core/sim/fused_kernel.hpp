// The fused-block kernel: a dense 2^k x 2^k matrix (k <= kMaxFusedQubits) on k qubits, in single
// or double precision, on one thread or the pool's. Every path (scalar, AVX2, AVX-512, WebAssembly simd128)
// sums the products of a row in one canonical order, a binary tree over the bits of the column
// index (bit 0, the lowest qubit, first), and forms each product as (re*x + (-im)*x.im,
// re*x.im + im*x.re) without fused multiply-adds. Vector paths keep the low qubits inside a
// register and reach their partners by lane permutations, which changes which lane holds which
// term but, addition being commutative, never a sum: the amplitudes are bit-identical on every path.
#pragma once
#include <complex>
#include <cstdint>

namespace qvet::sim {

class Pool;

constexpr unsigned kMaxFusedQubits = 3;

// Applies m (row-major; bit b of an index is qubit qubits[b]) to qubits[0..k), which are sorted
// ascending, distinct and < n. pool may be null (one thread).
template <class T>
void apply_fused(std::complex<T>* psi, unsigned n, const unsigned* qubits, unsigned k, const std::complex<T>* m,
                 Pool* pool);

// The path apply_fused<T> takes on this CPU: "scalar", "avx2", "avx512" or "simd128".
template <class T>
const char* fused_path();

}  // namespace qvet::sim
