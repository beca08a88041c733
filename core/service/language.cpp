#include "service/language.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "circuit/gates.hpp"

namespace qvet::service {

namespace {

const GateRow* row_of(const Symbol& s) { return s.gate_row >= 0 ? &gate_rows().begin()[s.gate_row] : nullptr; }

Span span_of(const Document& doc, uint32_t offset, uint32_t length) { return doc.map.span(offset, length); }

// The use whose name holds the offset, or ends at it (the cursor just after a name).
const SymbolUse* use_at(const Document& doc, size_t offset) {
  const auto& uses = doc.index.uses;
  auto it =
      std::upper_bound(uses.begin(), uses.end(), offset, [](size_t off, const SymbolUse& u) { return off < u.offset; });
  if (it == uses.begin()) return nullptr;
  --it;
  return offset <= static_cast<size_t>(it->offset) + it->length ? &*it : nullptr;
}

const Symbol* symbol_at(const Document& doc, size_t offset) {
  const SymbolUse* u = use_at(doc, offset);
  return u ? &doc.index.symbols[static_cast<size_t>(u->symbol)] : nullptr;
}

std::string plural(uint64_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string_view text(const Document& doc, uint32_t offset, uint32_t length) {
  return offset <= doc.src.size() ? doc.src.substr(offset, length) : std::string_view();
}

// A declaration's text as a hover shows it: at most `lines` lines, with "..." for the rest.
std::string excerpt(std::string_view s, size_t lines) {
  std::string out;
  size_t n = 0, at = 0;
  while (at < s.size() && n < lines) {
    const size_t end = std::min(s.find('\n', at), s.size());
    out.append(s.substr(at, end - at));
    out += '\n';
    at = end + 1;
    ++n;
  }
  if (at < s.size()) out += "...\n";
  return out;
}

const char* fence(Format f) { return f == Format::Qasm3 ? "```qasm3\n" : "```qasm\n"; }

// A standard gate's signature, with the parameter names Qiskit's methods use.
std::string signature(const GateRow& row) {
  std::string s = "gate " + std::string(row.name);
  if (row.num_params) {
    s += '(';
    for (unsigned i = 0; i < row.num_params; ++i) {
      if (i) s += ", ";
      s += row.python.params[i] ? row.python.params[i] : "p" + std::to_string(i);
    }
    s += ')';
  }
  const unsigned nq = row.num_qubits;
  for (unsigned i = 0; i < nq; ++i) s += (i ? ", q" : " q") + std::to_string(i);
  if (!nq) s += " q0, q1, ...";
  return s;
}

std::string number(double x) {
  if (std::fabs(x) < 5e-13) return "0";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", x);
  return buf;
}

std::string complex_text(Complex z) {
  std::string re = number(z.real());
  const std::string im = number(z.imag());
  if (im == "0") return re;
  std::string imag = (im == "1" ? "" : im == "-1" ? "-" : im) + "i";
  if (re == "0") return imag;
  return re + (imag[0] == '-' ? "" : "+") + imag;
}

// A gate without parameters on one or two qubits: its matrix, in Qiskit's convention.
std::string matrix_text(const GateRow& row) {
  if (row.num_params || !row.matrix || row.num_qubits == 0 || row.num_qubits > 2) return "";
  const unsigned dim = 1u << row.num_qubits;
  std::vector<Complex> m(static_cast<size_t>(dim) * dim);
  full_matrix(row, nullptr, row.num_qubits, m.data());
  std::vector<std::string> cells(m.size());
  size_t width = 0;
  for (size_t i = 0; i < m.size(); ++i) width = std::max(width, (cells[i] = complex_text(m[i])).size());
  std::string out = "```\n";
  for (unsigned r = 0; r < dim; ++r) {
    out += "[";
    for (unsigned c = 0; c < dim; ++c) {
      const std::string& cell = cells[r * dim + c];
      out += std::string(width - cell.size() + (c ? 2 : 0), ' ') + cell;
    }
    out += "]\n";
  }
  return out + "```\n";
}

std::string gate_shape(const Symbol& s) {
  return plural(s.num_params, "parameter", "parameters") + ", " + plural(s.num_qubits, "qubit", "qubits");
}

std::string locals_text(const Document& doc, int32_t gate, SymbolKind kind) {
  std::string out;
  for (const Symbol& s : doc.index.symbols)
    if (s.parent == gate && s.kind == kind) out += (out.empty() ? "" : ", ") + s.name;
  return out;
}

int32_t index_of(const Document& doc, const Symbol* s) { return static_cast<int32_t>(s - doc.index.symbols.data()); }

const char* kind_name(SymbolKind k) {
  switch (k) {
    case SymbolKind::QuantumRegister: return "qreg";
    case SymbolKind::ClassicalRegister: return "creg";
    case SymbolKind::Gate: return "gate";
    case SymbolKind::Opaque: return "opaque";
    case SymbolKind::StandardGate: return "gate";
    case SymbolKind::GateParameter: return "parameter";
    case SymbolKind::GateQubit: return "qubit";
    case SymbolKind::Variable: return "variable";
    case SymbolKind::Subroutine: return "subroutine";
  }
  return "variable";
}

std::string detail(const Document& doc, const Symbol& s) {
  switch (s.kind) {
    case SymbolKind::QuantumRegister: return plural(s.size, "qubit", "qubits");
    case SymbolKind::ClassicalRegister: return plural(s.size, "bit", "bits");
    case SymbolKind::Gate:
    case SymbolKind::Opaque: {
      const int32_t id = index_of(doc, &s);
      const std::string params = locals_text(doc, id, SymbolKind::GateParameter);
      return (params.empty() ? "" : "(" + params + ") ") + locals_text(doc, id, SymbolKind::GateQubit);
    }
    case SymbolKind::StandardGate: return signature(*row_of(s)).substr(5 + row_of(s)->name.size());  // "(theta) q0"
    case SymbolKind::Variable: return s.type;
    default: return "";
  }
}

bool is_keyword(Format f, std::string_view w);

}  // namespace

size_t offset_at(const SourceMap& map, uint32_t line, uint32_t column) {
  const std::string_view src = map.source();
  const std::string_view l = map.line_text(std::max<uint32_t>(line, 1));
  if (l.data() == nullptr) return src.size();  // past the last line
  size_t at = static_cast<size_t>(l.data() - src.data());
  const size_t end = at + l.size();
  // Columns count the bytes that start a code point, as SourceMap's spans do (so a stray
  // continuation byte, in a file that is not UTF-8, counts for nothing there and here alike).
  auto continuation = [&](size_t i) { return (static_cast<unsigned char>(src[i]) & 0xC0) == 0x80; };
  while (at < end && continuation(at)) ++at;
  for (uint32_t c = 1; c < column && at < end; ++c) {
    ++at;
    while (at < end && continuation(at)) ++at;
  }
  return at;
}

Hover hover(const Document& doc, size_t offset) {
  Hover h;
  const SymbolUse* u = use_at(doc, offset);
  if (!u) return h;
  const Symbol& s = doc.index.symbols[static_cast<size_t>(u->symbol)];
  h.found = true;
  h.span = span_of(doc, u->offset, u->length);
  const std::string_view decl = text(doc, s.decl_offset, s.decl_length);
  std::string& md = h.markdown;
  switch (s.kind) {
    case SymbolKind::QuantumRegister:
    case SymbolKind::ClassicalRegister: {
      const bool q = s.kind == SymbolKind::QuantumRegister;
      md = fence(doc.language) + std::string(decl) + "\n```\n";
      md += std::string(q ? "Quantum register of " : "Classical register of ") +
            plural(s.size, q ? "qubit" : "bit", q ? "qubits" : "bits");
      if (s.size > 1) md += ": `" + s.name + "[0]` to `" + s.name + "[" + std::to_string(s.size - 1) + "]`";
      md += ".";
      break;
    }
    case SymbolKind::Gate:
    case SymbolKind::Opaque: {
      md = fence(doc.language) + excerpt(decl, 12) + "```\n";
      md += std::string(s.kind == SymbolKind::Opaque ? "Opaque gate (declared without a body)" : "The program's gate") +
            ": " + gate_shape(s) + ".";
      break;
    }
    case SymbolKind::StandardGate: {
      const GateRow& row = *row_of(s);
      md = fence(doc.language) + signature(row) + "\n```\n";
      md += "Standard gate: " + gate_shape(s) + "; Qiskit's `" + std::string(row.qiskit_name) + "`";
      if (row.python.method) md += std::string(" (`QuantumCircuit.") + row.python.method + "`)";
      md += ".\n";
      md += matrix_text(row);
      break;
    }
    case SymbolKind::GateParameter:
    case SymbolKind::GateQubit: {
      const Symbol& g = doc.index.symbols[static_cast<size_t>(s.parent)];
      const char* owner = g.kind == SymbolKind::Subroutine ? "subroutine" : "gate";
      md = std::string(s.kind == SymbolKind::GateParameter ? "Parameter" : "Qubit argument") + " `" + s.name + "`" +
           (g.kind == SymbolKind::Subroutine && !s.type.empty() ? " (" + s.type + ")" : "") + " of " + owner + " `" +
           g.name + "`.";
      break;
    }
    case SymbolKind::Variable:
    case SymbolKind::Subroutine: md = fence(doc.language) + excerpt(decl, 8) + "```\n"; break;
  }
  return h;
}

std::vector<Span> definition(const Document& doc, size_t offset) {
  const Symbol* s = symbol_at(doc, offset);
  if (!s || s->kind == SymbolKind::StandardGate) return {};
  return {span_of(doc, s->name_offset, s->name_length)};
}

std::vector<Span> references(const Document& doc, size_t offset, bool include_declaration) {
  const SymbolUse* at = use_at(doc, offset);
  if (!at) return {};
  std::vector<Span> out;
  for (const SymbolUse& u : doc.index.uses)
    if (u.symbol == at->symbol && (include_declaration || !u.declaration))
      out.push_back(span_of(doc, u.offset, u.length));
  return out;
}

namespace {

constexpr const char* kQasm2Keywords[] = {"OPENQASM", "include", "qreg", "creg", "gate", "opaque", "measure",
                                          "reset",    "barrier", "if",   "U",    "CX",   "pi",     "sin",
                                          "cos",      "tan",     "exp",  "ln",   "sqrt"};
constexpr const char* kQasm3Keywords[] = {
    "OPENQASM", "include", "qubit",  "bit",   "qreg",  "creg",    "gate",     "def",     "measure", "reset", "barrier",
    "if",       "else",    "for",    "in",    "while", "break",   "continue", "return",  "const",   "input", "output",
    "int",      "uint",    "float",  "angle", "bool",  "complex", "duration", "stretch", "let",     "ctrl",  "negctrl",
    "inv",      "pow",     "gphase", "box",   "delay", "pi",      "true",     "false",   "U"};

bool is_keyword(Format f, std::string_view w) {
  if (f == Format::Qasm3)
    return std::find(std::begin(kQasm3Keywords), std::end(kQasm3Keywords), w) != std::end(kQasm3Keywords);
  return std::find(std::begin(kQasm2Keywords), std::end(kQasm2Keywords), w) != std::end(kQasm2Keywords);
}

bool is_word_byte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         (static_cast<unsigned char>(c) & 0x80);
}

// Whether `name` is an identifier of the language: OpenQASM 2's start with a lower-case letter and
// are ASCII; OpenQASM 3's may hold Unicode letters (its lexer takes any non-ASCII byte in a name).
bool is_identifier(Format f, std::string_view name) {
  if (name.empty()) return false;
  const bool qasm3 = f == Format::Qasm3;
  const unsigned char c = static_cast<unsigned char>(name[0]);
  const bool first =
      qasm3 ? ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80) : (c >= 'a' && c <= 'z');
  if (!first) return false;
  for (char ch : name)
    if (!is_word_byte(ch) || (!qasm3 && (static_cast<unsigned char>(ch) & 0x80))) return false;
  return true;
}

// Whether the offset is inside a gate's declaration (then its parameters and qubits are in scope).
int32_t gate_around(const Document& doc, size_t offset) {
  for (size_t i = 0; i < doc.index.symbols.size(); ++i) {
    const Symbol& s = doc.index.symbols[i];
    if ((s.kind == SymbolKind::Gate || s.kind == SymbolKind::Subroutine) && offset > s.name_offset &&
        offset < static_cast<size_t>(s.decl_offset) + s.decl_length)
      return static_cast<int32_t>(i);
  }
  return -1;
}

bool includes(const Document& doc, std::string_view file) {
  return std::find(doc.index.includes.begin(), doc.index.includes.end(), file) != doc.index.includes.end();
}

}  // namespace

