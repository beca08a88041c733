#include "lsp.hpp"

#include <cstring>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "api/option_json.hpp"
#include "diagnostics/codes.hpp"
#include "qvet.hpp"

namespace qvet::cli {

namespace {

using nlohmann::json;

// A message larger than any source qvet reads (64 MiB) plus its JSON: the server stops rather
// than allocate without bound.
constexpr size_t kMaxMessage = (64u << 20) + (1u << 20);

// JSON-RPC error codes (the LSP specification's).
constexpr int kParseError = -32700, kInvalidRequest = -32600, kMethodNotFound = -32601, kInvalidParams = -32602,
              kServerNotInitialized = -32002, kRequestFailed = -32803;

struct Document {
  std::string text;
  Format format = Format::Auto;
  std::vector<Diagnostic> diagnostics;  // the last published: code actions read their fixes
};

// ---- positions: LSP's are 0-based lines and, by default, UTF-16 code units; qvet's are 1-based
// lines and code points. A client that offers "utf-32" gets code points (then only the base moves).

// Where each line of a text starts (LSP's lines end at '\n'; a '\r' before it is not part of the
// line), made once per request so that converting many positions stays linear.
class Lines {
 public:
  explicit Lines(const std::string& text) : text_(text) {
    for (size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n') starts_.push_back(i + 1);
  }
  const std::string& text() const { return text_; }
  // The byte range of 0-based line `line` (without its newline); the text's end past the last.
  std::pair<size_t, size_t> bytes(size_t line) const {
    if (line >= starts_.size()) return {text_.size(), text_.size()};
    const size_t begin = starts_[line];
    size_t end = line + 1 < starts_.size() ? starts_[line + 1] - 1 : text_.size();
    if (end > begin && text_[end - 1] == '\r') --end;
    return {begin, end};
  }

 private:
  const std::string& text_;
  std::vector<size_t> starts_{0};
};

// A position's line or character: a non-negative integer (anything else is InvalidParams, caught
// by the dispatcher), clamped to 32 bits.
size_t index_of(const json& j) {
  if (!j.is_number_unsigned()) throw std::invalid_argument("a position's line and character are non-negative integers");
  return static_cast<size_t>(std::min<uint64_t>(j.get<uint64_t>(), UINT32_MAX));
}

size_t sequence_length(unsigned char lead) {
  return lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 1;
}

class Positions {
 public:
  bool utf16 = true;

  // The byte offset and the 1-based code-point column of an LSP position, clamped to its line.
  std::pair<size_t, uint32_t> at(const Lines& lines, size_t line, size_t character) const {
    const std::string& text = lines.text();
    const auto [begin, end] = lines.bytes(line);
    size_t at = begin, units = 0;
    uint32_t column = 1;
    while (at < end && units < character) {
      const size_t n = std::min(sequence_length(static_cast<unsigned char>(text[at])), end - at);
      units += utf16 && n == 4 ? 2 : 1;
      at += n;
      ++column;
    }
    return {at, column};
  }

  // The LSP position of a 1-based line and code-point column.
  json position(const Lines& lines, uint32_t line, uint32_t column) const {
    const std::string& text = lines.text();
    const size_t l = line ? line - 1 : 0;
    const auto [begin, end] = lines.bytes(l);
    size_t at = begin, units = 0;
    for (uint32_t c = 1; c < column && at < end; ++c) {
      const size_t n = std::min(sequence_length(static_cast<unsigned char>(text[at])), end - at);
      units += utf16 && n == 4 ? 2 : 1;
      at += n;
    }
    return {{"line", l}, {"character", units}};
  }

