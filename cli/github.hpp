// GitHub Actions workflow commands: each diagnostic as an `::error`, `::warning` or `::notice`
// line, which the run's page shows as an annotation on the file and line (GitHub shows the first
// 10 of each kind per step; SARIF, for code scanning, carries them all).
#pragma once
#include <string>

#include "qvet.hpp"

namespace qvet::cli {

// The annotation lines of one report; `file` as the path was given (GitHub resolves it from the
// workspace).
std::string github_annotations(const std::string& file, const Report& r);

// The escapes of a workflow command: in the message, '%', CR and LF; in a property, ':' and ','
// as well. Exposed for the tests.
std::string github_escape(const std::string& s, bool property);

}  // namespace qvet::cli
