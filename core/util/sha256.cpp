#include "util/sha256.hpp"

#include <cstdint>
#include <cstring>

#if QVET_HAVE_OPENSSL
#include <openssl/evp.h>
#endif

namespace qvet {

namespace {
constexpr uint32_t kK[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

inline uint32_t rotr(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

// One round with the eight working variables in their roles for this round: rather than moving
// every variable one place along per round, the caller passes them rotated (the usual unrolling
// of FIPS 180-4's loop), so a round writes only d and h.
inline void round(uint32_t a, uint32_t b, uint32_t c, uint32_t& d, uint32_t e, uint32_t f, uint32_t g, uint32_t& h,
                  uint32_t kw) {
  const uint32_t t1 = h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + (g ^ (e & (f ^ g))) + kw;
  const uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) | (c & (a | b)));
  d += t1;
  h = t1 + t2;
}

// The message schedule in a window of 16 words: word i (i >= 16) replaces word i - 16.
inline uint32_t schedule(uint32_t* w, int i) {
  const uint32_t w15 = w[(i - 15) & 15], w2 = w[(i - 2) & 15];
  const uint32_t s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >> 3);
  const uint32_t s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >> 10);
  return w[i & 15] += s0 + w[(i - 7) & 15] + s1;
}

void compress(uint32_t h[8], const unsigned char* block) {
  uint32_t w[16];
  for (int i = 0; i < 16; ++i)
    w[i] = (uint32_t(block[4 * i]) << 24) | (uint32_t(block[4 * i + 1]) << 16) | (uint32_t(block[4 * i + 2]) << 8) |
           uint32_t(block[4 * i + 3]);
  uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
  for (int i = 0; i < 64; i += 8) {
    auto word = [&](int j) { return kK[j] + (j < 16 ? w[j] : schedule(w, j)); };
    round(a, b, c, d, e, f, g, hh, word(i));
    round(hh, a, b, c, d, e, f, g, word(i + 1));
    round(g, hh, a, b, c, d, e, f, word(i + 2));
    round(f, g, hh, a, b, c, d, e, word(i + 3));
    round(e, f, g, hh, a, b, c, d, word(i + 4));
    round(d, e, f, g, hh, a, b, c, word(i + 5));
    round(c, d, e, f, g, hh, a, b, word(i + 6));
    round(b, c, d, e, f, g, hh, a, word(i + 7));
  }
  h[0] += a;
  h[1] += b;
  h[2] += c;
  h[3] += d;
  h[4] += e;
  h[5] += f;
  h[6] += g;
  h[7] += hh;
}

std::string hex_digest(const unsigned char* digest) {
  static const char* hex = "0123456789abcdef";
  std::string out(64, '0');
  for (int k = 0; k < 32; ++k) {
    out[2 * k] = hex[digest[k] >> 4];
    out[2 * k + 1] = hex[digest[k] & 0xF];
  }
  return out;
}
}  // namespace

std::string sha256_hex_portable(std::string_view data) {
  uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  const auto* p = reinterpret_cast<const unsigned char*>(data.data());
  size_t n = data.size(), i = 0;
  for (; i + 64 <= n; i += 64) compress(h, p + i);
  unsigned char tail[128] = {0};
  size_t rest = n - i;
  if (rest) std::memcpy(tail, p + i, rest);
  tail[rest] = 0x80;
  size_t tail_len = rest + 1 + 8 <= 64 ? 64 : 128;
  uint64_t bits = uint64_t(n) * 8;
  for (int k = 0; k < 8; ++k) tail[tail_len - 1 - k] = static_cast<unsigned char>(bits >> (8 * k));
  compress(h, tail);
  if (tail_len == 128) compress(h, tail + 64);
  unsigned char digest[32];
  for (int k = 0; k < 8; ++k)
    for (int b = 0; b < 4; ++b) digest[4 * k + b] = static_cast<unsigned char>(h[k] >> (24 - 8 * b));
  return hex_digest(digest);
}

std::string sha256_hex(std::string_view data) {
#if QVET_HAVE_OPENSSL
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  // EVP_Digest fails only when the library cannot run at all; the portable code still can.
  if (EVP_Digest(data.data(), data.size(), digest, &length, EVP_sha256(), nullptr) == 1 && length == 32)
    return hex_digest(digest);
#endif
  return sha256_hex_portable(data);
}

const char* sha256_backend() {
#if QVET_HAVE_OPENSSL
  return "openssl";
#else
  return "portable";
#endif
}

}  // namespace qvet
