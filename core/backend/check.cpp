#include "backend/check.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "backend/layout.hpp"
#include "backend/translate.hpp"
#include "circuit/expand.hpp"

namespace qvet::backend {

namespace {

constexpr int kMaxConnectivityWarnings = 10;  // one story per circuit, not one per gate

// A standard-gate (or measure/reset/barrier) application after expanding the program's own gates,
// with the index of the top-level instruction it comes from (whose span a finding points at).
struct Leaf {
  OpKind kind;
  int32_t gate;  // index into Circuit::gates (a standard gate) when kind == Gate
  uint32_t src;
  uint32_t qubit_begin, qubit_count;
};

struct Expansion {
  explicit Expansion(const Circuit& c) : expander(c) {}

  GateExpander expander;
  std::vector<Leaf> leaves;
  std::vector<uint32_t> qubits;

  void add(OpKind kind, int32_t gate, const uint32_t* q, uint32_t nq, uint32_t src) {
    leaves.push_back({kind, gate, src, static_cast<uint32_t>(qubits.size()), nq});
    qubits.insert(qubits.end(), q, q + nq);
  }
  void instruction(const Circuit& c, const Instruction& op, uint32_t src) {
    if (op.kind != OpKind::Gate) return add(op.kind, -1, c.qubits(op), op.qubit_count, src);
    auto leaves_of = [&](int32_t gate) {
      expander.expand<false>(gate, nullptr, c.qubits(op), [&](const ExpandedOp& leaf) {
        // A barrier inside a gate body schedules nothing on hardware.
        if (!leaf.barrier()) add(leaf.kind, leaf.gate, leaf.qubits, leaf.num_qubits, src);
        return true;
      });
    };
    leaves_of(op.gate);
    // Either branch of an if_else may run on the device.
    if (c.gates[op.gate].else_gate >= 0) leaves_of(c.gates[op.gate].else_gate);
  }
};

std::string list_basis(const Backend& b) {
  std::string s;
  for (const std::string& g : b.basis) s += (s.empty() ? "" : ", ") + g;
  return s;
}

}  // namespace

void check(const Circuit& c, const SourceMap& map, const Options& opt, const Backend& b, DiagnosticSink& sink,
           BackendReport& out) {
  out.name = b.name;
  out.processor = b.processor;
  out.source = b.source;
  out.qubits = b.num_qubits;
  out.couplers = b.edges.size();
  out.basis = b.basis;
  out.directed = b.directed;
  if (b.directed)
    out.notes.push_back(
        "the coupling map lists some couplers in one direction only; directions are not modelled "
        "(reversing a two-qubit gate costs a few one-qubit gates)");

  Expansion x(c);
  for (uint32_t i = 0; i < c.ops.size(); ++i) x.instruction(c, c.ops[i], i);
  auto span_of = [&](uint32_t src) { return map.span(c.ops[src].src_offset, c.ops[src].src_length); };

  // ---- fit
  out.fits = c.num_qubits <= b.num_qubits;
  if (!out.fits) {
    Span where = map.span(0, 0);
    for (const Register& r : c.qregs)
      if (r.offset + r.size > b.num_qubits) {
        where = r.span;
        break;
      }
    sink.add({Severity::Error, "E701",
              "the circuit has " + std::to_string(c.num_qubits) + " qubits; " + b.name + " has " +
                  std::to_string(b.num_qubits),
              where});
  }

  // ---- translation: one table entry per gate used, one warning per gate outside the basis
  std::vector<int32_t> entry(c.gates.size(), -1);
  std::vector<Translation> table;
  std::vector<uint32_t> first_use;
  std::vector<int32_t> gate_of;  // per table entry, the gate it translates
  std::map<std::string, uint64_t> totals;
  // U and CX are Qiskit's u and cx: one entry (and one warning) with the qelib1 gates of their name.
  auto canonical = [&](int32_t gate) {
    const GateRow* row = c.gates[gate].std;
    if (row && row->in(kPrimitive))
      if (const GateRow* same = find_gate(row->qiskit_name, kQasm2)) return static_cast<int32_t>(same->id);
    return gate;
  };
  for (const Leaf& l : x.leaves) {
    if (l.kind != OpKind::Gate) continue;
    const int32_t key = canonical(l.gate);
    if (entry[key] < 0) {
      const GateDef& d = c.gates[key];
      entry[key] = static_cast<int32_t>(table.size());
      table.push_back(translate(b, d.std, d.qiskit_name));
      first_use.push_back(l.src);
      gate_of.push_back(key);
      out.translations.push_back(
          {d.qiskit_name, 0, table.back().known ? static_cast<int64_t>(table.back().total) : -1, table.back().text});
    }
    entry[l.gate] = entry[key];
    ++out.translations[entry[l.gate]].count;
  }
  for (size_t k = 0; k < table.size(); ++k) {
    const Translation& t = table[k];
    BackendTranslation& bt = out.translations[k];
    if (!t.known) out.translation_complete = false;
    for (const auto& [g, n] : t.counts) totals[g] += n * bt.count;
    if (t.direct) continue;
    const std::string where = bt.count == 1 ? "once" : std::to_string(bt.count) + " times";
    if (t.known)
      sink.add({Severity::Warning, "W701",
                "'" + bt.gate + "' is not a basis gate of " + b.name + " (" + list_basis(b) + "): each becomes " +
                    std::to_string(t.total) + " basis gate" + (t.total == 1 ? "" : "s") + " (" + t.text + "); used " +
                    where,
                span_of(first_use[k])});
    else if (c.gates[gate_of[k]].opaque)
      sink.add({Severity::Warning, "W701",
                "'" + bt.gate + "' is an opaque gate, not a basis gate of " + b.name + " (" + list_basis(b) +
                    "): it has no definition, so what it becomes on the device is unknown (used " + where + ")",
                span_of(first_use[k])});
    else
      sink.add({Severity::Warning, "W701",
                "'" + bt.gate + "' has no fixed translation into " + b.name + "'s basis (" + list_basis(b) +
                    "); the transpiler synthesises it (used " + where + ")",
                span_of(first_use[k])});
  }
  out.translations.erase(std::remove_if(out.translations.begin(), out.translations.end(),
                                        [&](const BackendTranslation& t) {
                                          return t.each == 1 &&
                                                 std::find(b.basis.begin(), b.basis.end(), t.gate) != b.basis.end();
                                        }),
                         out.translations.end());
  for (const auto& [g, n] : totals) out.basis_counts.push_back({g, n});
  std::stable_sort(out.basis_counts.begin(), out.basis_counts.end(),
                   [](const GateCount& a, const GateCount& z) { return a.count > z.count; });
  uint64_t measures = 0;
  for (const Leaf& l : x.leaves) measures += l.kind == OpKind::Measure;
  if (measures) out.basis_counts.push_back({"measure", measures});

  // ---- connectivity
  const Graph device = Graph::from_edges(b.num_qubits, b.edges);
  Graph interactions(c.num_qubits);
  {
    std::vector<Edge> pairs;
    for (const Leaf& l : x.leaves) {
      if (l.kind != OpKind::Gate || l.qubit_count < 2) continue;
      const uint32_t* q = x.qubits.data() + l.qubit_begin;
      for (uint32_t i = 0; i < l.qubit_count; ++i)
        for (uint32_t j = i + 1; j < l.qubit_count; ++j) pairs.emplace_back(std::min(q[i], q[j]), std::max(q[i], q[j]));
    }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    interactions = Graph::from_edges(c.num_qubits, pairs);
  }
  if (!out.fits) {
    out.layout_status = "not checked";
    out.layout_note = "the circuit does not fit the device";
  } else {
    // As written: circuit qubit i on device qubit i.
    std::map<uint32_t, std::vector<uint32_t>> dist;  // BFS rows, computed per source on demand
    const bool small = b.num_qubits <= 4096;
    int64_t as_written = 0;
    int warned = 0;
    for (const Leaf& l : x.leaves) {
      if (l.kind != OpKind::Gate || l.qubit_count < 2) continue;
      const uint32_t* q = x.qubits.data() + l.qubit_begin;
      for (uint32_t i = 0; i < l.qubit_count; ++i)
        for (uint32_t j = i + 1; j < l.qubit_count; ++j) {
          if (device.has(q[i], q[j])) continue;
          ++out.uncoupled;
          uint32_t d = UINT32_MAX;
          if (small) {
            auto it = dist.find(q[i]);
            if (it == dist.end()) it = dist.emplace(q[i], device.distances(q[i])).first;
            d = it->second[q[j]];
          }
          if (as_written >= 0) as_written = d == UINT32_MAX ? -1 : std::max<int64_t>(as_written, d - 1);
          if (warned++ < kMaxConnectivityWarnings) {
            const std::string how = d == UINT32_MAX
                                        ? (small ? "they are not connected at all" : "distance not computed")
                                        : "they are " + std::to_string(d) + " couplers apart";
            sink.add({Severity::Warning, "W702",
                      "'" + c.gates[l.gate].qiskit_name + "' acts on qubits " + std::to_string(q[i]) + " and " +
                          std::to_string(q[j]) + ", which " + b.name + " does not couple (" + how +
                          "); with qubits placed as written this needs SWAPs",
                      span_of(l.src)});
          }
        }
    }
    out.swaps_lower_bound_as_written = small ? as_written : -1;
    if (out.uncoupled == 0) {
      out.layout_status = "as written";
      out.swaps_lower_bound = 0;
      out.swaps_lower_bound_as_written = 0;
      out.layout.resize(c.num_qubits);
      for (uint32_t q = 0; q < c.num_qubits; ++q) out.layout[q] = static_cast<int32_t>(q);
    } else {
      if (out.uncoupled > static_cast<uint64_t>(kMaxConnectivityWarnings))
        out.notes.push_back(std::to_string(out.uncoupled) +
                            " interactions land on uncoupled pairs as written; the first " +
                            std::to_string(kMaxConnectivityWarnings) + " are reported");
      const LayoutResult r = find_layout(interactions, device, opt.limits.max_layout_steps);
      out.layout_steps = r.steps;
      const Span first = [&]() {
        for (const Leaf& l : x.leaves)
          if (l.kind == OpKind::Gate && l.qubit_count >= 2) return span_of(l.src);
        return map.span(0, 0);
      }();
      if (r.status == LayoutResult::Found) {
        out.layout_status = "found";
        out.layout = r.physical;
        out.swaps_lower_bound = 0;
        out.layout_note = "placing circuit qubit i on device qubit layout[i] needs no SWAP";
      } else if (r.status == LayoutResult::None) {
        out.layout_status = "none";
        out.swaps_lower_bound = 1;
        out.layout_note = r.why;
        sink.add(
            {Severity::Warning, "W703",
             "no placement of the circuit's qubits on " + b.name + " avoids SWAPs: " + r.why +
                 "; at least 1 SWAP is needed" +
                 (out.swaps_lower_bound_as_written > 1
                      ? " (at least " + std::to_string(out.swaps_lower_bound_as_written) + " with qubits as written)"
                      : ""),
             first});
      } else {
        out.layout_status = "unknown";
        out.layout_note = "the search stopped after " + std::to_string(r.steps) +
                          " candidate checks (max_layout_steps) without an answer";
        sink.add({Severity::Warning, "W704",
                  "whether some placement on " + b.name + " avoids SWAPs is unknown: " + out.layout_note, first});
      }
    }
  }

  // ---- duration (critical path) and reliability
  bool duration_known = true, error_known = b.readout_error >= 0 || measures == 0;
  std::vector<double> gate_time(table.size(), 0), gate_log(table.size(), 0);
  for (size_t k = 0; k < table.size(); ++k) {
    if (!table[k].known) {
      duration_known = error_known = false;
      continue;
    }
    for (const auto& [g, n] : table[k].counts) {
      auto d = b.duration_s.find(g);
      auto e = b.error.find(g);
      if (d == b.duration_s.end())
        duration_known = false;
      else
        gate_time[k] += static_cast<double>(n) * d->second;
      if (e == b.error.end())
        error_known = false;
      else
        gate_log[k] += static_cast<double>(n) * std::log1p(-std::min(e->second, 1.0 - 1e-15));
    }
  }
  if (duration_known) {
    std::vector<double> finish(c.num_qubits, 0);
    const double readout = b.readout_duration_s >= 0 ? b.readout_duration_s : 0;
    double longest = 0;
    for (const Leaf& l : x.leaves) {
      const uint32_t* q = x.qubits.data() + l.qubit_begin;
      double start = 0;
      for (uint32_t i = 0; i < l.qubit_count; ++i) start = std::max(start, finish[q[i]]);
      double t = 0;
      if (l.kind == OpKind::Gate)
        t = gate_time[entry[l.gate]];
      else if (l.kind == OpKind::Measure)
        t = readout;
      for (uint32_t i = 0; i < l.qubit_count; ++i) finish[q[i]] = start + t;  // a barrier lines them up
      longest = std::max(longest, start + t);
    }
    out.duration_s = longest;
    if (b.readout_duration_s < 0 && measures)
      out.notes.push_back("measurement time is not included: the profile has no readout duration");
  }
  if (error_known) {
    double log_p = 0;
    for (const Leaf& l : x.leaves) {
      if (l.kind == OpKind::Gate)
        log_p += gate_log[entry[l.gate]];
      else if (l.kind == OpKind::Measure)
        log_p += std::log1p(-std::min(b.readout_error, 1.0 - 1e-15));
    }
    out.success_probability = std::exp(log_p);
  }
  if (!duration_known) out.notes.push_back("duration unknown: the backend lacks a duration for some basis gate");
  if (!error_known)
    out.notes.push_back("success probability unknown: the backend lacks an error rate for some gate or the readout");
}

}  // namespace qvet::backend
