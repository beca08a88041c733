// The one table of diagnostic codes. Codes are a public contract (scripts match on them, the docs
// link to them), so each has one row here: tests/cpp/test_codes.cpp fails when a code literal in
// the sources is missing from it, when a row is never produced, and when docs/diagnostics.md and
// the table disagree on a code, its anchor or its title.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

// Severity, through the public header: the one include that names it wherever the types live.
#include "qvet/diagnostic.hpp"

namespace qvet {

// Where a code can come from, as bits: several front ends share the limit codes, and a report's
// `format` then says which one ran. The test checks each report's codes against these.
namespace origin {
constexpr unsigned qasm2 = 1u << 0;       // the OpenQASM 2 front end and the lints after it
constexpr unsigned python = 1u << 1;      // the Qiskit Python front end
constexpr unsigned backend = 1u << 2;     // the device checks (Options::backend, backend_json)
constexpr unsigned simulation = 1u << 3;  // Simulation::error and the unitary tools' error, never Report::diagnostics
constexpr unsigned package = 1u << 4;     // the WebAssembly bindings, never the core
constexpr unsigned qasm3 = 1u << 5;       // the OpenQASM 3 front end
constexpr unsigned exporter = 1u << 6;    // qvet export (core/export), after any front end
constexpr unsigned any = qasm2 | python | qasm3;  // before or around the front end, whatever the format
}  // namespace origin

struct DiagnosticCode {
  std::string_view code;    // "E204"
  Severity severity;        // what the letter says: E errors, W warnings
  std::string_view title;   // a few words; docs/diagnostics.md starts the code's row with it in bold
  std::string_view anchor;  // the row's `<a id="...">` in docs/diagnostics.md, for links to one code
  unsigned origin;          // origin:: bits
  // No longer produced, still documented: a code never changes meaning, so it is never reused.
  bool retired = false;
  // A departure from the language paper that Qiskit accepts: a warning, an error with --strict.
  bool strict_error = false;
  // A rule a caller switches on (RuleOptions::enable, --enable): its findings are real, but too
  // frequent in working code to report unasked.
  bool off_by_default = false;
};

// The rows in code order (all E before all W); a range for range-for.
struct DiagnosticCodes {
  const DiagnosticCode* first;
  const DiagnosticCode* last;
  const DiagnosticCode* begin() const { return first; }
  const DiagnosticCode* end() const { return last; }
  size_t size() const { return static_cast<size_t>(last - first); }
};
DiagnosticCodes diagnostic_codes();

// The row for a code, or nullptr when the code is not in the table.
const DiagnosticCode* find_code(std::string_view code);

// The code's row in the project's documentation (docs/diagnostics.md at the homepage): where SARIF
// rules, the package's code list and the page link to.
std::string code_docs_url(const DiagnosticCode& code);

}  // namespace qvet
