#include "qasm3/frontend.hpp"

#include "qasm3/reader.hpp"

namespace qvet::qasm3 {

void parse(std::string_view src, const SourceMap& map, const Options& options, DiagnosticSink& sink, Circuit& out) {
  Reader r(src, map, options, sink, out);
  r.run();
}

}  // namespace qvet::qasm3