std::vector<CompletionItem> completions(const Document& doc, size_t offset) {
  offset = std::min(offset, doc.src.size());
  size_t from = offset;
  while (from > 0 && is_word_byte(doc.src[from - 1])) --from;
  const std::string_view prefix = doc.src.substr(from, offset - from);
  auto matches = [&](std::string_view name) {
    return name.size() >= prefix.size() && name.substr(0, prefix.size()) == prefix;
  };
  std::vector<CompletionItem> out;
  std::vector<std::string> seen;
  auto add = [&](std::string label, std::string kind, std::string what) {
    if (!matches(label) || label == prefix || std::find(seen.begin(), seen.end(), label) != seen.end()) return;
    seen.push_back(label);
    out.push_back({std::move(label), std::move(kind), std::move(what)});
  };
  const int32_t gate = gate_around(doc, offset);
  for (const Symbol& s : doc.index.symbols)  // the gate's own names first
    if (gate >= 0 && s.parent == gate)
      add(s.name, kind_name(s.kind), "of " + doc.index.symbols[static_cast<size_t>(gate)].name);
  for (const Symbol& s : doc.index.symbols) {
    if (s.parent >= 0 || s.kind == SymbolKind::StandardGate) continue;
    if (gate >= 0 && (s.kind == SymbolKind::QuantumRegister || s.kind == SymbolKind::ClassicalRegister)) continue;
    if (s.name_offset >= from && s.name_offset < offset + 1) continue;  // the name being typed
    add(s.name, kind_name(s.kind), detail(doc, s));
  }
  // The standard gates the source can call: OpenQASM 2's with qelib1.inc (U and CX always);
  // OpenQASM 3's with stdgates.inc (U and gphase always).
  const bool qasm3 = doc.language == Format::Qasm3;
  const bool library = qasm3 ? includes(doc, "stdgates.inc") : includes(doc, "qelib1.inc");
  auto add_gate = [&](std::string_view name, const GateRow& row) {
    Symbol s;
    s.gate_row = row.id;
    s.kind = SymbolKind::StandardGate;
    s.num_params = row.num_params;
    s.num_qubits = row.num_qubits;
    add(std::string(name), "gate", detail(doc, s));
  };
  if (qasm3) {  // U always; stdgates.inc's names with it
    if (const GateRow* u = find_gate("U")) add_gate("U", *u);
    if (library)
      for (std::string_view n : stdgates_names())
        if (const GateRow* row = find_gate_spelling(n)) add_gate(n, *row);
  } else {
    for (const GateRow& row : gate_rows())
      if (row.in(kPrimitive) || (library && row.in(kQasm2))) add_gate(row.name, row);
  }
  for (const char* k : qasm3 ? std::vector<const char*>(std::begin(kQasm3Keywords), std::end(kQasm3Keywords))
                             : std::vector<const char*>(std::begin(kQasm2Keywords), std::end(kQasm2Keywords)))
    add(k, "keyword", "");
  return out;
}

