// Tells which language a source is written in, for Format::Auto. The first significant line
// decides: OpenQASM has a version line (2 or 3) or starts with a statement; Python starts with an
// import, a docstring or `name =` / `name.`. Without a version line, OpenQASM 3 is told by a
// statement only it has (qubit, bit, const, def, include "stdgates.inc", ...) at the start of a
// line within the first 16 KB, so detection stays cheap on any input.
#pragma once
#include <string_view>

namespace qvet {

enum class DetectedFormat { Qasm2, Qasm3, Python };

DetectedFormat detect_format(std::string_view src);

}  // namespace qvet
