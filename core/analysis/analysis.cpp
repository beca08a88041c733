#include "analysis/analysis.hpp"

#include "circuit/expand.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>

namespace qvet::analysis {

namespace {

// Qiskit's depth(): one counter per qubit and clbit (clbits after the qubits).
class DepthCounter {
 public:
  DepthCounter(const Circuit& c) : c_(c), nq_(c.num_qubits), stack_(c.num_qubits + c.num_clbits, 0) {}

  // Returns the instruction's level after placing it (1-based for operations; for a directive,
  // the level it lines its qubits up to).
  // `block` is a control-flow block's clbits (GateDef::clbits), counted like a measurement's.
  uint64_t place(const uint32_t* qubits, uint32_t nqubits, int32_t clbit, int32_t condition, bool directive,
                 const std::vector<uint32_t>* block = nullptr) {
    const uint64_t inc = directive ? 0 : 1;
    uint64_t level = 0;
    for (uint32_t k = 0; k < nqubits; ++k) level = std::max(level, stack_[qubits[k]] + inc);
    if (clbit >= 0) level = std::max(level, stack_[nq_ + clbit] + inc);
    if (block)
      for (uint32_t b : *block) level = std::max(level, stack_[nq_ + b] + inc);
    const Condition* cond = condition >= 0 ? &c_.conditions[condition] : nullptr;
    // A condition reads each of its bits (a register's, or one); Qiskit counts them one level on.
    if (cond)
      for (uint32_t b = 0; b < cond->clbit_count; ++b) level = std::max(level, stack_[nq_ + cond->clbit_begin + b] + 1);
    for (uint32_t k = 0; k < nqubits; ++k) stack_[qubits[k]] = level;
    if (clbit >= 0) stack_[nq_ + clbit] = level;
    if (block)
      for (uint32_t b : *block) stack_[nq_ + b] = level;
    if (cond)
      for (uint32_t b = 0; b < cond->clbit_count; ++b) stack_[nq_ + cond->clbit_begin + b] = level;
    depth_ = std::max(depth_, level);
    return level;
  }
  uint64_t depth() const { return depth_; }

 private:
  const Circuit& c_;
  uint32_t nq_;
  std::vector<uint64_t> stack_;
  uint64_t depth_ = 0;
};

// count_ops(): counts per name, ordered by count (descending) then by first appearance.
class OpCounter {
 public:
  void add(const std::string& name, uint64_t n = 1) {
    auto it = index_.find(name);
    if (it == index_.end()) {
      index_.emplace(name, entries_.size());
      entries_.push_back({name, n});
    } else {
      entries_[it->second].count += n;
    }
  }
  std::vector<GateCount> sorted() const {
    std::vector<GateCount> out = entries_;
    std::stable_sort(out.begin(), out.end(), [](const GateCount& a, const GateCount& b) { return a.count > b.count; });
    return out;
  }

 private:
  std::unordered_map<std::string, size_t> index_;
  std::vector<GateCount> entries_;
};

const std::string& kMeasure = kind_name(OpKind::Measure);
const std::string& kReset = kind_name(OpKind::Reset);
const std::string& kBarrier = kind_name(OpKind::Barrier);

// Per-name counting keyed by gate index first (cheap), names resolved once at the end.
struct KeyedCounts {
  std::vector<uint64_t> by_gate;
  std::vector<int64_t> first_seen_gate;
  uint64_t measure = 0, reset = 0, barrier = 0;
  int64_t first_measure = -1, first_reset = -1, first_barrier = -1;
  int64_t seq = 0;

  explicit KeyedCounts(size_t ngates) : by_gate(ngates, 0), first_seen_gate(ngates, -1) {}
  void gate(int g) {
    if (first_seen_gate[g] < 0) first_seen_gate[g] = seq;
    ++by_gate[g];
    ++seq;
  }
  void other(uint64_t& count, int64_t& first) {
    if (first < 0) first = seq;
    ++count;
    ++seq;
  }
  std::vector<GateCount> resolve(const Circuit& c) const {
    struct Item {
      int64_t first;
      const std::string* name;
      uint64_t count;
    };
    std::vector<Item> items;
    for (size_t g = 0; g < by_gate.size(); ++g)
      if (by_gate[g]) items.push_back({first_seen_gate[g], &c.gates[g].qiskit_name, by_gate[g]});
    if (measure) items.push_back({first_measure, &kMeasure, measure});
    if (reset) items.push_back({first_reset, &kReset, reset});
    if (barrier) items.push_back({first_barrier, &kBarrier, barrier});
    std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.first < b.first; });
    OpCounter counter;  // merges names shared by two gates (U and u, c3x and c4x as mcx)
    for (const Item& it : items) counter.add(*it.name, it.count);
    return counter.sorted();
  }
};

