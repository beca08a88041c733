#include "service/fixes.hpp"

#include <algorithm>
#include <string>

#include "circuit/gates.hpp"

namespace qvet::service {

namespace {

// What `text` quotes between the first pair of single quotes after `after`, or "".
std::string quoted(std::string_view text, std::string_view after = "") {
  size_t at = after.empty() ? 0 : text.find(after);
  if (at == std::string_view::npos) return "";
  const size_t open = text.find('\'', at);
  const size_t close = open == std::string_view::npos ? open : text.find('\'', open + 1);
  if (close == std::string_view::npos) return "";
  return std::string(text.substr(open + 1, close - open - 1));
}

// The number after `after` in `text`, or -1.
int64_t number_after(std::string_view text, std::string_view after) {
  size_t at = text.find(after);
  if (at == std::string_view::npos) return -1;
  at += after.size();
  int64_t n = -1;
  while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
    n = (n < 0 ? 0 : n) * 10 + (text[at] - '0');
    if (n > (int64_t{1} << 40)) return -1;
    ++at;
  }
  return n;
}

// Optimal string alignment distance (a transposition counts one), capped: names are short.
size_t distance(std::string_view a, std::string_view b) {
  if (a.size() > 32 || b.size() > 32) return 99;
  size_t d[34][34];
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i)
    for (size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}

// Names other tools and papers use for qelib1.inc's gates.
std::string_view known_alias(std::string_view name) {
  static const std::pair<std::string_view, std::string_view> kAliases[] = {
      {"cnot", "cx"},   {"CNOT", "cx"},  {"toffoli", "ccx"}, {"fredkin", "cswap"}, {"i", "id"},  {"phase", "p"},
      {"cphase", "cp"}, {"sdag", "sdg"}, {"tdag", "tdg"},    {"sqrtx", "sx"},      {"cy_", "cy"}};
  for (const auto& [from, to] : kAliases)
    if (name == from) return to;
  return {};
}

// Where an include goes: the start of the line after the version statement (or of the file).
size_t include_position(std::string_view src) {
  const size_t v = src.find("OPENQASM");
  if (v == std::string_view::npos) return 0;
  const size_t nl = src.find('\n', v);
  return nl == std::string_view::npos ? src.size() : nl + 1;
}

class Fixer {
 public:
  Fixer(std::string_view src, const SourceMap& map, const SymbolIndex& index, Format language)
      : src_(src), map_(map), index_(index), language_(language) {}

  std::vector<Fix> for_diagnostic(const Diagnostic& d) const {
    std::vector<Fix> out;
    if (d.code == "W101" && language_ == Format::Qasm2) {
      out.push_back(insert("Add the version line 'OPENQASM 2.0;'", 0, "OPENQASM 2.0;\n"));
    } else if (d.code == "E305") {
      unknown_gate(d, out);
    } else if (d.code == "E204") {
      grow_register(d, out);
    } else if (d.code == "W202" || d.code == "W205") {
      remove_declaration(d, out);
    }
    return out;
  }

 private:
  Fix insert(std::string title, size_t offset, std::string text) const {
    return Fix{std::move(title), {TextEdit{map_.span(offset, 0), std::move(text)}}};
  }
  Fix replace(std::string title, size_t offset, size_t length, std::string text) const {
    return Fix{std::move(title), {TextEdit{map_.span(offset, length), std::move(text)}}};
  }

  size_t after_version() const { return include_position(src_); }

  bool included(std::string_view file) const {
    return std::find(index_.includes.begin(), index_.includes.end(), file) != index_.includes.end();
  }

  void unknown_gate(const Diagnostic& d, std::vector<Fix>& out) const {
    const std::string name = quoted(d.message);  // "unknown gate 'x'" (2), "gate 'x' is not defined" (3)
    if (name.empty() || d.span.offset + d.span.length > src_.size() ||
        src_.substr(d.span.offset, d.span.length) != name)
      return;
    const bool qasm3 = language_ == Format::Qasm3;
    const char* library = qasm3 ? "stdgates.inc" : "qelib1.inc";
    const bool in_library = qasm3 ? in_stdgates(name) : find_gate(name, kQasm2) != nullptr;
    if (in_library && !included(library)) {  // a library gate without the library
      const std::string line = std::string("include \"") + library + "\";\n";
      out.push_back(insert("Add '" + line.substr(0, line.size() - 1) + "'", after_version(), line));
      return;
    }
    // Another spelling of a gate the program can call, or the one callable name a letter away.
    std::vector<std::string> callable;
    if (qasm3) {
      callable.emplace_back("U");
      if (included(library))
        for (std::string_view n : stdgates_names()) callable.emplace_back(n);
    } else {
      for (const GateRow& r : gate_rows())
        if (r.in(kPrimitive) || (included(library) && r.in(kQasm2))) callable.emplace_back(r.name);
    }
    for (const Symbol& s : index_.symbols)
      if (s.kind == SymbolKind::Gate || s.kind == SymbolKind::Opaque || s.kind == SymbolKind::Subroutine)
        callable.push_back(s.name);
    std::string to(known_alias(name));
    if (!to.empty() && std::find(callable.begin(), callable.end(), to) == callable.end()) to.clear();
    if (to.empty()) {
      size_t best = 99, ties = 0;
      const size_t allowed = name.size() >= 5 ? 2 : 1;
      for (const std::string& c : callable) {
        const size_t k = distance(name, c);
        if (k < best) best = k, ties = 0, to = c;
        if (k == best && c != to) ++ties;
      }
      if (best > allowed || ties > 0) return;  // nothing close, or more than one: not certain
    }
    out.push_back(replace("Change '" + name + "' to '" + to + "'", d.span.offset, d.span.length, to));
  }

