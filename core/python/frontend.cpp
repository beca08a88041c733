// Statements of the static subset (imports, assignments, `for`), the choice of circuit, and the
// entry point that drives the parser one top-level statement at a time.
#include "python/frontend.hpp"

#include <algorithm>

#include "python/interpreter.hpp"
#include "python/names.hpp"
#include "python/parser.hpp"

namespace qvet::python {

Interpreter::Interpreter(const SourceMap& map, const Options& opt, DiagnosticSink& sink)
    : map_(map), opt_(opt), sink_(sink) {}

void Interpreter::run(const Stmt& s) {
  try {
    exec(s);
  } catch (const Error&) {
    poison_all(s);
  }
}

void Interpreter::exec(const Stmt& s) {
  switch (s.kind) {
    case Stmt::Pass: return;
    case Stmt::Import: return exec_import(s);
    case Stmt::FromImport: return exec_from_import(s);
    case Stmt::Expr: eval(s.value); return;
    case Stmt::Assign: {
      const Value v = eval(s.value);
      for (const Node& t : s.targets) assign(t, v);
      return;
    }
    case Stmt::AugAssign: {
      const Node& t = s.targets[0];
      if (t.kind != Node::Name) refuse(t, "augmented assignment to anything but a name");
      const Value old = name(t);
      const Value rhs = eval(s.value);
      if (old.kind == Value::List && s.op == '+') {  // list += iterable extends in place
        Items more = materialize(rhs, s.value);
        for (const Value& v : more) check_appendable(v, s.value);
        old.items->insert(old.items->end(), more.begin(), more.end());
        return;
      }
      assign(t, binary(s.op, old, rhs, s.value));
      return;
    }
    case Stmt::For: {
      const Value it = eval(s.value);
      iterate(s.value, it, [&](const Value& v) {
        if (++iterations_ > opt_.limits.max_loop_iterations)
          fail(s.value, "E608",
               "loops ran more than " + std::to_string(opt_.limits.max_loop_iterations) +
                   " iterations in all; qvet stops unrolling here (the limit is max_loop_iterations)");
        assign(s.targets[0], v);
        for (const Stmt& b : s.body) exec(b);
      });
      return;
    }
  }
}

void Interpreter::exec_import(const Stmt& s) {
  for (const ImportName& n : s.names) {
    Node at;
    at.offset = n.offset;
    at.length = n.length;
    const int64_t m = find_module(n.name);
    if (m < 0) refuse(at, "importing '" + n.name + "' (the subset imports math, numpy and qiskit's circuit classes)");
    if (!n.alias.empty()) {
      vars_[n.alias] = Value::handle(Value::Module, m);
      poisoned_.erase(n.alias);
      continue;
    }
    // `import qiskit.circuit` binds `qiskit`, as in Python.
    const std::string top = n.name.substr(0, n.name.find('.'));
    vars_[top] = Value::handle(Value::Module, find_module(top));
    poisoned_.erase(top);
  }
}

void Interpreter::exec_from_import(const Stmt& s) {
  Node mod;
  mod.offset = s.module_offset;
  mod.length = s.module_length;
  const int64_t m = find_module(s.module);
  if (m < 0)
    refuse(mod, "importing from '" + s.module + "' (the subset imports math, numpy and qiskit's circuit classes)");
  for (const ImportName& n : s.names) {
    Node at;
    at.offset = n.offset;
    at.length = n.length;
    Value v;
    if (!module_member(m, n.name, &v))
      refuse(at,
             "'" + n.name + "' from " + s.module + " (qvet reads how a circuit is built, not what is done with it)");
    const std::string& bound = n.alias.empty() ? n.name : n.alias;
    vars_[bound] = v;
    poisoned_.erase(bound);
  }
}

void Interpreter::assign(const Node& target, const Value& v) {
  if (target.kind == Node::Name) {
    vars_[target.text] = v;
    poisoned_.erase(target.text);
    if (v.kind == Value::Circuit) circuits_[v.i].var = target.text;
    return;
  }
  if (target.kind == Node::Tuple || target.kind == Node::List) {
    Items items = materialize(v, target);
    if (items.size() != target.kids.size())
      fail(target, "E609",
           items.size() > target.kids.size()
               ? "too many values to unpack (expected " + std::to_string(target.kids.size()) + ")"
               : "not enough values to unpack (expected " + std::to_string(target.kids.size()) + ", got " +
                     std::to_string(items.size()) + ")");
    for (size_t i = 0; i < items.size(); ++i) assign(target.kids[i], items[i]);
    return;
  }
  if (target.kind == Node::Index || target.kind == Node::Attr) refuse(target, "assignment to an item or attribute");
  fail(target, "E601", "cannot assign to this expression");
}

void Interpreter::poison(const Node& target) {
  if (target.kind == Node::Name) {
    poisoned_[target.text] = true;
    vars_.erase(target.text);
  }
  for (const Node& k : target.kids) poison(k);
}

void Interpreter::poison_all(const Stmt& s) {
  if (s.kind == Stmt::Assign || s.kind == Stmt::AugAssign || s.kind == Stmt::For)
    for (const Node& t : s.targets) poison(t);
  for (const Stmt& b : s.body) poison_all(b);
}

void Interpreter::iterate(const Node& at, const Value& it, const std::function<void(const Value&)>& body) {
  switch (it.kind) {
    case Value::Range: {
      const int64_t n = it.range_length();
      for (int64_t k = 0; k < n; ++k) body(Value::integer(it.i + k * it.k));
      return;
    }
    case Value::List:
    case Value::Tuple: {
      const Items snapshot = *it.items;
      for (const Value& v : snapshot) body(v);
      return;
    }
    case Value::Str:
      for (char ch : *it.s) body(Value::string(std::string(1, ch)));
      return;
    case Value::QReg:
    case Value::CReg:
      for (uint32_t i = 0; i < regs_[it.i].size; ++i)
        body(Value::handle(it.kind == Value::QReg ? Value::Qubit : Value::Clbit, i, it.i));
      return;
    default: break;
  }
  fail(at, "E605", "this value cannot be iterated over (for loops run over range(), lists, tuples and registers)");
}

bool Interpreter::finish(Circuit& out, std::string* name) {
  int64_t chosen = -1;
  if (!opt_.circuit.empty()) {
    auto it = vars_.find(opt_.circuit);
    if (it == vars_.end() || it->second.kind != Value::Circuit) {
      if (poisoned_.count(opt_.circuit)) return false;
      sink_.add({Severity::Error, "E610", "there is no QuantumCircuit named '" + opt_.circuit + "' in this code",
                 map_.span(0, 0)});
      return false;
    }
    chosen = it->second.i;
  } else if (!circuits_.empty()) {
    chosen = static_cast<int64_t>(circuits_.size() - 1);
  }
  if (chosen < 0) {
    if (!sink_.has_errors())
      sink_.add({Severity::Error, "E610",
                 "no QuantumCircuit is built here: qvet reads code such as `qc = QuantumCircuit(2)` followed by "
                 "gate calls",
                 map_.span(0, 0)});
    return false;
  }
  CircuitObj& c = circuits_[chosen];
  if (circuits_.size() > 1) {
    const std::string which = c.var.empty() ? "the circuit built here" : "'" + c.var + "'";
    sink_.add({Severity::Warning, "W601",
               std::to_string(circuits_.size()) + " circuits are built in this code; qvet reports " + which +
                   (opt_.circuit.empty() ? ", the last one built" : "") +
                   " (choose another with the circuit option, --circuit NAME on the command line)",
               map_.span(c.offset, c.length)});
  }
  *name = c.var;
  out = std::move(c.c);
  return true;
}

void parse(std::string_view src, const SourceMap& map, const Options& options, DiagnosticSink& sink, Circuit& out,
           std::string* name) {
  Parser parser(src, map, sink, options.limits);
  Interpreter interp(map, options, sink);
  std::vector<Stmt> statements;
  while (parser.next(&statements)) {
    for (const Stmt& s : statements) interp.run(s);
    if (sink.full()) return;
  }
  interp.finish(out, name);
}

}  // namespace qvet::python
