// The core collects diagnostics as plain values (as Qiskit's qasm2 crate does): it never prints or
// throws them; the CLI and the bindings format them at the edge.
#pragma once
#include <string>
#include <vector>

#include "qvet/diagnostic.hpp"

namespace qvet {

// Collects diagnostics up to a cap; past it, the rest are only counted (the report's dropped_diagnostics).
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
