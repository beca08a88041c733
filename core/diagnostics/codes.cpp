#include "diagnostics/codes.hpp"

#include <algorithm>
#include <iterator>

namespace qvet {
namespace {

using namespace origin;
constexpr Severity E = Severity::Error;
constexpr Severity W = Severity::Warning;
constexpr Severity I = Severity::Info;

// Titles are short and lowercase, as docs/diagnostics.md prints them in bold at the start of each
// row; the rest of the row says when exactly the code is given.
constexpr DiagnosticCode kCodes[] = {
    {"E100", E, "invalid options", "e100", package},
    {"E101", E, "invalid token", "e101", any},
    {"E102", E, "syntax error", "e102", qasm2 | qasm3},
    {"E105", E, "number too large", "e105", qasm2 | qasm3},
    {"E110", E, "unsupported version", "e110", qasm2 | qasm3},
    {"E111", E, "version statement not first", "e111", qasm2 | qasm3},
    {"E120", E, "include of another file", "e120", qasm2 | qasm3},
    // Auto-detection used to stop at Python source; the Python front end replaced it (E6xx).
    {"E130", E, "Qiskit Python not read", "e130", python, /*retired=*/true},
    {"E140", E, "type error", "e140", qasm3},
    {"E141", E, "not a constant", "e141", qasm3},
    {"E142", E, "wrong number of arguments", "e142", qasm3},
    {"E143", E, "statement out of place", "e143", qasm3},
    {"E144", E, "assignment to a constant", "e144", qasm3},
    {"E145", E, "physical and declared qubits mixed", "e145", qasm3},
    {"E146", E, "OpenQASM 3 construct not read yet", "e146", qasm3},
    {"E201", E, "undeclared name", "e201", qasm2 | qasm3},
    {"E202", E, "name declared twice", "e202", qasm2 | qasm3},
    {"E203", E, "name of the wrong kind", "e203", qasm2 | qasm3},
    {"E204", E, "index out of range", "e204", qasm2 | qasm3},
    {"E301", E, "wrong number of parameters", "e301", qasm2 | qasm3},
    {"E302", E, "wrong number of qubits", "e302", qasm2 | qasm3},
    {"E303", E, "qubit given twice", "e303", qasm2 | qasm3},
    {"E304", E, "broadcast size mismatch", "e304", qasm2 | qasm3},
    {"E305", E, "unknown gate", "e305", qasm2 | qasm3},
    {"E306", E, "recursive gate", "e306", qasm2 | qasm3},
    {"E307", E, "standard gate with another signature", "e307", qasm2},
    {"E310", E, "invalid parameter value", "e310", qasm2 | qasm3},
    {"E401", E, "source too large", "e401", any},
    {"E402", E, "too many qubits", "e402", qasm2 | python | qasm3},
    {"E403", E, "too many clbits", "e403", qasm2 | python | qasm3},
    {"E404", E, "too many instructions", "e404", qasm2 | python | qasm3},
    {"E405", E, "gate definitions nested too deep", "e405", qasm2 | qasm3},
    {"E406", E, "expansion too large", "e406", qasm2 | qasm3},
    {"E407", E, "nested too deep", "e407", qasm2 | python | qasm3},
    {"E409", E, "out of memory", "e409", any},
    {"E410", E, "OpenQASM 3 step budget spent", "e410", qasm3},
    {"E501", E, "gate cannot be simulated", "e501", simulation},
    {"E502", E, "too many qubits to simulate", "e502", simulation},
    {"E503", E, "over the memory budget", "e503", simulation},
    {"E504", E, "too many shots", "e504", simulation},
    {"E505", E, "too much trajectory work", "e505", simulation},
    {"E506", E, "invalid Pauli string", "e506", simulation},
    {"E507", E, "condition value too long", "e507", simulation},
    {"E508", E, "statevector too large for the report", "e508", simulation},
    {"E509", E, "parameter binding failed", "e509", simulation},
    {"E510", E, "no single unitary", "e510", simulation},
    {"E511", E, "too many qubits for the unitary", "e511", simulation},
    {"E512", E, "circuits of different widths", "e512", simulation},
    {"E601", E, "Python syntax error", "e601", python},
    {"E603", E, "outside the static subset", "e603", python},
    {"E604", E, "name not defined", "e604", python},
    {"E605", E, "wrong type or arguments", "e605", python},
    {"E606", E, "Python index out of range", "e606", python},
    {"E607", E, "circuit error", "e607", python},
    {"E608", E, "step budget spent", "e608", python},
    {"E609", E, "value error", "e609", python},
    {"E610", E, "no circuit", "e610", python},
    {"E611", E, "assertion failed", "e611", python},
    {"E612", E, "recursion too deep", "e612", python},
    {"E613", E, "circuit depends on a run", "e613", python},
    {"E614", E, "unreadable notebook", "e614", python},
    {"E615", E, "memory bound reached", "e615", python},
    {"E616", E, "values nested too deep", "e616", python},
    {"E617", E, "Python front end not in this build", "e617", package},
    {"E618", E, "OpenQASM 3 front end not in this build", "e618", package},
    {"E701", E, "circuit larger than the device", "e701", backend},
    {"E702", E, "backend cannot be used", "e702", backend},
    {"E800", E, "cannot be exported", "e800", exporter},
    {"E900", E, "internal error", "e900", any},
    {"I601", I, "run code skipped", "i601", python},
    {"I602", I, "notebook line skipped", "i602", python},
    {"W101", W, "missing version statement", "w101", qasm2, false, /*strict_error=*/true},
    {"W102", W, "extended qelib1.inc gate", "w102", qasm2, false, /*strict_error=*/true},
    {"W103", W, "built-in gate without the include", "w103", qasm2, false, /*strict_error=*/true},
    {"W104", W, "syntax beyond the paper", "w104", qasm2, false, /*strict_error=*/true},
    {"W105", W, "version without its minor number", "w105", qasm2, false, /*strict_error=*/true},
    {"W120", W, "Qiskit's importer refuses this", "w120", qasm3},
    {"W121", W, "calibration, pragma or annotation skipped", "w121", qasm3},
    {"W122", W, "known only at run time", "w122", qasm3},
    {"W123", W, "subroutine called like a gate", "w123", qasm3},
    {"W124", W, "Braket built-in gate", "w124", qasm3},
    {"W201", W, "opaque gate", "w201", qasm2},
    // The lints run on the circuit, whichever front end built it; only OpenQASM defines gates.
    {"W202", W, "unused register", "w202", qasm2 | python | qasm3},
    {"W203", W, "unused qubits", "w203", qasm2 | python | qasm3},
    {"W204", W, "gate after measurement", "w204", qasm2 | python | qasm3},
    {"W205", W, "unused gate", "w205", qasm2 | qasm3},
    {"W206", W, "repeated include", "w206", qasm2 | qasm3},
    {"W207", W, "empty register", "w207", qasm2 | qasm3},
    {"W208", W, "condition never true", "w208", qasm2 | qasm3},
    {"W209", W, "qvet comment not understood", "w209", qasm2 | python | qasm3},
    {"W210", W, "condition on unwritten bits", "w210", qasm2 | python | qasm3},
    {"W211", W, "measured twice in a row", "w211", qasm2 | python | qasm3},
    {"W212", W, "result overwritten before it is read", "w212", qasm2 | python | qasm3},
    {"W213", W, "fewer classical bits than measured qubits", "w213", qasm2 | python | qasm3},
    {"W214", W, "measurement of an untouched qubit", "w214", qasm2 | python | qasm3, false, false,
     /*off_by_default=*/true},
    {"W601", W, "several circuits", "w601", python},
    {"W602", W, "new circuit discarded", "w602", python},
    {"W603", W, "measure_all beside existing bits", "w603", python},
    {"W604", W, "operation after transpile", "w604", python},
    {"W701", W, "gate outside the basis", "w701", backend},
    {"W702", W, "uncoupled qubits", "w702", backend},
    {"W703", W, "SWAPs needed", "w703", backend},
    {"W704", W, "layout search gave up", "w704", backend},
    {"W801", W, "exported differently", "w801", exporter},
};

// find_code() searches by halves, so the order is part of the table's contract; a duplicate row
// would make one of two titles unreachable.
constexpr bool strictly_ascending() {
  for (size_t i = 1; i < std::size(kCodes); ++i)
    if (!(kCodes[i - 1].code < kCodes[i].code)) return false;
  return true;
}
static_assert(strictly_ascending(), "kCodes must be sorted by code, without duplicates");

}  // namespace

DiagnosticCodes diagnostic_codes() { return {std::begin(kCodes), std::end(kCodes)}; }

const DiagnosticCode* find_code(std::string_view code) {
  const DiagnosticCode* it =
      std::lower_bound(std::begin(kCodes), std::end(kCodes), code,
                       [](const DiagnosticCode& row, std::string_view c) { return row.code < c; });
  return it != std::end(kCodes) && it->code == code ? it : nullptr;
}

std::string code_docs_url(const DiagnosticCode& code) {
  return std::string(QVET_HOMEPAGE) + "/blob/main/docs/diagnostics.md#" + std::string(code.anchor);
}

}  // namespace qvet
