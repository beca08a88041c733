#include <cstdio>

#include "render.hpp"

namespace qvet::cli {

namespace {
// Advances through `line` by code points; returns the byte offset of 1-based column `col`.
size_t byte_of_column(std::string_view line, uint32_t col) {
  size_t i = 0;
  for (uint32_t c = 1; c < col && i < line.size(); ++c) {
    ++i;
    while (i < line.size() && (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) ++i;
  }
  return i;
}

// A line safe for a terminal: control bytes and invalid text shown as '?'.
std::string printable(std::string_view s) {
  std::string out;
  for (char ch : s) {
    unsigned char u = static_cast<unsigned char>(ch);
    out += (u < 0x20 && ch != '\t') || u == 0x7f ? '?' : ch;
  }
  return out;
}
}  // namespace

std::string_view line_text(std::string_view src, uint32_t n) {
  size_t start = 0;
  for (uint32_t line = 1; line < n; ++line) {
    const size_t nl = src.find('\n', start);
    if (nl == std::string_view::npos) return {};
    start = nl + 1;
  }
  size_t end = src.find('\n', start);
  if (end == std::string_view::npos) end = src.size();
  if (end > start && src[end - 1] == '\r') --end;
  return src.substr(start, end - start);
}

std::string render_diagnostics(std::string_view file, std::string_view source, const Report& r, bool color) {
  std::string out;
  const char* red = color ? "\x1b[1;31m" : "";
  const char* yellow = color ? "\x1b[1;33m" : "";
  const char* bold = color ? "\x1b[1m" : "";
  const char* reset = color ? "\x1b[0m" : "";
  for (const Diagnostic& d : r.diagnostics) {
    const bool err = d.severity == Severity::Error;
    const char* tint = err ? red : d.severity == Severity::Warning ? yellow : bold;
    // In a notebook, the cell and the line within it (the JSON's own lines would mislead).
    const std::string cell = d.span.cell ? "cell " + std::to_string(d.span.cell) + ":" : std::string();
    out += std::string(bold) + std::string(file) + ":" + cell + std::to_string(d.span.line) + ":" +
           std::to_string(d.span.column) + ":" + reset + " " + tint + severity_name(d.severity) + "[" + d.code + "]" +
           reset + ": " + d.message + "\n";
    if (d.span.cell) continue;
    std::string_view line = line_text(source, d.span.line);
    if (line.size() > 200) continue;  // a minified or binary line would only add noise
    out += "  " + printable(line) + "\n  ";
    size_t start = byte_of_column(line, d.span.column);
    for (size_t i = 0; i < start; ++i) out += line[i] == '\t' ? '\t' : ' ';
    uint32_t width = 1;
    if (d.span.end_line == d.span.line && d.span.end_column > d.span.column)
      width = d.span.end_column - d.span.column;
    else if (d.span.end_line > d.span.line) {
      size_t cps = 0;
      for (size_t i = start; i < line.size(); ++i)
        if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++cps;
      width = static_cast<uint32_t>(cps ? cps : 1);
    }
    out += std::string(err ? red : yellow) + "^" + std::string(width - 1, '~') + reset + "\n";
  }
  return out;
}

std::string render_summary(std::string_view file, const Report& r) {
  size_t errors = 0, warnings = 0;
  for (const Diagnostic& d : r.diagnostics) {
    errors += d.severity == Severity::Error;
    warnings += d.severity == Severity::Warning;
  }
  std::string s(file);
  if (r.valid) {
    s += ": valid: " + std::to_string(r.qubits) + " qubits, " + std::to_string(r.clbits) + " clbits, depth " +
         std::to_string(r.metrics.depth) + ", " + std::to_string(r.gates) + " instructions (size " +
         std::to_string(r.metrics.size) + ", " + std::to_string(r.metrics.nonlocal_gates) + " multi-qubit)";
  } else {
    s += ": invalid: " + std::to_string(errors + r.dropped_diagnostics) + " error" +
         (errors + r.dropped_diagnostics == 1 ? "" : "s");
  }
  if (warnings) s += ", " + std::to_string(warnings) + " warning" + (warnings == 1 ? "" : "s");
  return s + "\n";
}

namespace {
std::string fixed(double v, int digits) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}
// Seconds in the unit a person reads: ns, us or ms.
std::string duration(double s) {
  if (s < 1e-6) return fixed(s * 1e9, 0) + " ns";
  if (s < 1e-3) return fixed(s * 1e6, 2) + " us";
  return fixed(s * 1e3, 3) + " ms";
}
}  // namespace

std::string render_backend(const Report& r) {
  if (!r.has_backend) return "";
  const BackendReport& b = r.backend;
  std::string s = "  backend " + b.name + (b.processor.empty() ? "" : " (" + b.processor + ")") + ": " +
                  std::to_string(b.qubits) + " qubits, basis";
  for (const std::string& g : b.basis) s += " " + g;
  s += "\n  fit: " + std::string(b.fits ? "yes" : "no") + " (" + std::to_string(r.qubits) + " of " +
       std::to_string(b.qubits) + " qubits)\n";
  if (b.translations.empty()) {
    s += "  gates: all in the basis\n";
  } else {
    s += "  translated:";
    for (const BackendTranslation& t : b.translations)
      s += " " + t.gate + " x" + std::to_string(t.count) +
           (t.each >= 0 ? " (" + std::to_string(t.each) + " each)" : " (no fixed translation)");
    s += "\n  after translation:";
    for (const GateCount& g : b.basis_counts) s += " " + g.name + ":" + std::to_string(g.count);
    s += "\n";
  }
  if (b.fits) {
    s += "  connectivity: " + std::to_string(b.uncoupled) + " interaction" + (b.uncoupled == 1 ? "" : "s") +
         " on uncoupled pairs as written; ";
    if (b.layout_status == "as written") {
      s += "the qubits as written need no SWAP\n";
    } else if (b.layout_status == "found") {
      s += "SWAP-free layout found:";
      for (size_t i = 0; i < b.layout.size() && i < 32; ++i)
        s += " " + std::to_string(i) + "->" + std::to_string(b.layout[i]);
      if (b.layout.size() > 32) s += " ...";
      s += "\n";
    } else if (b.layout_status == "none") {
      s += "no SWAP-free layout (" + b.layout_note + "); SWAPs needed: at least 1";
      if (b.swaps_lower_bound_as_written > 1)
        s += ", at least " + std::to_string(b.swaps_lower_bound_as_written) + " as written";
      s += "\n";
    } else {
      s += "SWAP-free layout unknown (" + b.layout_note + ")\n";
    }
  }
  s += "  estimated duration: " + (b.duration_s >= 0 ? duration(b.duration_s) : std::string("unknown")) +
       "; estimated success probability: " +
       (b.success_probability >= 0 ? fixed(b.success_probability, 4) : std::string("unknown")) + "\n";
  for (const std::string& n : b.notes) s += "  note: " + n + "\n";
  return s;
}

}  // namespace qvet::cli
