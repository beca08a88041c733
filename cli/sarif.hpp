// SARIF 2.1.0 (OASIS), the format code-scanning services read (GitHub's among them): one run per
// qvet invocation, a rule per diagnostic code with its description from docs/diagnostics.md, and
// a result per diagnostic with its region in Unicode code points, as qvet counts columns.
#pragma once
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "qvet.hpp"

namespace qvet::cli {

class SarifLog {
 public:
  SarifLog();
  // One input: `path` as it was given ("-" for standard input), `source` its text (the lines the
  // fingerprints are taken from), `r` its report.
  void add(const std::string& path, std::string_view source, const Report& r);
  // An input that could not be read: a tool notification, and the run did not succeed.
  void add_unreadable(const std::string& path, const std::string& why);
  // The whole log, indented.
  std::string str() const;

 private:
  size_t artifact(const std::string& path, const Report* r);
  nlohmann::ordered_json rules_, artifacts_, results_, notifications_;
  bool succeeded_ = true;
};

// The URI SARIF gives a path: relative to the working directory (percent-encoded, '/'-separated)
// where it lies under it, else an absolute file:// URI. Exposed for the tests.
std::string sarif_uri(const std::string& path, const std::string& cwd);

}  // namespace qvet::cli