  void grow_register(const Diagnostic& d, std::vector<Fix>& out) const {
    const int64_t index = number_after(d.message, "index ");
    const std::string reg = quoted(d.message, "out of range");
    if (index < 0 || reg.empty()) return;
    for (const Symbol& s : index_.symbols) {
      if (s.name != reg || s.parent >= 0 ||
          (s.kind != SymbolKind::QuantumRegister && s.kind != SymbolKind::ClassicalRegister))
        continue;
      // The size as written in its declaration: the brackets of its type before the name
      // (`qubit[2] q`), else those after it (`qreg q[2]`), never an initialiser's (`= measure q[0]`).
      const size_t name_end = s.name_offset + s.name_length;
      const std::string_view type = src_.substr(s.decl_offset, s.name_offset - s.decl_offset);
      std::string_view after = src_.substr(name_end, s.decl_offset + s.decl_length - name_end);
      after = after.substr(0, std::min(after.find('='), after.find(';')));
      const bool before = type.find('[') != std::string_view::npos;
      const std::string_view part = before ? type : after;
      const size_t base = before ? s.decl_offset : name_end;
      const size_t open = part.find('['), close = part.find(']');
      if (open == std::string_view::npos || close == std::string_view::npos || close <= open + 1) return;
      const std::string_view size = part.substr(open + 1, close - open - 1);
      if (size.find_first_not_of("0123456789") != std::string_view::npos) return;  // a constant: not certain
      const bool quantum = s.kind == SymbolKind::QuantumRegister;
      const std::string n = std::to_string(index + 1);
      out.push_back(
          replace("Grow '" + reg + "' to " + n + (quantum ? " qubits" : " bits"), base + open + 1, size.size(), n));
      return;
    }
  }

  // The declaration of an unused register or gate, with its line when it is alone there.
  void remove_declaration(const Diagnostic& d, std::vector<Fix>& out) const {
    const std::string name = quoted(d.message);
    for (const Symbol& s : index_.symbols) {
      if (s.name != name || s.parent >= 0 || s.decl_length == 0) continue;
      const bool reg = s.kind == SymbolKind::QuantumRegister || s.kind == SymbolKind::ClassicalRegister;
      if ((d.code == "W202") != reg || (!reg && s.kind != SymbolKind::Gate && s.kind != SymbolKind::Opaque)) continue;
      size_t from = s.decl_offset, to = s.decl_offset + s.decl_length;
      size_t line_start = from;
      while (line_start > 0 && (src_[line_start - 1] == ' ' || src_[line_start - 1] == '\t')) --line_start;
      size_t line_end = to;
      while (line_end < src_.size() && (src_[line_end] == ' ' || src_[line_end] == '\t' || src_[line_end] == '\r'))
        ++line_end;
      if ((line_start == 0 || src_[line_start - 1] == '\n') && (line_end == src_.size() || src_[line_end] == '\n')) {
        from = line_start;
        to = line_end < src_.size() ? line_end + 1 : line_end;
      }
      out.push_back(replace(std::string("Remove the unused ") + (reg ? "register '" : "gate '") + name + "'", from,
                            to - from, ""));
      return;
    }
  }

  std::string_view src_;
  const SourceMap& map_;
  const SymbolIndex& index_;
  Format language_;
};

}  // namespace

void attach_fixes(Report& report, std::string_view src, const SourceMap& map, const SymbolIndex& index,
                  Format language) {
  const Fixer fixer(src, map, index, language);
  for (Diagnostic& d : report.diagnostics) d.fixes = fixer.for_diagnostic(d);
  // OpenQASM 3 gates read as Braket's built-ins (W124): `include "stdgates.inc";` makes them
  // Qiskit's, but hides Braket's other names (cnot, phaseshift, ...), so it is offered only when
  // every such name is one of stdgates.inc's.
  if (language != Format::Qasm3 ||
      std::find(index.includes.begin(), index.includes.end(), "stdgates.inc") != index.includes.end())
    return;
  bool all_std = true, any = false;
  for (const Diagnostic& d : report.diagnostics)
    if (d.code == "W124") {
      any = true;
      all_std = all_std && in_stdgates(quoted(d.message));
    }
  if (!any || !all_std) return;
  const size_t at = include_position(src);
  for (Diagnostic& d : report.diagnostics)
    if (d.code == "W124")
      d.fixes.push_back(
          Fix{"Add 'include \"stdgates.inc\";'", {TextEdit{map.span(at, 0), "include \"stdgates.inc\";\n"}}});
}

}  // namespace qvet::service
