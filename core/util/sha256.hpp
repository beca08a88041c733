// SHA-256 (FIPS 180-4), for circuit_hash: the hex digest of the exact source bytes, equal to the
// old service's hashlib.sha256(code.encode()).hexdigest().
#pragma once
#include <string>
#include <string_view>

namespace qvet {

std::string sha256_hex(std::string_view data);

}  // namespace qvet
