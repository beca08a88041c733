// `qvet fix FILE...`: applies the certain quick fixes of each file's report (core/service/fixes.hpp)
// and writes the file back, or with --dry-run prints what would change as a unified diff.
#pragma once
#include <string>
#include <vector>

#include "qvet.hpp"

namespace qvet::cli {

struct Fixed {
  std::string text;                 // the source with the fixes applied
  std::vector<std::string> titles;  // what was applied, in source order
};

// The first fix of each diagnostic, skipping one whose edits overlap an earlier one's.
Fixed apply_fixes(const std::string& source, const Report& report);

// A unified diff of two texts, as `diff -u` writes one (`path` in its headers); "" when equal.
std::string unified_diff(const std::string& path, const std::string& before, const std::string& after);

}  // namespace qvet::cli
