#include "source/detect.hpp"

#include <cctype>

namespace qvet {

namespace {
bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
}  // namespace

DetectedFormat detect_format(std::string_view src) {
  size_t i = 0;
  // Skip a UTF-8 byte-order mark, blank lines and comment lines of either language.
  if (starts_with(src, "\xEF\xBB\xBF")) i = 3;
  while (i < src.size()) {
    char c = src[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      ++i;
      continue;
    }
    std::string_view rest = src.substr(i);
    if (starts_with(rest, "//") || c == '#') {
      size_t nl = src.find('\n', i);
      if (nl == std::string_view::npos) break;
      i = nl + 1;
      continue;
    }
    if (starts_with(rest, "OPENQASM")) {
      std::string_view v = rest.substr(8);
      size_t k = v.find_first_not_of(" \t");
      if (k != std::string_view::npos && v[k] == '3') return DetectedFormat::Qasm3;
      return DetectedFormat::Qasm2;
    }
    if (starts_with(rest, "import ") || starts_with(rest, "from ") || starts_with(rest, "\"\"\"") ||
        starts_with(rest, "'''"))
      return DetectedFormat::Python;
    // A notebook's `%matplotlib inline` or `!pip install qiskit`: no OpenQASM statement starts so.
    if (c == '%' || c == '!') return DetectedFormat::Python;
    // `qc = ...`, `qc.h(0)`, `a, b = ...`: a name followed by '.', '=' or ','. No OpenQASM 2
    // statement has that shape (there a name is followed by a space, '(' , '[' or ';').
    size_t k = 0;
    while (k < rest.size() && (std::isalnum(static_cast<unsigned char>(rest[k])) || rest[k] == '_')) ++k;
    if (k > 0 && !std::isdigit(static_cast<unsigned char>(rest[0]))) {
      while (k < rest.size() && (rest[k] == ' ' || rest[k] == '\t')) ++k;
      if (k < rest.size() &&
          (rest[k] == '.' || rest[k] == ',' || (rest[k] == '=' && (k + 1 >= rest.size() || rest[k + 1] != '='))))
        return DetectedFormat::Python;
    }
    break;
  }
  return DetectedFormat::Qasm2;
}

}  // namespace qvet
