#include "sarif.hpp"

#include <unistd.h>

#include <cctype>
#include <climits>
#include <map>

#include "diagnostics/codes.hpp"
#include "render.hpp"
#include "util/sha256.hpp"

namespace qvet::cli {

namespace {

using json = nlohmann::ordered_json;

// docs/diagnostics.md as text (CMakeLists.txt writes the include): each code's row is its
// description, so the page stays the one home of that prose.
constexpr std::string_view kDiagnosticsDoc =
#include "diagnostics_md.inc"
    ;

constexpr const char* kSchema = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr const char* kBase = "%SRCROOT%";

// The row of a code in the page, after its first cell: "**title**: when exactly it is given".
std::string_view doc_row(const DiagnosticCode& c) {
  const std::string key = "<a id=\"" + std::string(c.anchor) + "\"></a>" + std::string(c.code) + " | ";
  size_t at = kDiagnosticsDoc.find(key);
  if (at == std::string_view::npos) return {};
  at += key.size();
  size_t end = kDiagnosticsDoc.find('\n', at);
  if (end == std::string_view::npos) end = kDiagnosticsDoc.size();
  std::string_view row = kDiagnosticsDoc.substr(at, end - at);
  while (!row.empty() && (row.back() == '|' || row.back() == ' ')) row.remove_suffix(1);
  return row;
}

// Markdown to plain text, for the `text` every SARIF message must have: emphasis and code marks
// dropped, a link kept as its text.
std::string plain(std::string_view md) {
  std::string out;
  for (size_t i = 0; i < md.size(); ++i) {
    const char ch = md[i];
    if (ch == '`' || (ch == '*' && i + 1 < md.size() && md[i + 1] == '*')) {
      if (ch == '*') ++i;
      continue;
    }
    if (ch == ']' && i + 1 < md.size() && md[i + 1] == '(') {
      const size_t close = md.find(')', i);
      if (close != std::string_view::npos) {
        i = close;
        continue;
      }
    }
    if (ch == '[') continue;
    out += ch;
  }
  return out;
}

// "index out of range" -> "IndexOutOfRange": SARIF's rule name, an identifier.
std::string pascal(std::string_view title) {
  std::string out;
  bool up = true;
  for (char ch : title) {
    if (std::isalnum(static_cast<unsigned char>(ch))) {
      out += up ? static_cast<char>(std::toupper(static_cast<unsigned char>(ch))) : ch;
      up = false;
    } else if (ch != '\'') {
      up = true;
    }
  }
  return out;
}

const char* level(Severity s) { return s == Severity::Error ? "error" : s == Severity::Warning ? "warning" : "note"; }

std::string source_language(const std::string& format) {
  if (format == "qasm2" || format == "qasm3") return "openqasm";
  if (format == "python") return "python";
  return {};
}

std::string working_directory() {
  char buf[PATH_MAX];
  return getcwd(buf, sizeof buf) ? std::string(buf) : std::string();
}

std::string percent_encode(std::string_view s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (char ch : s) {
    const unsigned char u = static_cast<unsigned char>(ch);
    if (std::isalnum(u) || ch == '-' || ch == '.' || ch == '_' || ch == '~' || ch == '/') {
      out += ch;
    } else {
      out += '%';
      out += hex[u >> 4];
      out += hex[u & 15];
    }
  }
  return out;
}

// A fingerprint that survives edits elsewhere in the file: the code and the text of the flagged
// line without its white space (so re-indenting keeps it), and which occurrence of that pair this
// is. GitHub matches results across commits by it, so a moved line keeps its alert.
std::string fingerprint(const Diagnostic& d, std::string_view source, std::map<std::string, int>& seen) {
  std::string key = d.code + "\n";
  if (d.span.cell) {
    key += "cell\n" + d.message;  // a notebook's lines are inside JSON strings: the message it is
  } else {
    for (char ch : line_text(source, d.span.line))
      if (!std::isspace(static_cast<unsigned char>(ch))) key += ch;
  }
  const std::string hash = sha256_hex(key).substr(0, 16);
  return hash + ":" + std::to_string(++seen[hash]);
}

}  // namespace

std::string sarif_uri(const std::string& path, const std::string& cwd) {
  if (path.empty() || path[0] != '/') {
    std::string rel = path;
    while (rel.rfind("./", 0) == 0) rel.erase(0, 2);
    return percent_encode(rel);
  }
  if (!cwd.empty() && path.size() > cwd.size() + 1 && path.compare(0, cwd.size(), cwd) == 0 && path[cwd.size()] == '/')
    return percent_encode(path.substr(cwd.size() + 1));
  return "file://" + percent_encode(path);
}

SarifLog::SarifLog()
    : rules_(json::array()), artifacts_(json::array()), results_(json::array()), notifications_(json::array()) {
  for (const DiagnosticCode& c : diagnostic_codes()) {
    if (c.retired) continue;
    const std::string_view row = doc_row(c);
    const std::string md = row.empty() ? std::string(c.title) : std::string(row);
    const std::string uri = code_docs_url(c);
    json rule;
    rule["id"] = std::string(c.code);
    rule["name"] = pascal(c.title);
    rule["shortDescription"] = {{"text", std::string(c.title)}};
    rule["fullDescription"] = {{"text", plain(md)}, {"markdown", md}};
    rule["helpUri"] = uri;
    rule["help"] = {{"text", plain(md) + " (" + uri + ")"},
                    {"markdown", md + "\n\n[" + std::string(c.code) + " in qvet's diagnostics](" + uri + ")"}};
    rule["defaultConfiguration"] = {{"level", level(c.severity)}};
    rules_.push_back(std::move(rule));
  }
}

size_t SarifLog::artifact(const std::string& path, const Report* r) {
  json a;
  if (path == "-") {
    a["location"] = {{"uri", "stdin"}};
    a["description"] = {{"text", "standard input"}};
  } else {
    const std::string uri = sarif_uri(path, working_directory());
    a["location"] = {{"uri", uri}};
    if (uri.rfind("file://", 0) != 0) a["location"]["uriBaseId"] = kBase;
  }
  if (r && !source_language(r->format).empty()) a["sourceLanguage"] = source_language(r->format);
  artifacts_.push_back(std::move(a));
  return artifacts_.size() - 1;
}

void SarifLog::add(const std::string& path, std::string_view source, const Report& r) {
  const size_t index = artifact(path, &r);
  std::map<std::string, int> seen;
  for (const Diagnostic& d : r.diagnostics) {
    json result;
    result["ruleId"] = d.code;
    size_t rule = 0;
    for (const DiagnosticCode& c : diagnostic_codes()) {
      if (c.retired) continue;
      if (c.code == d.code) break;
      ++rule;
    }
    if (rule < rules_.size()) result["ruleIndex"] = rule;
    result["level"] = level(d.severity);
    json location;
    location["artifactLocation"] = artifacts_[index]["location"];
    location["artifactLocation"]["index"] = index;
    if (d.span.cell) {
      // A notebook: the line and column count within the cell, not the file's JSON.
      result["message"] = {{"text", "cell " + std::to_string(d.span.cell) + ", line " + std::to_string(d.span.line) +
                                        ", column " + std::to_string(d.span.column) + ": " + d.message}};
      result["properties"] = {{"cell", d.span.cell}, {"cellLine", d.span.line}, {"cellColumn", d.span.column}};
    } else {
      result["message"] = {{"text", d.message}};
      const uint32_t end_line = std::max(d.span.end_line, d.span.line);
      const uint32_t end_column =
          end_line == d.span.line ? std::max(d.span.end_column, d.span.column) : d.span.end_column;
      location["region"] = {{"startLine", d.span.line},
                            {"startColumn", d.span.column},
                            {"endLine", end_line},
                            {"endColumn", std::max<uint32_t>(end_column, 1)}};
    }
    result["locations"] = json::array({{{"physicalLocation", std::move(location)}}});
    result["partialFingerprints"] = {{"qvetLineHash/v1", fingerprint(d, source, seen)}};
    results_.push_back(std::move(result));
  }
}

void SarifLog::add_unreadable(const std::string& path, const std::string& why) {
  const size_t index = artifact(path, nullptr);
  json note;
  note["level"] = "error";
  note["message"] = {{"text", "cannot read '" + path + "': " + why}};
  note["locations"] = json::array({{{"physicalLocation", {{"artifactLocation", artifacts_[index]["location"]}}}}});
  note["locations"][0]["physicalLocation"]["artifactLocation"]["index"] = index;
  notifications_.push_back(std::move(note));
  succeeded_ = false;
}

std::string SarifLog::str() const {
  json driver;
  driver["name"] = "qvet";
  driver["version"] = version();
  driver["semanticVersion"] = version();
  driver["informationUri"] = QVET_HOMEPAGE;
  driver["rules"] = rules_;
  json invocation;
  invocation["executionSuccessful"] = succeeded_;
  if (!notifications_.empty()) invocation["toolExecutionNotifications"] = notifications_;
  json run;
  run["tool"] = {{"driver", std::move(driver)}};
  run["invocations"] = json::array({std::move(invocation)});
  const std::string cwd = working_directory();
  if (!cwd.empty()) run["originalUriBaseIds"] = {{kBase, {{"uri", "file://" + percent_encode(cwd) + "/"}}}};
  run["artifacts"] = artifacts_;
  run["columnKind"] = "unicodeCodePoints";
  run["results"] = results_;
  json log;
  log["$schema"] = kSchema;
  log["version"] = "2.1.0";
  log["runs"] = json::array({std::move(run)});
  return log.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace qvet::cli
