// Classical control as Qiskit 1.0 builds it: c_if on the instructions a gate method returned,
// and the control-flow builders `with qc.if_test(cond) as else_:` / `with else_:`,
// `with qc.for_loop(indexset) as i:` and `with qc.while_loop(cond):`
// (qiskit/circuit/controlflow/). Each block is one instruction (if_else, for_loop, while_loop) on
// the qubits its body uses, with the condition's clbits, as QuantumCircuit.depth() sees it; its
// body is a gate definition: a for_loop's unrolled over its values, an if_else's with the else
// branch beside it, run under the negated condition.
#include <algorithm>

#include "python/interpreter.hpp"
#include "python/names.hpp"

namespace qvet::python {

namespace {
bool is_none(const Value* v) { return !v || v->kind == Value::None; }
}  // namespace

// A condition on a register (its value) or on one clbit (a Clbit or its index) of circuit c.
int32_t Interpreter::add_condition(CircuitObj& c, const Value& cl, const Node& cl_node, const Value& v,
                                   const Node& v_node) {
  Condition cond;
  if (cl.kind == Value::CReg) {
    size_t k = 0;
    while (k < c.creg_ids.size() && c.creg_ids[k] != cl.i) ++k;
    if (k == c.creg_ids.size())
      fail(cl_node, "E607", "register '" + regs_[cl.i].name + "' is not in the circuit (add it to the circuit first)");
    cond.creg = static_cast<uint32_t>(k);
    cond.clbit_begin = c.c.cregs[k].offset;
    cond.clbit_count = c.c.cregs[k].size;
  } else if (cl.kind == Value::Clbit || cl.is_int()) {
    const uint32_t bit = qubit_args(c, cl, cl_node, false)[0];
    size_t k = 0;
    while (k + 1 < c.c.cregs.size() && bit >= c.c.cregs[k + 1].offset) ++k;
    cond.creg = static_cast<uint32_t>(k);
    cond.clbit_begin = bit;
    cond.clbit_count = 1;
    cond.single_bit = true;
  } else {
    fail(cl_node, "E605", "a condition is on a ClassicalRegister, a Clbit or a clbit's index");
  }
  const int64_t val = v.kind == Value::Bool ? v.i : to_int(v, v_node, "the condition's value");
  if (val < 0) fail(v_node, "E609", "condition value should be non-negative");
  if (cond.clbit_count < 63 && static_cast<uint64_t>(val) >> cond.clbit_count)
    fail(v_node, "E609",
         "the condition can never hold: " + std::to_string(val) + " does not fit in " +
             std::to_string(cond.clbit_count) + (cond.clbit_count == 1 ? " bit" : " bits"));
  cond.value = std::to_string(val);
  cond.value_u64 = static_cast<uint64_t>(val);
  c.c.cregs[cond.creg].used = true;
  c.c.conditions.push_back(std::move(cond));
  return static_cast<int32_t>(c.c.conditions.size() - 1);
}

// InstructionSet.c_if(classical, val) (Qiskit 1.x; Qiskit 2 writes if_test instead).
Value Interpreter::instructions_method(const Value& set, const std::string& method, Args& args, const Node& at) {
  CircuitObj& c = circuits_[set.i];
  if (method != "c_if") refuse(at, "InstructionSet." + method + "()");
  Bound b = bind_args(args, {"classical", "val"}, 2, 2, "c_if", at);
  const int32_t index = add_condition(c, *b[0], *b.node[0], *b[1], *b.node[1]);
  for (int64_t i = set.j; i < set.k; ++i) {
    Instruction& ins = c.c.ops[static_cast<size_t>(i)];
    if (ins.kind != OpKind::Barrier) ins.condition = index;
  }
  return set;
}

// qc.if_test(condition), qc.for_loop(indexset, loop_parameter=None), qc.while_loop(condition):
// builders for a `with` block (the forms that take a body circuit are not read yet).
Value Interpreter::block_method(int64_t id, const std::string& method, Args& args, const Node& at) {
  BlockObj block;
  block.circuit = id;
  block.at = at.offset;
  block.length = at.length;
  if (method == "for_loop") {
    Bound b = bind_args(args, {"indexset", "loop_parameter", "body", "qubits", "clbits"}, 1, 5, method, at);
    if (!is_none(b[2])) refuse(*b.node[2], "for_loop with a body circuit (write it as a `with` block)");
    block.kind = BlockObj::For;
    block.values = materialize(*b[0], *b.node[0]);
    for (const Value& v : block.values)
      if (!v.is_int()) fail(*b.node[0], "E605", "a for_loop's indexset holds integers");
    if (!is_none(b[1])) {
      if (b[1]->kind != Value::Param || b[1]->expr->size() != 1)
        fail(*b.node[1], "E605", "loop_parameter is a Parameter");
      block.loop_param = (*b[1]->expr)[0].param;
    } else {
      params_.push_back("_loop_i");
      param_keys_.push_back({"_loop_i", -1});
      block.loop_param = static_cast<int64_t>(params_.size() - 1);
    }
  } else {
    Bound b = bind_args(args, {"condition", method == "if_test" ? "true_body" : "body", "qubits", "clbits", "label"}, 1,
                        4, method, at);
    if (!is_none(b[1])) refuse(*b.node[1], method + " with a body circuit (write it as a `with` block)");
    const Value& cond = *b[0];
    if (cond.kind != Value::Tuple || cond.items->size() != 2)
      refuse(*b.node[0], "conditions other than (register or clbit, value), such as qiskit.circuit.classical.expr");
    block.kind = method == "if_test" ? BlockObj::If : BlockObj::While;
    block.condition = add_condition(circuits_[id], (*cond.items)[0], *b.node[0], (*cond.items)[1], *b.node[0]);
  }
  blocks_.push_back(std::move(block));
  return Value::handle(Value::Block, static_cast<int64_t>(blocks_.size() - 1));
}

// The operations a block's body appended to circuit c since `mark`, taken back out of it.
std::vector<Interpreter::BlockOp> Interpreter::take_ops(CircuitObj& c, const BlockMark& mark, const Node& at) {
  std::vector<BlockOp> out;
  const std::vector<const Expr*> symbolic = c.c.symbolic_by_slot();
  for (size_t i = mark.ops; i < c.c.ops.size(); ++i) {
    const Instruction& ins = c.c.ops[i];
    if (ins.kind == OpKind::Measure || ins.kind == OpKind::Reset)
      refuse(at, "a measurement or reset inside a control-flow block");
    if (ins.condition >= 0) refuse(at, "a conditioned instruction inside a control-flow block");
    BlockOp op;
    op.gate = ins.kind == OpKind::Barrier ? -1 : ins.gate;
    op.qubits.assign(c.c.qubits(ins), c.c.qubits(ins) + ins.qubit_count);
    for (uint32_t k = 0; k < ins.param_count; ++k) {
      const uint32_t slot = ins.param_begin + k;
      Expr e;
      if (symbolic[slot]) {
        e = *symbolic[slot];
        for (ExprOp& x : e)
          if (x.code == ExprOp::Param) x.param = static_cast<uint32_t>(c.param_ids[x.param]);
        op.symbolic = true;
      } else {
        ExprOp k0;
        k0.value = c.c.param_pool[slot];
        e.push_back(k0);
      }
      op.params.push_back(std::move(e));
    }
    out.push_back(std::move(op));
  }
  c.c.ops.resize(mark.ops);
  c.c.qubit_pool.resize(mark.qubits);
  c.c.param_pool.resize(mark.params);
  c.c.symbolic.erase(std::remove_if(c.c.symbolic.begin(), c.c.symbolic.end(),
                                    [&](const SymbolicParam& p) { return p.slot >= mark.params; }),
                     c.c.symbolic.end());
  c.param_ids.resize(mark.parameters);  // Parameters first used in the body were used only there
  c.c.parameters.resize(mark.parameters);
  return out;
}

// A gate definition holding `body` on `qubits` (global qubit indices, the instruction's arguments)
// once per value of `values`, with the loop Parameter (if any) replaced by the value; appended to
// circuit c's gates.
int32_t Interpreter::block_gate(CircuitObj& c, const std::string& name, const std::vector<uint32_t>& qubits,
                                const std::vector<BlockOp>& body, int64_t loop_param,
                                const std::vector<int64_t>& values, const Node& at) {
  GateDef d;
  d.name = d.qiskit_name = name;
  d.num_qubits = static_cast<uint32_t>(qubits.size());
  d.available = d.used = true;
  d.span = span(at);
  uint32_t nesting = 0;
  uint64_t expanded = 0;
  std::vector<double> stack;
  for (size_t it = 0; it < values.size(); ++it) {
    step(at, "loops");
    for (const BlockOp& op : body) {
      BodyOp b;
      b.gate = op.gate;
      b.span = d.span;
      for (uint32_t q : op.qubits)
        b.qubits.push_back(static_cast<uint32_t>(std::find(qubits.begin(), qubits.end(), q) - qubits.begin()));
      for (const Expr& e : op.params) {
        Expr x = e;
        bool symbolic = false;
        for (ExprOp& o : x) {
          if (o.code != ExprOp::Param) continue;
          if (static_cast<int64_t>(o.param) != loop_param)
            refuse(at, "a Parameter other than the loop's inside a control-flow block");
          o.code = ExprOp::Const;
          o.value = static_cast<double>(values[it]);
          symbolic = true;
        }
        if (symbolic) {  // a number now: evaluated once, here
          double r = 0;
          const char* error = nullptr;
          if (!evaluate(x, nullptr, stack, &r, &error)) fail(at, "E609", std::string("in the loop body: ") + error);
          ExprOp k0;
          k0.value = r;
          x = Expr{k0};
        }
        b.params.push_back(std::move(x));
      }
      if (b.gate >= 0) {
        const GateDef& g = c.c.gates[static_cast<size_t>(b.gate)];
        nesting = std::max(nesting, g.nesting + 1);
        expanded = std::min<uint64_t>(opt_.limits.max_expanded_ops, expanded + g.expanded_ops);
      }
      d.body.push_back(std::move(b));
    }
    if (expanded >= opt_.limits.max_expanded_ops) fail(at, "E406", "unrolling the loop would exceed max_expanded_ops");
  }
  if (nesting > opt_.limits.max_gate_nesting) fail(at, "E405", "control-flow blocks nested too deep");
  d.nesting = std::max<uint32_t>(nesting, 1);
  d.expanded_ops = std::max<uint64_t>(expanded, 1);
  c.c.gates.push_back(std::move(d));
  return static_cast<int32_t>(c.c.gates.size() - 1);
}

Interpreter::Flow Interpreter::exec_with(const Stmt& s) {
  Node at;
  at.offset = s.offset;
  at.length = s.length;
  const Value v = eval(s.value);
  if (v.kind != Value::Block)
    refuse(s.value, "'with' statements other than Qiskit's control-flow blocks (if_test, else_, for_loop, while_loop)");
  const int64_t id = v.i;
  const int64_t circ = blocks_[id].circuit;
  if (blocks_[id].kind == BlockObj::Else && blocks_[blocks_[id].if_block].instruction < 0)
    fail(s.value, "E605", "else_ follows the if_test block it belongs to");
  if (!s.targets.empty()) {
    Value bound;
    if (blocks_[id].kind == BlockObj::If) {  // `as else_`: the builder of the else branch
      BlockObj e;
      e.kind = BlockObj::Else;
      e.circuit = circ;
      e.if_block = id;
      blocks_.push_back(std::move(e));
      bound = Value::handle(Value::Block, static_cast<int64_t>(blocks_.size() - 1));
    } else if (blocks_[id].kind == BlockObj::For) {
      ExprOp p;
      p.code = ExprOp::Param;
      p.param = static_cast<uint32_t>(blocks_[id].loop_param);
      bound = Value::param(Expr{p});
    }
    assign(s.targets[0], bound);
  }
  CircuitObj& c0 = circuits_[circ];
  const BlockMark mark{c0.c.ops.size(), c0.c.qubit_pool.size(), c0.c.param_pool.size(), c0.param_ids.size()};
  const Flow flow = exec_body(s.body);
  CircuitObj& c = circuits_[circ];
  std::vector<BlockOp> body = take_ops(c, mark, at);
  BlockObj& block = blocks_[id];
  switch (block.kind) {
    case BlockObj::If:
    case BlockObj::While: {
      for (const BlockOp& op : body)
        if (op.symbolic) refuse(at, "Parameters inside an if_test or while_loop block");
      const std::vector<uint32_t> qs = used_qubits({&body});
      const int32_t gate = block_gate(c, block.kind == BlockObj::If ? "if_else" : "while_loop", qs, body, -1, {0}, at);
      if (block.kind == BlockObj::While) c.c.gates[static_cast<size_t>(gate)].dynamic = true;
      emit(c, OpKind::Gate, gate, qs, -1, {}, at);
      c.c.ops.back().condition = block.condition;
      block.instruction = static_cast<int64_t>(c.c.ops.size() - 1);
      block.body = std::move(body);
      break;
    }
    case BlockObj::Else: {
      BlockObj& owner = blocks_[block.if_block];
      if (owner.instruction != static_cast<int64_t>(c.c.ops.size() - 1) || owner.has_else)
        fail(s.value, "E605", "else_ comes right after its if_test block, once");
      for (const BlockOp& op : body)
        if (op.symbolic) refuse(at, "Parameters inside an else_ block");
      // One if_else over both branches' qubits: the true branch as its body, the false branch as
      // a gate beside it, run when the condition does not hold.
      c.c.ops.pop_back();
      const std::vector<uint32_t> qs = used_qubits({&owner.body, &body});
      const int32_t gate = block_gate(c, "if_else", qs, owner.body, -1, {0}, at);
      const int32_t other = block_gate(c, "if_else", qs, body, -1, {0}, at);
      Condition negated = c.c.conditions[static_cast<size_t>(owner.condition)];
      negated.negated = true;
      c.c.conditions.push_back(std::move(negated));
      GateDef& g = c.c.gates[static_cast<size_t>(gate)];
      g.else_gate = other;
      g.else_condition = static_cast<int32_t>(c.c.conditions.size() - 1);
      emit(c, OpKind::Gate, gate, qs, -1, {}, at);
      c.c.ops.back().condition = owner.condition;
      owner.has_else = true;
      break;
    }
    case BlockObj::For: {
      std::vector<int64_t> values;
      for (const Value& x : block.values) values.push_back(x.i);
      const std::vector<uint32_t> qs = used_qubits({&body});
      const int32_t gate = block_gate(c, "for_loop", qs, body, block.loop_param, values, at);
      emit(c, OpKind::Gate, gate, qs, -1, {}, at);
      break;
    }
  }
  return flow;
}

// The qubits a block's bodies use, in increasing order: the instruction's arguments.
std::vector<uint32_t> Interpreter::used_qubits(const std::vector<const std::vector<BlockOp>*>& bodies) {
  std::vector<uint32_t> qs;
  for (const auto* body : bodies)
    for (const BlockOp& op : *body) qs.insert(qs.end(), op.qubits.begin(), op.qubits.end());
  std::sort(qs.begin(), qs.end());
  qs.erase(std::unique(qs.begin(), qs.end()), qs.end());
  return qs;
}

}  // namespace qvet::python
