#include "github.hpp"

#include "diagnostics/codes.hpp"

namespace qvet::cli {

std::string github_escape(const std::string& s, bool property) {
  std::string out;
  for (char ch : s) {
    if (ch == '%')
      out += "%25";
    else if (ch == '\r')
      out += "%0D";
    else if (ch == '\n')
      out += "%0A";
    else if (property && ch == ':')
      out += "%3A";
    else if (property && ch == ',')
      out += "%2C";
    else
      out += ch;
  }
  return out;
}

std::string github_annotations(const std::string& file, const Report& r) {
  std::string out;
  for (const Diagnostic& d : r.diagnostics) {
    const char* kind = d.severity == Severity::Error ? "error" : d.severity == Severity::Warning ? "warning" : "notice";
    std::string props = "file=" + github_escape(file, true);
    std::string message = d.message;
    if (d.span.cell) {
      // A notebook's lines count within a cell; the file's own lines would point into its JSON.
      message = "cell " + std::to_string(d.span.cell) + ", line " + std::to_string(d.span.line) + ": " + message;
    } else {
      props += ",line=" + std::to_string(d.span.line) + ",col=" + std::to_string(d.span.column);
      props += ",endLine=" + std::to_string(std::max(d.span.end_line, d.span.line));
      props += ",endColumn=" + std::to_string(d.span.end_column);
    }
    const DiagnosticCode* row = find_code(d.code);
    std::string title = d.code;
    if (row) title += " " + std::string(row->title);
    props += ",title=" + github_escape(title, true);
    out += "::" + std::string(kind) + " " + props + "::" + github_escape(message, false) + "\n";
  }
  return out;
}

}  // namespace qvet::cli
