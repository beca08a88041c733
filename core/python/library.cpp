// qiskit.circuit.library's circuits as Qiskit 1.0.0 builds them (read in its source: n_local/,
// data_preparation/, grover_operator.py): each is a circuit named like the class holding ONE gate of
// that name on all its qubits, whose definition is the body built here; so count_ops shows the
// class's name, and `expanded`, the simulator and the backend check see the body.
#include <algorithm>
#include <cctype>
#include <cmath>

#include "python/interpreter.hpp"
#include "python/names.hpp"

namespace qvet::python {

namespace {

bool is_none(const Value* v) { return !v || v->kind == Value::None; }

// TwoLocal's names for blocks given as strings (two_local.py, _convert_to_block).
const GateRow* two_local_gate(const std::string& name) {
  static const char* const kNames[] = {"ch", "cx",  "cy",  "cz", "crx", "cry",  "crz", "h", "rx", "rxx", "ry", "ryy",
                                       "rz", "rzx", "rzz", "s",  "sdg", "swap", "x",   "y", "z",  "t",   "tdg"};
  if (name == "i" || name == "id" || name == "iden") return find_gate("id");
  for (const char* n : kNames)
    if (name == n) return find_gate(n);
  return nullptr;
}

}  // namespace

// A fresh ParameterVector `prefix` of n elements (Qiskit's ordered_parameters).
std::vector<Value> Interpreter::parameter_vector(const std::string& prefix, size_t n, const Node& at) {
  count_items(n, at);
  std::vector<Value> out;
  for (size_t k = 0; k < n; ++k) {
    params_.push_back(prefix + "[" + std::to_string(k) + "]");
    param_keys_.push_back({prefix, static_cast<int64_t>(k)});
    ExprOp p;
    p.code = ExprOp::Param;
    p.param = static_cast<uint32_t>(params_.size() - 1);
    out.push_back(Value::param(Expr{p}));
  }
  return out;
}

// An empty circuit of n qubits in one register `reg`, named `name`.
Interpreter::CircuitObj Interpreter::library_circuit(const std::string& name, uint32_t n, const char* reg,
                                                     const Node& at) {
  if (n > opt_.limits.max_qubits) fail(at, "E402", "too many qubits for a library circuit");
  CircuitObj c = new_circuit(at);
  c.name = name;
  if (n) {
    regs_.push_back({true, reg, n, at.offset, at.length});
    add_register(c, static_cast<int64_t>(regs_.size() - 1), at);
  }
  return c;
}

// The BlueprintCircuit's shape: a circuit `outer` (with body's registers) holding one gate named
// `gate_name` on every qubit, defined by circuit `body`, taking its Parameters.
int64_t Interpreter::wrap_library(int64_t body, const std::string& outer, const std::string& gate_name,
                                  const Node& at) {
  circuits_[body].name = gate_name;
  circuits_[body].part = true;
  CircuitObj out = empty_like(body, outer, at);
  const int32_t gate = circuit_gate(out, body, at);
  std::vector<uint32_t> all(out.c.num_qubits);
  for (uint32_t q = 0; q < all.size(); ++q) all[q] = q;
  emit(out, OpKind::Gate, gate, all, -1, circuit_params(body), at);
  return add_circuit(std::move(out));
}

// get_entangler_map(num_block_qubits m, num_circuit_qubits n, entanglement, offset) of n_local.py.
std::vector<std::vector<uint32_t>> Interpreter::entangler_map(uint32_t m, uint32_t n, const std::string& kind,
                                                              int64_t offset, const Node& at) {
  using Map = std::vector<std::vector<uint32_t>>;
  if (m > n)
    fail(at, "E609", "The number of block qubits must be smaller or equal to the number of qubits in the circuit.");
  if (kind == "pairwise" && m > 2)
    fail(at, "E609", "Pairwise entanglement is not defined for blocks with more than 2 qubits.");
  Map out;
  if (kind == "full") {  // itertools.combinations(range(n), m), in lexicographic order
    std::vector<uint32_t> pick(m);
    for (uint32_t k = 0; k < m; ++k) pick[k] = k;
    for (;;) {
      count_items(m, at);
      step(at, "loops");
      out.push_back(pick);
      int64_t k = static_cast<int64_t>(m) - 1;
      while (k >= 0 && pick[static_cast<size_t>(k)] == n - m + static_cast<uint32_t>(k)) --k;
      if (k < 0) break;
      ++pick[static_cast<size_t>(k)];
      for (size_t t = static_cast<size_t>(k) + 1; t < m; ++t) pick[t] = pick[t - 1] + 1;
    }
    return out;
  }
  auto range = [](uint32_t from, uint32_t count) {
    std::vector<uint32_t> r(count);
    for (uint32_t k = 0; k < count; ++k) r[k] = from + k;
    return r;
  };
  if (kind == "reverse_linear") {
    for (uint32_t i = 0; i + m <= n; ++i) out.push_back(range(n - i - m, m));
    return out;
  }
  if (kind != "linear" && kind != "circular" && kind != "sca" && kind != "pairwise")
    fail(at, "E609", "Unsupported entanglement type: " + kind);
  Map linear;
  for (uint32_t i = 0; i + m <= n; ++i) linear.push_back(range(i, m));
  if (kind == "linear" || m == 1) return linear;
  if (kind == "pairwise") {
    for (size_t i = 0; i < linear.size(); i += 2) out.push_back(linear[i]);
    for (size_t i = 1; i < linear.size(); i += 2) out.push_back(linear[i]);
    return out;
  }
  Map circular;
  if (n > m) {
    std::vector<uint32_t> wrap = range(n - m + 1, m - 1);
    wrap.push_back(0);
    circular.push_back(wrap);
  }
  circular.insert(circular.end(), linear.begin(), linear.end());
  if (kind == "circular") return circular;
  // sca: the circular map rotated right by the repetition (Python's c[-k:] + c[:-k]), each tuple
  // reversed on odd repetitions.
  const size_t len = circular.size();
  const size_t shift = offset > 0 && static_cast<size_t>(offset) < len ? static_cast<size_t>(offset) : 0;
  for (size_t i = 0; i < len; ++i) out.push_back(circular[(i + len - shift) % len]);
  if (offset % 2 == 1)
    for (auto& t : out) std::reverse(t.begin(), t.end());
  return out;
}

// NLocal.get_entangler_map(rep, block, m) for the entanglement argument as given: a strategy
// name, a list of names (one per repetition), a list of index tuples, a list of those per
// repetition, or a function of the repetition.
std::vector<std::vector<uint32_t>> Interpreter::entanglement_for(const Value& e, const Node& node, int64_t rep,
                                                                 int64_t block, uint32_t m, uint32_t n) {
  if (e.kind == Value::None) {
    std::vector<uint32_t> all(m);
    for (uint32_t k = 0; k < m; ++k) all[k] = k;
    return {all};
  }
  if (e.kind == Value::UserFunction)
    return entanglement_for(call_value(e, {Value::integer(rep)}, node), node, rep, block, m, n);
  if (e.kind == Value::Str) return entangler_map(m, n, *e.s, rep, node);
  const Items items = materialize(e, node);
  if (items.empty()) return {};
  auto tuple = [&](const Value& t) {
    std::vector<uint32_t> out;
    for (const Value& x : materialize(t, node)) {
      const int64_t q = to_int(x, node, "an entanglement index");
      if (q < 0 || q >= static_cast<int64_t>(n))
        fail(node, "E606", "entanglement index " + std::to_string(q) + " out of range");
      out.push_back(static_cast<uint32_t>(q));
    }
    if (out.size() != m)
      fail(node, "E609",
           "an entanglement tuple of " + std::to_string(out.size()) + " qubits for a block of " + std::to_string(m));
    return out;
  };
  const Value& pick = items[static_cast<size_t>(rep) % items.size()];
  if (std::all_of(items.begin(), items.end(), [](const Value& v) { return v.kind == Value::Str; }))
    return entangler_map(m, n, *pick.s, rep, node);
  if (std::all_of(items.begin(), items.end(), [](const Value& v) { return v.is_int(); })) return {tuple(e)};
  // A list of tuples (the same every repetition), or a list of such lists (one per repetition).
  const Items first = materialize(items[0], node);
  const bool per_rep = !first.empty() && (first[0].kind == Value::List || first[0].kind == Value::Tuple);
  std::vector<std::vector<uint32_t>> out;
  if (!per_rep) {
    for (const Value& t : items) out.push_back(tuple(t));
    return out;
  }
  (void)block;
  for (const Value& t : materialize(pick, node)) out.push_back(tuple(t));
  return out;
}

// A block argument of TwoLocal: a name ('ry', 'cx'), a gate class (RYGate), a gate (CXGate()),
// a circuit, or a list of those.
std::vector<Interpreter::LibraryBlock> Interpreter::library_blocks(const Value* v, const Node& node) {
  std::vector<LibraryBlock> out;
  if (is_none(v)) return out;
  Items items = v->kind == Value::List || v->kind == Value::Tuple ? materialize(*v, node) : Items{*v};
  for (const Value& x : items) {
    LibraryBlock b;
    if (x.kind == Value::Str) {
      b.row = two_local_gate(*x.s);
      if (!b.row) fail(node, "E609", "Unknown layer name `" + *x.s + "`.");
      b.free = b.row->num_params;
    } else if (x.kind == Value::Class && x.i >= kFirstGateClass) {
      b.row = &gate_class(x.i);
      b.free = b.row->num_params;
    } else if (x.kind == Value::Gate && x.gate->kind == GateValue::Gate && x.gate->row->num_qubits > 0) {
      b.row = x.gate->row;
      b.params = x.gate->params;
      for (const Value& p : b.params) b.free += p.kind == Value::Param;
    } else if (x.kind == Value::Circuit) {
      b.circuit = x.i;
      b.free = static_cast<uint32_t>(circuits_[x.i].param_ids.size());
    } else {
      fail(node, "E605", "a block is a gate name, a gate class, a gate or a QuantumCircuit");
    }
    b.num_qubits = b.row ? b.row->num_qubits : circuits_[b.circuit].c.num_qubits;
    out.push_back(std::move(b));
  }
  return out;
}

// One block on `qubits` of `body`, its free parameters taken from `theta` at `next`.
void Interpreter::put_block(CircuitObj& body, const LibraryBlock& b, const std::vector<uint32_t>& qubits,
                            const std::vector<Value>& theta, size_t& next, const Node& at) {
  if (b.row) {
    std::vector<Value> params = b.params;
    if (params.empty())
      for (uint32_t k = 0; k < b.free; ++k) params.push_back(theta[next++]);
    else
      for (Value& p : params)
        if (p.kind == Value::Param) p = theta[next++];
    emit(body, OpKind::Gate, b.row->id, qubits, -1, params, at);
    return;
  }
  // A circuit: inline, its Parameters (in Qiskit's order) bound to the next ones.
  std::unordered_map<int64_t, Value> bound;
  for (int64_t p : sorted_params(circuits_[b.circuit])) bound[p] = theta[next++];
  const int64_t copy = copy_circuit(b.circuit, at);
  if (!bound.empty()) bind_in_place(copy, bound, at);
  circuits_[copy].part = true;
  circuits_[b.circuit].part = true;
  // compose() reads body by reference: it must be in circuits_ already; it is passed by index.
  const int64_t dst = add_circuit(std::move(body));
  std::vector<uint32_t> none;
  compose(dst, copy, qubits, none, at);
  body = std::move(circuits_[dst]);
  circuits_.pop_back();
}

// TwoLocal, RealAmplitudes, EfficientSU2 (n_local/): rotation layers of the rotation blocks on
// every qubit, entanglement layers over the entangler map, reps times, then a final rotation
// layer; Parameters θ[0], θ[1], ... consumed in that order.
Value Interpreter::library_nlocal(int64_t cls, Args& args, const Node& at) {
  std::vector<const char*> names;
  if (cls == kTwoLocal)
    names = {"num_qubits",
             "rotation_blocks",
             "entanglement_blocks",
             "entanglement",
             "reps",
             "skip_unentangled_qubits",
             "skip_final_rotation_layer",
             "parameter_prefix",
             "insert_barriers",
             "initial_state",
             "name",
             "flatten"};
  else if (cls == kEfficientSU2)
    names = {"num_qubits",
             "su2_gates",
             "entanglement",
             "reps",
             "skip_unentangled_qubits",
             "skip_final_rotation_layer",
             "parameter_prefix",
             "insert_barriers",
             "initial_state",
             "name",
             "flatten"};
  else
    names = {"num_qubits",
             "entanglement",
             "reps",
             "skip_unentangled_qubits",
             "skip_final_rotation_layer",
             "parameter_prefix",
             "insert_barriers",
             "initial_state",
             "name",
             "flatten"};
  Bound b = bind_args(args, names, 1, names.size(), class_name(cls), at);
  auto arg = [&](const char* name) -> const Value* {
    for (size_t k = 0; k < names.size(); ++k)
      if (std::string(names[k]) == name) return b[k];
    return nullptr;
  };
  auto node = [&](const char* name) -> const Node& {
    for (size_t k = 0; k < names.size(); ++k)
      if (std::string(names[k]) == name) return *b.node[k];
    return at;
  };
  const int64_t n = to_int(*arg("num_qubits"), node("num_qubits"), "num_qubits");
  if (n < 0) fail(node("num_qubits"), "E609", "num_qubits must be non-negative");
  const int64_t reps = is_none(arg("reps")) ? 3 : to_int(*arg("reps"), node("reps"), "reps");
  if (reps < 0) fail(node("reps"), "E609", "The value of reps should be larger than or equal to 0");
  auto flag = [&](const char* name) { return !is_none(arg(name)) && truth(*arg(name), node(name)); };
  const bool skip_final = flag("skip_final_rotation_layer"), barriers = flag("insert_barriers");
  const bool skip_unentangled = flag("skip_unentangled_qubits"), flatten = flag("flatten");
  std::string prefix = "θ", name = class_name(cls);
  if (!is_none(arg("parameter_prefix"))) prefix = str(*arg("parameter_prefix"), node("parameter_prefix"));
  if (!is_none(arg("name"))) name = str(*arg("name"), node("name"));
  std::vector<LibraryBlock> rotation, entangling;
  if (cls == kTwoLocal) {
    rotation = library_blocks(arg("rotation_blocks"), node("rotation_blocks"));
    entangling = library_blocks(arg("entanglement_blocks"), node("entanglement_blocks"));
    if (rotation.empty() && entangling.empty()) fail(at, "E609", "The blocks are not set.");
  } else {
    Value ry = Value::handle(Value::Class, kFirstGateClass + find_gate("ry")->id);
    Value rz = Value::handle(Value::Class, kFirstGateClass + find_gate("rz")->id);
    Value cx = Value::handle(Value::Class, kFirstGateClass + find_gate("cx")->id);
    const Value su2 = Value::list({ry, rz});
    if (cls == kEfficientSU2 && !is_none(arg("su2_gates")))
      rotation = library_blocks(arg("su2_gates"), node("su2_gates"));
    else
      rotation = library_blocks(cls == kEfficientSU2 ? &su2 : &ry, at);
    entangling = library_blocks(&cx, at);
  }
  const Value* ent = arg("entanglement");
  const Value entanglement = is_none(ent) ? Value::string(cls == kTwoLocal ? "full" : "reverse_linear") : *ent;
  const Node& ent_node = node("entanglement");
  const uint32_t nq = static_cast<uint32_t>(n);
  // TwoLocal on one qubit has no entanglement; otherwise the map of each repetition and block.
  auto map_of = [&](int64_t rep, size_t j) {
    if (nq <= 1) return std::vector<std::vector<uint32_t>>{};
    return entanglement_for(entanglement, ent_node, rep, static_cast<int64_t>(j), entangling[j].num_qubits, nq);
  };
  std::vector<uint8_t> entangled(nq, 0);
  if (skip_unentangled)
    for (int64_t i = 0; i < reps; ++i)
      for (size_t j = 0; j < entangling.size(); ++j)
        for (const auto& t : map_of(i, j))
          for (uint32_t q : t) entangled[q] = 1;
  // Parameters: count first (ordered_parameters has exactly as many), then build.
  auto rotation_positions = [&](const LibraryBlock& blk) {
    std::vector<std::vector<uint32_t>> out;
    for (uint32_t k = 0; blk.num_qubits && (k + 1) * blk.num_qubits <= nq; ++k) {
      std::vector<uint32_t> idx;
      bool keep = true;
      for (uint32_t t = 0; t < blk.num_qubits; ++t) {
        idx.push_back(k * blk.num_qubits + t);
        keep = keep && (!skip_unentangled || entangled[k * blk.num_qubits + t]);
      }
      if (keep) out.push_back(idx);
    }
    return out;
  };
  size_t count = 0;
  const int64_t rotation_layers = reps + (skip_final ? 0 : 1);
  for (const LibraryBlock& blk : rotation) count += rotation_positions(blk).size() * blk.free * rotation_layers;
  for (int64_t i = 0; i < reps; ++i)
    for (size_t j = 0; j < entangling.size(); ++j) count += map_of(i, j).size() * entangling[j].free;
  const std::vector<Value> theta = parameter_vector(prefix, count, at);
  CircuitObj body = library_circuit(name, nq, "q", at);
  if (!is_none(arg("initial_state"))) {
    const Value& init = *arg("initial_state");
    if (init.kind != Value::Circuit) fail(node("initial_state"), "E605", "initial_state is a QuantumCircuit");
    LibraryBlock blk;
    blk.circuit = init.i;
    std::vector<uint32_t> qs(circuits_[init.i].c.num_qubits);
    for (uint32_t q = 0; q < qs.size(); ++q) qs[q] = q;
    size_t none = 0;
    std::vector<Value> no_params;
    if (!circuits_[init.i].param_ids.empty()) refuse(node("initial_state"), "an initial_state with Parameters");
    put_block(body, blk, qs, no_params, none, at);
  }
  std::vector<uint32_t> all(nq);
  for (uint32_t q = 0; q < nq; ++q) all[q] = q;
  size_t next = 0;
  auto rotation_layer = [&]() {
    for (const LibraryBlock& blk : rotation)
      for (const auto& idx : rotation_positions(blk)) put_block(body, blk, idx, theta, next, at);
  };
  for (int64_t i = 0; i < reps; ++i) {
    step(at, "loops");
    if (barriers && i > 0) emit(body, OpKind::Barrier, -1, all, -1, {}, at);
    rotation_layer();
    if (barriers && !rotation.empty()) emit(body, OpKind::Barrier, -1, all, -1, {}, at);
    for (size_t j = 0; j < entangling.size(); ++j)
      for (const auto& idx : map_of(i, j)) put_block(body, entangling[j], idx, theta, next, at);
  }
  if (!skip_final) {
    if (barriers && reps > 0) emit(body, OpKind::Barrier, -1, all, -1, {}, at);
    rotation_layer();
  }
  if (flatten) return Value::handle(Value::Circuit, add_circuit(std::move(body)));
  const int64_t inner = add_circuit(std::move(body));
  return Value::handle(Value::Circuit, wrap_library(inner, name, name, at));
}

// PauliFeatureMap, ZFeatureMap, ZZFeatureMap (data_preparation/pauli_feature_map.py): per
// repetition, h on every qubit, then for each Pauli string and each index tuple of its map, the
// evolution exp(-i alpha phi(x) P) as basis changes, a cx ladder and p(alpha * phi(x)), where phi
// is x_i on one qubit and the product of (pi - x_k) on more. x[i] are reused in every repetition.
Value Interpreter::library_feature_map(int64_t cls, Args& args, const Node& at) {
  std::vector<const char*> names;
  if (cls == kPauliFeatureMap)
    names = {"feature_dimension", "reps", "entanglement", "alpha", "paulis", "data_map_func", "parameter_prefix",
             "insert_barriers",   "name"};
  else if (cls == kZFeatureMap)
    names = {"feature_dimension", "reps", "data_map_func", "parameter_prefix", "insert_barriers", "name"};
  else
    names = {"feature_dimension", "reps", "entanglement", "data_map_func", "parameter_prefix",
             "insert_barriers",   "name"};
  Bound b = bind_args(args, names, 1, names.size(), class_name(cls), at);
  auto index = [&](const char* name) {
    for (size_t k = 0; k < names.size(); ++k)
      if (std::string(names[k]) == name) return static_cast<int>(k);
    return -1;
  };
  auto arg = [&](const char* name) -> const Value* {
    return index(name) < 0 ? nullptr : b[static_cast<size_t>(index(name))];
  };
  auto node = [&](const char* name) -> const Node& {
    return index(name) < 0 ? at : *b.node[static_cast<size_t>(index(name))];
  };
  const int64_t n = to_int(*arg("feature_dimension"), node("feature_dimension"), "feature_dimension");
  if (n < 0 || static_cast<uint64_t>(n) > opt_.limits.max_qubits)
    fail(node("feature_dimension"), "E609", "bad feature_dimension " + std::to_string(n));
  if (cls == kZZFeatureMap && n < 2)
    fail(node("feature_dimension"), "E609", "ZZFeatureMap requires at least two qubits; use ZFeatureMap");
  if (!is_none(arg("data_map_func"))) refuse(node("data_map_func"), "a feature map's data_map_func");
  const int64_t reps = is_none(arg("reps")) ? 2 : to_int(*arg("reps"), node("reps"), "reps");
  if (reps < 0) fail(node("reps"), "E609", "The value of reps should be larger than or equal to 0");
  const bool barriers = !is_none(arg("insert_barriers")) && truth(*arg("insert_barriers"), node("insert_barriers"));
  double alpha = 2.0;
  if (!is_none(arg("alpha"))) {
    if (!arg("alpha")->is_number()) fail(node("alpha"), "E605", "alpha is a number");
    alpha = arg("alpha")->number();
  }
  std::vector<std::string> paulis;
  if (cls == kZFeatureMap)
    paulis = {"Z"};
  else if (is_none(arg("paulis")))
    paulis = {"Z", "ZZ"};
  else
    for (const Value& p : materialize(*arg("paulis"), node("paulis"))) {
      if (p.kind != Value::Str || p.s->empty() || p.s->find_first_not_of("IXYZ") != std::string::npos)
        fail(node("paulis"), "E609", "a Pauli string is made of I, X, Y and Z");
      paulis.push_back(*p.s);
    }
  std::string prefix = "x", name = class_name(cls);
  if (!is_none(arg("parameter_prefix"))) prefix = str(*arg("parameter_prefix"), node("parameter_prefix"));
  if (!is_none(arg("name"))) name = str(*arg("name"), node("name"));
  const Value entanglement = is_none(arg("entanglement")) ? Value::string("full") : *arg("entanglement");
  const uint32_t nq = static_cast<uint32_t>(n);
  const std::vector<Value> x = parameter_vector(prefix, nq, at);
  CircuitObj body = library_circuit(name, nq, "q", at);
  std::vector<uint32_t> all(nq);
  for (uint32_t q = 0; q < nq; ++q) all[q] = q;
  const GateRow* h = find_gate("h");
  const GateRow* rx = find_gate("rx");
  const GateRow* cx = find_gate("cx");
  const GateRow* p = find_gate("p");
  for (int64_t i = 0; i < reps; ++i) {
    step(at, "loops");
    if (barriers && i > 0) emit(body, OpKind::Barrier, -1, all, -1, {}, at);
    for (uint32_t q = 0; q < nq; ++q) emit(body, OpKind::Gate, h->id, {q}, -1, {}, at);
    if (barriers) emit(body, OpKind::Barrier, -1, all, -1, {}, at);
    for (size_t j = 0; j < paulis.size(); ++j) {
      const std::string pauli(paulis[j].rbegin(), paulis[j].rend());  // character k acts on qubit k
      const uint32_t m = static_cast<uint32_t>(pauli.size());
      for (const auto& t : entanglement_for(entanglement, node("entanglement"), i, static_cast<int64_t>(j), m, nq)) {
        step(at, "loops");
        std::vector<uint32_t> on;  // the tuple's qubits that are not I
        for (uint32_t k = 0; k < m; ++k)
          if (pauli[k] != 'I') on.push_back(t[k]);
        if (on.empty()) continue;
        // phi: x_i alone, or the product of (pi - x_k) over the whole tuple (I positions too).
        Value phi = x[t[0]];
        if (m > 1) {
          phi = binary('-', Value::real(kPi), x[t[0]], at);
          for (uint32_t k = 1; k < m; ++k) phi = binary('*', phi, binary('-', Value::real(kPi), x[t[k]], at), at);
        }
        const Value angle = binary('*', Value::real(alpha), phi, at);
        auto basis = [&](bool inverse) {
          for (uint32_t k = 0; k < m; ++k) {
            if (pauli[k] == 'X') emit(body, OpKind::Gate, h->id, {t[k]}, -1, {}, at);
            if (pauli[k] == 'Y')
              emit(body, OpKind::Gate, rx->id, {t[k]}, -1, {Value::real(inverse ? -kPi / 2 : kPi / 2)}, at);
          }
        };
        basis(false);
        for (size_t k = 0; k + 1 < on.size(); ++k) emit(body, OpKind::Gate, cx->id, {on[k], on[k + 1]}, -1, {}, at);
        emit(body, OpKind::Gate, p->id, {on.back()}, -1, {angle}, at);
        for (size_t k = on.size() - 1; k-- > 0;) emit(body, OpKind::Gate, cx->id, {on[k], on[k + 1]}, -1, {}, at);
        basis(true);
      }
    }
  }
  const int64_t inner = add_circuit(std::move(body));
  return Value::handle(Value::Circuit, wrap_library(inner, name, name, at));
}

// GroverOperator(oracle, state_preparation=None, zero_reflection=None, reflection_qubits=None,
// insert_barriers=False, mcx_mode="noancilla", name="Q") (grover_operator.py): the oracle, the
// state preparation inverted, the reflection about |0...0> (x, h, mcx, h, x; z alone on one qubit),
// the state preparation (h on each qubit by default), as one gate always named "Q".
Value Interpreter::library_grover(Args& args, const Node& at) {
  Bound b = bind_args(
      args,
      {"oracle", "state_preparation", "zero_reflection", "reflection_qubits", "insert_barriers", "mcx_mode", "name"}, 1,
      7, "GroverOperator", at);
  if (b[0]->kind != Value::Circuit) refuse(*b.node[0], "a GroverOperator oracle other than a QuantumCircuit");
  const int64_t oracle = b[0]->i;
  const uint32_t n = circuits_[oracle].c.num_qubits;
  if (!is_none(b[5]) && !(b[5]->kind == Value::Str && *b[5]->s == "noancilla"))
    refuse(*b.node[5], "mcx modes other than 'noancilla'");
  const bool barriers = !is_none(b[4]) && truth(*b[4], *b.node[4]);
  std::string name = "Q";
  if (!is_none(b[6])) name = str(*b[6], *b.node[6]);
  std::vector<uint32_t> reflect;
  if (is_none(b[3])) {
    for (uint32_t q = 0; q < n; ++q) reflect.push_back(q);
  } else {
    for (const Value& v : materialize(*b[3], *b.node[3])) {
      const int64_t q = to_int(v, *b.node[3], "a reflection qubit");
      if (q < 0 || q >= static_cast<int64_t>(n)) fail(*b.node[3], "E606", "reflection qubit out of range");
      reflect.push_back(static_cast<uint32_t>(q));
    }
  }
  if (reflect.empty()) fail(at, "E609", "GroverOperator needs at least one reflection qubit");
  int64_t prep = -1;
  if (!is_none(b[1])) {
    if (b[1]->kind != Value::Circuit) fail(*b.node[1], "E605", "state_preparation is a QuantumCircuit");
    prep = b[1]->i;
  } else {
    CircuitObj h = library_circuit("H", n, "q", at);
    for (uint32_t q : reflect) emit(h, OpKind::Gate, find_gate("h")->id, {q}, -1, {}, at);
    prep = add_circuit(std::move(h));
  }
  int64_t zero = -1;
  if (!is_none(b[2])) {
    if (b[2]->kind != Value::Circuit) refuse(*b.node[2], "a zero_reflection other than a QuantumCircuit");
    zero = b[2]->i;
  } else {
    CircuitObj s0 = library_circuit("S_0", n, "state", at);
    const uint16_t x = find_gate("x")->id;
    for (uint32_t q : reflect) emit(s0, OpKind::Gate, x, {q}, -1, {}, at);
    if (reflect.size() == 1) {
      emit(s0, OpKind::Gate, find_gate("z")->id, {0}, -1, {}, at);  // qubit 0, as Qiskit writes it
    } else {
      const uint32_t target = reflect.back();
      emit(s0, OpKind::Gate, find_gate("h")->id, {target}, -1, {}, at);
      std::vector<uint32_t> qs(reflect.begin(), reflect.end() - 1);
      qs.push_back(target);
      const size_t controls = reflect.size() - 1;
      const GateRow* row = mcx_row(controls);
      const int32_t gate =
          row->num_qubits == 0 ? mcx_gate(s0, static_cast<uint32_t>(qs.size()), controls >= 5) : row->id;
      emit(s0, OpKind::Gate, gate, qs, -1, {}, at);
      emit(s0, OpKind::Gate, find_gate("h")->id, {target}, -1, {}, at);
    }
    for (uint32_t q : reflect) emit(s0, OpKind::Gate, x, {q}, -1, {}, at);
    zero = add_circuit(std::move(s0));
  }
  const int64_t prep_inverse = inverse_circuit(prep, circuits_[prep].name + "_dg", at);
  CircuitObj body = library_circuit("Q", n, "state", at);
  std::vector<uint32_t> all(n);
  for (uint32_t q = 0; q < n; ++q) all[q] = q;
  const int64_t dst = add_circuit(std::move(body));
  const int64_t parts[] = {oracle, prep_inverse, zero, prep};
  for (size_t k = 0; k < 4; ++k) {
    if (barriers && k > 0) emit(circuits_[dst], OpKind::Barrier, -1, all, -1, {}, at);
    const int64_t part = parts[k];
    if (circuits_[part].c.num_qubits > n || circuits_[part].c.num_clbits)
      fail(at, "E607", "a GroverOperator part has more qubits than the oracle, or classical bits");
    std::vector<uint32_t> qs(circuits_[part].c.num_qubits);
    for (uint32_t q = 0; q < qs.size(); ++q) qs[q] = q;
    compose(dst, part, qs, {}, at);
    circuits_[part].part = true;
  }
  return Value::handle(Value::Circuit, wrap_library(dst, name, "Q", at));
}

// PhaseEstimation(num_evaluation_qubits, unitary, iqft=None, name="QPE") (phase_estimation.py):
// h on the evaluation qubits; for each j, unitary.power(2**j).control() on [eval j] + state (one
// gate c<U>**<2^j> each); then QFT(n, inverse=True, do_swaps=False).reverse_bits() on the
// evaluation qubits (its one gate, IQFT_dg); all one gate named QPE.
Value Interpreter::library_phase_estimation(Args& args, const Node& at) {
  Bound b = bind_args(args, {"num_evaluation_qubits", "unitary", "iqft", "name"}, 2, 4, "PhaseEstimation", at);
  const int64_t n = to_int(*b[0], *b.node[0], "num_evaluation_qubits");
  if (n < 1 || n > 24) fail(*b.node[0], "E609", "PhaseEstimation takes 1 to 24 evaluation qubits");
  if (b[1]->kind != Value::Circuit) refuse(*b.node[1], "a PhaseEstimation unitary other than a QuantumCircuit");
  if (!is_none(b[2])) refuse(*b.node[2], "PhaseEstimation with an iqft of its own");
  std::string name = "QPE";
  if (!is_none(b[3])) name = str(*b[3], *b.node[3]);
  const int64_t unitary = b[1]->i;
  const uint32_t m = circuits_[unitary].c.num_qubits, ne = static_cast<uint32_t>(n);
  CircuitObj body = new_circuit(at);
  body.name = name;
  regs_.push_back({true, "eval", ne, at.offset, at.length});
  add_register(body, static_cast<int64_t>(regs_.size() - 1), at);
  regs_.push_back({true, "q", m, at.offset, at.length});
  add_register(body, static_cast<int64_t>(regs_.size() - 1), at);
  for (uint32_t q = 0; q < ne; ++q) emit(body, OpKind::Gate, find_gate("h")->id, {q}, -1, {}, at);
  const int64_t dst = add_circuit(std::move(body));
  for (uint32_t j = 0; j < ne; ++j) {
    const int64_t power = repeat_circuit(unitary, int64_t{1} << j, at);
    circuits_[power].part = true;
    Args none;
    const int64_t controlled = control_circuit(power, none, at);
    std::vector<uint32_t> qs{j};
    for (uint32_t q = 0; q < m; ++q) qs.push_back(ne + q);
    compose(dst, controlled, qs, {}, at);
    circuits_[controlled].part = true;
  }
  Args qft;
  qft.pos.push_back(Value::integer(n));
  qft.pos_nodes.push_back(&at);
  qft.kw = {{"inverse", Value::boolean(true)}, {"do_swaps", Value::boolean(false)}};
  qft.kw_nodes = {&at, &at};
  const int64_t qft_circuit = library_qft(qft, at).i;
  mark_part(qft_circuit);
  const int64_t iqft = reverse_bits_circuit(qft_circuit, at);
  std::vector<uint32_t> eval(ne);
  for (uint32_t q = 0; q < ne; ++q) eval[q] = q;
  compose(dst, iqft, eval, {}, at);
  mark_part(iqft);
  return Value::handle(Value::Circuit, wrap_library(dst, name, name, at));
}

// MCMT(gate, num_ctrl_qubits, num_target_qubits) (generalized_gates/mcmt.py): a circuit "mcmt"
// holding one gate, the base gate on each target (a gate "<t>-<Name>" for several) with the
// controls before it.
Value Interpreter::library_mcmt(Args& args, const Node& at) {
  Bound b = bind_args(args, {"gate", "num_ctrl_qubits", "num_target_qubits"}, 3, 3, "MCMT", at);
  const int64_t c = to_int(*b[1], *b.node[1], "num_ctrl_qubits"), t = to_int(*b[2], *b.node[2], "num_target_qubits");
  if (c < 1 || t < 1) fail(at, "E609", "Need at least one control and one target qubit.");
  if (static_cast<uint64_t>(c + t) > opt_.limits.max_qubits) fail(at, "E402", "too many qubits for an MCMT");
  const GateRow* base = nullptr;
  const Value& g = *b[0];
  static const char* const kBases[][2] = {{"ch", "h"}, {"cx", "x"}, {"cy", "y"},    {"cz", "z"},
                                          {"h", "h"},  {"s", "s"},  {"sdg", "sdg"}, {"x", "x"},
                                          {"y", "y"},  {"z", "z"},  {"t", "t"},     {"tdg", "tdg"}};
  auto by_name = [&](const std::string& n) -> const GateRow* {
    for (const auto& pair : kBases)
      if (n == pair[0]) return find_gate(pair[1]);
    return nullptr;
  };
  if (g.kind == Value::Str) base = by_name(*g.s);
  if (g.kind == Value::Class && g.i >= kFirstGateClass) base = &gate_class(g.i);
  if (g.kind == Value::Gate && g.gate->kind == GateValue::Gate) base = g.gate->row;
  if (base && base->num_qubits > 1 && base->target_qubits == 1)
    base = find_gate(base->label);  // a controlled gate's base
  if (!base || base->num_qubits != 1 || base->num_params != 0)
    refuse(*b.node[0], "an MCMT gate other than a one-qubit standard gate without parameters");
  CircuitObj mcmt = library_circuit("mcmt", static_cast<uint32_t>(c + t), "q", at);
  std::vector<std::vector<uint32_t>> qargs;
  for (uint32_t q = 0; q < c + t; ++q) qargs.push_back({q});
  if (t == 1) {
    const Value gate = controlled_std(base, {}, 1, static_cast<uint32_t>(c), at);
    append_gate(mcmt, *gate.gate, std::move(qargs), {}, at);
  } else {
    std::string label(base->qiskit_name);
    label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
    CircuitObj broadcast = library_circuit(std::to_string(t) + "-" + label, static_cast<uint32_t>(t), "q", at);
    for (uint32_t q = 0; q < t; ++q) emit(broadcast, OpKind::Gate, base->id, {q}, -1, {}, at);
    const int64_t bc = add_circuit(std::move(broadcast));
    const int64_t controlled = controlled_circuit(bc, static_cast<uint32_t>(c), at);
    const int32_t gate = circuit_gate(mcmt, controlled, at);
    std::vector<uint32_t> all(mcmt.c.num_qubits);
    for (uint32_t q = 0; q < all.size(); ++q) all[q] = q;
    emit(mcmt, OpKind::Gate, gate, all, -1, {}, at);
    mark_part(bc);
  }
  return Value::handle(Value::Circuit, add_circuit(std::move(mcmt)));
}

}  // namespace qvet::python