  json range(const Lines& lines, const Span& s) const {
    return {{"start", position(lines, s.line, s.column)}, {"end", position(lines, s.end_line, s.end_column)}};
  }
};

int completion_kind(const std::string& kind) {
  if (kind == "keyword") return 14;                                          // Keyword
  if (kind == "gate" || kind == "opaque" || kind == "subroutine") return 3;  // Function
  return 6;                                                                  // Variable
}

int symbol_kind(const std::string& kind) {
  if (kind == "gate" || kind == "opaque" || kind == "subroutine") return 12;  // Function
  if (kind == "qreg" || kind == "creg") return 18;                            // Array
  if (kind == "parameter") return 26;                                         // TypeParameter
  return 13;                                                                  // Variable
}

// Whether a JSON text nests at most 64 arrays and objects deep (LSP's messages nest a few): deeper
// values are refused before parsing, as copying one recurses.
bool shallow(const std::string& text) {
  int depth = 0;
  bool in_string = false, escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > 64) return false;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return true;
}

class Server {
 public:
  Server(FILE* in, FILE* out) : in_(in), out_(out) {}

  int run() {
    std::string body;
    while (read_message(&body)) {
      if (!shallow(body)) {
        reply_error(json(), kInvalidRequest, "the message nests deeper than 64 levels");
        continue;
      }
      json msg = json::parse(body, nullptr, false);
      if (msg.is_discarded() || !msg.is_object()) {
        reply_error(json(), kParseError, "the message is not a JSON object");
        continue;
      }
      handle(msg);
      if (exit_code_ >= 0) return exit_code_;
    }
    return 1;  // the client went away without `exit`
  }

 private:
  // ---- transport
  bool read_message(std::string* body) {
    size_t length = SIZE_MAX;
    std::string line;
    for (;;) {  // headers, up to the empty line
      line.clear();
      int c;
      while ((c = std::fgetc(in_)) != EOF && c != '\n') {
        if (line.size() > 1024) return false;  // not a header
        line += static_cast<char>(c);
      }
      if (c == EOF) return false;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty()) break;
      static const char kLength[] = "Content-Length:";
      if (line.compare(0, sizeof kLength - 1, kLength) == 0) {
        length = 0;
        for (size_t i = sizeof kLength - 1; i < line.size(); ++i) {
          if (line[i] == ' ') continue;
          if (line[i] < '0' || line[i] > '9' || length > kMaxMessage) return false;
          length = length * 10 + static_cast<size_t>(line[i] - '0');
        }
      }
    }
    if (length == SIZE_MAX || length > kMaxMessage) return false;
    body->resize(length);
    return std::fread(body->data(), 1, length, in_) == length;
  }

