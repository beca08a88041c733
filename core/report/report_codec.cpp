#include "report/report_codec.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <type_traits>

namespace qvet {

namespace {

// The first bytes of every encoding. Change the last one with any change to the fields below, so a
// cache written by another layout is a miss, never a wrong report.
constexpr std::string_view kMagic = "qvet-report\x02";

// Every field is visited by one function per struct (below), for writing and for reading alike,
// so the two cannot drift apart. Numbers are their bytes (little-endian on every target qvet
// builds for, x86-64 and WebAssembly, so a cache is shared by the native and the npm CLI); a
// string or a list is its length, then its contents.
struct Writer {
  std::string out;
  template <class T>
  void raw(const T& v) {
    static_assert(std::is_arithmetic_v<T> || std::is_enum_v<T>);
    char b[sizeof(T)];
    std::memcpy(b, &v, sizeof(T));
    out.append(b, sizeof(T));
  }
  void text(const std::string& s) {
    raw(static_cast<uint64_t>(s.size()));
    out += s;
  }
  template <class T, class Each>
  void list(const std::vector<T>& v, Each each) {
    raw(static_cast<uint64_t>(v.size()));
    for (const T& x : v) each(const_cast<T&>(x));
  }
};

struct Reader {
  std::string_view in;
  bool ok = true;
  bool take(void* to, size_t n) {
    if (!ok || in.size() < n) return ok = false;
    std::memcpy(to, in.data(), n);
    in.remove_prefix(n);
    return true;
  }
  template <class T>
  void raw(T& v) {
    static_assert(std::is_arithmetic_v<T> || std::is_enum_v<T>);
    if constexpr (std::is_same_v<T, bool>) {  // a byte that is 0 or 1, never copied into a bool
      uint8_t b = 0;
      take(&b, 1);
      if (b > 1) ok = false;
      v = b == 1;
    } else if (!take(&v, sizeof(T))) {
      v = T{};
    }
  }
  // A length no greater than the bytes left (each element takes at least one): a corrupt length
  // fails here instead of asking for gigabytes.
  bool length(uint64_t* n) {
    raw(*n);
    if (ok && *n > in.size()) ok = false;
    return ok;
  }
  void text(std::string& s) {
    uint64_t n = 0;
    if (!length(&n)) return;
    s.assign(in.data(), static_cast<size_t>(n));
    in.remove_prefix(static_cast<size_t>(n));
  }
  // Elements are added as they decode, so what is allocated follows the bytes there are (a
  // length that promises more than the bytes hold ends in a miss, not in gigabytes).
  template <class T, class Each>
  void list(std::vector<T>& v, Each each) {
    uint64_t n = 0;
    if (!length(&n)) return;
    v.clear();
    v.reserve(static_cast<size_t>(std::min<uint64_t>(n, 64)));
    for (uint64_t k = 0; k < n && ok; ++k) {
      T x{};
      each(x);
      if (ok) v.push_back(std::move(x));
    }
  }
};

// A new field in one of these structs must be visited below: its size changes, and this stops
// the build until the sizes here (an x86-64 build's) and the visit are brought up to date.
#if UINTPTR_MAX == UINT64_MAX && defined(__x86_64__)
static_assert(sizeof(Report) == 1184 && sizeof(Metrics) == 56 && sizeof(OperationInfo) == 240 &&
                  sizeof(RegisterInfo) == 40 && sizeof(CustomGateInfo) == 48 && sizeof(BackendTranslation) == 80 &&
                  sizeof(BackendReport) == 360 && sizeof(Simulation) == 336 && sizeof(Diagnostic) == 128 &&
                  sizeof(Span) == 28 && sizeof(GateCount) == 40 && sizeof(Fix) == 56 && sizeof(TextEdit) == 64,
              "a report struct changed: visit its new fields in report_codec.cpp and change kMagic");
#endif

template <class Io, class T>
std::enable_if_t<std::is_arithmetic_v<T> || std::is_enum_v<T>> visit(Io& io, T& v) {
  io.raw(v);
}
template <class Io>
void visit(Io& io, std::string& s) {
  io.text(s);
}
template <class Io>
void visit(Io& io, std::complex<double>& c) {
  double re = c.real(), im = c.imag();
  io.raw(re);
  io.raw(im);
  c = {re, im};
}
template <class Io, class A, class B>
void visit(Io& io, std::pair<A, B>& p);
template <class Io>
void visit(Io& io, Span& s);
template <class Io>
void visit(Io& io, TextEdit& e);
template <class Io>
void visit(Io& io, Fix& f);
template <class Io>
void visit(Io& io, Diagnostic& d);
template <class Io>
void visit(Io& io, GateCount& g);
template <class Io>
void visit(Io& io, Metrics& m);
template <class Io>
void visit(Io& io, OperationInfo& o);
template <class Io>
void visit(Io& io, RegisterInfo& r);
template <class Io>
void visit(Io& io, CustomGateInfo& g);
template <class Io>
void visit(Io& io, BackendTranslation& t);
template <class Io>
void visit(Io& io, BackendReport& b);
template <class Io>
void visit(Io& io, Simulation& s);

template <class Io, class T>
void visit(Io& io, std::vector<T>& v) {
  io.list(v, [&io](T& x) { visit(io, x); });
}

// Each struct's fields in declaration order: `visit(io, a, b, c)`.
template <class Io, class First, class... Rest>
void visit(Io& io, First& first, Rest&... rest) {
  visit(io, first);
  (visit(io, rest), ...);
}

template <class Io, class A, class B>
void visit(Io& io, std::pair<A, B>& p) {
  visit(io, p.first, p.second);
}
template <class Io>
void visit(Io& io, Span& s) {
  visit(io, s.offset, s.length, s.line, s.column, s.end_line, s.end_column, s.cell);
}
template <class Io>
void visit(Io& io, TextEdit& e) {
  visit(io, e.span, e.text);
}
template <class Io>
void visit(Io& io, Fix& f) {
  visit(io, f.title, f.edits);
}
template <class Io>
void visit(Io& io, Diagnostic& d) {
  visit(io, d.severity, d.code, d.message, d.span, d.fixes);
}
template <class Io>
void visit(Io& io, GateCount& g) {
  visit(io, g.name, g.count);
}
template <class Io>
void visit(Io& io, Metrics& m) {
  visit(io, m.size, m.depth, m.nonlocal_gates, m.two_qubit_gates, m.gate_types);
}
template <class Io>
void visit(Io& io, OperationInfo& o) {
  visit(io, o.name, o.qubits, o.clbits, o.params, o.param_text, o.layer, o.has_condition, o.condition_creg,
        o.condition_value, o.span);
}
template <class Io>
void visit(Io& io, RegisterInfo& r) {
  visit(io, r.name, r.size);
}
template <class Io>
void visit(Io& io, CustomGateInfo& g) {
  visit(io, g.name, g.num_params, g.num_qubits, g.opaque, g.line);
}
template <class Io>
void visit(Io& io, BackendTranslation& t) {
  visit(io, t.gate, t.count, t.each, t.translation);
}
template <class Io>
void visit(Io& io, BackendReport& b) {
  visit(io, b.name, b.processor, b.source, b.qubits, b.couplers, b.basis, b.directed, b.fits, b.translations,
        b.basis_counts, b.translation_complete, b.uncoupled, b.layout_status, b.layout, b.layout_note, b.layout_steps,
        b.swaps_lower_bound, b.swaps_lower_bound_as_written, b.duration_s, b.success_probability, b.notes);
}
template <class Io>
void visit(Io& io, Simulation& s) {
  visit(io, s.ok, s.error, s.method, s.precision, s.threads, s.qubits, s.shots, s.seed, s.measured_all, s.counts,
        s.has_probabilities, s.probabilities_truncated, s.probabilities, s.statevector, s.expectation_values);
}
template <class Io>
void visit_report(Io& io, Report& r) {
  visit(io, r.valid, r.format, r.circuit, r.parameters, r.version, r.circuit_hash, r.qubits, r.clbits, r.gates,
        r.metrics, r.expanded, r.estimated_execution_time, r.ops_per_qubit, r.qregs, r.cregs, r.custom_gates,
        r.operations, r.operations_truncated, r.diagnostics, r.dropped_diagnostics, r.suppressed_diagnostics,
        r.has_simulation, r.simulation, r.has_backend, r.backend);
}

}  // namespace

std::string encode_report(const Report& report) {
  Writer w;
  w.out.reserve(512);
  w.out += kMagic;
  visit_report(w, const_cast<Report&>(report));  // the writer only reads
  return std::move(w.out);
}

bool decode_report(std::string_view bytes, Report* out) {
  if (bytes.substr(0, kMagic.size()) != kMagic) return false;
  Reader r{bytes.substr(kMagic.size())};
  *out = Report{};
  visit_report(r, *out);
  return r.ok && r.in.empty();
}

}  // namespace qvet
