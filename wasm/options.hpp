// Options arrive from JavaScript as JSON text (the package validates their types first); this
// turns them into the core's option structs through the core's option table, reporting anything
// malformed as a message, and hands the table to the package as a schema.
#pragma once
#include <string>

#include "qvet.hpp"

namespace qvet::wasm {

// Returns an empty string on success, else what is wrong.
std::string parse_options(const std::string& json, Options& opt, SimOptions* sim);

// The option table as JSON (Embind's optionSchema()): the package builds its checks from it.
std::string option_schema();

// A report for a call that could not run (options the package let through but the core rejects):
// valid=false with one E100 diagnostic.
std::string error_report(const std::string& code_text, const std::string& message);

}  // namespace qvet::wasm
