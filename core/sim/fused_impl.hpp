// The fused-block kernel written once over a vector type V (see fused_kernel.hpp for the order of
// operations every path keeps). Included by fused_kernel.cpp (scalar, simd128) and fused_avx2.cpp
// (compiled for AVX2), each in an unnamed namespace of its own.
//
// V provides: T (float or double), R (a register of 2^L complex numbers, interleaved re, im), L,
// load/store at a T pointer, add, mul, swap_ri (re and im of each complex swapped), lane_xor
// (lane l takes lane l ^ mask, for a mask below 2^L) and from (a register from 2^(L+1) T values).
// It is included inside an unnamed namespace, after <cstdint> and sim/fused_kernel.hpp.

// The canonical sum of a row's products over columns [Lo, Lo + W): the two halves, each summed the
// same way, then added (bit 0 of the column first). Written as a recursion so that only a few
// partial sums are alive at once: with 2^3 columns, all of them would not fit in registers.
template <class V, unsigned Lo, unsigned W>
struct Tree {
  static typename V::R sum(const typename V::T* c, const typename V::R* x, const typename V::R* xs) {
    const typename V::R a = Tree<V, Lo, W / 2>::sum(c, x, xs);
    return V::add(a, Tree<V, Lo + W / 2, W / 2>::sum(c, x, xs));
  }
};
template <class V, unsigned Lo>
struct Tree<V, Lo, 1> {  // one product: re * x + (-im, im) * swap(x)
  static typename V::R sum(const typename V::T* c, const typename V::R* x, const typename V::R* xs) {
    constexpr unsigned stride = 4u << V::L;
    return V::add(V::mul(V::from(c + Lo * stride), x[Lo]), V::mul(V::from(c + Lo * stride + stride / 2), xs[Lo]));
  }
};

// K targets of which KL inside a register (below bit L): both known at compile time, so that every
// loop over the block unrolls and its amplitudes stay in registers.
template <class V, unsigned K, unsigned KL>
void fused_groups_k(typename V::T* psi, const unsigned* q, const typename V::T* m, uint64_t g_begin, uint64_t g_end) {
  using T = typename V::T;
  using R = typename V::R;
  constexpr unsigned L = V::L, lanes = 1u << L;
  constexpr unsigned kl = KL, kh = K - KL, H = 1u << kh, P = 1u << kl, dim = 1u << K;
  constexpr unsigned kMax = dim;

  unsigned lane_mask[kMax] = {};  // p's bits put on the in-register target positions
  for (unsigned p = 0; p < P; ++p)
    for (unsigned b = 0; b < kl; ++b)
      if ((p >> b) & 1) lane_mask[p] |= 1u << q[b];
  uint64_t offset[kMax] = {};  // h's bits put on the other targets, in amplitudes
  for (unsigned h = 0; h < H; ++h)
    for (unsigned b = 0; b < kh; ++b)
      if ((h >> b) & 1) offset[h] |= uint64_t{1} << q[kl + b];

  // Coefficients by (output part hp, input part h, lane permutation p): lane l of the output holds
  // row (hp, l's target bits) and takes column (h, l's target bits ^ p), which lane_xor(p) brings.
  // Each as two registers: re on both halves, and (-im, im).
  alignas(64) T coef[H * H * P * 4 * lanes];
  for (unsigned hp = 0; hp < H; ++hp)
    for (unsigned h = 0; h < H; ++h)
      for (unsigned p = 0; p < P; ++p) {
        T* c = coef + ((hp * H + h) * P + p) * 4 * lanes;
        for (unsigned l = 0; l < lanes; ++l) {
          unsigned lt = 0;
          for (unsigned b = 0; b < kl; ++b) lt |= ((l >> q[b]) & 1u) << b;
          const unsigned row = (hp << kl) | lt, col = (h << kl) | (lt ^ p);
          const T re = m[2 * (row * dim + col)], im = m[2 * (row * dim + col) + 1];
          c[2 * l] = re;
          c[2 * l + 1] = re;
          c[2 * lanes + 2 * l] = -im;
          c[2 * lanes + 2 * l + 1] = im;
        }
      }

  R x[kMax], xs[kMax];
  for (uint64_t g = g_begin; g < g_end; ++g) {
    // The group's first amplitude: g with zeros inserted at the out-of-register targets.
    uint64_t base = g << L;
    for (unsigned b = 0; b < kh; ++b) {
      const unsigned t = q[kl + b];
      base = ((base >> t) << (t + 1)) | (base & ((uint64_t{1} << t) - 1));
    }
    for (unsigned h = 0; h < H; ++h) {
      const R v = V::load(psi + 2 * (base + offset[h]));
      for (unsigned p = 0; p < P; ++p) {
        x[h * P + p] = p ? V::lane_xor(v, lane_mask[p]) : v;
        xs[h * P + p] = V::swap_ri(x[h * P + p]);
      }
    }
    for (unsigned hp = 0; hp < H; ++hp)
      V::store(psi + 2 * (base + offset[hp]), Tree<V, 0, dim>::sum(coef + hp * H * P * 4 * lanes, x, xs));
  }
}

template <class V>
void fused_groups(typename V::T* psi, const unsigned* q, unsigned k, const typename V::T* m, uint64_t g_begin,
                  uint64_t g_end) {
  unsigned kl = 0;
  while (kl < k && q[kl] < V::L) ++kl;
  // (K, KL) pairs that cannot occur for this V (KL > L) are never reached: kl <= L.
  switch (k * 4 + kl) {
    case 1 * 4 + 0: return fused_groups_k<V, 1, 0>(psi, q, m, g_begin, g_end);
    case 1 * 4 + 1: return fused_groups_k<V, 1, (V::L >= 1 ? 1 : 0)>(psi, q, m, g_begin, g_end);
    case 2 * 4 + 0: return fused_groups_k<V, 2, 0>(psi, q, m, g_begin, g_end);
    case 2 * 4 + 1: return fused_groups_k<V, 2, (V::L >= 1 ? 1 : 0)>(psi, q, m, g_begin, g_end);
    case 2 * 4 + 2: return fused_groups_k<V, 2, (V::L >= 2 ? 2 : 0)>(psi, q, m, g_begin, g_end);
    case 3 * 4 + 0: return fused_groups_k<V, 3, 0>(psi, q, m, g_begin, g_end);
    case 3 * 4 + 1: return fused_groups_k<V, 3, (V::L >= 1 ? 1 : 0)>(psi, q, m, g_begin, g_end);
    case 3 * 4 + 2: return fused_groups_k<V, 3, (V::L >= 2 ? 2 : 0)>(psi, q, m, g_begin, g_end);
    case 3 * 4 + 3: return fused_groups_k<V, 3, (V::L >= 3 ? 3 : 0)>(psi, q, m, g_begin, g_end);
    default: break;
  }
}

// The number of groups fused_groups<V> walks for k targets of which the lowest are `q`.
template <class V>
uint64_t fused_group_count(unsigned n, const unsigned* q, unsigned k) {
  unsigned kl = 0;
  while (kl < k && q[kl] < V::L) ++kl;
  return uint64_t{1} << (n - V::L - (k - kl));
}
