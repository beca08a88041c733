// Option flags through the option table: one parser per type of value, none per option.
#include "option_flags.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string_view>

#include "input.hpp"

namespace qvet::cli {

namespace {

// What a flag of this type wants after it, for the message when nothing follows.
std::string wanted(const OptionRow& row) {
  switch (row.type) {
    case OptionType::OneOf: return "a value (" + option_choices_text(row, false) + ")";
    case OptionType::Identifier: return "a variable name";
    case OptionType::Backend: return "a profile name or a JSON file";
    default: return "a value";
  }
}

// A profile or device name, else the path of a JSON configuration; false (after saying why) when
// it is neither.
bool take_backend(const OptionRow& row, const std::string& spec, Options& opt, SimOptions& sim) {
  OptionValue name;
  name.text = spec;
  const std::string as_name = row.store(name, opt, sim);
  if (as_name.empty()) return true;
  std::string text;
  std::ifstream probe(spec);
  if (!probe.good() || !read_input(spec, &text)) {
    std::cerr << "qvet: " << as_name << "\n";
    return false;
  }
  OptionValue file;
  file.text = text;
  file.is_object = true;
  const std::string as_file = row.store(file, opt, sim);
  if (!as_file.empty()) {
    std::cerr << "qvet: " << spec << ": " << as_file << "\n";
    return false;
  }
  return true;
}

// Parses `text` as the row's type and stores it; false after printing why it is wrong.
bool take_value(const OptionRow& row, const std::string& text, Options& opt, SimOptions& sim) {
  const std::string flag = row.flag;
  OptionValue v;
  switch (row.type) {
    case OptionType::Boolean: v.flag = true; break;
    case OptionType::Count:
      if (!parse_count(flag, text, &v.count)) return false;
      break;
    case OptionType::OneOf: {
      size_t i = 0;
      while (i < row.choices.size() && row.choices[i] != text) ++i;
      if (i == row.choices.size()) {
        std::cerr << "qvet: unknown " << option_leaf(row) << " '" << text << "' (expected "
                  << option_choices_text(row, false) << ")\n";
        return false;
      }
      v.count = i;
      break;
    }
    case OptionType::Identifier: v.text = text; break;
    case OptionType::Backend: return take_backend(row, text, opt, sim);
    case OptionType::NumberMap: {
      const size_t eq = text.find('=');
      char* end = nullptr;
      const double x = eq == std::string::npos ? 0 : std::strtod(text.c_str() + eq + 1, &end);
      if (eq == std::string::npos || eq == 0 || end == text.c_str() + eq + 1 || *end || !std::isfinite(x)) {
        std::cerr << "qvet: " << flag << " takes NAME=VALUE with a finite number, e.g. " << flag << " theta=0.5\n";
        return false;
      }
      v.numbers.emplace_back(text.substr(0, eq), x);
      break;
    }
    case OptionType::StringList: v.strings.push_back(text); break;
  }
  // Once parsed, a rules code can still be refused (unknown, or an error's); a backend returned above.
  if (std::string problem = row.store(v, opt, sim); !problem.empty()) {
    std::cerr << "qvet: " << flag << " " << text << ": " << problem << "\n";
    return false;
  }
  return true;
}

// `text` wrapped to 100 columns after a head of 20 (two spaces, the flag and its value, padding);
// longer lines continue under the text.
std::string help_line(const std::string& flag, const std::string& text) {
  constexpr size_t kIndent = 20, kWidth = 100;
  std::string head = "  " + flag;
  head += head.size() < kIndent ? std::string(kIndent - head.size(), ' ') : " ";
  std::string out, line = head;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    const std::string word = text.substr(start, end - start);
    if (line.size() > kIndent && line.size() + 1 + word.size() > kWidth) {
      out += line + "\n";
      line = std::string(kIndent, ' ');
    }
    if (line.size() > kIndent && line.back() != ' ') line += ' ';
    line += word;
    start = end + 1;
  }
  return out + line + "\n";
}

std::string help_for(const OptionRow& row) {
  std::string text = row.description;
  const std::string d = option_default_text(row);
  if (!d.empty()) text += " (default " + d + ")";
  if (row.type == OptionType::NumberMap || row.type == OptionType::StringList) text += " (repeatable)";
  return help_line(std::string(row.flag) + (row.metavar ? std::string(" ") + row.metavar : ""), text);
}

}  // namespace

bool parse_count(const std::string& flag, const std::string& text, uint64_t* out) {
  char* end = nullptr;
  errno = 0;
  unsigned long long v = std::strtoull(text.c_str(), &end, 10);
  if (text.empty() || text[0] == '-' || errno || !end || *end) {
    std::cerr << "qvet: " << flag << " needs a non-negative integer, got '" << text << "'\n";
    return false;
  }
  *out = v;
  return true;
}

FlagResult take_option_flag(int argc, char** argv, int& i, OptionCalls call, Options& opt, SimOptions& sim) {
  const std::string_view arg = argv[i];
  for (const OptionRow& row : option_table()) {
    if (!row.flag || !(row.calls & call)) continue;
    const std::string_view flag = row.flag;
    const bool valued = row.type != OptionType::Boolean;
    const bool inline_value =
        valued && arg.size() > flag.size() && arg.substr(0, flag.size()) == flag && arg[flag.size()] == '=';
    if (arg != flag && !inline_value) continue;
    std::string text;
    if (inline_value) {
      text = std::string(arg.substr(flag.size() + 1));
    } else if (valued) {
      if (i + 1 >= argc) {
        std::cerr << "qvet: " << flag << " needs " << wanted(row) << "\n";
        return FlagResult::Bad;
      }
      text = argv[++i];
    }
    return take_value(row, text, opt, sim) ? FlagResult::Taken : FlagResult::Bad;
  }
  return FlagResult::NotAnOption;
}

std::string options_help() {
  std::string equivalent;  // the flags the equivalent command takes too
  for (const OptionRow& row : option_table())
    if (row.flag && (row.calls & kEquivalentCall)) equivalent += std::string(equivalent.empty() ? "" : ", ") + row.flag;
  if (const size_t comma = equivalent.rfind(", "); comma != std::string::npos) equivalent.replace(comma, 2, " and ");
  std::string both = "options of validate and simulate" +
                     (equivalent.empty() ? std::string() : " (equivalent takes " + equivalent + ")") + ":\n";
  std::string simulate_only = "simulate options:\n";
  for (const OptionRow& row : option_table()) {
    if (!row.flag) continue;  // the package's only (the limits)
    if (row.calls & kValidateCall)
      both += help_for(row);  // simulate validates first: it takes them all
    else if (row.calls & kSimulateCall)
      simulate_only += help_for(row);
  }
  return both + "\n" + simulate_only;
}

}  // namespace qvet::cli
