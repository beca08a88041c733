// circuit_hash is SHA-256 of the exact source bytes: FIPS 180-4 example vectors, for the build's
// implementation (OpenSSL natively) and the portable one (WebAssembly's), and the two against
// each other on every length around the block boundaries.
#include <catch2/catch.hpp>

#include "helpers.hpp"
#include "util/sha256.hpp"

using qvet::sha256_hex;

TEST_CASE("sha256 matches the FIPS 180-4 vectors", "[sha256]") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(sha256_hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmn"
                   "opqrstnopqrstu") == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
  CHECK(sha256_hex(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("the portable sha256 matches the FIPS 180-4 vectors", "[sha256]") {
  using qvet::sha256_hex_portable;
  CHECK(sha256_hex_portable("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex_portable("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex_portable(std::string(1000000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("the build's sha256 and the portable one agree on every length up to 300 bytes", "[sha256]") {
  INFO("backend: " << qvet::sha256_backend());
  std::string s;
  uint32_t x = 7;
  for (int len = 0; len <= 300; ++len) {
    CHECK(sha256_hex(s) == qvet::sha256_hex_portable(s));
    x = x * 1664525u + 1013904223u;
    s.push_back(static_cast<char>(x >> 24));  // every byte value, NUL and high bytes included
  }
}

TEST_CASE("a native build with OpenSSL hashes with it", "[sha256]") {
#if defined(__EMSCRIPTEN__)
  CHECK(std::string(qvet::sha256_backend()) == "portable");
#else
  // scripts/setup.sh installs libssl-dev, so every native build this project makes has it.
  CHECK(std::string(qvet::sha256_backend()) == "openssl");
#endif
}

TEST_CASE("sha256 handles every padding boundary", "[sha256]") {
  // 55, 56 and 64 bytes put the length field in the same block, the next one, and a fresh one.
  CHECK(sha256_hex(std::string(55, 'a')) == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
  CHECK(sha256_hex(std::string(56, 'a')) == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
  CHECK(sha256_hex(std::string(64, 'a')) == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}

TEST_CASE("the report's circuit_hash is the hash of the source bytes, valid or not", "[sha256]") {
  std::string src = "OPENQASM 2.0;\nqreg q[1];\n";
  CHECK(qvet::validate(src).circuit_hash == sha256_hex(src));
  std::string bad = "OPENQASM 2.0;\nqreg q[1;\n";
  qvet::Report r = qvet::validate(bad);
  CHECK_FALSE(r.valid);
  CHECK(r.circuit_hash == sha256_hex(bad));
}
