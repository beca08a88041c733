// The language service's entry points (qvet.hpp): the source's front end indexes its names
// (qasm2/index.hpp, qasm3/index.hpp), then the service (service/language.hpp) answers. A Python source, or one the
// service cannot read, answers nothing; nothing here throws.
#include <new>

#include "qasm2/index.hpp"
#include "qasm3/index.hpp"
#include "qvet.hpp"
#include "service/language.hpp"
#include "source/source_map.hpp"

namespace qvet {

namespace {

// Runs `answer` on the source's document, or returns `none` when there is none to answer from.
template <class Result, class Answer>
Result with_document(std::string_view src, const Options& opt, Result none, Answer answer) {
  try {
    if (src.size() > opt.limits.max_source_bytes) return none;
    const Format language = front_end(src, opt);
    if (language != Format::Qasm2 && language != Format::Qasm3) return none;
    const SourceMap map(src);
    const SymbolIndex index =
        language == Format::Qasm3 ? qasm3::index_symbols(src, map) : qasm2::index_symbols(src, map);
    const service::Document doc{src, map, index, language};
    return answer(doc);
  } catch (...) {  // out of memory, or a bug: no answer, never an exception across the API
    return none;
  }
}

}  // namespace

Hover hover(std::string_view source, uint32_t line, uint32_t column, const Options& options) {
  return with_document(source, options, Hover{}, [&](const service::Document& d) {
    return service::hover(d, service::offset_at(d.map, line, column));
  });
}

std::vector<CompletionItem> completions(std::string_view source, uint32_t line, uint32_t column,
                                        const Options& options) {
  return with_document(source, options, std::vector<CompletionItem>{}, [&](const service::Document& d) {
    return service::completions(d, service::offset_at(d.map, line, column));
  });
}

std::vector<Span> definition(std::string_view source, uint32_t line, uint32_t column, const Options& options) {
  return with_document(source, options, std::vector<Span>{}, [&](const service::Document& d) {
    return service::definition(d, service::offset_at(d.map, line, column));
  });
}

std::vector<Span> references(std::string_view source, uint32_t line, uint32_t column, bool include_declaration,
                             const Options& options) {
  return with_document(source, options, std::vector<Span>{}, [&](const service::Document& d) {
    return service::references(d, service::offset_at(d.map, line, column), include_declaration);
  });
}

Rename rename(std::string_view source, uint32_t line, uint32_t column, std::string_view new_name,
              const Options& options) {
  Rename none;
  none.error = "qvet renames names in OpenQASM sources only (yet)";
  return with_document(source, options, none, [&](const service::Document& d) {
    return service::rename(d, service::offset_at(d.map, line, column), new_name);
  });
}

std::vector<DocumentSymbol> document_symbols(std::string_view source, const Options& options) {
  return with_document(source, options, std::vector<DocumentSymbol>{},
                       [&](const service::Document& d) { return service::document_symbols(d); });
}

}  // namespace qvet
