// The core's options as qvet flags, through the option table (core/api/option_table.hpp): reading
// a flag and its value into the option structs, and the options part of --help. The CLI's own
// output flags (--json, --quiet, --no-color, --repeat) are not options of the core: main.cpp reads
// them and describes them in its help text.
#pragma once
#include <string>

#include "api/option_table.hpp"

namespace qvet::cli {

enum class FlagResult { NotAnOption, Taken, Bad };

// When argv[i] is the flag of a row that `call` takes (`--flag`, `--flag VALUE` or
// `--flag=VALUE`), stores it and moves i onto the last argument it used. Bad once it has printed
// why the value is wrong (a usage error); NotAnOption leaves everything as it was.
FlagResult take_option_flag(int argc, char** argv, int& i, OptionCalls call, Options& opt, SimOptions& sim);

// A flag's value as a non-negative integer (also the CLI's own --repeat); false after saying why.
bool parse_count(const std::string& flag, const std::string& text, uint64_t* out);

// The options part of --help: every row with a flag, with its description and default.
std::string options_help();

}  // namespace qvet::cli
