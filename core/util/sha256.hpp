// SHA-256 (FIPS 180-4), for circuit_hash: the hex digest of the exact source bytes, equal to the
// old service's hashlib.sha256(code.encode()).hexdigest().
// Natively it is OpenSSL's libcrypto, which uses the CPU's SHA extensions (about 8x the portable
// code on a 3 MB circuit); in WebAssembly, and where OpenSSL is absent, the portable code below.
#pragma once
#include <string>
#include <string_view>

namespace qvet {

std::string sha256_hex(std::string_view data);

// The portable implementation, whatever the build uses: tests compare the two.
std::string sha256_hex_portable(std::string_view data);

// "openssl" or "portable": what sha256_hex runs in this build.
const char* sha256_backend();

}  // namespace qvet
