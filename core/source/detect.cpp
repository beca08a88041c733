#include "source/detect.hpp"

#include <algorithm>
#include <cctype>

namespace qvet {

namespace {
bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

bool word_at(std::string_view s, std::string_view w) {
  return starts_with(s, w) &&
         (s.size() == w.size() || !(std::isalnum(static_cast<unsigned char>(s[w.size()])) || s[w.size()] == '_'));
}

// Statements only OpenQASM 3 has, told by their first word (or `$n` physical qubits).
bool qasm3_statement(std::string_view s) {
  static constexpr std::string_view kWords[] = {
      "qubit", "bit",    "int",           "uint",   "float", "angle", "bool",    "complex", "duration", "stretch",
      "array", "const",  "input",         "output", "def",   "let",   "extern",  "box",     "for",      "while",
      "cal",   "defcal", "defcalgrammar", "gphase", "inv",   "ctrl",  "negctrl", "pow",     "switch",   "delay"};
  for (std::string_view w : kWords)
    if (word_at(s, w)) {
      // Python has def, for and while too: its lines end with ':'.
      if (w == "def" || w == "for" || w == "while") {
        const std::string_view line = s.substr(0, s.find('\n'));
        const size_t last = line.find_last_not_of(" \t\r");
        return last == std::string_view::npos || line[last] != ':';
      }
      return true;
    }
  return starts_with(s, "include \"stdgates.inc\"") || starts_with(s, "$");
}

// Without a version line, OpenQASM 3 shows itself in the program's first statements; this looks at
// the start of each line in the first 16 KB (so detection stays cheap on any input).
bool looks_like_qasm3(std::string_view src, size_t from) {
  const size_t end = std::min<size_t>(src.size(), from + (16u << 10));
  bool line_start = true;
  for (size_t i = from; i < end; ++i) {
    const char c = src[i];
    if (c == '\n') {
      line_start = true;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r') continue;
    // A name in Greek or any other script: OpenQASM 2 has only ASCII outside comments.
    if (static_cast<unsigned char>(c) >= 0x80) return true;
    if (c == '/' && i + 1 < end && src[i + 1] == '/') {
      while (i < end && src[i] != '\n') ++i;
      line_start = true;
      continue;
    }
    if (line_start) {
      const std::string_view rest = src.substr(i);
      if (qasm3_statement(rest)) return true;
      if (starts_with(rest, "include \"qelib1.inc\"") || word_at(rest, "qreg") || word_at(rest, "creg") ||
          word_at(rest, "opaque"))
        return false;
    }
    line_start = false;
  }
  return false;
}
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
    if (starts_with(rest, "/*")) {  // an OpenQASM 3 block comment
      const size_t close = src.find("*/", i + 2);
      if (close == std::string_view::npos) break;
      i = close + 2;
      continue;
    }
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
    if (looks_like_qasm3(src, i)) return DetectedFormat::Qasm3;
    break;
  }
  return DetectedFormat::Qasm2;
}

}  // namespace qvet
