// The language service: hover, completion, definition, references, rename and the outline, answered
// from a front end's symbol index (source/symbols.hpp) and the gate table. A pass: it never
// includes a front end; api/language.cpp runs the indexer and calls these.
#pragma once
#include <string_view>
#include <vector>

#include "qvet/language.hpp"
#include "qvet/options.hpp"
#include "source/source_map.hpp"
#include "source/symbols.hpp"

namespace qvet::service {

struct Document {
  std::string_view src;
  const SourceMap& map;
  const SymbolIndex& index;
  Format language;  // Qasm2 or Qasm3: its keywords and its identifiers
};

// The byte offset of a 1-based line and code-point column, clamped to the line's end.
size_t offset_at(const SourceMap& map, uint32_t line, uint32_t column);

Hover hover(const Document& doc, size_t offset);
std::vector<CompletionItem> completions(const Document& doc, size_t offset);
std::vector<Span> definition(const Document& doc, size_t offset);
std::vector<Span> references(const Document& doc, size_t offset, bool include_declaration);
Rename rename(const Document& doc, size_t offset, std::string_view new_name);
std::vector<DocumentSymbol> document_symbols(const Document& doc);

}  // namespace qvet::service
