// The option table as JSON, for the WebAssembly module's optionSchema(): wasm/js/api.mjs builds its
// argument checks and "known options" lists from it, and tests/js/options.test.mjs checks
// dist/index.d.ts and the page against it.
#pragma once
#include <string>

namespace qvet {

// An array with one object per row, in the table's order:
//   {"key": "limits.maxQubits", "flag": null, "type": "count", "calls": ["validate", "simulate"],
//    "default": 1048576, "description": "..."}, and "choices": [...] for a oneOf.
// "calls" names only the package's calls (the CLI's equivalent command is not one).
std::string option_schema_json();

}  // namespace qvet
