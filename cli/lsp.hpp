// `qvet lsp`: the language service over the Language Server Protocol on standard input and output
// (JSON-RPC 2.0 with Content-Length framing), so any editor with an LSP client gets qvet's
// diagnostics, hover, completion, definition, references, rename and outline. Documents are kept
// in memory, synchronised incrementally; each change publishes the document's diagnostics.
#pragma once
#include <cstdio>

namespace qvet::cli {

// Serves until `exit` (0 after a `shutdown`, else 1) or the end of input (1). `in` and `out` are
// the transport; nothing else is written to `out`.
int serve_lsp(FILE* in, FILE* out);

}  // namespace qvet::cli
