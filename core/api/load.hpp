// Internal entry points shared by validate(), simulate() and the unitary tools: read a source into
// a Circuit while filling the validation part of a report, and run a body with every exception
// turned into an error report (the API never throws).
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "circuit/circuit.hpp"
#include "qvet.hpp"
#include "source/notebook.hpp"
#include "source/source_map.hpp"

namespace qvet {

// The source as the front ends read it: the text itself, or a Jupyter notebook's code cells (then
// a span of that code is told in cells and lines within them).
class SourceView {
 public:
  SourceView(std::string_view src, const Options& opt);
  bool notebook() const { return notebook_ && error_.empty(); }
  const std::string& error() const { return error_; }  // a notebook qvet cannot read
  std::string_view code() const { return nb_.code; }
  const SourceMap& map() const { return *map_; }
  void to_cells(Span& s) const;

 private:
  bool notebook_ = false;
  std::string error_;
  Notebook nb_;
  std::unique_ptr<SourceMap> map_;
};

// Fills r (diagnostics, figures when valid) and c (the circuit, when r.valid).
void load(std::string_view src, const Options& opt, Report& r, Circuit& c);

// Runs body(report); std::bad_alloc becomes E409 and anything else E900.
Report guarded(const std::function<void(Report&)>& body);

}  // namespace qvet
