// The OpenQASM 3 front end's stand-in for a build without it: the page's first WebAssembly module
// (qvet-lean.wasm, wasm/CMakeLists.txt) reads OpenQASM 2 only, so that the first load stays small,
// and its worker moves an OpenQASM 3 document to the full module before calling (front_end()).
// Linked ahead of the core library, as core/python/absent.cpp is, for the same reason.
#include "qasm3/frontend.hpp"
#include "qasm3/index.hpp"

namespace qvet::qasm3 {

void parse(std::string_view, const SourceMap& map, const Options&, DiagnosticSink& sink, Circuit&) {
  sink.add({Severity::Error, "E618",
            "this build of qvet reads OpenQASM 2 only: the OpenQASM 3 front end is in the full module (the "
            "package's default qvet.wasm)",
            map.span(0, 0)});
}

// The language service reads no OpenQASM 3 here either: the worker sends such a document to the
// full module.
SymbolIndex index_symbols(std::string_view, const SourceMap&) { return {}; }

}  // namespace qvet::qasm3
