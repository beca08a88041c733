// .qvet.json: a project's options for the CLI, the npm package's options object as JSON
// (`{"rules": {"disable": ["W204"]}, "strict": true}`). The nearest one from a file's folder
// upwards applies to that file (there is no merging: the nearest decides); `--config FILE` names
// one for every file and `--no-config` reads none. Flags on the command line come after it, so a
// flag overrides a value and adds to a list.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "api/option_table.hpp"

namespace qvet::cli {

struct ConfigFile {
  std::string path;  // as found, for messages
  std::string text;  // checked: a JSON object of known options with values of the right types
};

// Reads and checks one configuration file; false with *error ("PATH:LINE:COL: what is wrong")
// when it cannot be read, is not JSON, or holds an unknown option or a wrong value.
bool read_config(const std::string& path, ConfigFile* out, std::string* error);

class ConfigFinder {
 public:
  // The configuration for `input` ("-": from the working directory); nullptr when there is none.
  // False with *error when the one found is broken.
  bool find(const std::string& input, const ConfigFile** found, std::string* error);

 private:
  std::map<std::string, std::optional<ConfigFile>> by_folder_;
};

// The command line's option flags and configuration choice, applied per input file.
struct OptionFlags {
  std::vector<int> positions;       // argv indices of the option flags, to apply after a configuration
  std::optional<ConfigFile> named;  // --config FILE
  bool none = false;                // --no-config
  ConfigFinder finder;
};

// Handles --config FILE / --config=FILE / --no-config at argv[i]: 1 taken, 0 not these, -1 a usage
// error (said on standard error).
int take_config_flag(int argc, char** argv, int& i, OptionFlags& flags);

// The options for one input: the defaults, its configuration, then the flags. False after
// printing why (a broken configuration: a usage error).
bool options_for(const std::string& input, int argc, char** argv, OptionCalls call, OptionFlags& flags, Options* opt,
                 SimOptions* sim);

}  // namespace qvet::cli
