// Reads the package's JSON options through the option table. The messages are the ones the
// bindings have always given (tests/cpp/test_options.cpp pins them).
#include "api/option_json.hpp"

#include <nlohmann/json.hpp>

namespace qvet {

namespace {

using json = nlohmann::json;

// Fills `out` from a JSON value for the row's type; returns "" or how the value is wrong, as the
// end of a sentence that starts "option 'KEY' ".
std::string read_value(const OptionRow& row, const json& v, OptionValue& out) {
  switch (row.type) {
    case OptionType::Boolean:
      if (!v.is_boolean()) return "must be true or false";
      out.flag = v.get<bool>();
      return "";
    case OptionType::Count:
      if (!v.is_number_unsigned()) return "must be a non-negative integer";
      out.count = v.get<uint64_t>();
      return "";
    case OptionType::OneOf:
      for (size_t i = 0; i < row.choices.size(); ++i)
        if (v.is_string() && v.get<std::string>() == row.choices[i]) {
          out.count = i;
          return "";
        }
      return "must be " + option_choices_text(row, true);
    case OptionType::Identifier:
      if (!v.is_string()) return "must be a string";
      out.text = v.get<std::string>();
      return "";
    case OptionType::Backend:
      if (v.is_string())
        out.text = v.get<std::string>();
      else if (v.is_object())
        out.text = v.dump(), out.is_object = true;
      else
        return "must be a profile name or a backend object";
      return "";
    case OptionType::NumberMap:
      if (!v.is_object()) return "must be an object of numbers";
      for (const auto& [name, x] : v.items()) {
        if (!x.is_number()) return "must be an object of numbers";
        out.numbers.emplace_back(name, x.get<double>());
      }
      return "";
    case OptionType::StringList:
      if (!v.is_array()) return "must be an array of strings";
      for (const json& s : v) {
        if (!s.is_string()) return "must be an array of strings";
        out.strings.push_back(s.get<std::string>());
      }
      return "";
  }
  return "has a type this build does not know";
}

}  // namespace

std::string options_from_json(std::string_view text, OptionCalls call, Options& options, SimOptions& sim) {
  const json j = json::parse(std::string(text), nullptr, false);  // a std::string: the one parser instance
  if (j.is_discarded() || !j.is_object()) return "options must be a JSON object";
  for (const OptionRow& row : option_table()) {
    if (!(row.calls & call)) continue;
    const json* holder = &j;  // the object holding the row's leaf key: the options, or a group
    const std::string group(option_group(row));
    if (!group.empty()) {
      const auto g = j.find(group);
      if (g == j.end()) continue;
      if (!g->is_object()) return "option '" + group + "' must be an object";
      holder = &*g;
    }
    const std::string leaf(option_leaf(row));
    const auto it = holder->find(leaf);
    if (it == holder->end()) continue;
    OptionValue value;
    if (std::string wrong = read_value(row, *it, value); !wrong.empty()) return "option '" + leaf + "' " + wrong;
    if (std::string problem = row.store(value, options, sim); !problem.empty())
      return "option '" + leaf + "': " + problem;
  }
  return "";
}

std::string unknown_option_key(std::string_view text) {
  const json j = json::parse(std::string(text), nullptr, false);
  if (j.is_discarded() || !j.is_object()) return "";
  auto known = [](std::string_view group, std::string_view leaf) {
    for (const OptionRow& row : option_table())
      if (option_group(row) == group && option_leaf(row) == leaf) return true;
    return false;
  };
  auto is_group = [](std::string_view name) {
    for (const OptionRow& row : option_table())
      if (option_group(row) == name) return true;
    return false;
  };
  for (const auto& [key, value] : j.items()) {
    if (is_group(key)) {
      if (!value.is_object()) continue;  // options_from_json says what is wrong with it
      for (const auto& item : value.items())
        if (!known(key, item.key())) return key + "." + item.key();
    } else if (!known("", key)) {
      return key;
    }
  }
  return "";
}

}  // namespace qvet
