// The OpenQASM 2 source's names for the language service (source/symbols.hpp): a pass over the
// lexer's tokens, separate from the parser, so it costs validation nothing and indexes a file
// with errors as far as its tokens allow.
#pragma once
#include <string_view>

#include "source/source_map.hpp"
#include "source/symbols.hpp"

namespace qvet::qasm2 {

SymbolIndex index_symbols(std::string_view src, const SourceMap& map);

}  // namespace qvet::qasm2
