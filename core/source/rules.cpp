#include "source/rules.hpp"

#include <algorithm>
#include <cctype>

#include "diagnostics/codes.hpp"

namespace qvet {

namespace {

constexpr std::string_view kStrictSuffix = " (an error in strict mode)";

bool is_space(char ch) { return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// Whether only white space stands between the start of the line and `at`.
bool starts_line(std::string_view src, size_t at) {
  while (at > 0 && src[at - 1] != '\n') {
    if (src[at - 1] != ' ' && src[at - 1] != '\t') return false;
    --at;
  }
  return true;
}

// Calls on(body, offset of body, own_line) for each comment of `src`, skipping string literals so
// that a "# qvet:" inside a string is not read as one.
template <typename F>
void each_comment(std::string_view src, CommentStyle style, F on) {
  const size_t n = src.size();
  size_t i = 0;
  while (i < n) {
    const char ch = src[i];
    if (ch == '"' || (style == CommentStyle::Python && ch == '\'')) {
      const bool triple = style == CommentStyle::Python && i + 2 < n && src[i + 1] == ch && src[i + 2] == ch;
      i += triple ? 3 : 1;
      while (i < n) {
        if (src[i] == '\\' && style == CommentStyle::Python) {
          i += 2;
          continue;
        }
        if (!triple && src[i] == '\n') break;  // an unterminated string ends at its line
        if (src[i] == ch && (!triple || (i + 2 < n && src[i + 1] == ch && src[i + 2] == ch))) {
          i += triple ? 3 : 1;
          break;
        }
        ++i;
      }
      continue;
    }
    const bool line_comment = style == CommentStyle::Python ? ch == '#' : ch == '/' && i + 1 < n && src[i + 1] == '/';
    if (line_comment) {
      const size_t body = i + (style == CommentStyle::Python ? 1 : 2);
      size_t end = src.find('\n', body);
      if (end == std::string_view::npos) end = n;
      on(src.substr(body, end - body), body, starts_line(src, i));
      i = end;
      continue;
    }
    if (style == CommentStyle::Qasm && ch == '/' && i + 1 < n && src[i + 1] == '*') {
      size_t end = src.find("*/", i + 2);
      if (end == std::string_view::npos) end = n;
      on(src.substr(i + 2, end - i - 2), i + 2, starts_line(src, i));
      i = std::min(n, end + 2);
      continue;
    }
    ++i;
  }
}

}  // namespace

std::string rule_code_problem(std::string_view what, std::string_view code) {
  const DiagnosticCode* row = find_code(code);
  if (!row) return "unknown diagnostic code '" + std::string(code) + "' (docs/diagnostics.md lists them)";
  if (row->retired) return std::string(code) + " is retired: qvet no longer reports it";
  if (row->severity == Severity::Error && what != "error") {
    return std::string(code) + " is an error: the circuit cannot be read as written, so it cannot be " +
           (what == "warning" ? "made a warning" : "switched off");
  }
  return {};
}

RuleSet::RuleSet(const RuleOptions& options, std::string_view source, const SourceMap& map, CommentStyle style)
    : style_(style) {
  // One code in several lists: disable wins; otherwise the later list (the severities over enable).
  const std::pair<const std::vector<std::string>*, Action> lists[] = {{&options.enable, Action::On},
                                                                      {&options.disable, Action::Off},
                                                                      {&options.warning, Action::Warning},
                                                                      {&options.error, Action::Error}};
  for (const auto& [list, act] : lists)
    for (const std::string& code : *list) {
      auto it = std::find_if(actions_.begin(), actions_.end(), [&](const auto& a) { return a.first == code; });
      if (it == actions_.end())
        actions_.emplace_back(code, act);
      else if (!(it->second == Action::Off && act != Action::Off))
        it->second = act;
    }
  // Comments are read only where the text is there at all. The search goes by ':', rare in
  // OpenQASM (a 3 MB circuit pays one memchr), not by 'q', which a circuit full of q[i] repeats.
  bool mentioned = false;
  for (size_t at = source.find(':', 4); at != std::string_view::npos && !mentioned; at = source.find(':', at + 1))
    mentioned = source.compare(at - 4, 4, "qvet") == 0;
  if (!mentioned) return;
  each_comment(source, style,
               [&](std::string_view body, size_t offset, bool own_line) { read_comment(body, offset, map, own_line); });
}

void RuleSet::read_comment(std::string_view body, size_t offset, const SourceMap& map, bool own_line) {
  const std::string_view text = trim(body);
  if (text.rfind("qvet:", 0) != 0) return;
  const size_t at = offset + static_cast<size_t>(text.data() - body.data());
  const Span span = map.span(at, text.size());
  auto problem = [&](std::string message) {
    problems.push_back({Severity::Warning, "W209", std::move(message), span});
  };
  std::string_view rest = trim(text.substr(5));
  // A reason may follow the codes: `qvet: disable W204 -- the reset is deliberate`.
  if (size_t reason = rest.find("--"); reason != std::string_view::npos) rest = trim(rest.substr(0, reason));
  size_t word_end = 0;
  while (word_end < rest.size() && (std::isalpha(static_cast<unsigned char>(rest[word_end])) || rest[word_end] == '-'))
    ++word_end;
  const std::string_view directive = rest.substr(0, word_end);
  if (directive != "disable" && directive != "disable-line" && directive != "disable-next-line") {
    problem("unknown qvet comment '" + std::string(directive) +
            "': expected disable, disable-line or disable-next-line and the codes");
    return;
  }
  std::string_view codes = trim(rest.substr(word_end));
  if (!codes.empty() && codes.front() == '=') codes = trim(codes.substr(1));
  std::vector<std::string> named;
  size_t i = 0;
  while (i < codes.size()) {
    while (i < codes.size() && (codes[i] == ',' || is_space(codes[i]))) ++i;
    size_t j = i;
    while (j < codes.size() && codes[j] != ',' && !is_space(codes[j])) ++j;
    if (j > i) named.emplace_back(codes.substr(i, j - i));
    i = j;
  }
  if (named.empty()) {
    problem("name the codes to switch off: qvet: " + std::string(directive) + " W204");
    return;
  }
  // Python's `# qvet: disable=W204` after code is that line's, as in pylint; on a line of its own
  // (and in OpenQASM always) it is the file's.
  const bool file = directive == "disable" && (style_ == CommentStyle::Qasm || own_line);
  const uint32_t line = directive == "disable-next-line" ? span.end_line + 1 : span.line;
  for (const std::string& code : named) {
    if (std::string wrong = rule_code_problem("disable", code); !wrong.empty()) {
      problem(wrong);
      continue;
    }
    if (file)
      file_off_.push_back(code);
    else
      line_off_.emplace_back(line, code);
  }
}

RuleSet::Action RuleSet::action(std::string_view code) const {
  for (const auto& [c, act] : actions_)
    if (c == code) return act;
  return Action::Default;
}

Admit RuleSet::admit(Diagnostic& d) const {
  const DiagnosticCode* row = find_code(d.code);
  if (!row || row->severity == Severity::Error) return Admit::Keep;  // errors are never touched
  if (std::find(file_off_.begin(), file_off_.end(), d.code) != file_off_.end()) return Admit::Suppress;
  for (const auto& [line, code] : line_off_)
    if (line == d.span.line && code == d.code) return Admit::Suppress;
  switch (action(d.code)) {
    case Action::Off: return Admit::Suppress;
    case Action::Default:
      if (row->off_by_default) return Admit::Hide;
      break;
    case Action::On: break;
    case Action::Error:
      if (d.severity != Severity::Error) d.message += " (an error by the rules)";
      d.severity = Severity::Error;
      break;
    case Action::Warning:
      if (d.severity == Severity::Error && d.message.size() >= kStrictSuffix.size() &&
          d.message.compare(d.message.size() - kStrictSuffix.size(), kStrictSuffix.size(), kStrictSuffix) == 0)
        d.message.resize(d.message.size() - kStrictSuffix.size());
      d.severity = row->severity;
      break;
  }
  return Admit::Keep;
}

}  // namespace qvet
