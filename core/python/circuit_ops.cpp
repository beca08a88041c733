// QuantumCircuit's methods that make circuits from circuits, as Qiskit 1.0 names and builds them
// (qiskit/circuit/quantumcircuit.py, instruction.py, gate.py): inverse(), copy(), repeat(),
// power(), assign_parameters(), and an instruction object's inverse().
#include <algorithm>
#include <cmath>

#include "circuit/gates.hpp"
#include "python/interpreter.hpp"
#include "python/names.hpp"

namespace qvet::python {

namespace {

bool is_none(const Value* v) { return !v || v->kind == Value::None; }

// Instruction.inverse() of a gate made from a circuit: `_dg` added, or taken off again.
std::string toggle_dg(const std::string& name) {
  if (name.size() > 3 && name.compare(name.size() - 3, 3, "_dg") == 0) return name.substr(0, name.size() - 3);
  return name + "_dg";
}

}  // namespace

// The parameters of instruction `ins` of circuit `c` as values: numbers, or Parameter
// expressions over the interpreter's Parameter ids (the circuit numbers its own).
std::vector<Value> Interpreter::op_params(const CircuitObj& c, const std::vector<const Expr*>& symbolic,
                                          const Instruction& ins) {
  std::vector<Value> out;
  for (uint32_t k = 0; k < ins.param_count; ++k) {
    const uint32_t slot = ins.param_begin + k;
    if (!symbolic[slot]) {
      out.push_back(Value::real(c.c.param_pool[slot]));
      continue;
    }
    Expr e = *symbolic[slot];
    for (ExprOp& op : e)
      if (op.code == ExprOp::Param) op.param = static_cast<uint32_t>(c.param_ids[op.param]);
    out.push_back(Value::param(std::move(e)));
  }
  return out;
}

// sign * p[src] + pi_multiple * pi, for numbers and Parameter expressions alike.
Value Interpreter::related_param(const ParamMap& m, const std::vector<Value>& params, const Node& at) {
  if (m.src < 0) return Value::real(m.pi_multiple * kPi);
  Value v = params[static_cast<size_t>(m.src)];
  if (m.sign < 0) v = unary('-', v, at);
  if (m.pi_multiple != 0) v = binary('+', v, Value::real(m.pi_multiple * kPi), at);
  return v;
}

// A circuit named `name` with the registers of circuit `src` and none of its operations.
Interpreter::CircuitObj Interpreter::empty_like(int64_t src, const std::string& name, const Node& at) {
  CircuitObj out = new_circuit(at);
  out.name = name;
  const std::vector<int64_t> qregs = circuits_[src].qreg_ids, cregs = circuits_[src].creg_ids;
  for (int64_t r : qregs) add_register(out, r, at);
  for (int64_t r : cregs) add_register(out, r, at);
  return out;
}

int64_t Interpreter::add_circuit(CircuitObj c) {
  charge_circuit(c);
  circuits_.push_back(std::move(c));
  return static_cast<int64_t>(circuits_.size() - 1);
}

// A circuit's memory, charged to the program's budget (max_python_bytes) as it grows: its own
// table of gate definitions when it is made, its instructions' storage as emit() grows it (by
// capacity, which emit() sets with reserve, so the same on every platform). Circuits stay to the
// end of the program, so what is charged is never given back; a copy starts with nothing charged
// and is charged whole. Sizes are an x86-64 build's (memory.hpp says why), checked there.
namespace {
constexpr size_t kCircuitBytes = 552, kInstructionBytes = 36, kGateDefBytes = 240, kBodyOpBytes = 96;
#if UINTPTR_MAX == UINT64_MAX && defined(__x86_64__)
static_assert(sizeof(Instruction) == kInstructionBytes && sizeof(GateDef) == kGateDefBytes &&
                  sizeof(BodyOp) == kBodyOpBytes,
              "the circuit model changed: update its charges to match");
#endif
}  // namespace

void Interpreter::charge_circuit(CircuitObj& c) {
#if UINTPTR_MAX == UINT64_MAX && defined(__x86_64__)
  static_assert(sizeof(CircuitObj) == kCircuitBytes, "CircuitObj changed size: update its charge to match");
#endif
  const Circuit& k = c.c;
  size_t bytes = kCircuitBytes + k.ops.capacity() * kInstructionBytes + k.qubit_pool.capacity() * 4 +
                 k.param_pool.capacity() * sizeof(double) + k.gates.capacity() * kGateDefBytes;
  for (const GateDef& g : k.gates)
    bytes += g.body.capacity() * kBodyOpBytes + (g.matrix.capacity() + g.state.capacity()) * sizeof(Complex) +
             g.clbits.capacity() * 4;
  if (bytes > c.charged.bytes) ValueMemory::charge(bytes - c.charged.bytes);
  c.charged.bytes = std::max(bytes, c.charged.bytes);
}

// QuantumCircuit.inverse(): the operations in reverse order, each inverted (a standard gate by
// its named inverse, s -> sdg, rx(t) -> rx(-t); a gate made from a circuit by that circuit's
// inverse, named NAME_dg; a barrier stays). Measure and reset have no inverse: Qiskit raises.
int64_t Interpreter::inverse_circuit(int64_t src, const std::string& name, const Node& at) {
  CircuitObj out = empty_like(src, name, at);
  const CircuitObj from = circuits_[src];  // a copy: inverting sub-circuits adds circuits
  const std::vector<const Expr*> symbolic = from.c.symbolic_by_slot();
  step(at, "loops", from.c.ops.size());
  for (size_t i = from.c.ops.size(); i-- > 0;) {
    const Instruction& ins = from.c.ops[i];
    const std::vector<uint32_t> qs(from.c.qubits(ins), from.c.qubits(ins) + ins.qubit_count);
    if (ins.condition >= 0) refuse(at, "inverting a conditioned instruction");
    if (ins.kind == OpKind::Barrier) {
      emit(out, OpKind::Barrier, -1, qs, -1, {}, at);
      continue;
    }
    if (ins.kind != OpKind::Gate)
      fail(at, "E605", "inverse() not implemented for " + from.c.op_name(ins) + " (Qiskit raises here)");
    std::vector<Value> params = op_params(from, symbolic, ins);
    const int32_t gate = inverse_gate(out, src, ins.gate, params, at);
    emit(out, OpKind::Gate, gate, qs, -1, params, at);
  }
  return add_circuit(std::move(out));
}

// The inverse of gate `gate` of circuit `src`, as a gate of `dst`; `params` become its parameters.
int32_t Interpreter::inverse_gate(CircuitObj& dst, int64_t src, int32_t gate, std::vector<Value>& params,
                                  const Node& at) {
  const GateDef def = circuits_[src].c.gates[static_cast<size_t>(gate)];
  if (def.std && def.std->num_qubits == 0)  // a multi-controlled X is its own inverse
    return mcx_gate(dst, def.num_qubits, def.qiskit_name == "mcx_gray");
  if (def.std) {
    const RelatedGate& inv = def.std->inverse;
    const GateRow* row = inv.name.empty() ? nullptr : find_gate(inv.name);
    if (!row) {
      const int64_t sub = row_inverse_circuit(*def.std, params, at);
      params.clear();
      return circuit_gate(dst, sub, at);
    }
    std::vector<Value> mapped;
    for (uint8_t k = 0; k < inv.num_params; ++k) mapped.push_back(related_param(inv.params[k], params, at));
    params = std::move(mapped);
    return row->id;
  }
  int64_t sub = -1;
  for (const auto& [circuit, index] : circuits_[src].sub_defs)
    if (index == gate) sub = circuit;
  if (sub < 0) fail(at, "E605", "inverse() of '" + def.qiskit_name + "' is not read yet");
  const int64_t inv = inverse_circuit(sub, toggle_dg(circuits_[sub].name), at);
  return circuit_gate(dst, inv, at);
}

// A standard gate without a named inverse (rccx, dcx, iswap, csx, ...): Qiskit's
// Instruction.inverse() makes a gate NAME_dg defined by the inverted definition, here a circuit
// of that name holding the definition's gates in reverse order, each inverted.
int64_t Interpreter::row_inverse_circuit(const GateRow& row, const std::vector<Value>& params, const Node& at) {
  double p[4] = {};
  for (size_t k = 0; k < params.size() && k < 4; ++k) {
    if (!params[k].is_number()) refuse(at, "the inverse of " + std::string(row.qiskit_name) + " with a Parameter");
    p[k] = params[k].number();
  }
  if (!row.definition) fail(at, "E605", "Qiskit has no inverse of '" + std::string(row.qiskit_name) + "'");
  Definition d;
  row.definition(p, d);
  CircuitObj out = new_circuit(at);
  out.name = std::string(row.qiskit_name) + "_dg";
  regs_.push_back({true, "q", row.num_qubits, at.offset, at.length});
  add_register(out, static_cast<int64_t>(regs_.size() - 1), at);
  for (const Definition::Op* op = d.end(); op-- != d.begin();) {
    const std::vector<uint32_t> qs(op->qubits, op->qubits + op->num_qubits);
    std::vector<Value> values;
    for (uint8_t k = 0; k < op->gate->num_params; ++k) values.push_back(Value::real(op->params[k]));
    if (op->inverse) {  // the definition already holds the inverse: inverted, the gate itself
      emit(out, OpKind::Gate, op->gate->id, qs, -1, values, at);
      continue;
    }
    const RelatedGate& inv = op->gate->inverse;
    if (const GateRow* r = inv.name.empty() ? nullptr : find_gate(inv.name)) {
      std::vector<Value> mapped;
      for (uint8_t k = 0; k < inv.num_params; ++k) mapped.push_back(related_param(inv.params[k], values, at));
      emit(out, OpKind::Gate, r->id, qs, -1, mapped, at);
    } else {
      const int64_t sub = row_inverse_circuit(*op->gate, values, at);
      emit(out, OpKind::Gate, circuit_gate(out, sub, at), qs, -1, {}, at);
    }
  }
  out.part = true;
  return add_circuit(std::move(out));
}

// Gate.inverse() of an instruction object (HGate(), a circuit's to_gate(), ...).
Value Interpreter::inverse_value(const Value& g, const Node& at) {
  const GateValue& gate = *g.gate;
  auto made = std::make_shared<GateValue>(gate);
  switch (gate.kind) {
    case GateValue::Barrier: return g;
    case GateValue::Measure:
    case GateValue::Reset:
      fail(at, "E605",
           std::string("inverse() not implemented for ") + (gate.kind == GateValue::Measure ? "measure" : "reset") +
               " (Qiskit raises here)");
    case GateValue::Data: refuse(at, "the inverse of a " + g.gate->data->qiskit_name);
    case GateValue::Circuit:
      made->circuit = inverse_circuit(gate.circuit, toggle_dg(circuits_[gate.circuit].name), at);
      made->name = circuits_[made->circuit].name;
      break;
    case GateValue::Gate: {
      if (gate.row->num_qubits == 0) return g;  // mcx
      const RelatedGate& inv = gate.row->inverse;
      const GateRow* row = inv.name.empty() ? nullptr : find_gate(inv.name);
      if (!row) {
        made->kind = GateValue::Circuit;
        made->circuit = row_inverse_circuit(*gate.row, gate.params, at);
        made->name = circuits_[made->circuit].name;
        made->params.clear();
        break;
      }
      made->row = row;
      made->params.clear();
      for (uint8_t k = 0; k < inv.num_params; ++k)
        made->params.push_back(related_param(inv.params[k], gate.params, at));
      break;
    }
  }
  Value v;
  v.kind = Value::Gate;
  v.gate = made;
  return v;
}

// The circuit's Parameters in Qiskit's order, as values: what a gate made from it takes.
std::vector<Value> Interpreter::circuit_params(int64_t circuit) const {
  std::vector<Value> out;
  for (int64_t p : sorted_params(circuits_[circuit])) {
    ExprOp op;
    op.code = ExprOp::Param;
    op.param = static_cast<uint32_t>(p);
    out.push_back(Value::param(Expr{op}));
  }
  return out;
}

// A circuit made from `from` by inverse(), decompose(), assign_parameters(), ...: a part (never
// "the last built") until the code gives it a name; then it supersedes `from` (see adopt()).
Value Interpreter::derived(int64_t from, int64_t made) {
  circuits_[made].part = true;
  circuits_[made].derived_from = from;
  return Value::handle(Value::Circuit, made);
}

// A circuit used as a part (composed, appended, made a gate), and what it was derived from.
void Interpreter::mark_part(int64_t circuit) {
  for (int64_t id = circuit; id >= 0; id = circuits_[id].derived_from) circuits_[id].part = true;
}

// A circuit assigned to a variable: named so, and, if derived from another, now the one that counts.
void Interpreter::adopt(int64_t circuit, const std::string& var) {
  CircuitObj& c = circuits_[circuit];
  c.var = var;
  if (c.derived_from < 0) return;
  c.part = false;
  circuits_[c.derived_from].part = true;
  c.derived_from = -1;
}

// QuantumCircuit.copy(name=None): the same circuit, a new object.
int64_t Interpreter::copy_circuit(int64_t src, const Node& at) {
  CircuitObj copy = circuits_[src];
  copy.var.clear();
  copy.part = false;
  copy.derived_from = -1;
  copy.offset = at.offset;
  copy.length = at.length;
  return add_circuit(std::move(copy));
}

// QuantumCircuit.repeat(reps): a circuit NAME**reps holding reps copies of the circuit as one gate
// each (to_gate(), or to_instruction() when it has classical bits, which qvet does not read yet).
int64_t Interpreter::repeat_circuit(int64_t src, int64_t reps, const Node& at) {
  if (reps < 0) fail(at, "E609", "Cannot repeat a circuit a negative number of times (" + std::to_string(reps) + ")");
  CircuitObj out = empty_like(src, circuits_[src].name + "**" + std::to_string(reps), at);
  if (reps > 0) {
    const int32_t gate = circuit_gate(out, src, at);
    const std::vector<Value> params = circuit_params(src);
    std::vector<uint32_t> all(out.c.num_qubits);
    for (uint32_t q = 0; q < all.size(); ++q) all[q] = q;
    for (int64_t r = 0; r < reps; ++r) {
      step(at, "loops");
      emit(out, OpKind::Gate, gate, all, -1, params, at);
    }
  }
  return add_circuit(std::move(out));
}

// Qiskit's order of a circuit's Parameters (ParameterView, sort_parameters): by name, the
// elements of a ParameterVector by their index within it (x[2] before x[10]).
std::vector<int64_t> Interpreter::sorted_params(const CircuitObj& c) const {
  std::vector<int64_t> ids(c.param_ids);
  std::sort(ids.begin(), ids.end(), [&](int64_t a, int64_t b) {
    const ParamKey &ka = param_keys_[a], &kb = param_keys_[b];
    if (ka.base != kb.base) return ka.base < kb.base;
    return ka.index < kb.index;  // -1 (a lone Parameter) sorts first, as ("x",) < ("x", 0)
  });
  return ids;
}

// QuantumCircuit.assign_parameters(parameters, inplace=False, strict=True): a dict of
// {Parameter or ParameterVector: value or values}, or values in the circuit's Parameter order;
// a value may be a number or another Parameter expression. Bound expressions become numbers.
Value Interpreter::assign_parameters(int64_t id, Args& args, const Node& at) {
  Bound b = bind_args(args, {"parameters", "inplace", "flat_input", "strict"}, 1, 2, "assign_parameters", at);
  const bool inplace = !is_none(b[1]) && truth(*b[1], *b.node[1]);
  const bool strict = is_none(b[3]) || truth(*b[3], *b.node[3]);
  std::unordered_map<int64_t, Value> bound;  // Parameter id -> value
  auto one = [&](const Value& key, const Value& value, const Node& node) {
    if (key.kind != Value::Param || key.expr->size() != 1 || (*key.expr)[0].code != ExprOp::Param)
      fail(node, "E605", "assign_parameters() binds Parameters; a key is a " + std::string(type_name(key)));
    if (!value.is_number() && value.kind != Value::Param)
      fail(node, "E605", "a Parameter's value must be a number or a Parameter expression");
    const int64_t pid = (*key.expr)[0].param;
    const std::vector<int64_t>& ids = circuits_[id].param_ids;
    if (strict && std::find(ids.begin(), ids.end(), pid) == ids.end())
      fail(node, "E607", "Cannot bind parameters (" + params_[pid] + ") not present in the circuit.");
    bound[pid] = value;
  };
  const Value& given = *b[0];
  const Node& node = *b.node[0];
  if (given.kind == Value::Dict) {
    const Items& kv = *given.items;
    for (size_t i = 0; i + 1 < kv.size(); i += 2) {
      const Value &key = kv[i], &value = kv[i + 1];
      if (key.kind == Value::Tuple) {  // a ParameterVector and its values
        Items values = materialize(value, node);
        if (values.size() != key.items->size())
          fail(node, "E607",
               "a ParameterVector of " + std::to_string(key.items->size()) + " Parameters was given " +
                   std::to_string(values.size()) + " values");
        for (size_t k = 0; k < values.size(); ++k) one((*key.items)[k], values[k], node);
      } else {
        one(key, value, node);
      }
    }
  } else {
    Items values = materialize(given, node);
    const std::vector<int64_t> order = sorted_params(circuits_[id]);
    if (values.size() != order.size())
      fail(node, "E607",
           "Mismatching number of values and parameters: " + std::to_string(values.size()) + " values for " +
               std::to_string(order.size()) +
               " Parameters. For partial binding please pass a dictionary of {parameter: value} pairs.");
    for (size_t k = 0; k < order.size(); ++k) {
      const Value& v = values[k];
      if (!v.is_number() && v.kind != Value::Param)
        fail(node, "E605", "a Parameter's value must be a number or a Parameter expression");
      bound[order[k]] = v;
    }
  }
  const int64_t dst = inplace ? id : copy_circuit(id, at);
  bind_in_place(dst, bound, at);
  return inplace ? Value{} : derived(id, dst);
}

// Substitutes `bound` (Parameter id -> number or Parameter expression) in circuit `dst`.
void Interpreter::bind_in_place(int64_t dst, const std::unordered_map<int64_t, Value>& bound, const Node& at) {
  CircuitObj& c = circuits_[dst];
  // Each symbolic parameter over the interpreter's ids, with the bound ones substituted; then
  // either a number again or an expression over the circuit's Parameters, renumbered from scratch.
  std::vector<SymbolicParam> old = std::move(c.c.symbolic);
  const std::vector<int64_t> old_ids = std::move(c.param_ids);
  c.c.symbolic.clear();
  c.param_ids.clear();
  c.c.parameters.clear();
  std::vector<double> stack;
  for (SymbolicParam& p : old) {
    Expr e;
    bool symbolic = false;
    for (const ExprOp& op : p.expr) {
      if (op.code != ExprOp::Param) {
        e.push_back(op);
        continue;
      }
      const int64_t pid = old_ids[op.param];
      auto it = bound.find(pid);
      if (it == bound.end()) {
        ExprOp g = op;
        g.param = static_cast<uint32_t>(pid);
        e.push_back(g);
        symbolic = true;
      } else if (it->second.kind == Value::Param) {
        e.insert(e.end(), it->second.expr->begin(), it->second.expr->end());
        symbolic = true;
      } else {
        ExprOp k;
        k.value = it->second.number();
        e.push_back(k);
      }
    }
    if (symbolic) {
      for (ExprOp& op : e)
        if (op.code == ExprOp::Param) op.param = local_param(c, op.param, at);
      c.c.symbolic.push_back({p.slot, std::move(e)});
      continue;
    }
    double x = 0;
    const char* error = nullptr;
    if (!evaluate(e, nullptr, stack, &x, &error)) fail(at, "E609", std::string("binding the Parameters: ") + error);
    c.c.param_pool[p.slot] = x;
  }
}

// Methods of an instruction object: inverse(); the rest are not read yet.
Value Interpreter::gate_method(const Value& g, const std::string& method, Args& args, const Node& at) {
  if (method == "inverse") {
    bind_args(args, {"annotated"}, 0, 1, "inverse", at);
    return inverse_value(g, at);
  }
  if (method == "control") return control_value(g, args, at);
  refuse(at, "the method ." + method + "() of an instruction");
}

}  // namespace qvet::python

