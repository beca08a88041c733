// Controlled gates as Qiskit 1.0 makes them (add_control.py, controlledgate.py and each standard
// gate's control()): a standard gate becomes its named controlled form while one exists (h -> ch,
// x -> cx -> ccx -> mcx, p -> cp -> mcphase), otherwise a generic ControlledGate named c<base>,
// cc<base>, c3<base>, ... (the base being the gate without its own controls); a gate made from a
// circuit becomes c<name> defined by its body with every gate controlled; QuantumCircuit.control()
// is a circuit c_<name> holding that gate, controls first. Where no named form exists the
// controlled gate is kept as its matrix, so the simulator and the unitary stay exact.
#include <algorithm>

#include "circuit/modifiers.hpp"
#include "python/interpreter.hpp"
#include "python/names.hpp"

namespace qvet::python {

namespace {

bool is_none(const Value* v) { return !v || v->kind == Value::None; }

// The largest controlled gate kept as a matrix: 2^10 x 2^10 entries.
constexpr uint32_t kMaxMatrixQubits = 10;

}  // namespace

// Gate `row` with `params` and k more controls: the named form when the gate table has it k
// steps on (filling `params` with its parameters), else nullptr.
const GateRow* Interpreter::controlled_row(const GateRow* row, std::vector<Value>& params, uint32_t k, const Node& at) {
  for (uint32_t step = 0; step < k; ++step) {
    const RelatedGate& c = row->controlled;
    const GateRow* next = c.name.empty() ? nullptr : find_gate(c.name);
    if (!next) return nullptr;
    std::vector<Value> mapped;
    for (uint8_t i = 0; i < c.num_params; ++i) mapped.push_back(related_param(c.params[i], params, at));
    params = std::move(mapped);
    row = next;
    if (row->num_qubits == 0) return row;  // the variadic mcx: its own controlled form from here
  }
  return row;
}

// A standard gate with k more controls as one instruction object: named if Qiskit names it
// (mcphase and mcu1 for p and u1 with two or more), else a matrix gate c<k'><base>.
Value Interpreter::controlled_std(const GateRow* row, std::vector<Value> params, uint32_t width, uint32_t k,
                                  const Node& at) {
  auto g = std::make_shared<GateValue>();
  const uint32_t own = row->num_qubits ? row->num_qubits - row->target_qubits : width - 1;
  const std::string base(row->num_qubits ? row->label : std::string_view("x"));
  std::vector<Value> named = params;
  if (const GateRow* r = controlled_row(row, named, k, at)) {
    g->kind = GateValue::Gate;
    g->row = r;
    g->params = std::move(named);
    g->num_qubits = r->num_qubits ? r->num_qubits : (row->num_qubits ? row->num_qubits : width) + k;
    Value v;
    v.kind = Value::Gate;
    v.gate = g;
    return v;
  }
  const uint32_t w = row->num_qubits ? row->num_qubits : width;
  if (w + k > kMaxMatrixQubits) refuse(at, "a controlled gate on more than 10 qubits without a named form");
  double p[4] = {};
  for (size_t i = 0; i < params.size() && i < 4; ++i) {
    if (!params[i].is_number()) refuse(at, "a controlled " + base + " gate with a Parameter");
    p[i] = params[i].number();
  }
  std::vector<Complex> m(size_t{1} << (2 * w));
  full_matrix(*row, p, w, m.data());
  const uint32_t total = own + k;
  const std::string name =
      total >= 2 && (base == "p" || base == "u1") ? (base == "p" ? "mcphase" : "mcu1") : controlled_name(total, base);
  return data_gate(name, controlled_matrix(m, w, k), true, false);
}

// The matrix of u (on w qubits) with k closed controls before it.
std::vector<Complex> Interpreter::controlled_matrix(const std::vector<Complex>& u, uint32_t w, uint32_t k) {
  return qvet::controlled_matrix(u, w, k, (uint64_t{1} << k) - 1);
}

// Circuit `src` as a gate with k controls: a circuit named c<k'><name> on k + n qubits whose
// operations are src's, each controlled by qubits 0..k-1.
int64_t Interpreter::controlled_circuit(int64_t src, uint32_t k, const Node& at) {
  const CircuitObj from = circuits_[src];
  if (from.c.num_clbits) fail(at, "E605", "a circuit with classical bits cannot be a controlled gate");
  CircuitObj out = library_circuit(controlled_name(k, from.name), k + from.c.num_qubits, "q", at);
  const std::vector<const Expr*> symbolic = from.c.symbolic_by_slot();
  step(at, "loops", from.c.ops.size());
  for (const Instruction& ins : from.c.ops) {
    if (ins.kind == OpKind::Barrier) continue;
    if (ins.kind != OpKind::Gate || ins.condition >= 0)
      fail(at, "E605", "'" + from.c.op_name(ins) + "' cannot be part of a controlled gate (Qiskit raises here)");
    std::vector<uint32_t> qs;
    for (uint32_t c = 0; c < k; ++c) qs.push_back(c);
    for (uint32_t q = 0; q < ins.qubit_count; ++q) qs.push_back(k + from.c.qubits(ins)[q]);
    const GateDef& def = from.c.gates[static_cast<size_t>(ins.gate)];
    std::vector<Value> params = op_params(from, symbolic, ins);
    if (def.std) {
      const Value g = controlled_std(def.std, params, def.num_qubits, k, at);
      std::vector<std::vector<uint32_t>> qargs;
      qargs.reserve(qs.size());
      for (uint32_t q : qs) qargs.push_back({q});
      append_gate(out, *g.gate, std::move(qargs), {}, at);
      continue;
    }
    if (!def.matrix.empty()) {
      GateDef d = def;
      d.name = d.qiskit_name = "c-unitary";
      d.matrix = controlled_matrix(def.matrix, def.num_qubits, k);
      d.num_qubits += k;
      out.c.gates.push_back(std::move(d));
      emit(out, OpKind::Gate, static_cast<int32_t>(out.c.gates.size() - 1), qs, -1, {}, at);
      continue;
    }
    int64_t sub = -1;
    for (const auto& [circuit, index] : from.sub_defs)
      if (index == ins.gate) sub = circuit;
    if (sub < 0) fail(at, "E605", "'" + def.qiskit_name + "' cannot be controlled here");
    std::unordered_map<int64_t, Value> bound;  // the sub-circuit's Parameters take the op's values
    const std::vector<int64_t> formal = sorted_params(circuits_[sub]);
    for (size_t i = 0; i < formal.size() && i < params.size(); ++i) bound[formal[i]] = params[i];
    int64_t body = sub;
    if (!bound.empty()) {
      body = copy_circuit(sub, at);
      bind_in_place(body, bound, at);
      circuits_[body].part = true;
    }
    const int64_t csub = controlled_circuit(body, k, at);
    circuits_[csub].name = controlled_name(k, def.qiskit_name);
    const int32_t gate = circuit_gate(out, csub, at);
    emit(out, OpKind::Gate, gate, qs, -1, circuit_params(csub), at);
  }
  out.part = true;
  return add_circuit(std::move(out));
}

// Gate.control(num_ctrl_qubits=1, label=None, ctrl_state=None) of an instruction object.
Value Interpreter::control_value(const Value& g, Args& args, const Node& at) {
  Bound b = bind_args(args, {"num_ctrl_qubits", "label", "ctrl_state", "annotated"}, 0, 4, "control", at);
  const int64_t k = is_none(b[0]) ? 1 : to_int(*b[0], *b.node[0], "num_ctrl_qubits");
  if (k < 1 || static_cast<uint64_t>(k) >= opt_.limits.max_qubits)
    fail(*b.node[0], "E609", "num_ctrl_qubits must be at least 1");
  if (!is_none(b[2])) refuse(*b.node[2], "ctrl_state (open controls)");
  const GateValue& gate = *g.gate;
  switch (gate.kind) {
    case GateValue::Gate: return controlled_std(gate.row, gate.params, gate.num_qubits, static_cast<uint32_t>(k), at);
    case GateValue::Circuit: {
      auto made = std::make_shared<GateValue>();
      made->kind = GateValue::Circuit;
      made->circuit = controlled_circuit(gate.circuit, static_cast<uint32_t>(k), at);
      made->name = circuits_[made->circuit].name;
      made->num_qubits = circuits_[made->circuit].c.num_qubits;
      Value v;
      v.kind = Value::Gate;
      v.gate = made;
      return v;
    }
    case GateValue::Data:
      if (!gate.data->matrix.empty()) {  // UnitaryGate.control(): "c-unitary" for any number of controls
        if (gate.num_qubits + static_cast<uint32_t>(k) > kMaxMatrixQubits)
          refuse(at, "a controlled UnitaryGate on more than 10 qubits");
        return data_gate("c-unitary", controlled_matrix(gate.data->matrix, gate.num_qubits, static_cast<uint32_t>(k)),
                         true, false);
      }
      break;
    default: break;
  }
  fail(at, "E605", "this instruction cannot be controlled (Qiskit raises here)");
}

// QuantumCircuit.control(num_ctrl_qubits=1): a circuit c_<name> with a new control register
// first, holding the controlled gate on every qubit.
int64_t Interpreter::control_circuit(int64_t src, Args& args, const Node& at) {
  Bound b = bind_args(args, {"num_ctrl_qubits", "label", "ctrl_state", "annotated"}, 0, 4, "control", at);
  const int64_t k = is_none(b[0]) ? 1 : to_int(*b[0], *b.node[0], "num_ctrl_qubits");
  if (k < 1 || static_cast<uint64_t>(k) >= opt_.limits.max_qubits)
    fail(*b.node[0], "E609", "num_ctrl_qubits must be at least 1");
  if (!is_none(b[2])) refuse(*b.node[2], "ctrl_state (open controls)");
  for (const Instruction& ins : circuits_[src].c.ops)
    if (ins.kind != OpKind::Gate)
      fail(at, "E605",
           "One or more instructions cannot be converted to a gate: '" + circuits_[src].c.op_name(ins) +
               "' is not a gate (Qiskit raises here)");
  const int64_t gate_circuit = controlled_circuit(src, static_cast<uint32_t>(k), at);
  CircuitObj out = new_circuit(at);
  out.name = "c_" + circuits_[src].name;
  regs_.push_back({true, "q" + std::to_string(qreg_counter_++), static_cast<uint32_t>(k), at.offset, at.length});
  add_register(out, static_cast<int64_t>(regs_.size() - 1), at);
  const std::vector<int64_t> qregs = circuits_[src].qreg_ids;
  for (int64_t r : qregs) add_register(out, r, at);
  const int32_t gate = circuit_gate(out, gate_circuit, at);
  std::vector<uint32_t> all(out.c.num_qubits);
  for (uint32_t q = 0; q < all.size(); ++q) all[q] = q;
  emit(out, OpKind::Gate, gate, all, -1, circuit_params(gate_circuit), at);
  return add_circuit(std::move(out));
}

}  // namespace qvet::python
