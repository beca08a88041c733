// In-place statevector kernels, kept apart from circuit handling (as qsim keeps its simulator
// apart from its fuser). Amplitudes are little-endian as in Qiskit: bit q of an index is qubit q.
// Every kernel touches each amplitude a constant number of times: O(2^n) per gate, never a
// 2^n x 2^n matrix. Preconditions (checked by the caller, asserted here): qubits < n, distinct.
#pragma once
#include <complex>
#include <cstdint>
#include <vector>

namespace qvet::sim {

using cd = std::complex<double>;

// A 2x2 matrix, row-major: {m00, m01, m10, m11}.
struct Mat2 {
  cd m[4];
};
// A 4x4 matrix, row-major, on basis index b(q0) + 2*b(q1).
struct Mat4 {
  cd m[16];
};

// Dense 1-qubit gate on qubit q.
void apply_1q(cd* psi, unsigned n, unsigned q, const Mat2& u);
// Diagonal 1-qubit gate diag(d0, d1) on qubit q.
void apply_diag_1q(cd* psi, unsigned n, unsigned q, cd d0, cd d1);
// 1-qubit gate u on `target`, applied where every bit of `controls` is 1 (controls excludes target).
void apply_controlled_1q(cd* psi, unsigned n, uint64_t controls, unsigned target, const Mat2& u);
// Dense 2-qubit gate on (q0, q1).
void apply_2q(cd* psi, unsigned n, unsigned q0, unsigned q1, const Mat4& u);
// Diagonal 2-qubit gate diag(d[0..3]) on basis b(q0) + 2*b(q1).
void apply_diag_2q(cd* psi, unsigned n, unsigned q0, unsigned q1, const cd d[4]);
// Swap of qubits a and b where every bit of `controls` is 1.
void apply_swap(cd* psi, unsigned n, uint64_t controls, unsigned a, unsigned b);

// The offsets of the 2^k amplitudes of a group on `qubits` (argument j is bit j of an offset's
// index), and in *mask the bits of those qubits: the gather-scatter of the data gates' loops.
std::vector<uint64_t> group_offsets(const unsigned* qubits, unsigned k, uint64_t* mask);

// Dense k-qubit gate u (2^k x 2^k, row-major; argument j is bit j of its index) on `qubits`.
void apply_dense(cd* psi, unsigned n, const unsigned* qubits, unsigned k, const cd* u);

// The kernel path this build runs: "scalar", "sse2", "avx2" (SSE2 with AVX2 chosen at run time on a
// CPU that has it) or "simd128". tests/cpp/kernels checks each path's executable runs its own.
const char* kernel_path();

}  // namespace qvet::sim