namespace qvet::python {

// QuantumCircuit.decompose() (one level, every gate): each gate replaced by its definition as
// Qiskit writes it (a standard gate by the gate table's definition, a gate made from a circuit by
// that circuit's operations, initialize by resets and a state_preparation), keeping conditions;
// gates without a definition (U, CX, control flow) and measure, reset, barrier stay as they are.
int64_t Interpreter::decompose_circuit(int64_t src, const Node& at) {
  CircuitObj out = empty_like(src, circuits_[src].name, at);
  const CircuitObj from = circuits_[src];
  out.c.conditions = from.c.conditions;
  out.param_ids.clear();
  const std::vector<const Expr*> symbolic = from.c.symbolic_by_slot();
  auto put = [&](OpKind kind, int32_t gate, const std::vector<uint32_t>& qs, int32_t clbit,
                 const std::vector<Value>& params, int32_t condition) {
    emit(out, kind, gate, qs, clbit, params, at);
    out.c.ops.back().condition = condition;
  };
  step(at, "loops", from.c.ops.size());
  for (const Instruction& ins : from.c.ops) {
    const std::vector<uint32_t> qs(from.c.qubits(ins), from.c.qubits(ins) + ins.qubit_count);
    std::vector<Value> params = op_params(from, symbolic, ins);
    if (ins.kind != OpKind::Gate) {
      put(ins.kind, -1, qs, ins.clbit, {}, ins.condition);
      continue;
    }
    const GateDef& def = from.c.gates[static_cast<size_t>(ins.gate)];
    if (def.std && def.std->definition && def.std->num_qubits > 0) {
      double p[4] = {};
      for (size_t k = 0; k < params.size() && k < 4; ++k) {
        if (!params[k].is_number()) refuse(at, "decompose() of a standard gate with a Parameter");
        p[k] = params[k].number();
      }
      Definition d;
      def.std->definition(p, d);
      for (const Definition::Op& op : d) {
        std::vector<uint32_t> on;
        for (uint8_t k = 0; k < op.num_qubits; ++k) on.push_back(qs[op.qubits[k]]);
        std::vector<Value> values;
        for (uint8_t k = 0; k < op.gate->num_params; ++k) values.push_back(Value::real(op.params[k]));
        int32_t gate = op.gate->id;
        if (op.inverse) {  // Qiskit's definition holds the inverse of a gate (c4x's rc3x): NAME_dg
          const int64_t inv = row_inverse_circuit(*op.gate, values, at);
          gate = circuit_gate(out, inv, at);
          values.clear();
        }
        put(OpKind::Gate, gate, on, -1, values, ins.condition);
      }
      continue;
    }
    if (def.resets) {  // initialize: a reset on each qubit, then the state's preparation
      for (uint32_t q : qs) put(OpKind::Reset, -1, {q}, -1, {}, ins.condition);
      GateDef prep = def;
      prep.name = prep.qiskit_name = "state_preparation";
      prep.resets = false;
      out.c.gates.push_back(std::move(prep));
      put(OpKind::Gate, static_cast<int32_t>(out.c.gates.size() - 1), qs, -1, {}, ins.condition);
      continue;
    }
    int64_t sub = -1;
    for (const auto& [circuit, index] : from.sub_defs)
      if (index == ins.gate) sub = circuit;
    if (sub < 0 || def.is_leaf()) {  // no definition Qiskit would open: kept whole
      const int32_t gate = import_gate(out, src, ins.gate);
      put(OpKind::Gate, gate, qs, -1, params, ins.condition);
      continue;
    }
    // A gate made from a circuit: that circuit's operations, its Parameters replaced by the
    // instruction's values.
    const CircuitObj inner = circuits_[sub];
    const std::vector<int64_t> formal = sorted_params(inner);
    std::unordered_map<int64_t, Value> bound;
    for (size_t k = 0; k < formal.size() && k < params.size(); ++k) bound[formal[k]] = params[k];
    const int64_t copy = copy_circuit(sub, at);
    if (!bound.empty()) bind_in_place(copy, bound, at);
    circuits_[copy].part = true;
    const CircuitObj body = circuits_[copy];
    const std::vector<const Expr*> body_symbolic = body.c.symbolic_by_slot();
    for (const Instruction& b : body.c.ops) {
      std::vector<uint32_t> on;
      for (uint32_t k = 0; k < b.qubit_count; ++k) on.push_back(qs[body.c.qubits(b)[k]]);
      const int32_t gate = b.kind == OpKind::Gate ? import_gate(out, copy, b.gate) : -1;
      put(b.kind, gate, on, -1, b.kind == OpKind::Gate ? op_params(body, body_symbolic, b) : std::vector<Value>{},
          ins.condition);
    }
  }
  return add_circuit(std::move(out));
}

// QuantumCircuit.reverse_bits(): qubit q becomes n-1-q and clbit c becomes m-1-c; the registers
// come in reverse order, each with its bits reversed (so each stays one contiguous range).
int64_t Interpreter::reverse_bits_circuit(int64_t src, const Node& at) {
  const CircuitObj from = circuits_[src];
  for (const Instruction& ins : from.c.ops)
    if (ins.condition >= 0) refuse(at, "reverse_bits() of a circuit with conditions");
  CircuitObj out = new_circuit(at);
  out.name = from.name;
  for (size_t k = from.qreg_ids.size(); k-- > 0;) add_register(out, from.qreg_ids[k], at);
  for (size_t k = from.creg_ids.size(); k-- > 0;) add_register(out, from.creg_ids[k], at);
  out.c.gates = from.c.gates;
  out.sub_defs = from.sub_defs;
  out.mcx_defs = from.mcx_defs;
  const uint32_t n = from.c.num_qubits, m = from.c.num_clbits;
  const std::vector<const Expr*> symbolic = from.c.symbolic_by_slot();
  for (const Instruction& ins : from.c.ops) {
    std::vector<uint32_t> qs;
    for (uint32_t k = 0; k < ins.qubit_count; ++k) qs.push_back(n - 1 - from.c.qubits(ins)[k]);
    const int32_t clbit = ins.clbit >= 0 ? static_cast<int32_t>(m - 1 - static_cast<uint32_t>(ins.clbit)) : -1;
    emit(out, ins.kind, ins.gate, qs, clbit, op_params(from, symbolic, ins), at);
  }
  return add_circuit(std::move(out));
}

// QuantumCircuit.remove_final_measurements() (the RemoveFinalMeasurements pass): measurements
// and barriers with nothing after them on their wires go, then every classical register left
// unused. Read from the end: an operation is final when no kept operation after it shares a wire.
void Interpreter::remove_final_measurements(int64_t id, const Node& at) {
  CircuitObj& c = circuits_[id];
  const uint32_t n = c.c.num_qubits;
  std::vector<uint8_t> busy(n + c.c.num_clbits, 0);
  std::vector<uint8_t> keep(c.c.ops.size(), 1);
  for (size_t i = c.c.ops.size(); i-- > 0;) {
    const Instruction& ins = c.c.ops[i];
    const uint32_t* q = c.c.qubits(ins);
    bool free = ins.condition < 0;
    for (uint32_t k = 0; k < ins.qubit_count; ++k) free = free && !busy[q[k]];
    if (ins.clbit >= 0) free = free && !busy[n + static_cast<uint32_t>(ins.clbit)];
    if ((ins.kind == OpKind::Measure || ins.kind == OpKind::Barrier) && free) {
      keep[i] = 0;
      continue;
    }
    for (uint32_t k = 0; k < ins.qubit_count; ++k) busy[q[k]] = 1;
    if (ins.clbit >= 0) busy[n + static_cast<uint32_t>(ins.clbit)] = 1;
    if (ins.condition >= 0) {
      const Condition& cond = c.c.conditions[static_cast<size_t>(ins.condition)];
      for (uint32_t b = 0; b < cond.clbit_count; ++b) busy[n + cond.clbit_begin + b] = 1;
    }
  }
  // The registers still read or written stay; the rest go, and the clbits are renumbered.
  std::vector<uint32_t> new_offset(c.c.cregs.size(), UINT32_MAX);
  std::vector<Register> cregs;
  std::vector<int64_t> creg_ids;
  uint32_t total = 0;
  for (size_t r = 0; r < c.c.cregs.size(); ++r) {
    const Register& reg = c.c.cregs[r];
    bool used = false;
    for (uint32_t b = 0; b < reg.size; ++b) used = used || busy[n + reg.offset + b];
    if (!used) continue;
    new_offset[r] = total;
    Register moved = reg;
    moved.offset = total;
    total += reg.size;
    cregs.push_back(moved);
    creg_ids.push_back(c.creg_ids[r]);
  }
  auto remap = [&](uint32_t bit) {
    for (size_t r = 0; r < c.c.cregs.size(); ++r)
      if (bit >= c.c.cregs[r].offset && bit < c.c.cregs[r].offset + c.c.cregs[r].size)
        return new_offset[r] + (bit - c.c.cregs[r].offset);
    return bit;
  };
  std::vector<Instruction> ops;
  for (size_t i = 0; i < c.c.ops.size(); ++i) {
    if (!keep[i]) continue;
    Instruction ins = c.c.ops[i];
    if (ins.clbit >= 0) ins.clbit = static_cast<int32_t>(remap(static_cast<uint32_t>(ins.clbit)));
    ops.push_back(ins);
  }
  for (Condition& cond : c.c.conditions) {
    const uint32_t old_reg = cond.creg;
    cond.clbit_begin = remap(cond.clbit_begin);
    for (size_t r = 0, k = 0; r < c.c.cregs.size(); ++r)
      if (new_offset[r] != UINT32_MAX) {
        if (r == old_reg) cond.creg = static_cast<uint32_t>(k);
        ++k;
      }
  }
  (void)at;
  c.c.ops = std::move(ops);
  c.c.cregs = std::move(cregs);
  c.creg_ids = std::move(creg_ids);
  c.c.num_clbits = total;
}

// QuantumCircuit.measure_active(): a register "measure" of one clbit per qubit some operation
// touches, a barrier over every qubit, then those measurements.
void Interpreter::measure_active(int64_t id, const Node& at) {
  CircuitObj& c = circuits_[id];
  std::vector<uint8_t> active(c.c.num_qubits, 0);
  for (const Instruction& ins : c.c.ops)
    for (uint32_t k = 0; k < ins.qubit_count; ++k) active[c.c.qubits(ins)[k]] = 1;
  std::vector<uint32_t> qubits, all;
  for (uint32_t q = 0; q < c.c.num_qubits; ++q) {
    all.push_back(q);
    if (active[q]) qubits.push_back(q);
  }
  std::string rname = "measure";
  for (const Register& r : c.c.cregs)
    if (r.name == rname) rname = "measure" + std::to_string(creg_counter_++);
  regs_.push_back({false, rname, static_cast<uint32_t>(qubits.size()), at.offset, at.length});
  add_register(c, static_cast<int64_t>(regs_.size() - 1), at);
  const uint32_t offset = c.c.cregs.back().offset;
  if (!all.empty()) emit(c, OpKind::Barrier, -1, all, -1, {}, at);
  for (size_t k = 0; k < qubits.size(); ++k)
    emit(c, OpKind::Measure, -1, {qubits[k]}, static_cast<int32_t>(offset + k), {}, at);
}

}  // namespace qvet::python