  void send(const json& msg) {
    const std::string text = msg.dump(-1, ' ', false, json::error_handler_t::replace);
    std::fprintf(out_, "Content-Length: %zu\r\n\r\n", text.size());
    std::fwrite(text.data(), 1, text.size(), out_);
    std::fflush(out_);
  }
  void reply(const json& id, json result) { send({{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}}); }
  void reply_error(const json& id, int code, const std::string& message) {
    send({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
  }
  void notify(const std::string& method, json params) {
    send({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
  }

  // ---- dispatch
  void handle(const json& msg) {
    const bool request = msg.contains("id");
    const json id = request ? msg.at("id") : json();
    if (!msg.contains("method") || !msg.at("method").is_string()) {
      // A response to us (we send no requests) is ignored; anything else is not a message.
      if (request && !msg.contains("result") && !msg.contains("error"))
        reply_error(id, kInvalidRequest, "a request needs a method");
      return;
    }
    const std::string method = msg.at("method");
    static const json kNoParams = json::object();
    const json& params = msg.contains("params") && msg.at("params").is_object() ? msg.at("params") : kNoParams;
    if (method == "exit") {
      exit_code_ = shutdown_ ? 0 : 1;
      return;
    }
    if (method == "initialize" && initialized_) {
      if (request) reply_error(id, kInvalidRequest, "the server is initialized already");
      return;
    }
    if (method != "initialize" && !initialized_) {
      if (request) reply_error(id, kServerNotInitialized, "the server is not initialized");
      return;
    }
    if (shutdown_) {  // after shutdown, only exit
      if (request) reply_error(id, kInvalidRequest, "the server is shut down: only exit is answered");
      return;
    }
    try {
      if (method == "initialize") {
        initialize(id, params);
      } else if (method == "shutdown") {
        shutdown_ = true;
        reply(id, nullptr);
      } else if (method == "textDocument/didOpen") {
        const json& d = params.at("textDocument");
        const std::string uri = d.at("uri").get<std::string>();
        Document doc;  // read whole before it is kept: a message without its text opens nothing
        doc.text = d.at("text").get<std::string>();
        if (doc.text.size() > kMaxMessage) throw std::length_error("the document is too large");
        const json& language = d.contains("languageId") ? d.at("languageId") : json();
        doc.format = format_of(language.is_string() ? language.get<std::string>() : "");
        docs_[uri] = std::move(doc);
        publish(uri);
      } else if (method == "textDocument/didChange") {
        const std::string uri = params.at("textDocument").at("uri");
        auto it = docs_.find(uri);
        if (it == docs_.end()) return;
        for (const json& change : params.at("contentChanges")) apply(it->second.text, change);
        publish(uri);
      } else if (method == "textDocument/didClose") {
        const std::string uri = params.at("textDocument").at("uri");
        docs_.erase(uri);
        notify("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", json::array()}});
      } else if (method == "textDocument/hover" || method == "textDocument/completion" ||
                 method == "textDocument/definition" || method == "textDocument/references" ||
                 method == "textDocument/rename" || method == "textDocument/prepareRename" ||
                 method == "textDocument/documentSymbol" || method == "textDocument/codeAction") {
        if (request) answer(method, id, params);
      } else if (request) {
        reply_error(id, kMethodNotFound, "qvet lsp does not answer " + method);
      }
    } catch (const std::exception& e) {  // a malformed message: its fields are not what LSP says
      if (request) reply_error(id, kInvalidParams, std::string("bad parameters: ") + e.what());
    }
  }

  void initialize(const json& id, const json& params) {
    // Code points when the client takes them (no conversion), else UTF-16, LSP's default.
    // Each level looked at only when it is an object: a client's odd capabilities are its own.
    auto field = [](const json& j, const char* key) -> const json& {
      static const json kNone;
      return j.is_object() && j.contains(key) ? j.at(key) : kNone;
    };
    const json& encodings = field(field(field(params, "capabilities"), "general"), "positionEncodings");
    pos_.utf16 = true;
    if (encodings.is_array())
      for (const json& e : encodings)
        if (e == "utf-32") pos_.utf16 = false;
    const json& init = field(params, "initializationOptions");
    if (init.is_object()) {  // the package's options (format, strict, rules, backend, ...)
      SimOptions sim;
      const std::string err = options_from_json(init.dump(), kValidateCall, options_, sim);
      if (!err.empty()) notify("window/showMessage", {{"type", 1}, {"message", "qvet: initializationOptions: " + err}});
    }
    initialized_ = true;
    reply(id, {{"capabilities",
                {{"positionEncoding", pos_.utf16 ? "utf-16" : "utf-32"},
                 {"textDocumentSync", {{"openClose", true}, {"change", 2}}},  // 2: incremental
                 {"hoverProvider", true},
                 {"completionProvider", {{"triggerCharacters", json::array()}}},
                 {"definitionProvider", true},
                 {"referencesProvider", true},
                 {"renameProvider", {{"prepareProvider", true}}},
                 {"documentSymbolProvider", true},
                 {"codeActionProvider", {{"codeActionKinds", {"quickfix"}}}}}},
               {"serverInfo", {{"name", "qvet"}, {"version", version()}}}});
  }

  static Format format_of(const std::string& language) {
    if (language == "python") return Format::Python;
    if (language == "qasm2") return Format::Qasm2;
    if (language == "qasm3") return Format::Qasm3;
    return Format::Auto;  // openqasm, qasm, anything else: the source says
  }

  Options options_for(const Document& doc) const {
    Options o = options_;
    if (o.format == Format::Auto) o.format = doc.format;
    return o;
  }

  // One content change: a range replaced, or (without a range) the whole text.
  void apply(std::string& text, const json& change) {
    const std::string replacement = change.at("text");
    if (!change.contains("range")) {
      text = replacement;
      return;
    }
    const json& r = change.at("range");
    const Lines lines(text);
    const size_t from =
        pos_.at(lines, index_of(r.at("start").at("line")), index_of(r.at("start").at("character"))).first;
    const size_t to = pos_.at(lines, index_of(r.at("end").at("line")), index_of(r.at("end").at("character"))).first;
    if (to < from) throw std::invalid_argument("a change's range ends before it starts");
    if (text.size() - (to - from) + replacement.size() > kMaxMessage)
      throw std::length_error("the document grows too large");
    text.replace(from, to - from, replacement);
  }

  void publish(const std::string& uri) {
    Document& doc = docs_.at(uri);
    const Lines lines(doc.text);
    Report r = validate(doc.text, options_for(doc));
    json list = json::array();
    for (const Diagnostic& d : r.diagnostics) {
      json item = {{"range", pos_.range(lines, d.span)},
                   {"severity", d.severity == Severity::Error     ? 1
                                : d.severity == Severity::Warning ? 2
                                                                  : 3},
                   {"code", d.code},
                   {"source", "qvet"},
                   {"message", d.message}};
      if (const DiagnosticCode* c = find_code(d.code)) item["codeDescription"] = {{"href", code_docs_url(*c)}};
      list.push_back(std::move(item));
    }
    notify("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", std::move(list)}});
    doc.diagnostics = std::move(r.diagnostics);
  }

