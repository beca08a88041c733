// Tells which language a source is written in, for Format::Auto. Only the first significant line
// is looked at, so detection is O(1) in the size of the input. OpenQASM has a version line or
// starts with a statement; Python starts with an import, a docstring or `name =` / `name.`.
#pragma once
#include <string_view>

namespace qvet {

enum class DetectedFormat { Qasm2, Qasm3, Python };

DetectedFormat detect_format(std::string_view src);

}  // namespace qvet