// Qiskit's figures accumulated one instruction at a time; used for the circuit as written and for
// its expansion, so both count the same way.
class MetricsBuilder {
 public:
  explicit MetricsBuilder(const Circuit& c) : c_(c), depth_(c), counts_(c.gates.size()) {}

  // Places one instruction; returns its level (see DepthCounter::place).
  uint64_t add(OpKind kind, int gate, const uint32_t* q, uint32_t nq, int32_t clbit, int32_t cond) {
    const bool directive = kind == OpKind::Barrier;
    const std::vector<uint32_t>* block =
        kind == OpKind::Gate && gate >= 0 && !c_.gates[gate].clbits.empty() ? &c_.gates[gate].clbits : nullptr;
    const uint64_t level = depth_.place(q, nq, clbit, cond, directive, block);
    switch (kind) {
      case OpKind::Measure: counts_.other(counts_.measure, counts_.first_measure); break;
      case OpKind::Reset: counts_.other(counts_.reset, counts_.first_reset); break;
      case OpKind::Barrier: counts_.other(counts_.barrier, counts_.first_barrier); break;
      case OpKind::Gate: counts_.gate(gate); break;
    }
    if (!directive) {
      ++m_.size;
      if (nq > 1) ++m_.nonlocal_gates;
      if (nq == 2) ++m_.two_qubit_gates;
    }
    return level;
  }
  Metrics result() const {
    Metrics m = m_;
    m.depth = depth_.depth();
    m.gate_types = counts_.resolve(c_);
    return m;
  }

 private:
  const Circuit& c_;
  DepthCounter depth_;
  KeyedCounts counts_;
  Metrics m_;
};

// Qiskit's figures after expanding the program's gates (the shared walk) down to leaves.
class ExpandedMetrics {
 public:
  explicit ExpandedMetrics(const Circuit& c) : c_(c), expander_(c), metrics_(c) {}

  void instruction(const Instruction& op) {
    const uint32_t* q = c_.qubits(op);
    if (op.kind != OpKind::Gate || c_.gates[op.gate].is_leaf()) {
      metrics_.add(op.kind, op.gate, q, op.qubit_count, op.clbit, op.condition);
      return;
    }
    const GateDef& def = c_.gates[op.gate];
    expand(op.gate, q, op.condition);
    // An if_else's false branch is part of the program too: both branches are counted.
    if (def.else_gate >= 0) expand(def.else_gate, q, def.else_condition);
  }
  Metrics result() const { return metrics_.result(); }

 private:
  void expand(int32_t gate, const uint32_t* q, int32_t condition) {
    expander_.expand<false>(gate, nullptr, q, [&](const ExpandedOp& leaf) {
      // A barrier carries no condition of its own, even inside a conditioned gate.
      if (leaf.barrier())
        metrics_.add(OpKind::Barrier, -1, leaf.qubits, leaf.num_qubits, -1, -1);
      else
        metrics_.add(leaf.kind, leaf.gate, leaf.qubits, leaf.num_qubits, leaf.clbit,
                     leaf.condition >= 0 ? leaf.condition : condition);
      return true;
    });
  }

  const Circuit& c_;
  GateExpander expander_;
  MetricsBuilder metrics_;
};

}  // namespace

Analysis analyze(const Circuit& c, bool want_layers) {
  Analysis a;
  a.instructions = c.ops.size();
  a.ops_per_qubit.assign(c.num_qubits, 0);
  if (want_layers) a.layers.resize(c.ops.size());

  MetricsBuilder metrics(c);
  bool has_custom = false;
  for (size_t i = 0; i < c.ops.size(); ++i) {
    const Instruction& op = c.ops[i];
    const uint32_t* q = c.qubits(op);
    const uint64_t level = metrics.add(op.kind, op.gate, q, op.qubit_count, op.clbit, op.condition);
    const bool directive = op.kind == OpKind::Barrier;
    if (want_layers) a.layers[i] = directive ? level : level - 1;
    if (op.kind == OpKind::Gate) has_custom = has_custom || !c.gates[op.gate].is_leaf();
    if (directive) continue;
    for (uint32_t k = 0; k < op.qubit_count; ++k) ++a.ops_per_qubit[q[k]];
  }
  a.metrics = metrics.result();

  if (!has_custom) {
    a.expanded = a.metrics;  // nothing to expand
  } else {
    ExpandedMetrics ex(c);
    for (const Instruction& op : c.ops) ex.instruction(op);
    a.expanded = ex.result();
  }
  return a;
}

}  // namespace qvet::analysis
