// The OpenQASM 3 source's names for the language service (source/symbols.hpp): a pass over the
// lexer's tokens, separate from the reader, so validation never pays for it and a file with errors
// is indexed as far as its tokens allow. Registers (qubit, bit, qreg, creg), gates, subroutines and
// their parameters, classical variables (const, input, output, typed declarations, let, loop
// variables) and every use of one.
#pragma once
#include <string_view>

#include "source/source_map.hpp"
#include "source/symbols.hpp"

namespace qvet::qasm3 {

SymbolIndex index_symbols(std::string_view src, const SourceMap& map);

}  // namespace qvet::qasm3
