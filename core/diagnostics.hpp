// Diagnostics are plain values with spans (as in Qiskit's qasm2 crate): the core never prints or
// throws them; the CLI and the bindings format them at the edge.
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
};

enum class Severity { Error, Warning };

struct Diagnostic {
  Severity severity = Severity::Error;
  std::string code;     // stable, documented in docs/diagnostics.md (E### errors, W### warnings)
  std::string message;  // what is wrong and what was expected
  Span span;
};

// Collects diagnostics up to a cap; past it, one final E408 says how many were dropped.
class DiagnosticSink {
 public:
  explicit DiagnosticSink(size_t cap) : cap_(cap) {}

  void add(Diagnostic d) {
    // Two reports of one problem (e.g. a bad byte seen by the UTF-8 check and the lexer) are one.
    if (!items_.empty() && items_.back().code == d.code && items_.back().span.offset == d.span.offset) return;
    if (d.severity == Severity::Error) ++errors_;
    if (items_.size() < cap_) {
      items_.push_back(std::move(d));
    } else {
      ++dropped_;
    }
  }
  bool has_errors() const { return errors_ > 0; }
  size_t error_count() const { return errors_; }
  size_t dropped() const { return dropped_; }
  bool full() const { return items_.size() >= cap_; }
  const std::vector<Diagnostic>& items() const { return items_; }
  std::vector<Diagnostic> take() { return std::move(items_); }

 private:
  size_t cap_;
  size_t errors_ = 0;
  size_t dropped_ = 0;
  std::vector<Diagnostic> items_;
};

}  // namespace qvet
