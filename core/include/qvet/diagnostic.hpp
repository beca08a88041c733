// A diagnostic: a severity, a stable code (documented in docs/diagnostics.md), a message and a
// span. Every problem qvet reports, in a report or in a result, has this one shape.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace qvet {

// A region of the source. Offsets are bytes; line and column are 1-based, columns count Unicode
// code points so that an editor's underline lands where the CLI's caret does.
struct Span {
  uint32_t offset = 0;
  uint32_t length = 0;
  uint32_t line = 1;
  uint32_t column = 1;
  uint32_t end_line = 1;
  uint32_t end_column = 1;
  // In a Jupyter notebook: the cell (1-based, over all cells); line and end_line count within it,
  // and offset/length are into the notebook's code cells joined in order. 0 for any other source.
  uint32_t cell = 0;
};

// Error: the circuit is invalid. Warning: it loads, but is probably not what was meant. Info: what
// qvet did that a reader should know (code it recognised and skipped, such as a run on a simulator).
enum class Severity { Error, Warning, Info };

// "error", "warning" or "info", as the report and the CLI write it.
inline const char* severity_name(Severity s) {
  return s == Severity::Error ? "error" : s == Severity::Warning ? "warning" : "info";
}

// A replacement of a span's text (an empty span inserts; empty text deletes).
struct TextEdit {
  Span span;
  std::string text;
};

// A quick fix: what it does, in a few words, and its edits (which never overlap).
struct Fix {
  std::string title;
  std::vector<TextEdit> edits;
};

struct Diagnostic {
  Severity severity = Severity::Error;
  std::string code;     // stable, documented in docs/diagnostics.md (E### errors, W### warnings)
  std::string message;  // what is wrong and what was expected
  Span span;
  // Where the remedy is certain, the edits that apply it (core/service/fixes.hpp): a missing
  // version line or include, a gate name with one close match, a register too small, an unused
  // declaration.
  std::vector<Fix> fixes = {};
};

}  // namespace qvet
