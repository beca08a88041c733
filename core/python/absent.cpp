// The Python front end's stand-in for a build without it: the page's first WebAssembly module
// (qvet-lean.wasm, wasm/CMakeLists.txt) reads OpenQASM only, so that the first load stays small,
// and its worker moves a Python document to the full module before calling (reads_as_python()).
// Linked ahead of the core library, this definition of python::parse keeps the linker from
// pulling the real front end (frontend.cpp and everything it uses) out of the archive; should
// anything else ever pull it in, the duplicate definition fails the link instead of passing
// silently.
#include "python/frontend.hpp"

namespace qvet::python {

void parse(std::string_view, const SourceMap& map, const Options&, DiagnosticSink& sink, Circuit&, std::string*) {
  sink.add({Severity::Error, "E617",
            "this build of qvet reads OpenQASM only: the Python front end is in the full module (the package's "
            "default qvet.wasm)",
            map.span(0, 0)});
}

}  // namespace qvet::python
