// qvet's public API: source text and options in, one Report out. No I/O, no threads, no exception
// escapes any of these functions; every problem, including running out of memory, comes back as a
// diagnostic. The types live in qvet/options.hpp, qvet/report.hpp and qvet/diagnostic.hpp.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "qvet/diagnostic.hpp"
#include "qvet/language.hpp"
#include "qvet/options.hpp"
#include "qvet/report.hpp"

namespace qvet {

Report validate(std::string_view source, const Options& options = {});

// The front end validate() reads this source with (the option, or detection: a notebook is
// Python), so that a caller holding a build without some of them (the page's small first module,
// wasm/CMakeLists.txt, reads OpenQASM 2 only) knows before the call that it needs the full one.
Format front_end(std::string_view source, const Options& options = {});
inline bool reads_as_python(std::string_view source, const Options& options = {}) {
  return front_end(source, options) == Format::Python;
}

// Validates, then (when valid) writes the circuit as OpenQASM 2 or 3 (`to`: Format::Qasm2 or
// Format::Qasm3), whichever language it was read from; reading the export back gives the same
// figures, except where a warning (W801) says otherwise.
Export export_circuit(std::string_view source, Format to, const Options& options = {});

// Validates, then (when valid) simulates: the report's `simulation` section holds the outcome.
Report simulate(std::string_view source, const Options& options, const SimOptions& sim);

// The unitary of a circuit without measurements, resets or conditions, up to kMaxUnitaryQubits.
UnitaryResult unitary(std::string_view source, const Options& options = {});

// Whether two circuits have the same unitary up to a global phase ("did my rewrite change it?").
Equivalence equivalent(std::string_view a, std::string_view b, const Options& options = {});

// The built-in device profiles (the `backend` option takes a name or a device of one).
std::vector<BackendProfileInfo> backend_profiles();
// Empty when options.backend / options.backend_json name a usable backend; else what is wrong.
std::string backend_problem(const Options& options);

// The report as JSON text: a superset of the old service's response (see docs/report.md).
std::string to_json(const Report& report, int indent = -1);
// An export as JSON text: {ok, format, code, source_format, renamed: [{from, to}], circuit_hash,
// errors, warnings, diagnostics}, the lists as a report's.
std::string to_json(const Export& result, int indent = -1);
// An equivalence result as JSON text: {ok, equivalent, global_phase, max_deviation, error}, where
// error is null or a diagnostic object like a report's.
std::string to_json(const Equivalence& result, int indent = -1);

// The language service: what an editor asks about the names in a source (OpenQASM 2 and 3; a
// Python source answers nothing yet). `line` and `column` are 1-based, the column in code points.
// Each reads the source's tokens, not its meaning, so a file with errors still answers.
Hover hover(std::string_view source, uint32_t line, uint32_t column, const Options& options = {});
std::vector<CompletionItem> completions(std::string_view source, uint32_t line, uint32_t column,
                                        const Options& options = {});
// The declaration of the name at the position (none for a standard gate, which has no source).
std::vector<Span> definition(std::string_view source, uint32_t line, uint32_t column, const Options& options = {});
// Every use of the name at the position, its declaration first when asked for.
std::vector<Span> references(std::string_view source, uint32_t line, uint32_t column, bool include_declaration = true,
                             const Options& options = {});
// The edits that give the name at the position another name, or why that is refused.
Rename rename(std::string_view source, uint32_t line, uint32_t column, std::string_view new_name,
              const Options& options = {});
// The source's declarations, in order (an outline).
std::vector<DocumentSymbol> document_symbols(std::string_view source, const Options& options = {});

const char* version();

// The version of the report's JSON (its `schema_version`; docs/report.schema.json): semantic
// versioning, a minor version for each field added. CHANGELOG.md lists what each one added.
const char* report_schema_version();

}  // namespace qvet