  void answer(const std::string& method, const json& id, const json& params) {
    const std::string uri = params.at("textDocument").at("uri");
    auto it = docs_.find(uri);
    if (it == docs_.end()) {
      reply_error(id, kInvalidParams, "the document " + uri + " is not open");
      return;
    }
    const Document& doc = it->second;
    const Lines lines(doc.text);
    const Options opt = options_for(doc);
    if (method == "textDocument/documentSymbol") {
      reply(id, outline(doc, opt));
      return;
    }
    if (method == "textDocument/codeAction") {
      reply(id, quick_fixes(uri, doc, params.at("range")));
      return;
    }
    const json& p = params.at("position");
    const size_t line = index_of(p.at("line"));
    const uint32_t column = pos_.at(lines, line, index_of(p.at("character"))).second;
    const uint32_t l = static_cast<uint32_t>(std::min<size_t>(line + 1, UINT32_MAX));
    auto locations = [&](const std::vector<Span>& spans) {
      json out = json::array();
      for (const Span& s : spans) out.push_back({{"uri", uri}, {"range", pos_.range(lines, s)}});
      return out;
    };
    if (method == "textDocument/hover") {
      const Hover h = hover(doc.text, l, column, opt);
      if (!h.found) return reply(id, nullptr);
      reply(id, {{"contents", {{"kind", "markdown"}, {"value", h.markdown}}}, {"range", pos_.range(lines, h.span)}});
    } else if (method == "textDocument/completion") {
      json items = json::array();
      for (const CompletionItem& c : completions(doc.text, l, column, opt))
        items.push_back({{"label", c.label}, {"kind", completion_kind(c.kind)}, {"detail", c.detail}});
      reply(id, std::move(items));
    } else if (method == "textDocument/definition") {
      reply(id, locations(definition(doc.text, l, column, opt)));
    } else if (method == "textDocument/references") {
      const bool decl = params.value("context", json::object()).value("includeDeclaration", true);
      reply(id, locations(references(doc.text, l, column, decl, opt)));
    } else if (method == "textDocument/prepareRename") {
      const Hover h = hover(doc.text, l, column, opt);
      if (!h.found) return reply(id, nullptr);
      const std::string name = doc.text.substr(h.span.offset, h.span.length);
      // A name with no declaration in the source is a standard gate's: its name is the library's.
      if (definition(doc.text, l, column, opt).empty())
        return reply_error(id, kRequestFailed,
                           "'" + name + "' is a standard gate: its name is the gate library's, not the program's");
      reply(id, {{"range", pos_.range(lines, h.span)}, {"placeholder", name}});
    } else {  // rename
      const Rename r = rename(doc.text, l, column, params.at("newName").get<std::string>(), opt);
      if (!r.ok) return reply_error(id, kRequestFailed, r.error);
      json edits = json::array();
      for (const TextEdit& e : r.edits) edits.push_back({{"range", pos_.range(lines, e.span)}, {"newText", e.text}});
      reply(id, {{"changes", {{uri, std::move(edits)}}}});
    }
  }

