// Qiskit's circuit-building API as the static subset knows it: registers, QuantumCircuit and its
// gate methods, append() with the library's gate classes, and Qiskit's broadcasting rules
// (qiskit.circuit.Gate.broadcast_arguments, Measure's, Barrier's), with Qiskit's error messages
// where a user would recognise them.
#include <algorithm>
#include <cmath>
#include <limits>

#include "circuit/gates.hpp"
#include "python/interpreter.hpp"
#include "python/names.hpp"

namespace qvet::python {

namespace {

bool is_none(const Value* v) { return !v || v->kind == Value::None; }

}  // namespace

// Python's binding of a call's arguments to parameter names: positionals in order (at most
// `positional` of them), then keywords by name; the first `required` names must be given.
Interpreter::Bound Interpreter::bind_args(Args& args, const std::vector<const char*>& names, size_t required,
                                          size_t positional, const std::string& fname, const Node& at) {
  Bound b;
  b.v.assign(names.size(), nullptr);
  b.node.assign(names.size(), &at);
  positional = std::min(positional, names.size());
  if (args.pos.size() > positional)
    fail(*args.pos_nodes[positional], "E605",
         fname + "() takes at most " + std::to_string(positional) + " positional arguments");
  for (size_t i = 0; i < args.pos.size(); ++i) b.v[i] = &args.pos[i], b.node[i] = args.pos_nodes[i];
  for (size_t k = 0; k < args.kw.size(); ++k) {
    size_t i = 0;
    while (i < names.size() && args.kw[k].first != names[i]) ++i;
    if (i == names.size())
      fail(*args.kw_nodes[k], "E605", fname + "() got an unexpected keyword argument '" + args.kw[k].first + "'");
    if (b.v[i])
      fail(*args.kw_nodes[k], "E605", fname + "() got multiple values for argument '" + args.kw[k].first + "'");
    b.v[i] = &args.kw[k].second;
    b.node[i] = args.kw_nodes[k];
  }
  for (size_t i = 0; i < required; ++i)
    if (!b.v[i]) fail(at, "E605", fname + "() missing required argument '" + names[i] + "'");
  return b;
}

Interpreter::CircuitObj Interpreter::new_circuit(const Node& at) {
  CircuitObj o;
  for (const GateRow& g : gate_rows()) {
    o.c.gates.push_back(standard_gate_def(g));
    o.c.gates.back().available = true;
  }
  o.offset = at.offset;
  o.length = at.length;
  return o;
}

void Interpreter::add_register(CircuitObj& c, int64_t id, const Node& at) {
  const RegObj& r = regs_[id];
  std::vector<Register>& list = r.quantum ? c.c.qregs : c.c.cregs;
  for (const Register& existing : list)
    if (existing.name == r.name) fail(at, "E607", "register name \"" + r.name + "\" already exists in the circuit");
  uint32_t& total = r.quantum ? c.c.num_qubits : c.c.num_clbits;
  const uint64_t limit = r.quantum ? opt_.limits.max_qubits : opt_.limits.max_clbits;
  if (uint64_t{total} + r.size > limit)
    fail(at, r.quantum ? "E402" : "E403",
         std::string("the circuit would have ") + std::to_string(uint64_t{total} + r.size) +
             (r.quantum ? " qubits" : " clbits") + "; the limit is " + std::to_string(limit));
  Register reg;
  reg.name = r.name;
  reg.size = r.size;
  reg.offset = total;
  reg.span = map_.span(r.offset, r.length);
  list.push_back(std::move(reg));
  (r.quantum ? c.qreg_ids : c.creg_ids).push_back(id);
  total += r.size;
}

Value Interpreter::construct(int64_t cls, Args& args, const Node& at) {
  const std::string cname = class_name(cls);
  auto bind = [&](const std::vector<const char*>& names, size_t required) {
    return bind_args(args, names, required, names.size(), cname, at);
  };
  auto gate_value = [&](GateValue::Kind kind, const GateRow* row, uint32_t nq) {
    auto g = std::make_shared<GateValue>();
    g->kind = kind;
    g->row = row;
    g->num_qubits = nq;
    Value v;
    v.kind = Value::Gate;
    v.gate = g;
    return std::make_pair(v, g);
  };
  auto refuse_ctrl_state = [&](const Value* v, const Node* node) {
    if (!is_none(v)) refuse(*node, "ctrl_state (open controls)");
  };

  switch (cls) {
    case kQuantumCircuit: {
      for (size_t k = 0; k < args.kw.size(); ++k)
        if (args.kw[k].first != "name" && args.kw[k].first != "global_phase" && args.kw[k].first != "metadata")
          fail(*args.kw_nodes[k], "E605",
               "QuantumCircuit() got an unexpected keyword argument '" + args.kw[k].first + "'");
      CircuitObj made = new_circuit(at);  // kept only if the arguments are good
      for (size_t k = 0; k < args.kw.size(); ++k)
        if (args.kw[k].first == "name") {
          if (args.kw[k].second.kind != Value::Str)
            fail(*args.kw_nodes[k], "E605", "a circuit's name must be a string");
          made.name = *args.kw[k].second.s;
        }
      // Qiskit names an unnamed circuit circuit-<n> from a process-wide counter: the number in
      // Qiskit depends on every circuit built before, in qvet on this code's.
      if (made.name.empty()) made.name = "circuit-" + std::to_string(circuit_counter_++);
      // Qiskit: if any argument is not a register, all must be integers (2.0 counts as 2).
      const bool sizes = std::any_of(args.pos.begin(), args.pos.end(), [](const Value& v) {
        return v.kind != Value::QReg && v.kind != Value::CReg && v.kind != Value::List;
      });
      if (sizes) {
        for (size_t i = 0; i < args.pos.size(); ++i) {
          const Value& v = args.pos[i];
          if (!v.is_number() || (v.kind == Value::Float && (v.f != std::floor(v.f) || std::fabs(v.f) > 1e15)))
            fail(*args.pos_nodes[i], "E605",
                 "Circuit args must be registers or integers ('" +
                     (v.is_number() ? str(v, *args.pos_nodes[i]) : std::string(type_name(v))) + "' was provided)");
        }
        if (args.pos.size() > 2)
          fail(at, "E605", "QuantumCircuit parameters can be registers or integers; if integers, up to 2 of them");
        for (size_t i = 0; i < args.pos.size(); ++i) {
          const int64_t n = args.pos[i].kind == Value::Float ? static_cast<int64_t>(args.pos[i].f) : args.pos[i].i;
          if (n < 0) fail(*args.pos_nodes[i], "E609", "register size must be non-negative, not " + std::to_string(n));
          const uint64_t limit = i == 0 ? opt_.limits.max_qubits : opt_.limits.max_clbits;
          if (static_cast<uint64_t>(n) > limit)
            fail(*args.pos_nodes[i], i == 0 ? "E402" : "E403",
                 std::to_string(n) + (i == 0 ? " qubits" : " clbits") + "; the limit is " + std::to_string(limit));
          if (n == 0) continue;
          regs_.push_back({i == 0, i == 0 ? "q" : "c", static_cast<uint32_t>(n), at.offset, at.length});
          add_register(made, static_cast<int64_t>(regs_.size() - 1), *args.pos_nodes[i]);
        }
      } else {
        for (size_t i = 0; i < args.pos.size(); ++i) {
          const Value& r = args.pos[i];
          if (r.kind != Value::QReg && r.kind != Value::CReg) {
            if (r.kind == Value::List) refuse(*args.pos_nodes[i], "building a QuantumCircuit from a list of bits");
            fail(*args.pos_nodes[i], "E605", "QuantumCircuit() takes registers or integers");
          }
          add_register(made, r.i, *args.pos_nodes[i]);
        }
      }
      add_circuit(std::move(made));
      return Value::handle(Value::Circuit, static_cast<int64_t>(circuits_.size() - 1));
    }
    case kQuantumRegister:
    case kClassicalRegister: {
      Bound b = bind({"size", "name", "bits"}, 1);
      if (!is_none(b[2])) refuse(*b.node[2], "registers built from existing bits");
      const int64_t n = to_int(*b[0], *b.node[0], "the register size");
      const bool quantum = cls == kQuantumRegister;
      if (n < 0) fail(*b.node[0], "E609", "register size must be non-negative, not " + std::to_string(n));
      const uint64_t limit = quantum ? opt_.limits.max_qubits : opt_.limits.max_clbits;
      if (static_cast<uint64_t>(n) > limit)
        fail(*b.node[0], quantum ? "E402" : "E403",
             "a register of " + std::to_string(n) + (quantum ? " qubits" : " clbits") + "; the limit is " +
                 std::to_string(limit));
      std::string rname;
      if (is_none(b[1])) {
        rname = (quantum ? "q" : "c") + std::to_string(quantum ? qreg_counter_++ : creg_counter_++);
      } else if (b[1]->kind == Value::Str) {
        rname = *b[1]->s;
      } else {
        fail(*b.node[1], "E605", "the register name must be a string");
      }
      regs_.push_back({quantum, rname, static_cast<uint32_t>(n), at.offset, at.length});
      return Value::handle(quantum ? Value::QReg : Value::CReg, static_cast<int64_t>(regs_.size() - 1));
    }
    case kParameter: {
      Bound b = bind({"name"}, 1);
      if (b[0]->kind != Value::Str) fail(*b.node[0], "E605", "a Parameter's name must be a string");
      params_.push_back(*b[0]->s);
      param_keys_.push_back({*b[0]->s, -1});
      ExprOp p;
      p.code = ExprOp::Param;
      p.param = static_cast<uint32_t>(params_.size() - 1);
      return Value::param(Expr{p});
    }
    case kMeasure:
    case kReset: {
      bind({"label"}, 0);
      return gate_value(cls == kMeasure ? GateValue::Measure : GateValue::Reset, nullptr, 1).first;
    }
    case kBarrier: {
      Bound b = bind({"num_qubits", "label"}, 1);
      const int64_t n = to_int(*b[0], *b.node[0], "num_qubits");
      if (n < 0 || static_cast<uint64_t>(n) > opt_.limits.max_qubits)
        fail(*b.node[0], "E609", "bad barrier width " + std::to_string(n));
      return gate_value(GateValue::Barrier, nullptr, static_cast<uint32_t>(n)).first;
    }
    case kParameterVector: {
      Bound b = bind({"name", "length"}, 1);
      if (b[0]->kind != Value::Str) fail(*b.node[0], "E605", "a ParameterVector's name must be a string");
      const int64_t n = is_none(b[1]) ? 0 : to_int(*b[1], *b.node[1], "the length");
      if (n < 0) fail(*b.node[1], "E609", "a ParameterVector's length must be non-negative");
      count_items(static_cast<uint64_t>(n), at);
      Items elements;
      for (int64_t k = 0; k < n; ++k) {
        params_.push_back(*b[0]->s + "[" + std::to_string(k) + "]");
        param_keys_.push_back({*b[0]->s, k});
        ExprOp p;
        p.code = ExprOp::Param;
        p.param = static_cast<uint32_t>(params_.size() - 1);
        elements.push_back(Value::param(Expr{p}));
      }
      return Value::list(std::move(elements), Value::Tuple);
    }
    case kQFT: return library_qft(args, at);
    case kUnitaryGate:
    case kStatePreparation:
    case kInitialize: return construct_data_gate(cls, args, at);
    case kTwoLocal:
    case kRealAmplitudes:
    case kEfficientSU2: return library_nlocal(cls, args, at);
    case kPauliFeatureMap:
    case kZFeatureMap:
    case kZZFeatureMap: return library_feature_map(cls, args, at);
    case kGroverOperator: return library_grover(args, at);
    case kPhaseEstimation: return library_phase_estimation(args, at);
    case kSparsePauliOp: {  // SparsePauliOp("ZZI") or (["XX", "ZZ"], coeffs): run code, sized by its labels
      note_run(kRunQuantumInfo, at);
      Value op = Value::handle(Value::Inert, kRunQuantumInfo);
      if (!args.pos.empty()) {
        const Value& d = args.pos[0];
        if (d.kind == Value::Str) op.k = static_cast<int64_t>(d.s->size()) + 1;
        if ((d.kind == Value::List || d.kind == Value::Tuple) && !d.items->empty() && (*d.items)[0].kind == Value::Str)
          op.k = static_cast<int64_t>((*d.items)[0].s->size()) + 1;
      }
      return op;
    }
    case kStatevector:
    case kOperator: {
      // Made from a circuit it computes with the circuit (skipped, as run code); from data it is
      // that data: the amplitudes, or the matrix, as lists.
      Bound b = bind({"data", "dims"}, 1);
      if (b[0]->kind == Value::Circuit || b[0]->kind == Value::Gate) {
        note_run(kRunQuantumInfo, at);
        return Value::handle(Value::Inert, kRunQuantumInfo);
      }
      if (cls == kOperator) return nested(Value::list(materialize(*b[0], *b.node[0])), at);
      Items amps;
      for (const Value& v : materialize(*b[0], *b.node[0])) {
        complex_of(v, *b.node[0]);
        amps.push_back(v);
      }
      return Value::list(std::move(amps));
    }
    case kMCMT: return library_mcmt(args, at);
    case kMCXGate: {
      Bound b = bind({"num_ctrl_qubits", "label", "ctrl_state"}, 1);
      refuse_ctrl_state(b[2], b.node[2]);
      const int64_t k = to_int(*b[0], *b.node[0], "num_ctrl_qubits");
      if (k < 1) fail(*b.node[0], "E609", "an MCX gate needs at least one control qubit");
      if (static_cast<uint64_t>(k) >= opt_.limits.max_qubits) fail(*b.node[0], "E402", "too many control qubits");
      return gate_value(GateValue::Gate, mcx_row(static_cast<uint64_t>(k)), static_cast<uint32_t>(k + 1)).first;
    }
    default: break;
  }
  const GateRow& row = gate_class(cls);
  const PythonApi& spec = row.python;
  const int np = row.num_params;
  Bound b;
  switch (np) {
    case 0: b = bind({"label", "ctrl_state"}, 0); break;
    case 1: b = bind({spec.params[0], "label", "ctrl_state"}, 1); break;
    case 2: b = bind({spec.params[0], spec.params[1], "label", "ctrl_state"}, 2); break;
    case 3: b = bind({spec.params[0], spec.params[1], spec.params[2], "label", "ctrl_state"}, 3); break;
    default:
      b = bind({spec.params[0], spec.params[1], spec.params[2], spec.params[3], "label", "ctrl_state"}, 4);
      break;
  }
  refuse_ctrl_state(b[np + 1], b.node[np + 1]);
  auto made = gate_value(GateValue::Gate, &row, row.num_qubits);
  for (int i = 0; i < np; ++i) made.second->params.push_back(*b[i]);
  return made.first;
}

Value Interpreter::circuit_attribute(int64_t id, const std::string& attr, const Node& at) {
  CircuitObj& c = circuits_[id];
  if (attr == "num_qubits") return Value::integer(c.c.num_qubits);
  if (attr == "num_clbits") return Value::integer(c.c.num_clbits);
  if (attr == "qubits" || attr == "clbits" || attr == "qregs" || attr == "cregs") {
    const bool q = attr == "qubits" || attr == "qregs";
    const std::vector<int64_t>& ids = q ? c.qreg_ids : c.creg_ids;
    Items items;
    for (int64_t r : ids) {
      if (attr == "qregs" || attr == "cregs") {
        items.push_back(Value::handle(q ? Value::QReg : Value::CReg, r));
        continue;
      }
      count_items(regs_[r].size, at);
      for (uint32_t i = 0; i < regs_[r].size; ++i)
        items.push_back(Value::handle(q ? Value::Qubit : Value::Clbit, i, r));
    }
    return Value::list(std::move(items));
  }
  if (attr == "name") return Value::string(c.name);
  if (attr == "num_parameters") return Value::integer(static_cast<int64_t>(c.param_ids.size()));
  if (attr == "parameters") {
    Items items;
    for (int64_t p : sorted_params(c)) {
      ExprOp op;
      op.code = ExprOp::Param;
      op.param = static_cast<uint32_t>(p);
      items.push_back(Value::param(Expr{op}));
    }
    count_items(items.size(), at);
    return Value::list(std::move(items));
  }
  if (in_print_) return Value::handle(Value::Nothing, 0);
  refuse(at, "QuantumCircuit." + attr);
}

std::vector<uint32_t> Interpreter::qubit_args(CircuitObj& c, const Value& v, const Node& at, bool quantum) {
  std::vector<uint32_t> out;
  const char* want = quantum ? "Qubit" : "Clbit";
  auto register_offset = [&](int64_t reg, uint32_t* offset) {
    const std::vector<int64_t>& ids = quantum ? c.qreg_ids : c.creg_ids;
    const std::vector<Register>& regs = quantum ? c.c.qregs : c.c.cregs;
    for (size_t k = 0; k < ids.size(); ++k)
      if (ids[k] == reg) {
        *offset = regs[k].offset;
        return true;
      }
    return false;
  };
  auto one = [&](const Value& x) {
    switch (x.kind) {
      case Value::Bool:
      case Value::Int: {
        const int64_t n = quantum ? c.c.num_qubits : c.c.num_clbits;
        int64_t i = x.i;
        if (i < 0) i += n;
        if (i < 0 || i >= n)
          fail(at, "E606",
               "Index " + std::to_string(x.i) + " out of range for size " + std::to_string(n) + " (the circuit has " +
                   std::to_string(n) + (quantum ? " qubits)" : " clbits)"));
        out.push_back(static_cast<uint32_t>(i));
        return;
      }
      case Value::Qubit:
      case Value::Clbit: {
        if ((x.kind == Value::Qubit) != quantum)
          fail(at, "E605",
               std::string("Incorrect bit type: expected '") + want + "' but got '" +
                   (x.kind == Value::Qubit ? "Qubit" : "Clbit") + "'");
        uint32_t offset = 0;
        if (!register_offset(x.j, &offset))
          fail(at, "E607",
               "bit " + regs_[x.j].name + "[" + std::to_string(x.i) +
                   "] is not in the circuit (add its register to the circuit first)");
        out.push_back(offset + static_cast<uint32_t>(x.i));
        return;
      }
      case Value::QReg:
      case Value::CReg: {
        if ((x.kind == Value::QReg) != quantum)
          fail(at, "E605",
               std::string("Incorrect bit type: expected '") + want + "' but got a " +
                   (x.kind == Value::QReg ? "QuantumRegister" : "ClassicalRegister"));
        uint32_t offset = 0;
        if (!register_offset(x.i, &offset))
          fail(at, "E607", "register '" + regs_[x.i].name + "' is not in the circuit (add it to the circuit first)");
        for (uint32_t i = 0; i < regs_[x.i].size; ++i) out.push_back(offset + i);
        return;
      }
      case Value::Float: fail(at, "E605", "Invalid bit index: '" + str(x, at) + "' of type 'float'");
      default:
        fail(at, "E605",
             std::string("a ") + (quantum ? "qubit" : "clbit") +
                 " must be an integer, a bit, a register or a list of those");
    }
  };
  if (v.kind == Value::List || v.kind == Value::Tuple || v.kind == Value::Range) {
    iterate(at, v, [&](const Value& x) {
      if (x.kind == Value::List || x.kind == Value::Tuple || x.kind == Value::Range)
        fail(at, "E605", "a list of qubits cannot contain lists");
      one(x);
      return true;
    });
  } else {
    one(v);
  }
  return out;
}

// compose(): the other circuit's operations, in order, on the qubits and clbits given. Their
// parameters are numbers, or Parameter expressions renumbered from the other circuit's own
// Parameter indices to the interpreter's ids.
void Interpreter::compose(int64_t dst_id, int64_t src_id, const std::vector<uint32_t>& qubits,
                          const std::vector<uint32_t>& clbits, const Node& at) {
  // A circuit composed with itself is read whole first; another is read in place (composing adds
  // no circuit, so the reference stays valid).
  std::unique_ptr<const CircuitObj> self_copy;
  if (src_id == dst_id) self_copy = std::make_unique<const CircuitObj>(circuits_[src_id]);
  const CircuitObj& src = self_copy ? *self_copy : circuits_[src_id];
  const std::vector<const Expr*> symbolic = src.c.symbolic_by_slot();
  std::vector<uint32_t> qs;
  for (const Instruction& ins : src.c.ops) {
    qs.clear();
    for (uint32_t k = 0; k < ins.qubit_count; ++k) qs.push_back(qubits[src.c.qubits(ins)[k]]);
    const int32_t clbit = ins.clbit >= 0 ? static_cast<int32_t>(clbits[static_cast<size_t>(ins.clbit)]) : -1;
    const int32_t gate = ins.kind == OpKind::Gate ? import_gate(circuits_[dst_id], src_id, ins.gate, clbits) : -1;
    const std::vector<Value> params = op_params(src, symbolic, ins);
    const int32_t condition =
        ins.condition >= 0 ? import_condition(circuits_[dst_id], src_id, ins.condition, clbits) : -1;
    emit(circuits_[dst_id], ins.kind, gate, qs, clbit, params, at);
    circuits_[dst_id].c.ops.back().condition = condition;
  }
}

// A gate of circuit `src` as a gate of `dst`: a table row is the same row; a variadic mcx is dst's
// of that width; a gate made from a circuit is made again in dst (its own sub-gates first).
int32_t Interpreter::import_gate(CircuitObj& dst, int64_t src, int32_t gate, const std::vector<uint32_t>& clbits) {
  const GateDef def = circuits_[src].c.gates[static_cast<size_t>(gate)];
  if (def.std && def.std->num_qubits == 0) return mcx_gate(dst, def.num_qubits, def.qiskit_name == "mcx_gray");
  if (def.std) return def.std->id;
  if (!def.matrix.empty() || !def.state.empty()) {  // a data gate: the same data in dst
    dst.c.gates.push_back(def);
    return static_cast<int32_t>(dst.c.gates.size() - 1);
  }
  for (const auto& [sub, index] : circuits_[src].sub_defs)
    if (index == gate) {
      Node at;
      at.offset = def.span.offset;
      at.length = def.span.length;
      return circuit_gate(dst, sub, at);
    }
  // A control-flow block's gate: the same body over gates imported in turn; an else branch's
  // condition is carried over with the clbits mapped.
  GateDef copy = def;
  for (BodyOp& op : copy.body)
    if (op.gate >= 0) op.gate = import_gate(dst, src, op.gate, clbits);
  if (copy.else_gate >= 0) copy.else_gate = import_gate(dst, src, copy.else_gate, clbits);
  if (copy.else_condition >= 0) copy.else_condition = import_condition(dst, src, copy.else_condition, clbits);
  dst.c.gates.push_back(std::move(copy));
  return static_cast<int32_t>(dst.c.gates.size() - 1);
}

// Condition `cond` of circuit `src` as one of dst, its clbits mapped through `clbits` (empty: the
// same indices); the mapped bits must still be one register's range, or one bit.
int32_t Interpreter::import_condition(CircuitObj& dst, int64_t src, int32_t cond, const std::vector<uint32_t>& clbits) {
  Condition c = circuits_[src].c.conditions[static_cast<size_t>(cond)];
  auto map = [&](uint32_t b) { return clbits.empty() ? b : clbits[b]; };
  const uint32_t first = map(c.clbit_begin);
  for (uint32_t k = 1; k < c.clbit_count; ++k)
    if (map(c.clbit_begin + k) != first + k) {
      Node at;
      refuse(at, "composing a condition on a register onto clbits that are not one register");
    }
  c.clbit_begin = first;
  size_t r = 0;
  while (r + 1 < dst.c.cregs.size() && first >= dst.c.cregs[r + 1].offset) ++r;
  c.creg = static_cast<uint32_t>(r);
  if (!c.single_bit && (dst.c.cregs.empty() || dst.c.cregs[r].offset != first || dst.c.cregs[r].size != c.clbit_count))
    c.single_bit = c.clbit_count == 1;  // a register condition onto part of a register: a bit's, or refused
  dst.c.conditions.push_back(std::move(c));
  return static_cast<int32_t>(dst.c.conditions.size() - 1);
}

// to_gate() / to_instruction() / append(circuit): one gate named like the circuit, whose body is
// the circuit's operations (expanded for the simulator, the backend check and `expanded`).
int32_t Interpreter::circuit_gate(CircuitObj& dst, int64_t src, const Node& at) {
  auto it = dst.sub_defs.find(src);
  if (it != dst.sub_defs.end()) return it->second;
  const Circuit sub = circuits_[src].c;
  if (sub.num_clbits) refuse(at, "appending a circuit with classical bits");
  // Its Parameters become the gate's, in Qiskit's order (to_gate(): parameter_map is the
  // identity over circuit.parameters); the body refers to them by that position.
  const std::vector<int64_t> formal = sorted_params(circuits_[src]);
  std::vector<uint32_t> position(formal.size());
  for (size_t k = 0; k < formal.size(); ++k) {
    const std::vector<int64_t>& ids = circuits_[src].param_ids;
    position[static_cast<size_t>(std::find(ids.begin(), ids.end(), formal[k]) - ids.begin())] =
        static_cast<uint32_t>(k);
  }
  const std::vector<const Expr*> symbolic = sub.symbolic_by_slot();
  GateDef d;
  d.name = d.qiskit_name = circuits_[src].name;
  d.num_qubits = sub.num_qubits;
  d.num_params = static_cast<uint32_t>(formal.size());
  d.available = true;
  d.used = true;
  d.span = span(at);
  uint32_t nesting = 0;
  uint64_t expanded = 0;
  for (const Instruction& ins : sub.ops) {
    BodyOp op;
    op.span = d.span;
    for (uint32_t k = 0; k < ins.qubit_count; ++k) op.qubits.push_back(sub.qubits(ins)[k]);
    if (ins.kind == OpKind::Barrier) {
      d.body.push_back(std::move(op));
      continue;
    }
    if (ins.kind != OpKind::Gate) fail(at, "E605", "'" + sub.op_name(ins) + "' cannot be part of a gate");
    op.gate = import_gate(dst, src, ins.gate);
    for (uint32_t k = 0; k < ins.param_count; ++k) {
      const uint32_t slot = ins.param_begin + k;
      if (symbolic[slot]) {
        Expr e = *symbolic[slot];
        for (ExprOp& x : e)
          if (x.code == ExprOp::Param) x.param = position[x.param];
        op.params.push_back(std::move(e));
        continue;
      }
      ExprOp c;
      c.code = ExprOp::Const;
      c.value = sub.param_pool[slot];
      op.params.push_back(Expr{c});
    }
    const GateDef& g = dst.c.gates[static_cast<size_t>(op.gate)];
    nesting = std::max(nesting, g.nesting + 1);
    expanded = std::min<uint64_t>(opt_.limits.max_expanded_ops, expanded + g.expanded_ops);
    d.body.push_back(std::move(op));
  }
  if (nesting > opt_.limits.max_gate_nesting) fail(at, "E405", "sub-circuits nested too deep");
  if (expanded >= opt_.limits.max_expanded_ops)
    fail(at, "E406", "expanding the sub-circuits would exceed max_expanded_ops");
  d.nesting = std::max<uint32_t>(nesting, 1);
  d.expanded_ops = std::max<uint64_t>(expanded, 1);
  dst.c.gates.push_back(std::move(d));
  const int32_t index = static_cast<int32_t>(dst.c.gates.size() - 1);
  dst.sub_defs[src] = index;
  mark_part(src);
  return index;
}

// qiskit.circuit.library.QFT as Qiskit 1.0 builds it (library/basis_change/qft.py): a circuit
// named QFT (IQFT when inverse) holding one gate, built from h, cp and swap: for j from the top
// qubit down, h(j) then cp(pi * 2^(k-j)) to each lower k within the approximation degree, then the
// swaps. The inverse's gate is the circuit inverted, named IQFT_dg; appended, the whole shows as
// one QFT (or IQFT), composed, as its inner gate.
Value Interpreter::library_qft(Args& args, const Node& at) {
  Bound b = bind_args(args, {"num_qubits", "approximation_degree", "do_swaps", "inverse", "insert_barriers", "name"}, 1,
                      6, "QFT", at);
  const int64_t n = to_int(*b[0], *b.node[0], "num_qubits");
  if (n < 1) fail(*b.node[0], "E609", "QFT needs at least one qubit");
  if (static_cast<uint64_t>(n) > opt_.limits.max_qubits) fail(*b.node[0], "E402", "too many qubits for a QFT");
  const int64_t degree = is_none(b[1]) ? 0 : to_int(*b[1], *b.node[1], "approximation_degree");
  if (degree < 0) fail(*b.node[1], "E609", "approximation degree must be non-negative");
  const bool swaps = is_none(b[2]) || truth(*b[2], *b.node[2]);
  const bool inverse = !is_none(b[3]) && truth(*b[3], *b.node[3]);
  const bool barriers = !is_none(b[4]) && truth(*b[4], *b.node[4]);
  std::string name = inverse ? "IQFT" : "QFT";
  if (!is_none(b[5])) {
    if (b[5]->kind != Value::Str) fail(*b.node[5], "E605", "a circuit's name must be a string");
    name = *b[5]->s;
  }
  // Its gates, in order (or in reverse, each inverted, for the inverse).
  struct Step {
    const GateRow* gate;
    std::vector<uint32_t> qubits;
    double param;
  };
  std::vector<Step> steps;
  const GateRow* h = find_gate("h");
  const GateRow* cp = find_gate("cp");
  const GateRow* swap = find_gate("swap");
  const double pi = 3.141592653589793238462643383279502884;
  for (int64_t j = n - 1; j >= 0; --j) {
    steps.push_back({h, {static_cast<uint32_t>(j)}, 0});
    const int64_t entangle = std::max<int64_t>(0, j - std::max<int64_t>(0, degree - (n - j - 1)));
    for (int64_t k = j - 1; k >= j - entangle; --k)
      steps.push_back(
          {cp, {static_cast<uint32_t>(j), static_cast<uint32_t>(k)}, pi * std::pow(2.0, static_cast<double>(k - j))});
    if (steps.size() > opt_.limits.max_instructions)  // n^2/2 gates: refused before they are stored
      fail(at, "E404",
           "a QFT of " + std::to_string(n) + " qubits has more than " + std::to_string(opt_.limits.max_instructions) +
               " gates (the limit is max_instructions)");
    if (barriers) steps.push_back({nullptr, {}, 0});
    step(at, "loops");
  }
  if (swaps)
    for (int64_t i = 0; i < n / 2; ++i)
      steps.push_back({swap, {static_cast<uint32_t>(i), static_cast<uint32_t>(n - i - 1)}, 0});
  if (inverse) {
    std::reverse(steps.begin(), steps.end());
    for (Step& s : steps) s.param = -s.param;  // h and swap are their own inverses, cp(l)^-1 = cp(-l)
  }
  auto circuit = [&](const std::string& cname) {
    CircuitObj c = new_circuit(at);
    c.name = cname;
    regs_.push_back({true, "q", static_cast<uint32_t>(n), at.offset, at.length});
    add_register(c, static_cast<int64_t>(regs_.size() - 1), at);
    return c;
  };
  CircuitObj inner = circuit(inverse ? name + "_dg" : name);
  std::vector<uint32_t> all(static_cast<size_t>(n));
  for (uint32_t q = 0; q < all.size(); ++q) all[q] = q;
  for (const Step& s : steps) {
    if (!s.gate)
      emit(inner, OpKind::Barrier, -1, all, -1, {}, at);
    else if (s.gate == cp)
      emit(inner, OpKind::Gate, s.gate->id, s.qubits, -1, {Value::real(s.param)}, at);
    else
      emit(inner, OpKind::Gate, s.gate->id, s.qubits, -1, {}, at);
  }
  inner.part = true;
  add_circuit(std::move(inner));
  const int64_t inner_id = static_cast<int64_t>(circuits_.size() - 1);
  CircuitObj outer = circuit(name);
  const int32_t gate = circuit_gate(outer, inner_id, at);
  emit(outer, OpKind::Gate, gate, all, -1, {}, at);
  outer.qft = inverse ? 1 : 0;
  add_circuit(std::move(outer));
  return Value::handle(Value::Circuit, static_cast<int64_t>(circuits_.size() - 1));
}

// Qiskit 1.0 names a multi-controlled X by how it was made: MCXGate(k) is "mcx", while qc.mcx()
// with five or more controls builds MCXGrayCode, "mcx_gray" (library/standard_gates/x.py; three
// and four controls give C3XGate and C4XGate, both "mcx"). The same matrix either way.
int32_t Interpreter::mcx_gate(CircuitObj& c, uint32_t num_qubits, bool gray) {
  const uint64_t key = uint64_t{num_qubits} * 2 + gray;
  auto it = c.mcx_defs.find(key);
  if (it != c.mcx_defs.end()) return it->second;
  GateDef d = standard_gate_def(*find_gate("mcx"));
  d.num_qubits = num_qubits;
  d.available = true;
  if (gray) d.qiskit_name = "mcx_gray";
  c.c.gates.push_back(std::move(d));
  const int32_t index = static_cast<int32_t>(c.c.gates.size() - 1);
  c.mcx_defs[key] = index;
  return index;
}

double Interpreter::param_slot(CircuitObj& c, const Value& v, const Node& at) {
  if (v.is_number()) {
    if (!std::isfinite(v.number())) fail(at, "E609", "a gate parameter is not a finite number");
    return v.number();
  }
  if (v.kind != Value::Param) fail(at, "E605", std::string("a gate parameter must be a number or a Parameter"));
  Expr e = *v.expr;
  for (ExprOp& op : e)
    if (op.code == ExprOp::Param) op.param = local_param(c, op.param, at);
  c.c.symbolic.push_back({static_cast<uint32_t>(c.c.param_pool.size()), std::move(e)});
  return std::numeric_limits<double>::quiet_NaN();
}

// The circuit's own index of the interpreter's Parameter `global`, added on first use.
uint32_t Interpreter::local_param(CircuitObj& c, int64_t global, const Node& at) {
  size_t k = 0;
  while (k < c.param_ids.size() && c.param_ids[k] != global) ++k;
  if (k == c.param_ids.size()) {
    for (const std::string& existing : c.c.parameters)
      if (existing == params_[global])
        fail(at, "E607", "name conflict: two different Parameter objects are called '" + existing + "'");
    c.param_ids.push_back(global);
    c.c.parameters.push_back(params_[global]);
  }
  return static_cast<uint32_t>(k);
}

void Interpreter::emit(CircuitObj& c, OpKind kind, int32_t gate, const std::vector<uint32_t>& qubits, int32_t clbit,
                       const std::vector<Value>& params, const Node& call) {
  emit(c, kind, gate, qubits.data(), qubits.size(), clbit, params.data(), params.size(), call);
}

void Interpreter::emit(CircuitObj& c, OpKind kind, int32_t gate, const uint32_t* qubits, size_t nq, int32_t clbit,
                       const Value* params, size_t np, const Node& call) {
  if (++instructions_ > opt_.limits.max_instructions)
    fail(call, "E404",
         "more than " + std::to_string(opt_.limits.max_instructions) +
             " instructions; qvet stops reading here (the limit is max_instructions)");
  // Room for it first, charged to the memory budget when the storage grows (charge_circuit).
  if (c.c.ops.size() == c.c.ops.capacity() || c.c.qubit_pool.size() + nq > c.c.qubit_pool.capacity() ||
      c.c.param_pool.size() + np > c.c.param_pool.capacity()) {
    auto grow = [](auto& v, size_t more) {
      if (v.size() + more > v.capacity()) v.reserve(std::max<size_t>({16, 2 * v.capacity(), v.size() + more}));
    };
    grow(c.c.ops, 1);
    grow(c.c.qubit_pool, nq);
    grow(c.c.param_pool, np);
    charge_circuit(c);
  }
  if (c.transpiled.passed && !c.transpiled.pending) {  // W604, kept for finish()
    c.transpiled.pending = true;
    c.transpiled.op_offset = call.offset;
    c.transpiled.op_length = call.length;
  }
  Instruction ins;
  ins.src_offset = call.offset;
  ins.src_length = call.length;
  ins.kind = kind;
  ins.gate = gate;
  ins.clbit = clbit;
  ins.param_begin = static_cast<uint32_t>(c.c.param_pool.size());
  for (const Value* p = params; p != params + np; ++p) {
    const double x = param_slot(c, *p, call);
    c.c.param_pool.push_back(x);
  }
  if (np > kMaxGateParams) fail(call, "E609", "a gate with more than 65535 parameters");
  ins.param_count = static_cast<uint16_t>(np);
  ins.qubit_begin = static_cast<uint32_t>(c.c.qubit_pool.size());
  ins.qubit_count = static_cast<uint32_t>(nq);
  c.c.qubit_pool.insert(c.c.qubit_pool.end(), qubits, qubits + nq);
  for (Register& r : c.c.qregs)
    if (!r.used)
      for (const uint32_t* q = qubits; q != qubits + nq; ++q)
        if (*q >= r.offset && *q < r.offset + r.size) r.used = true;
  if (clbit >= 0)
    for (Register& r : c.c.cregs)
      if (static_cast<uint32_t>(clbit) >= r.offset && static_cast<uint32_t>(clbit) < r.offset + r.size) r.used = true;
  if (gate >= 0) c.c.gates[gate].used = true;
  c.c.ops.push_back(ins);
}

// The call most loops make, `qc.h(i)` or `qc.rz(theta, q[k])`: a gate of the table with its
// parameters and one qubit per argument, all given by position. It is emitted without building the
// argument lists the general path needs; anything else (a register, a keyword, a bad index) is left
// to that path, which also words the errors. False when the call is not of this form.
bool Interpreter::fast_gate(CircuitObj& c, const GateRow& row, const Args& args, const Node& at) {
  constexpr size_t kMaxFast = 4;
  const size_t np = static_cast<size_t>(row.num_params), nq = static_cast<size_t>(row.num_qubits);
  if (nq == 0 || nq > kMaxFast || !args.kw.empty() || args.pos.size() != np + nq) return false;
  uint32_t qs[kMaxFast];
  for (size_t i = 0; i < nq; ++i) {
    const Value& x = args.pos[np + i];
    int64_t q = -1;
    if (x.kind == Value::Int || x.kind == Value::Bool) {
      q = x.i < 0 ? x.i + c.c.num_qubits : x.i;
      if (q < 0 || q >= static_cast<int64_t>(c.c.num_qubits)) return false;
    } else if (x.kind == Value::Qubit) {
      for (size_t k = 0; k < c.qreg_ids.size(); ++k)
        if (c.qreg_ids[k] == x.j) q = c.c.qregs[k].offset + x.i;
      if (q < 0) return false;
    } else {
      return false;
    }
    qs[i] = static_cast<uint32_t>(q);
    for (size_t k = 0; k < i; ++k)
      if (qs[k] == qs[i]) return false;
  }
  for (size_t i = 0; i < np; ++i)
    if (!args.pos[i].is_number() && args.pos[i].kind != Value::Param) return false;
  emit(c, OpKind::Gate, row.id, qs, nq, -1, args.pos.data(), np, at);
  return true;
}

// Qiskit's broadcasting: each argument is a list of bits; a gate on one qubit applies to each;
// two lists pair up (or one single bit meets each of the other's); three or more must have equal
// lengths. Each resulting instruction must name distinct qubits.
void Interpreter::append_gate(CircuitObj& c, const GateValue& g, std::vector<std::vector<uint32_t>> qargs,
                              std::vector<std::vector<uint32_t>> cargs, const Node& call) {
  std::vector<uint32_t> qs;
  auto distinct = [&](const std::vector<uint32_t>& q) {
    if (q.size() <= 5) {
      for (size_t a = 0; a < q.size(); ++a)
        for (size_t b = a + 1; b < q.size(); ++b)
          if (q[a] == q[b])
            fail(call, "E607", "duplicate qubit arguments: qubit " + std::to_string(q[a]) + " appears twice");
      return;
    }
    std::vector<uint32_t> sorted(q);
    std::sort(sorted.begin(), sorted.end());
    auto d = std::adjacent_find(sorted.begin(), sorted.end());
    if (d != sorted.end())
      fail(call, "E607", "duplicate qubit arguments: qubit " + std::to_string(*d) + " appears twice");
  };
  if (g.kind == GateValue::Barrier) {
    for (auto& a : qargs) qs.insert(qs.end(), a.begin(), a.end());
    if (qs.empty()) return;
    distinct(qs);
    emit(c, OpKind::Barrier, -1, qs, -1, {}, call);
    return;
  }
  if (g.kind == GateValue::Reset) {
    for (uint32_t q : qargs[0]) emit(c, OpKind::Reset, -1, {q}, -1, {}, call);
    return;
  }
  if (g.kind == GateValue::Measure) {
    const auto& q = qargs[0];
    const auto& cl = cargs[0];
    if (q.size() == cl.size()) {
      for (size_t i = 0; i < q.size(); ++i) emit(c, OpKind::Measure, -1, {q[i]}, static_cast<int32_t>(cl[i]), {}, call);
    } else if (q.size() == 1 && !cl.empty()) {
      for (uint32_t b : cl) emit(c, OpKind::Measure, -1, {q[0]}, static_cast<int32_t>(b), {}, call);
    } else {
      fail(call, "E607",
           "register size error: " + std::to_string(q.size()) + " qubits measured into " + std::to_string(cl.size()) +
               " clbits");
    }
    return;
  }
  if (g.kind == GateValue::Data) c.c.gates.push_back(*g.data);  // its own data, a gate of its own
  const int32_t gate = g.kind == GateValue::Data      ? static_cast<int32_t>(c.c.gates.size() - 1)
                       : g.kind == GateValue::Circuit ? circuit_gate(c, g.circuit, call)
                       : g.row->num_qubits == 0       ? mcx_gate(c, g.num_qubits, g.name == "mcx_gray")
                                                      : g.row->id;
  // A gate made from a circuit takes that circuit's Parameters as its own.
  const std::vector<Value> params = g.kind == GateValue::Circuit ? circuit_params(g.circuit) : g.params;
  const size_t n = qargs.size();
  size_t count = 0;
  if (n == 1) {
    count = qargs[0].size();
  } else if (n == 2) {
    const size_t a = qargs[0].size(), b = qargs[1].size();
    if (a == b || a == 1 || b == 1)
      count = (a == 0 || b == 0) ? 0 : std::max(a, b);
    else
      fail(call, "E607",
           "Qiskit cannot pair these two-qubit arguments: lists of " + std::to_string(a) + " and " + std::to_string(b) +
               " qubits (they must have equal lengths, or one must be a single qubit)");
  } else {
    for (const auto& a : qargs)
      if (a.size() != qargs[0].size())
        fail(call, "E607",
             "Qiskit cannot combine these qubit arguments: with three or more, every list must have the same length");
    count = qargs[0].size();
  }
  for (size_t k = 0; k < count; ++k) {
    qs.clear();
    for (const auto& a : qargs) qs.push_back(a.size() == 1 ? a[0] : a[k]);
    distinct(qs);
    emit(c, OpKind::Gate, gate, qs, -1, params, call);
  }
}

Value Interpreter::instructions(int64_t circuit, size_t first) const {
  Value v = Value::handle(Value::Instructions, circuit, static_cast<int64_t>(first));
  v.k = static_cast<int64_t>(circuits_[circuit].c.ops.size());
  return v;
}

Value Interpreter::circuit_method(int64_t id, const std::string& method, Args& args, const Node& at) {
  CircuitObj& c = circuits_[id];
  const Node& callee = at.kids[0];
  if (!callee.gate_method_known) {  // the table is static: its rows stay where they are
    callee.gate_method = find_gate_method(method);
    callee.gate_method_known = true;
  }
  const auto* gate_row = static_cast<const GateRow*>(callee.gate_method);
  if (gate_row && fast_gate(c, *gate_row, args, at)) return instructions(id, c.c.ops.size() - 1);
  Node name_node;  // the method's name, where errors about the method point
  name_node.offset = at.kids[0].name_offset;
  name_node.length = static_cast<uint32_t>(method.size());
  // Qiskit's argument names; those past `positional` are keyword-only (label=, ctrl_state=).
  auto bind = [&](const std::vector<const char*>& names, size_t required, size_t positional = SIZE_MAX) {
    return bind_args(args, names, required, positional, method, at);
  };

  if (const GateRow* row = gate_row) {
    std::vector<const char*> names;
    const int np = row->num_params, nq = row->num_qubits;
    names.reserve(static_cast<size_t>(np) + static_cast<size_t>(nq) + 2);
    for (int i = 0; i < np; ++i) names.push_back(row->python.params[i]);
    for (int i = 0; i < nq; ++i) names.push_back(row->python.qubits[i]);
    names.push_back("label");
    names.push_back("ctrl_state");
    const size_t arity = static_cast<size_t>(np) + static_cast<size_t>(nq);
    Bound b = bind(names, arity, arity);
    if (!is_none(b[names.size() - 1])) refuse(*b.node[names.size() - 1], "ctrl_state (open controls)");
    GateValue g;
    g.row = row;
    g.num_qubits = static_cast<uint32_t>(nq);
    g.params.reserve(static_cast<size_t>(np));
    for (int i = 0; i < np; ++i) g.params.push_back(*b[i]);
    std::vector<std::vector<uint32_t>> qargs;
    qargs.reserve(static_cast<size_t>(nq));
    for (int i = 0; i < nq; ++i) qargs.push_back(qubit_args(c, *b[np + i], *b.node[np + i], true));
    const size_t first = c.c.ops.size();
    append_gate(c, g, std::move(qargs), {}, at);
    return instructions(id, first);
  }
  if (method == "mcx") {
    Bound b = bind({"control_qubits", "target_qubit", "ancilla_qubits", "mode", "ctrl_state"}, 2);
    if (!is_none(b[2])) refuse(*b.node[2], "mcx with ancilla qubits");
    if (!is_none(b[3]) && !(b[3]->kind == Value::Str && *b[3]->s == "noancilla"))
      refuse(*b.node[3], "mcx modes other than 'noancilla'");
    if (!is_none(b[4])) refuse(*b.node[4], "ctrl_state (open controls)");
    std::vector<uint32_t> controls = qubit_args(c, *b[0], *b.node[0], true);
    std::vector<uint32_t> target = qubit_args(c, *b[1], *b.node[1], true);
    if (target.size() != 1) fail(*b.node[1], "E605", "mcx() takes one target qubit");
    if (controls.empty()) fail(*b.node[0], "E609", "mcx() needs at least one control qubit");
    GateValue g;
    g.row = mcx_row(controls.size());
    g.num_qubits = static_cast<uint32_t>(controls.size() + 1);
    if (controls.size() >= 5) g.name = "mcx_gray";
    std::vector<uint32_t> qs(controls);
    qs.push_back(target[0]);
    std::vector<std::vector<uint32_t>> qargs;
    qargs.reserve(qs.size());
    for (uint32_t q : qs) qargs.push_back({q});
    const size_t first = c.c.ops.size();
    append_gate(c, g, std::move(qargs), {}, at);
    return instructions(id, first);
  }
  if (method == "measure") {
    Bound b = bind({"qubit", "cbit"}, 2);
    GateValue g;
    g.kind = GateValue::Measure;
    const size_t first = c.c.ops.size();
    append_gate(c, g, {qubit_args(c, *b[0], *b.node[0], true)}, {qubit_args(c, *b[1], *b.node[1], false)}, at);
    return instructions(id, first);
  }
  if (method == "reset") {
    Bound b = bind({"qubit"}, 1);
    GateValue g;
    g.kind = GateValue::Reset;
    const size_t first = c.c.ops.size();
    append_gate(c, g, {qubit_args(c, *b[0], *b.node[0], true)}, {}, at);
    return instructions(id, first);
  }
  if (method == "barrier") {
    GateValue g;
    g.kind = GateValue::Barrier;
    std::vector<std::vector<uint32_t>> qargs;
    for (size_t k = 0; k < args.kw.size(); ++k)
      if (args.kw[k].first != "label")
        fail(*args.kw_nodes[k], "E605", "barrier() got an unexpected keyword argument '" + args.kw[k].first + "'");
    for (size_t i = 0; i < args.pos.size(); ++i) qargs.push_back(qubit_args(c, args.pos[i], *args.pos_nodes[i], true));
    if (args.pos.empty()) {
      std::vector<uint32_t> all(c.c.num_qubits);
      for (uint32_t q = 0; q < c.c.num_qubits; ++q) all[q] = q;
      qargs.push_back(std::move(all));
    }
    append_gate(c, g, std::move(qargs), {}, at);
    return Value{};
  }
  if (method == "measure_all") {
    Bound b = bind({"inplace", "add_bits"}, 0);
    if (b[0] && !(b[0]->kind == Value::Bool && b[0]->i))
      refuse(*b.node[0], "measure_all(inplace=False), which returns a new circuit,");
    const bool add_bits = !b[1] || b[1]->i;
    if (add_bits && c.c.num_clbits > 0) {
      // Qiskit adds a register of its own: the counts then hold both, the old bits all zero
      // unless measured too (a common surprise in tutorials that build with QuantumCircuit(n, n)).
      sink_.add({Severity::Warning, "W603",
                 "measure_all() adds a new register of " + std::to_string(c.c.num_qubits) +
                     " bits to a circuit that already has " + std::to_string(c.c.num_clbits) +
                     " classical bits, so each count's key holds both; measure into the bits there are "
                     "(measure(range(n), range(n)), or measure_all(add_bits=False))",
                 span(at)});
    }
    std::vector<uint32_t> qubits(c.c.num_qubits);
    for (uint32_t q = 0; q < c.c.num_qubits; ++q) qubits[q] = q;
    std::vector<uint32_t> clbits;
    if (add_bits) {
      std::string rname = "meas";
      for (const Register& r : c.c.cregs)
        if (r.name == rname) rname = "meas" + std::to_string(creg_counter_++);
      regs_.push_back({false, rname, c.c.num_qubits, at.offset, at.length});
      add_register(c, static_cast<int64_t>(regs_.size() - 1), at);
      const uint32_t offset = c.c.cregs.back().offset;
      for (uint32_t q = 0; q < c.c.num_qubits; ++q) clbits.push_back(offset + q);
    } else {
      if (c.c.num_clbits < c.c.num_qubits)
        fail(at, "E607", "The number of classical bits must be equal or greater than the number of qubits.");
      for (uint32_t q = 0; q < c.c.num_qubits; ++q) clbits.push_back(q);
    }
    GateValue barrier;
    barrier.kind = GateValue::Barrier;
    append_gate(c, barrier, {qubits}, {}, at);
    GateValue measure;
    measure.kind = GateValue::Measure;
    append_gate(c, measure, {qubits}, {clbits}, at);
    return Value{};
  }
  if (method == "append") {
    Bound b = bind({"instruction", "qargs", "cargs", "copy"}, 1);
    const Value& inst = *b[0];
    if (inst.kind != Value::Gate && inst.kind != Value::Circuit)
      fail(*b.node[0], "E605", "append() needs an instruction such as HGate(); got a value of another type");
    std::shared_ptr<const GateValue> made;
    if (inst.kind == Value::Circuit) {  // append(circuit, qargs): one instruction, as to_instruction()
      auto sub = std::make_shared<GateValue>();
      sub->kind = GateValue::Circuit;
      sub->circuit = inst.i;
      sub->name = circuits_[inst.i].name;
      sub->num_qubits = circuits_[inst.i].c.num_qubits;
      made = sub;
    }
    const GateValue& g = made ? *made : *inst.gate;
    std::vector<std::vector<uint32_t>> qargs, cargs;
    if (!is_none(b[1]))
      iterate(*b.node[1], *b[1], [&](const Value& q) {
        qargs.push_back(qubit_args(c, q, *b.node[1], true));
        return true;
      });
    if (!is_none(b[2]))
      iterate(*b.node[2], *b[2], [&](const Value& q) {
        cargs.push_back(qubit_args(c, q, *b.node[2], false));
        return true;
      });
    const size_t want_q = g.kind == GateValue::Measure || g.kind == GateValue::Reset ? 1 : g.num_qubits;
    const size_t want_c = g.kind == GateValue::Measure   ? 1
                          : g.kind == GateValue::Circuit ? circuits_[g.circuit].c.num_clbits
                                                         : 0;
    if (qargs.size() != want_q || cargs.size() != want_c)
      fail(at, "E605",
           "The amount of qubit(" + std::to_string(qargs.size()) + ")/clbit(" + std::to_string(cargs.size()) +
               ") arguments does not match the instruction expectation (" + std::to_string(want_q) + "/" +
               std::to_string(want_c) + ")");
    const size_t first = c.c.ops.size();
    append_gate(c, g, std::move(qargs), std::move(cargs), at);
    return instructions(id, first);
  }
  if (method == "to_gate" || method == "to_instruction") {
    Bound b = bind({"parameter_map", "label"}, 0);
    if (!is_none(b[0])) refuse(*b.node[0], "to_gate(parameter_map=...)");
    if (c.c.num_clbits) refuse(at, "turning a circuit with classical bits into an instruction");
    // to_gate() takes gates only (initialize resets, so it is not one); to_instruction() also
    // barriers and initialize.
    for (const Instruction& ins : c.c.ops) {
      const bool gate = ins.kind == OpKind::Gate && !c.c.gates[static_cast<size_t>(ins.gate)].resets;
      const bool instruction = ins.kind == OpKind::Gate || ins.kind == OpKind::Barrier;
      if (!(method == "to_gate" ? gate : instruction))
        fail(at, "E605",
             method == "to_gate" ? "One or more instructions cannot be converted to a gate: '" + c.c.op_name(ins) +
                                       "' is not a gate (Qiskit raises here)"
                                 : "an instruction holding '" + c.c.op_name(ins) + "' is not read yet");
    }
    auto g = std::make_shared<GateValue>();
    g->kind = GateValue::Circuit;
    g->circuit = id;
    g->name = c.name;
    g->num_qubits = c.c.num_qubits;
    mark_part(id);
    Value v;
    v.kind = Value::Gate;
    v.gate = g;
    return v;
  }
  if (method == "compose") {
    Bound b =
        bind({"other", "qubits", "clbits", "front", "inplace", "wrap", "copy", "var_remap", "inline_captures"}, 1);
    if (b[0]->kind != Value::Circuit) refuse(*b.node[0], "composing anything but a QuantumCircuit");
    const bool front = !is_none(b[3]) && truth(*b[3], *b.node[3]);
    if (!is_none(b[5]) && truth(*b[5], *b.node[5])) refuse(*b.node[5], "compose(wrap=True)");
    const int64_t src = b[0]->i;
    const uint32_t other_q = circuits_[src].c.num_qubits, other_c = circuits_[src].c.num_clbits;
    std::vector<uint32_t> qubits, clbits;
    if (!is_none(b[1]))
      qubits = qubit_args(c, *b[1], *b.node[1], true);
    else
      for (uint32_t q = 0; q < other_q && q < c.c.num_qubits; ++q) qubits.push_back(q);
    if (!is_none(b[2]))
      clbits = qubit_args(c, *b[2], *b.node[2], false);
    else
      for (uint32_t q = 0; q < other_c && q < c.c.num_clbits; ++q) clbits.push_back(q);
    if (other_q > c.c.num_qubits || other_c > c.c.num_clbits)
      fail(at, "E607", "Trying to compose with another QuantumCircuit which has more 'in' edges.");
    if (qubits.size() != other_q)
      fail(at, "E607",
           "Number of items in qubits parameter (" + std::to_string(qubits.size()) +
               ") does not match number of qubits in the circuit (" + std::to_string(other_q) + ").");
    if (clbits.size() != other_c)
      fail(at, "E607",
           "Number of items in clbits parameter (" + std::to_string(clbits.size()) +
               ") does not match number of clbits in the circuit (" + std::to_string(other_c) + ").");
    mark_part(src);
    const bool inplace = !is_none(b[4]) && truth(*b[4], *b.node[4]);
    int64_t dst = id;
    if (!inplace) {  // a new circuit: a copy of this one, then the other's operations
      CircuitObj copy = circuits_[id];
      copy.var.clear();
      copy.part = false;
      copy.offset = at.offset;
      copy.length = at.length;
      add_circuit(std::move(copy));
      dst = static_cast<int64_t>(circuits_.size() - 1);
      // A part until the code names it (adopt()), which then supersedes the circuit composed onto:
      // a result left unnamed, as Qiskit's is, changes nothing (W602).
      circuits_[dst].part = true;
      circuits_[dst].derived_from = id;
    }
    if (front) {  // the other's operations first: an empty copy, then the other, then this one's
      CircuitObj& d = circuits_[dst];
      const CircuitObj mine = d;
      d.c.ops.clear();
      d.c.qubit_pool.clear();
      d.c.param_pool.clear();
      d.c.symbolic.clear();
      d.c.conditions.clear();
      d.param_ids.clear();
      d.c.parameters.clear();
      const int64_t saved = add_circuit(mine);
      circuits_[saved].part = true;
      compose(dst, src, qubits, clbits, at);
      std::vector<uint32_t> same_q(mine.c.num_qubits), same_c(mine.c.num_clbits);
      for (uint32_t q = 0; q < same_q.size(); ++q) same_q[q] = q;
      for (uint32_t q = 0; q < same_c.size(); ++q) same_c[q] = q;
      compose(dst, saved, same_q, same_c, at);
    } else {
      compose(dst, src, qubits, clbits, at);
    }
    return inplace ? Value{} : Value::handle(Value::Circuit, dst);
  }
  if (method == "if_test" || method == "for_loop" || method == "while_loop") return block_method(id, method, args, at);
  if (method == "initialize" || method == "prepare_state" || method == "unitary")
    return data_method(id, method, args, at);
  if (method == "inverse") {
    bind({"annotated"}, 0);
    if (c.qft >= 0) return derived(id, inverse_qft(id, at));
    return derived(id, inverse_circuit(id, c.name + "_dg", at));
  }
  if (method == "copy") {
    Bound b = bind({"name"}, 0);
    const int64_t copy = copy_circuit(id, at);
    if (!is_none(b[0])) {
      if (b[0]->kind != Value::Str) fail(*b.node[0], "E605", "a circuit's name must be a string");
      circuits_[copy].name = *b[0]->s;
    }
    return Value::handle(Value::Circuit, copy);
  }
  if (method == "repeat" || method == "power") {
    Bound b = method == "repeat" ? bind({"reps"}, 1) : bind({"power", "matrix_power", "annotated"}, 1);
    if (method == "power" && ((b[0]->kind != Value::Int) || to_int(*b[0], *b.node[0], "the power") < 0 ||
                              (!is_none(b[1]) && truth(*b[1], *b.node[1]))))
      refuse(*b.node[0], "power() other than a non-negative integer (a matrix power)");
    return derived(id, repeat_circuit(id, to_int(*b[0], *b.node[0], "reps"), at));
  }
  if (method == "assign_parameters") return assign_parameters(id, args, at);
  if (method == "control") return derived(id, control_circuit(id, args, at));
  if (method == "decompose") {
    Bound b = bind({"gates_to_decompose", "reps"}, 0);
    if (!is_none(b[0])) refuse(*b.node[0], "decompose(gates_to_decompose=...)");
    const int64_t reps = is_none(b[1]) ? 1 : to_int(*b[1], *b.node[1], "reps");
    if (reps < 0 || reps > 16) fail(*b.node[1], "E609", "decompose() takes reps from 0 to 16");
    int64_t out = copy_circuit(id, at);
    for (int64_t r = 0; r < reps; ++r) {
      circuits_[out].part = true;  // an intermediate level
      out = decompose_circuit(out, at);
    }
    return derived(id, out);
  }
  if (method == "reverse_bits") {
    bind({}, 0);
    return derived(id, reverse_bits_circuit(id, at));
  }
  if (method == "remove_final_measurements" || method == "measure_active") {
    Bound b = bind({"inplace"}, 0);
    const bool inplace = is_none(b[0]) || truth(*b[0], *b.node[0]);
    const int64_t target = inplace ? id : copy_circuit(id, at);
    if (method == "measure_active")
      measure_active(target, at);
    else
      remove_final_measurements(target, at);
    return inplace ? Value{} : derived(id, target);
  }
  if (method == "add_register") {
    if (!args.kw.empty()) fail(*args.kw_nodes[0], "E605", "add_register() takes registers only");
    for (size_t i = 0; i < args.pos.size(); ++i) {
      const Value& r = args.pos[i];
      if (r.kind != Value::QReg && r.kind != Value::CReg)
        fail(*args.pos_nodes[i], "E605", "add_register() takes registers");
      add_register(c, r.i, *args.pos_nodes[i]);
    }
    return Value{};
  }
  // Drawing has no effect on the circuit; queries are what qvet reports, so inside print() they
  // are accepted and not computed.
  if (method == "draw") return Value::handle(Value::Nothing, 0);
  if (Value figure; circuit_query(id, method, args, at, &figure)) return figure;  // size(), depth(), ...
  if (const char* now = renamed_method(method))
    fail(name_node, "E604", "QuantumCircuit has no method '" + method + "' (removed in Qiskit 1.0; use '" + now + "')");
  if (in_print_) return Value::handle(Value::Nothing, 0);
  refuse(name_node, "QuantumCircuit." + method + "()");
}

}  // namespace qvet::python

namespace qvet::python {

// QFT.inverse() (library/basis_change/qft.py): named IQFT (or QFT again, or NAME_dg for a QFT
// given its own name), holding its one gate inverted and given that same name.
int64_t Interpreter::inverse_qft(int64_t id, const Node& at) {
  const CircuitObj& qft = circuits_[id];
  const bool inverse = qft.qft == 1;
  const std::string name = qft.name == "QFT" || qft.name == "IQFT" ? (inverse ? "QFT" : "IQFT") : qft.name + "_dg";
  int64_t inner = -1;
  for (const auto& [circuit, index] : qft.sub_defs) inner = circuit;
  const int64_t inv = inverse_circuit(inner, name, at);
  CircuitObj out = empty_like(id, name, at);
  const int32_t gate = circuit_gate(out, inv, at);
  std::vector<uint32_t> all(out.c.num_qubits);
  for (uint32_t q = 0; q < all.size(); ++q) all[q] = q;
  emit(out, OpKind::Gate, gate, all, -1, {}, at);
  out.qft = inverse ? 0 : 1;
  return add_circuit(std::move(out));
}

}  // namespace qvet::python
