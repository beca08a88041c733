// Statements of the static subset (imports, assignments, `for`), the choice of circuit, and the
// entry point that drives the parser one top-level statement at a time.
#include "python/frontend.hpp"

#include <algorithm>

#include "python/interpreter.hpp"
#include "python/names.hpp"
#include "python/parser.hpp"
#include "util/thread_local.hpp"

namespace qvet::python {

namespace {
// Generations of the global-name cache: unique on this thread, so that a Node cached by one
// interpreter is never taken for valid by another.
uint64_t next_generation() {
  static QVET_THREAD_LOCAL uint64_t last = 0;
  return ++last;
}
}  // namespace

Interpreter::Interpreter(const SourceMap& map, const Options& opt, DiagnosticSink& sink)
    : map_(map), opt_(opt), sink_(sink), vars_generation_(next_generation()) {}

Value* Interpreter::global_slot(const Node& name) {
  if (name.slot_generation == vars_generation_) return name.slot;
  auto it = vars_.find(name.text);
  if (it == vars_.end()) return nullptr;  // not cached: it may be defined later
  name.slot = &it->second;
  name.slot_generation = vars_generation_;
  return name.slot;
}

Value& Interpreter::global_for_store(const Node& name) {
  if (name.slot_generation == vars_generation_) return *name.slot;
  Value& slot = vars_[name.text];
  name.slot = &slot;
  name.slot_generation = vars_generation_;
  return slot;
}

void Interpreter::erase_global(const std::string& name) {
  if (vars_.erase(name)) vars_generation_ = next_generation();
}

namespace {
// A statement's place, where its diagnostics point.
Node place(const Stmt& s) {
  Node at;
  at.offset = s.offset;
  at.length = s.length;
  return at;
}

// The names a statement assigns (its targets, its nested blocks', a def's name but not the names
// inside its body, which are its own), for what follows a statement that did not run.
void assigned_names(const Node& target, const std::function<void(const std::string&)>& name) {
  if (target.kind == Node::Name) name(target.text);
  if (target.kind == Node::Tuple || target.kind == Node::List)
    for (const Node& k : target.kids) assigned_names(k, name);
}
void assigned_names(const Stmt& s, const std::function<void(const std::string&)>& name) {
  if (s.kind == Stmt::Assign || s.kind == Stmt::AugAssign || s.kind == Stmt::For || s.kind == Stmt::With)
    for (const Node& t : s.targets) assigned_names(t, name);
  if (s.kind == Stmt::Def) {
    name(s.name);
    return;
  }
  for (const Stmt& b : s.body) assigned_names(b, name);
  for (const Stmt& b : s.orelse) assigned_names(b, name);
}
}  // namespace

void Interpreter::run(const Stmt& s) {
  try {
    exec(s);
  } catch (const Skip& skip) {
    skipped(s, skip.kind);
    frame_.reset();
    calls_ = loops_ = 0;
  } catch (const Error&) {
    poison_all(s);
    frame_.reset();  // an error inside a call leaves no function running
    calls_ = loops_ = 0;
  }
}

Interpreter::Flow Interpreter::exec_body(const std::vector<Stmt>& body) {
  for (const Stmt& b : body) {
    Flow f = Flow::Next;
    try {
      f = exec(b);
    } catch (const Skip& skip) {  // this statement needs a run's result: skip it, go on with the next
      skipped(b, skip.kind);
    }
    if (f != Flow::Next) return f;
  }
  return Flow::Next;
}

void Interpreter::note_run(int64_t kind, const Node& at) {
  if (kind < 0 || kind >= kRunKinds || run_noted_[kind]) return;
  run_noted_[kind] = true;
  sink_.add({Severity::Info, "I601",
             std::string("skipped: this code ") + run_kind_text(kind) +
                 "; qvet reports the circuit as built (before any transpile or run) and never runs it",
             span(at)});
}

// A statement skipped for needing a run's result: the info, and what it would have assigned is
// inert too, so what uses it later is skipped (or refused when it reaches a circuit).
void Interpreter::skipped(const Stmt& s, int64_t kind) {
  note_run(kind, place(s));
  assigned_names(s, [&](const std::string& n) {
    if (frame_) {
      frame_->locals[n] = Value::handle(Value::Inert, kind);
    } else {
      vars_[n] = Value::handle(Value::Inert, kind);
      poisoned_.erase(n);
    }
  });
}

void Interpreter::passed_to_transpile(const Args& args, const Node& at) {
  auto mark = [&](const Value& v) {
    if (v.kind != Value::Circuit) return;
    CircuitObj::Transpiled& t = circuits_[v.i].transpiled;
    t.passed = true;
    t.pending = false;  // transpiled again: with what was added since
    t.offset = at.offset;
    t.length = at.length;
  };
  auto each = [&](const Value& v) {  // transpile(qc), transpile([qc1, qc2]), pm.run(circuits=...)
    if ((v.kind == Value::List || v.kind == Value::Tuple) && v.items)
      for (const Value& item : *v.items) mark(item);
    mark(v);
  };
  for (const Value& v : args.pos) each(v);
  for (const auto& kw : args.kw) each(kw.second);
}

void Interpreter::report_added_after_transpile() {
  for (const CircuitObj& c : circuits_) {
    if (!c.transpiled.pending) continue;
    const Span passed = map_.span(c.transpiled.offset, c.transpiled.length);
    const std::string where = passed.cell
                                  ? "cell " + std::to_string(passed.cell) + ", line " + std::to_string(passed.line)
                                  : "line " + std::to_string(passed.line);
    const std::string name = c.var.empty() ? std::string("the circuit") : "'" + c.var + "'";
    sink_.add({Severity::Warning, "W604",
               "an operation added to " + name + " after it was transpiled (" + where +
                   "): transpile returns a new circuit, which does not have it, so what runs lacks this "
                   "operation (finish the circuit first, or transpile it again)",
               map_.span(c.transpiled.op_offset, c.transpiled.op_length)});
  }
}

void Interpreter::refuse_inert(const Args& args, const Node& at) {
  auto check = [&](const Value& v, const Node& where) {
    if (v.kind != Value::Inert) return;
    fail(where, "E613",
         std::string("this value comes from code that ") + run_kind_text(v.i) +
             ", which qvet never runs: the circuit would depend on a run");
  };
  for (size_t i = 0; i < args.pos.size(); ++i) check(args.pos[i], *args.pos_nodes[i]);
  for (size_t i = 0; i < args.kw.size(); ++i) check(args.kw[i].second, *args.kw_nodes[i]);
  (void)at;
}

// One budget bounds the time: every expression node evaluated and statement run costs a step (see
// eval() and exec()), a loop iteration one more, a call kCallSteps, and each element or character a
// builtin builds one (count_items). The budget is spent in about a quarter of a second natively, however
// the code's loops and recursion are arranged (2^60 calls of a doubly recursive function stop).
void Interpreter::step(const Node& at, const char* what, uint64_t cost) {
  steps_ = cost > opt_.limits.max_python_steps ? opt_.limits.max_python_steps + 1 : steps_ + cost;
  if (steps_ > opt_.limits.max_python_steps)
    fail(at, "E608",
         std::string(what) + " went past the step budget of " + std::to_string(opt_.limits.max_python_steps) +
             " steps (each expression evaluated, statement run, loop iteration, call and element built costs one); "
             "qvet stops reading here (the limit is max_python_steps)");
}

// A statement, with the memory bound turned into its error here, where the statement is.
Interpreter::Flow Interpreter::exec(const Stmt& s) {
  if (++steps_ > opt_.limits.max_python_steps) step(place(s), "the code", 0);
  try {
    return exec_statement(s);
  } catch (const MemoryBound&) {
    fail(place(s), "E615",
         "the values of this program (its lists, strings and circuits) would take more than " +
             std::to_string(opt_.limits.max_python_bytes >> 20) +
             " MiB at once; qvet stops reading here (the limit is max_python_bytes)");
  }
}

// `qc.compose(other)` alone on a line: compose, like inverse(), copy() and the others below,
// returns a new circuit and leaves qc as it was, so the statement does nothing (Qiskit's
// compose(inplace=False) default is a classic of tutorials gone wrong).
void Interpreter::discarded_circuit(const Node& expr) {
  if (expr.kind != Node::Call || expr.kids.empty() || expr.kids[0].kind != Node::Attr) return;
  const std::string& method = expr.kids[0].text;
  static const char* const kNew[] = {"compose",      "copy",      "inverse",           "reverse_ops",
                                     "reverse_bits", "decompose", "assign_parameters", "power",
                                     "repeat",       "tensor",    "control",           "copy_empty_like"};
  if (std::find(std::begin(kNew), std::end(kNew), method) == std::end(kNew)) return;
  sink_.add({Severity::Warning, "W602",
             method +
                 "() returns a new circuit, which is discarded here: the circuit it was called on is "
                 "unchanged (assign the result" +
                 (method == "compose" ? std::string(", or pass inplace=True") : std::string()) + ")",
             span(expr)});
}

Interpreter::Flow Interpreter::exec_statement(const Stmt& s) {
  switch (s.kind) {
    case Stmt::Pass: return Flow::Next;
    case Stmt::Import: exec_import(s); return Flow::Next;
    case Stmt::FromImport: exec_from_import(s); return Flow::Next;
    case Stmt::Expr: {
      const Value v = eval(s.value);
      if (v.kind == Value::Circuit) discarded_circuit(s.value);
      return Flow::Next;
    }
    case Stmt::Assign: {
      const Value v = eval(s.value);
      for (const Node& t : s.targets) assign(t, v);
      return Flow::Next;
    }
    case Stmt::AugAssign: {
      const Node& t = s.targets[0];
      if (t.kind == Node::Index || t.kind == Node::Attr) {  // x[i] += v, x.a += v (language.cpp)
        aug_assign(s);
        return Flow::Next;
      }
      if (t.kind != Node::Name) refuse(t, "augmented assignment to anything but a name");
      const Value old = name(t);
      const Value rhs = eval(s.value);
      if (old.kind == Value::List && s.op == '+') {  // list += iterable extends in place
        Items more = materialize(rhs, s.value);
        for (const Value& v : more) check_appendable(v, s.value);
        old.items->insert(old.items->end(), more.begin(), more.end());
        return Flow::Next;
      }
      assign(t, binary(s.op, old, rhs, s.value));
      return Flow::Next;
    }
    case Stmt::For: {
      const Value it = eval(s.value);
      Flow out = Flow::Next;
      ++loops_;
      iterate(s.value, it, [&](const Value& v) {
        step(s.value, "loops");
        assign(s.targets[0], v);
        const Flow f = exec_body(s.body);
        if (f == Flow::Break) return false;
        if (f == Flow::Return) {
          out = f;
          return false;
        }
        return true;
      });
      --loops_;
      return out;
    }
    case Stmt::While: {
      ++loops_;
      Flow out = Flow::Next;
      while (truth(eval(s.value), s.value)) {
        step(s.value, "loops");
        const Flow f = exec_body(s.body);
        if (f == Flow::Break) break;
        if (f == Flow::Return) {
          out = f;
          break;
        }
      }
      --loops_;
      return out;
    }
    case Stmt::If: return exec_body(truth(eval(s.value), s.value) ? s.body : s.orelse);
    case Stmt::Break:
    case Stmt::Continue:
      if (loops_ == 0)
        fail(place(s), "E601", std::string("'") + (s.kind == Stmt::Break ? "break" : "continue") + "' outside a loop");
      return s.kind == Stmt::Break ? Flow::Break : Flow::Continue;
    case Stmt::Return:
      if (!frame_) fail(place(s), "E601", "'return' outside a function");
      returned_ = s.has_value ? eval(s.value) : Value{};
      return Flow::Return;
    case Stmt::Assert:
      if (!truth(eval(s.value), s.value)) {
        const std::string why = s.targets.empty() ? "" : ": " + str(eval(s.targets[0]), s.targets[0]);
        fail(place(s), "E611", "assertion failed" + why + " (the code would stop here with an AssertionError)");
      }
      return Flow::Next;
    case Stmt::Def: define(s); return Flow::Next;
    case Stmt::With: return exec_with(s);
  }
  return Flow::Next;
}

// `def`: the function keeps its own copy of the statement, since the parser drops it after it runs.
void Interpreter::define(const Stmt& s) {
  FunctionObj f;
  f.name = s.name;
  f.params = s.params;
  for (const Node& d : s.defaults) f.defaults.push_back(eval(d));
  for (const Node& d : s.kw_defaults)  // a None node of length 0: no default
    f.kw_defaults.push_back(d.kind == Node::None && d.length == 0 ? std::nullopt : std::optional<Value>(eval(d)));
  // One copy per `def` in the source, however often it runs (a def inside a loop): the copies
  // are bounded by the source's size.
  std::shared_ptr<const Stmt>& code = code_[s.offset];
  if (!code) code = std::make_shared<const Stmt>(s);
  f.def = code;
  f.closure = frame_;
  count_items(kFunctionItems, place(s));
  ValueMemory::charge(kFunctionBytes);
  funcs_.push_back(std::move(f));
  Node target;
  target.kind = Node::Name;
  target.text = s.name;
  target.offset = s.offset;
  target.length = s.length;
  assign(target, Value::handle(Value::UserFunction, static_cast<int64_t>(funcs_.size() - 1)));
}

void Interpreter::exec_import(const Stmt& s) {
  for (const ImportName& n : s.names) {
    Node at;
    at.offset = n.offset;
    at.length = n.length;
    const int64_t m = find_module(n.name);
    if (m < 0 && run_module(n.name) >= 0) {  // run or plot code: its names are inert
      const std::string top = n.name.substr(0, n.name.find('.'));
      const std::string bound = n.alias.empty() ? top : n.alias;
      if (n.alias.empty() && find_module(top) >= 0) continue;  // `import qiskit.visualization` keeps qiskit
      vars_[bound] = Value::handle(Value::Inert, run_module(n.name));
      poisoned_.erase(bound);
      continue;
    }
    if (m < 0 && (n.name == "random" || n.name == "secrets" || n.name == "time"))
      refuse(at, "importing '" + n.name + "' (its values change from run to run, so the circuit would too)");
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
  if (s.names.size() == 1 && s.names[0].name == "*") {
    // A star import binds what the module exports that qvet knows; from run or plot code, any name
    // not otherwise defined is taken as one of its inert names (plot_histogram after
    // `from qiskit.visualization import *`).
    if (m < 0 && run_module(s.module) >= 0) {
      star_run_ = run_module(s.module);
      return;
    }
    if (m < 0)
      refuse(mod, "importing from '" + s.module + "' (the subset imports math, numpy and qiskit's circuit classes)");
    each_member(m, [&](const std::string& name, const Value& v) {
      vars_[name] = v;
      poisoned_.erase(name);
    });
    if (m == kQiskit)  // and the run code qiskit exports (or exported before 1.0), inert
      for (const char* name : {"transpile", "execute", "Aer", "BasicAer", "assemble", "IBMQ"}) {
        vars_[name] = Value::handle(Value::Inert, run_name("qiskit", name));
        poisoned_.erase(name);
      }
    return;
  }
  if (m < 0 && run_module(s.module) >= 0) {  // run or plot code: every name it gives is inert
    for (const ImportName& n : s.names) {
      const std::string& bound = n.alias.empty() ? n.name : n.alias;
      // quantum_info's Statevector and Operator also hold data that builds circuits (an initial
      // state, a UnitaryGate's matrix): classes of their own, inert only when made from a circuit.
      const bool qi = s.module == "qiskit.quantum_info";
      const int64_t cls = !qi                         ? -1
                          : n.name == "Statevector"   ? int64_t{kStatevector}
                          : n.name == "Operator"      ? int64_t{kOperator}
                          : n.name == "SparsePauliOp" ? int64_t{kSparsePauliOp}
                                                      : -1;
      vars_[bound] = cls >= 0 ? Value::handle(Value::Class, cls) : Value::handle(Value::Inert, run_module(s.module));
      poisoned_.erase(bound);
    }
    return;
  }
  if (m < 0)
    refuse(mod, "importing from '" + s.module + "' (the subset imports math, numpy and qiskit's circuit classes)");
  for (const ImportName& n : s.names) {
    Node at;
    at.offset = n.offset;
    at.length = n.length;
    Value v;
    if (!module_member(m, n.name, &v) && run_name(s.module, n.name) >= 0)
      v = Value::handle(Value::Inert, run_name(s.module, n.name));
    else if (!module_member(m, n.name, &v))
      refuse(at,
             "'" + n.name + "' from " + s.module + " (qvet reads how a circuit is built, not what is done with it)");
    const std::string& bound = n.alias.empty() ? n.name : n.alias;
    vars_[bound] = v;
    poisoned_.erase(bound);
  }
}

void Interpreter::assign(const Node& target, const Value& v) {
  if (target.kind == Node::Name) {
    if (frame_) {  // inside a function, names are its locals
      frame_->locals[target.text] = v;
      if (v.kind == Value::Circuit) adopt(v.i, target.text);
      return;
    }
    global_for_store(target) = v;
    if (!poisoned_.empty()) poisoned_.erase(target.text);
    if (v.kind == Value::Circuit) adopt(v.i, target.text);
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
  if (target.kind == Node::Index) return assign_item(target, v);  // language.cpp
  if (target.kind == Node::Attr) return assign_attribute(target, v);
  fail(target, "E601", "cannot assign to this expression");
}

void Interpreter::poison_all(const Stmt& s) {
  assigned_names(s, [&](const std::string& n) {
    poisoned_[n] = true;
    erase_global(n);
  });
}

void Interpreter::iterate(const Node& at, const Value& it, const std::function<bool(const Value&)>& body) {
  switch (it.kind) {
    case Value::Inert: throw Skip{it.i};  // `for key in counts:`: a run's result
    case Value::Range: {
      const int64_t n = it.range_length();
      for (int64_t k = 0; k < n; ++k)
        if (!body(Value::integer(it.i + k * it.k))) return;
      return;
    }
    case Value::List:
    case Value::Tuple: {
      const Items snapshot = *it.items;
      for (const Value& v : snapshot)
        if (!body(v)) return;
      return;
    }
    case Value::Dict: {  // its keys, in insertion order
      const Items snapshot = *it.items;
      for (size_t i = 0; i < snapshot.size(); i += 2)
        if (!body(snapshot[i])) return;
      return;
    }
    case Value::Str:
      for (char ch : *it.s)
        if (!body(Value::string(std::string(1, ch)))) return;
      return;
    case Value::QReg:
    case Value::CReg:
      for (uint32_t i = 0; i < regs_[it.i].size; ++i)
        if (!body(Value::handle(it.kind == Value::QReg ? Value::Qubit : Value::Clbit, i, it.i))) return;
      return;
    default: break;
  }
  fail(at, "E605", "this value cannot be iterated over (for loops run over range(), lists, tuples and registers)");
}

bool Interpreter::finish(Circuit& out, std::string* name) {
  report_added_after_transpile();
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
    // The last one built, but never one only used as a part (composed, appended, made a gate)
    // over the circuit that holds it.
    chosen = static_cast<int64_t>(circuits_.size() - 1);
    for (int64_t i = chosen; i >= 0; --i)
      if (!circuits_[static_cast<size_t>(i)].part) {
        chosen = i;
        break;
      }
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
  // Parts (composed, appended, made gates) are pieces of another circuit, not rivals to it.
  const size_t wholes = static_cast<size_t>(
      std::count_if(circuits_.begin(), circuits_.end(), [](const CircuitObj& o) { return !o.part; }));
  if (wholes > 1) {
    const std::string which = c.var.empty() ? "the circuit built here" : "'" + c.var + "'";
    sink_.add({Severity::Warning, "W601",
               std::to_string(wholes) + " circuits are built in this code; qvet reports " + which +
                   (opt_.circuit.empty() ? ", the last one built" : "") +
                   " (choose another with the circuit option, --circuit NAME on the command line)",
               map_.span(c.offset, c.length)});
  }
  // Qiskit's order of the Parameters (by name, a vector's elements by index), renumbered to it.
  const std::vector<int64_t> order = sorted_params(c);
  std::vector<uint32_t> renumber(c.param_ids.size());
  c.c.parameters.clear();
  for (size_t k = 0; k < order.size(); ++k) {
    renumber[static_cast<size_t>(std::find(c.param_ids.begin(), c.param_ids.end(), order[k]) - c.param_ids.begin())] =
        static_cast<uint32_t>(k);
    c.c.parameters.push_back(params_[order[k]]);
  }
  for (SymbolicParam& p : c.c.symbolic)
    for (ExprOp& op : p.expr)
      if (op.code == ExprOp::Param) op.param = renumber[op.param];
  c.param_ids = order;
  *name = c.var;
  out = std::move(c.c);
  return true;
}

namespace {
// Notebook lines that are not Python (`%matplotlib inline`, `!pip install qiskit`): the parser
// reads them as comments (the same bytes, so every offset stays), and one info says so.
std::string without_notebook_lines(std::string_view src, const SourceMap& map, DiagnosticSink& sink) {
  std::string text(src);
  bool noted = false;
  size_t line = 0;
  while (line < text.size()) {
    size_t first = line;
    while (first < text.size() && (text[first] == ' ' || text[first] == '\t')) ++first;
    const size_t end = std::min(text.find('\n', line), text.size());
    if (first < end && (text[first] == '%' || text[first] == '!')) {
      if (!noted)
        sink.add({Severity::Info, "I602",
                  "skipped: a notebook line (an IPython magic or a shell command), not Python; qvet never runs it",
                  map.span(first, end - first)});
      noted = true;
      text[first] = '#';
    }
    line = end + 1;
  }
  return text;
}
}  // namespace

void parse(std::string_view original, const SourceMap& map, const Options& options, DiagnosticSink& sink, Circuit& out,
           std::string* name) {
  const std::string text = without_notebook_lines(original, map, sink);
  const std::string_view src = text;
  Parser parser(src, map, sink, options.limits);
  const ValueMemory::Scope memory(options.limits.max_python_bytes);  // before the interpreter: it outlives its values
  Interpreter interp(map, options, sink);
  std::vector<Stmt> statements;
  while (parser.next(&statements)) {
    for (const Stmt& s : statements) interp.run(s);
    if (sink.full()) return;
  }
  interp.finish(out, name);
}

}  // namespace qvet::python
