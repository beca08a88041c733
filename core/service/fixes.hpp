// Quick fixes as data: for the diagnostics whose remedy is certain, the edits that apply it (a
// missing version line or include, a misspelt gate with one close match, cnot for cx, a register
// grown for an index past its end, an unused declaration removed). A pass over the report and the
// source's symbol index: the page shows them as a light bulb, `qvet fix` applies them, `qvet lsp`
// offers them as code actions.
#pragma once
#include <string_view>

#include "qvet/options.hpp"
#include "qvet/report.hpp"
#include "source/source_map.hpp"
#include "source/symbols.hpp"

namespace qvet::service {

// Gives each of `report`'s diagnostics the fixes that are certain for it.
void attach_fixes(Report& report, std::string_view src, const SourceMap& map, const SymbolIndex& index,
                  Format language);

}  // namespace qvet::service
