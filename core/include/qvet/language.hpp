// The language service's answers (qvet.hpp: hover(), completions(), definition(), references(),
// rename(), document_symbols()): what an editor shows about the names of a circuit's source. A
// position is a line and a column, 1-based, the column in code points, as a diagnostic's span.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "qvet/diagnostic.hpp"

namespace qvet {

struct Hover {
  bool found = false;
  Span span;             // the name hovered
  std::string markdown;  // what it is: a declaration in a code block, then a line or two of prose
};

struct CompletionItem {
  std::string label;   // what is inserted
  std::string kind;    // "keyword", "gate", "qreg", "creg", "parameter", "qubit", "variable", "subroutine"
  std::string detail;  // one line: "2 qubits", "(theta) 1 qubit", ...
};

struct DocumentSymbol {
  std::string name;
  std::string kind;    // "qreg", "creg", "gate", "opaque", "parameter", "qubit", "variable", "subroutine"
  std::string detail;  // "[2]", "(theta) a, b", ...
  Span span;           // the whole declaration
  Span name_span;
  int32_t parent = -1;  // a gate's parameter or qubit: the index of the gate's entry
};

struct Rename {
  bool ok = false;
  std::string error;  // why not, when !ok: not a name, a standard gate's, a clash, not an identifier
  std::vector<TextEdit> edits;
};

}  // namespace qvet
