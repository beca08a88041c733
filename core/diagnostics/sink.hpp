// The core collects diagnostics as plain values (as Qiskit's qasm2 crate does): it never prints or
// throws them; the CLI and the bindings format them at the edge.
#pragma once
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "qvet/diagnostic.hpp"

namespace qvet {

// What a filter makes of a diagnostic: kept, switched off by a caller (counted, the report's
// suppressed_diagnostics), or not reported by default (a rule off unless enabled: not counted).
enum class Admit { Keep, Suppress, Hide };

// Collects diagnostics up to a cap; past it, the rest are only counted (the report's dropped_diagnostics).
class DiagnosticSink {
 public:
  explicit DiagnosticSink(size_t cap) : cap_(cap) {}

  void add(Diagnostic d) {
    // Two reports of one problem (e.g. a bad byte seen by the UTF-8 check and the lexer) are one.
    if (!items_.empty() && items_.back().code == d.code && items_.back().span.offset == d.span.offset) return;
    if (filter_) {
      const Admit a = filter_(d);
      if (a == Admit::Suppress) ++suppressed_;
      if (a != Admit::Keep) return;
    }
    if (d.severity == Severity::Error) ++errors_;
    if (items_.size() < cap_) {
      items_.push_back(std::move(d));
    } else {
      ++dropped_;
    }
  }
  // What every later diagnostic passes; it may change the diagnostic's severity. The rules of
  // source/rules.hpp.
  void set_filter(std::function<Admit(Diagnostic&)> filter) { filter_ = std::move(filter); }
  bool has_errors() const { return errors_ > 0; }
  size_t error_count() const { return errors_; }
  size_t dropped() const { return dropped_; }
  size_t suppressed() const { return suppressed_; }
  bool full() const { return items_.size() >= cap_; }
  const std::vector<Diagnostic>& items() const { return items_; }
  std::vector<Diagnostic> take() { return std::move(items_); }

 private:
  size_t cap_;
  size_t errors_ = 0;
  size_t dropped_ = 0;
  size_t suppressed_ = 0;
  std::function<Admit(Diagnostic&)> filter_;
  std::vector<Diagnostic> items_;
};

}  // namespace qvet
