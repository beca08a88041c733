#include "config.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <iostream>

#include <nlohmann/json.hpp>

#include "api/option_json.hpp"
#include "input.hpp"
#include "option_flags.hpp"

namespace qvet::cli {

namespace {

constexpr const char* kName = ".qvet.json";

// 1-based line and column (in bytes) of byte `offset` of `text`.
std::string position(const std::string& text, size_t offset) {
  size_t line = 1, column = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return std::to_string(line) + ":" + std::to_string(column);
}

bool is_file(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

// The folder `input` is in, absolute, without a trailing '/' ("" for the root).
std::string folder_of(const std::string& input) {
  std::string path = input;
  if (input == "-" || input.empty()) {
    path = ".";
  } else {
    const size_t slash = path.rfind('/');
    path = slash == std::string::npos ? "." : path.substr(0, slash);
    if (path.empty()) return "";  // "/x.qasm"
  }
  char buf[PATH_MAX];
  if (path[0] != '/' && getcwd(buf, sizeof buf)) path = std::string(buf) + "/" + path;
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path == "/" ? "" : path;
}

}  // namespace

bool read_config(const std::string& path, ConfigFile* out, std::string* error) {
  std::string text;
  if (!read_input(path, &text)) {
    *error = path + ": cannot read it: " + std::strerror(errno);
    return false;
  }
  try {
    const nlohmann::json j = nlohmann::json::parse(text);
    if (!j.is_object()) {
      *error = path + ":1:1: a configuration is a JSON object of options (docs/options.md)";
      return false;
    }
  } catch (const nlohmann::json::parse_error& e) {
    // nlohmann's message starts "[json.exception.parse_error.101] parse error at line 1, column 2: ".
    std::string why = e.what();
    const size_t colon = why.find(": ", why.find("parse error"));
    if (colon != std::string::npos) why = why.substr(colon + 2);
    *error = path + ":" + position(text, e.byte ? e.byte - 1 : 0) + ": not JSON: " + why;
    return false;
  }
  if (std::string key = unknown_option_key(text); !key.empty()) {
    *error = path + ": unknown option '" + key + "' (docs/options.md lists the options, with their keys)";
    return false;
  }
  Options scratch;
  SimOptions sim;
  if (std::string wrong =
          options_from_json(text, static_cast<OptionCalls>(kValidateCall | kSimulateCall), scratch, sim);
      !wrong.empty()) {
    *error = path + ": " + wrong;
    return false;
  }
  out->path = path;
  out->text = std::move(text);
  return true;
}

bool ConfigFinder::find(const std::string& input, const ConfigFile** found, std::string* error) {
  *found = nullptr;
  std::vector<std::string> walked;  // folders whose answer is the one found here
  std::string folder = folder_of(input);
  for (;;) {
    auto known = by_folder_.find(folder);
    if (known != by_folder_.end()) {
      for (const std::string& w : walked) by_folder_[w] = known->second;
      if (known->second) *found = &*by_folder_[folder];
      return true;
    }
    walked.push_back(folder);
    const std::string candidate = folder + "/" + kName;
    if (is_file(candidate)) {
      ConfigFile config;
      if (!read_config(candidate, &config, error)) return false;
      for (const std::string& w : walked) by_folder_[w] = config;
      *found = &*by_folder_[walked.front()];
      return true;
    }
    if (folder.empty()) break;
    folder = folder.substr(0, folder.rfind('/'));
  }
  for (const std::string& w : walked) by_folder_[w] = std::nullopt;
  return true;
}

int take_config_flag(int argc, char** argv, int& i, OptionFlags& flags) {
  const std::string a = argv[i];
  if (a == "--no-config") {
    flags.none = true;
    return 1;
  }
  if (a != "--config" && a.rfind("--config=", 0) != 0) return 0;
  std::string path;
  if (a == "--config") {
    if (i + 1 >= argc) {
      std::cerr << "qvet: --config needs a file\n";
      return -1;
    }
    path = argv[++i];
  } else {
    path = a.substr(9);
  }
  ConfigFile config;
  std::string error;
  if (!read_config(path, &config, &error)) {
    std::cerr << "qvet: " << error << "\n";
    return -1;
  }
  flags.named = std::move(config);
  return 1;
}

bool options_for(const std::string& input, int argc, char** argv, OptionCalls call, OptionFlags& flags, Options* opt,
                 SimOptions* sim) {
  *opt = Options{};
  *sim = SimOptions{};
  const ConfigFile* config = nullptr;
  if (flags.named) {
    config = &*flags.named;
  } else if (!flags.none) {
    std::string error;
    if (!flags.finder.find(input, &config, &error)) {
      std::cerr << "qvet: " << error << "\n";
      return false;
    }
  }
  if (config) options_from_json(config->text, call, *opt, *sim);  // checked when it was read
  for (int pos : flags.positions) {
    int i = pos;
    if (take_option_flag(argc, argv, i, call, *opt, *sim) != FlagResult::Taken) return false;
  }
  return true;
}

}  // namespace qvet::cli