Rename rename(const Document& doc, size_t offset, std::string_view new_name) {
  Rename r;
  const SymbolUse* at = use_at(doc, offset);
  if (!at) {
    r.error = "there is no name here that qvet can rename";
    return r;
  }
  const Symbol& s = doc.index.symbols[static_cast<size_t>(at->symbol)];
  if (s.kind == SymbolKind::StandardGate) {
    r.error = "'" + s.name + "' is a standard gate: its name is the gate library's, not the program's";
    return r;
  }
  if (!is_identifier(doc.language, new_name)) {
    r.error = "'" + std::string(new_name) + "' is not an identifier" +
              (doc.language == Format::Qasm2 ? " (in OpenQASM 2 a name starts with a lower-case letter)" : "");
    return r;
  }
  if (is_keyword(doc.language, new_name)) {
    r.error = "'" + std::string(new_name) + "' is a keyword";
    return r;
  }
  if (new_name == s.name) {
    r.ok = true;
    return r;
  }
  const bool local = s.parent >= 0;
  // A register's or a gate's name shares the program's one namespace with the standard gates it
  // can call: U and CX always, the library's once included.
  if (!local) {
    const bool qasm3 = doc.language == Format::Qasm3;
    const bool library = includes(doc, qasm3 ? "stdgates.inc" : "qelib1.inc");
    const GateRow* row = qasm3 ? nullptr : find_gate(new_name, kQasm2 | kPrimitive);
    const bool taken =
        qasm3 ? (new_name == "U" || (library && in_stdgates(new_name))) : row && (library || row->in(kPrimitive));
    if (taken) {
      r.error = "'" + std::string(new_name) + "' is a standard gate's name";
      return r;
    }
  }
  // No other name of the same scope, nor one the scope sees, may be called so: the program would
  // mean something else (or stop being valid).
  for (const Symbol& o : doc.index.symbols) {
    if (o.name != new_name || &o == &s) continue;
    const bool visible = local ? (o.parent == s.parent || o.parent < 0) : o.parent < 0;
    if (visible) {
      r.error = "'" + std::string(new_name) + "' is already the name of a " + kind_name(o.kind) + " here";
      return r;
    }
  }
  for (const SymbolUse& u : doc.index.uses)
    if (u.symbol == at->symbol) r.edits.push_back({span_of(doc, u.offset, u.length), std::string(new_name)});
  r.ok = true;
  return r;
}

std::vector<DocumentSymbol> document_symbols(const Document& doc) {
  std::vector<DocumentSymbol> out;
  std::vector<int32_t> entry(doc.index.symbols.size(), -1);  // symbol -> its entry
  for (size_t i = 0; i < doc.index.symbols.size(); ++i) {
    const Symbol& s = doc.index.symbols[i];
    if (s.kind == SymbolKind::StandardGate) continue;
    DocumentSymbol d;
    d.name = s.name;
    d.kind = kind_name(s.kind);
    d.detail = detail(doc, s);
    d.name_span = span_of(doc, s.name_offset, s.name_length);
    d.span = s.decl_length ? span_of(doc, s.decl_offset, s.decl_length) : d.name_span;
    d.parent = s.parent >= 0 ? entry[static_cast<size_t>(s.parent)] : -1;
    entry[i] = static_cast<int32_t>(out.size());
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace qvet::service
