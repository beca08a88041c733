// The rules a validation applies to each diagnostic as it is added (DiagnosticSink::add): the
// caller's RuleOptions, each code's default (off_by_default), and the source's own `qvet:`
// comments. A finding is kept, dropped (switched off), or given the severity a caller asked for.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "diagnostics/sink.hpp"
#include "qvet/diagnostic.hpp"
#include "qvet/options.hpp"
#include "source/source_map.hpp"

namespace qvet {

// What is wrong with a code a caller named in RuleOptions (`what` is "disable", "enable", "error"
// or "warning"), or "" when it is fine: unknown codes, and errors, which cannot be switched off
// or lowered, are refused. Also what the option table's setters check.
std::string rule_code_problem(std::string_view what, std::string_view code);

// How the source's comments are written: `//` and `/* */` in OpenQASM, `#` in Python.
enum class CommentStyle { Qasm, Python };

class RuleSet {
 public:
  // `source` is scanned for `qvet:` comments (only when it holds that text at all); what the
  // comments get wrong becomes `problems` (W209), which the sink reports.
  RuleSet(const RuleOptions& options, std::string_view source, const SourceMap& map, CommentStyle style);

  // Whether `d` is reported; gives it the severity the rules ask for.
  Admit admit(Diagnostic& d) const;

  std::vector<Diagnostic> problems;

 private:
  enum class Action : uint8_t { Default, Off, On, Error, Warning };
  Action action(std::string_view code) const;
  void read_comment(std::string_view body, size_t offset, const SourceMap& map, bool own_line);

  CommentStyle style_;
  std::vector<std::pair<std::string, Action>> actions_;
  std::vector<std::string> file_off_;                       // codes off in the whole file
  std::vector<std::pair<uint32_t, std::string>> line_off_;  // (line, code) pairs off
};

}  // namespace qvet
