// Every option a caller can set, declared once: for each, the key the npm package spells it with,
// its qvet flag, its type, the calls that take it, a one-line description, and how it is stored
// into Options/SimOptions. Everything else is carried from this table or checked against it:
//   - the CLI parses its option flags through it and prints the options part of --help from it
//     (cli/option_flags.cpp);
//   - the WebAssembly module reads the package's JSON by walking it (api/option_json.cpp) and
//     exports it as a schema (api/option_schema.cpp), from which wasm/js/api.mjs builds its
//     argument checks;
//   - tests/cpp/test_options.cpp checks that every row reaches the field it names, the CLI's --help
//     and docs/options.md; tests/js/options.test.mjs checks dist/index.d.ts and the page's calls.
// Not here, on purpose: the CLI's commands and its output flags (--json, --quiet, --no-color,
// --repeat, --help), which change how qvet prints a report, not what the core computes; they stay
// in cli/main.cpp. Nor the limits no caller can set (max_gate_nesting, max_expr_depth, ...).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "qvet/options.hpp"

namespace qvet {

enum class OptionType {
  Boolean,     // true or false; on the CLI, a flag without a value
  Count,       // a non-negative integer
  Identifier,  // a Python variable name: the package checks the spelling, the core takes any
               // string (and reports a name it cannot find as a diagnostic)
  OneOf,       // one of the row's choices
  Backend,     // a profile or device name, or a backend configuration (JSON; on the CLI, a file)
  NumberMap,   // names to finite numbers (on the CLI NAME=X, repeatable)
  StringList,  // strings (on the CLI, repeatable)
};

// The calls that take an option, as bits. The package has validate() and simulate(); the CLI's
// equivalent command also reads a few options (the package's equivalent() takes none).
enum OptionCalls : unsigned { kValidateCall = 1u, kSimulateCall = 2u, kEquivalentCall = 4u };

// A value of a row's type, as a front end parsed it; a setter reads only its type's member.
struct OptionValue {
  bool flag = false;                                    // Boolean
  uint64_t count = 0;                                   // Count; OneOf: the index into choices
  std::string text;                                     // Identifier; Backend: a name or, with
  bool is_object = false;                               //   is_object, a configuration in JSON
  std::vector<std::string> strings;                     // StringList: appended to the field
  std::vector<std::pair<std::string, double>> numbers;  // NumberMap: appended to the field
};

struct OptionRow {
  const char* key;      // as the package spells it; "limits.maxQubits" is maxQubits in limits
  const char* flag;     // the CLI flag, or nullptr: only the package sets it
  const char* metavar;  // the flag's value in --help ("N"); nullptr for booleans and no flag
  OptionType type;
  unsigned calls;                    // OptionCalls bits
  const char* field;                 // the field `store` sets, e.g. "SimOptions::shots"
  const char* description;           // one line, lower case, no final period: --help, index.d.ts, the docs
  std::vector<std::string> choices;  // OneOf, in the package's order
  // Stores a value; returns what is wrong with it, else "". Only a backend can be wrong once its
  // type is right (a name no profile has, a configuration that does not parse).
  std::string (*store)(const OptionValue& value, Options& options, SimOptions& sim);
  // The value as the package's JSON would give it; on default-constructed structs, the default.
  nlohmann::json (*read)(const Options& options, const SimOptions& sim);
};

// The rows in the package's order (its "known options" lists follow it).
const std::vector<OptionRow>& option_table();

// "limits" for "limits.maxQubits", "" for a top-level key; and the key inside its group.
std::string_view option_group(const OptionRow& row);
std::string_view option_leaf(const OptionRow& row);

// The type as the schema names it ("count", "oneOf", ...).
const char* option_type_name(OptionType type);

// The default in words for --help and the docs, "" when there is nothing to say (false, empty).
std::string option_default_text(const OptionRow& row);

// The choices as a sentence: `"auto", "qasm2" or "python"` with quote = '"', else auto, qasm2 or python.
std::string option_choices_text(const OptionRow& row, bool quote);

}  // namespace qvet
