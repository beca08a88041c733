// Embind: the language service (hover, completions, definition, references, rename, the outline).
// Answers cross as JSON text; a span is a diagnostic's: 1-based lines and code-point columns.
#include <emscripten/bind.h>

#include <nlohmann/json.hpp>

#include "options.hpp"
#include "qvet.hpp"

namespace {

using nlohmann::ordered_json;

ordered_json span_json(const qvet::Span& s) {
  return {{"line", s.line}, {"column", s.column}, {"end_line", s.end_line}, {"end_column", s.end_column}};
}

ordered_json spans_json(const std::vector<qvet::Span>& spans) {
  ordered_json out = ordered_json::array();
  for (const qvet::Span& s : spans) out.push_back(span_json(s));
  return out;
}

// Options that do not parse: the service answers as for a source it cannot read (the package
// checked them first, so this is a caller going round it).
bool options(const std::string& json, qvet::Options* opt) {
  return qvet::wasm::parse_options(json, *opt, nullptr).empty();
}

std::string hover_json(const std::string& code, int line, int column, const std::string& json) {
  qvet::Options opt;
  const qvet::Hover h = options(json, &opt) ? qvet::hover(code, line, column, opt) : qvet::Hover{};
  if (!h.found) return "null";
  return ordered_json{{"span", span_json(h.span)}, {"markdown", h.markdown}}.dump();
}

std::string completions_json(const std::string& code, int line, int column, const std::string& json) {
  qvet::Options opt;
  ordered_json out = ordered_json::array();
  if (!options(json, &opt)) return out.dump();
  for (const qvet::CompletionItem& c : qvet::completions(code, line, column, opt))
    out.push_back({{"label", c.label}, {"kind", c.kind}, {"detail", c.detail}});
  return out.dump();
}

std::string definition_json(const std::string& code, int line, int column, const std::string& json) {
  qvet::Options opt;
  return spans_json(options(json, &opt) ? qvet::definition(code, line, column, opt) : std::vector<qvet::Span>{}).dump();
}

std::string references_json(const std::string& code, int line, int column, bool declaration, const std::string& json) {
  qvet::Options opt;
  return spans_json(options(json, &opt) ? qvet::references(code, line, column, declaration, opt)
                                        : std::vector<qvet::Span>{})
      .dump();
}

std::string rename_json(const std::string& code, int line, int column, const std::string& name,
                        const std::string& json) {
  qvet::Options opt;
  qvet::Rename r;
  if (options(json, &opt))
    r = qvet::rename(code, line, column, name, opt);
  else
    r.error = "the options do not parse";
  ordered_json edits = ordered_json::array();
  for (const qvet::TextEdit& e : r.edits) edits.push_back({{"span", span_json(e.span)}, {"text", e.text}});
  return ordered_json{{"ok", r.ok}, {"error", r.ok ? ordered_json() : ordered_json(r.error)}, {"edits", edits}}.dump();
}

std::string symbols_json(const std::string& code, const std::string& json) {
  qvet::Options opt;
  ordered_json out = ordered_json::array();
  if (!options(json, &opt)) return out.dump();
  for (const qvet::DocumentSymbol& s : qvet::document_symbols(code, opt))
    out.push_back({{"name", s.name},
                   {"kind", s.kind},
                   {"detail", s.detail},
                   {"span", span_json(s.span)},
                   {"name_span", span_json(s.name_span)},
                   {"parent", s.parent < 0 ? ordered_json() : ordered_json(s.parent)}});
  return out.dump();
}

}  // namespace

void init_language() {
  emscripten::function("hover", &hover_json);
  emscripten::function("completions", &completions_json);
  emscripten::function("definition", &definition_json);
  emscripten::function("references", &references_json);
  emscripten::function("rename", &rename_json);
  emscripten::function("documentSymbols", &symbols_json);
}
