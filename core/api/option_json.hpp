// The package's options, a JSON object as wasm/js/api.mjs sends it, read into the core's structs by
// walking the option table: for each row the call takes, the value under its key, type-checked and
// stored by the row's setter. Keys the call does not take are ignored: the package refuses them
// with a TypeError before they get here.
#pragma once
#include <string>
#include <string_view>

#include "api/option_table.hpp"

namespace qvet {

// Returns "" on success, else what is wrong (the message of the report's E100 diagnostic).
std::string options_from_json(std::string_view text, OptionCalls call, Options& options, SimOptions& sim);

// The first key of `text` (a JSON object) that no row of the table has, whatever the call, as
// "key" or "group.key"; "" when every key is known (or `text` is not an object). The CLI's
// .qvet.json is checked with it, as the package checks its options object.
std::string unknown_option_key(std::string_view text);

}  // namespace qvet
