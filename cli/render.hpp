// Compiler-style text for a report: `file:line:col: error[code]: message`, the source line, and
// a caret under the span.
#pragma once
#include <string>
#include <string_view>

#include "qvet.hpp"

namespace qvet::cli {

// Text of 1-based line `n` of `src`, without its line break ("" past the end).
std::string_view line_text(std::string_view src, uint32_t n);

std::string render_diagnostics(std::string_view file, std::string_view source, const Report& r, bool color);
std::string render_summary(std::string_view file, const Report& r);
// The backend section as a few indented lines (empty without a backend).
std::string render_backend(const Report& r);

}  // namespace qvet::cli
