// Internal entry points shared by validate(), simulate() and the unitary tools: read a source into
// a Circuit while filling the validation part of a report, and run a body with every exception
// turned into an error report (the API never throws).
#pragma once
#include <functional>
#include <string_view>

#include "circuit/circuit.hpp"
#include "qvet.hpp"

namespace qvet {

// Fills r (diagnostics, figures when valid) and c (the circuit, when r.valid).
void load(std::string_view src, const Options& opt, Report& r, Circuit& c);

// Runs body(report); std::bad_alloc becomes E409 and anything else E900.
Report guarded(const std::function<void(Report&)>& body);

}  // namespace qvet