  // The quick fixes of the diagnostics on the lines of `range` (core/service/fixes.hpp), as code
  // actions that carry their edits; the diagnostics are those published for the current text.
  json quick_fixes(const std::string& uri, const Document& doc, const json& range) const {
    const Lines lines(doc.text);
    const size_t first = index_of(range.at("start").at("line")) + 1, last = index_of(range.at("end").at("line")) + 1;
    json actions = json::array();
    for (const Diagnostic& d : doc.diagnostics) {  // as published for this text: no validation again
      if (d.fixes.empty() || d.span.end_line < first || d.span.line > last) continue;
      const json diagnostic = {
          {"range", pos_.range(lines, d.span)}, {"code", d.code}, {"source", "qvet"}, {"message", d.message}};
      for (const Fix& f : d.fixes) {
        json edits = json::array();
        for (const TextEdit& e : f.edits) edits.push_back({{"range", pos_.range(lines, e.span)}, {"newText", e.text}});
        actions.push_back({{"title", f.title},
                           {"kind", "quickfix"},
                           {"isPreferred", d.fixes.size() == 1},
                           {"diagnostics", json::array({diagnostic})},
                           {"edit", {{"changes", {{uri, std::move(edits)}}}}}});
      }
    }
    return actions;
  }

  // LSP's hierarchical outline: a gate's parameters and qubits are its children.
  json outline(const Document& doc, const Options& opt) const {
    const Lines lines(doc.text);
    const std::vector<DocumentSymbol> symbols = document_symbols(doc.text, opt);
    std::vector<json> nodes;
    nodes.reserve(symbols.size());
    for (const DocumentSymbol& s : symbols)
      nodes.push_back({{"name", s.name},
                       {"detail", s.detail},
                       {"kind", symbol_kind(s.kind)},
                       {"range", pos_.range(lines, s.span)},
                       {"selectionRange", pos_.range(lines, s.name_span)},
                       {"children", json::array()}});
    json out = json::array();
    for (size_t i = symbols.size(); i-- > 0;) {  // children first, so each parent takes them whole
      if (symbols[i].parent >= 0)
        nodes[static_cast<size_t>(symbols[i].parent)]["children"].insert(
            nodes[static_cast<size_t>(symbols[i].parent)]["children"].begin(), std::move(nodes[i]));
    }
    for (size_t i = 0; i < symbols.size(); ++i)
      if (symbols[i].parent < 0) out.push_back(std::move(nodes[i]));
    return out;
  }

  FILE* in_;
  FILE* out_;
  bool initialized_ = false, shutdown_ = false;
  int exit_code_ = -1;
  Positions pos_;
  Options options_;
  std::map<std::string, Document> docs_;
};

}  // namespace

int serve_lsp(FILE* in, FILE* out) { return Server(in, out).run(); }

}  // namespace qvet::cli
