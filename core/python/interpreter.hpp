// Evaluates the static subset. It is not a Python interpreter: it knows numbers, strings, lists,
// ranges, `for` loops, a handful of pure builtins, `math`/`numpy` constants and functions, and
// Qiskit's circuit-building API, and nothing else; every name it does not know is an error. Each
// loop iteration, list element, string byte and instruction counts against the limits, so no input
// can make it run long or allocate much.
#pragma once
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "circuit/circuit.hpp"
#include "diagnostics/sink.hpp"
#include "python/ast.hpp"
#include "python/value.hpp"
#include "qvet/options.hpp"
#include "source/source_map.hpp"

namespace qvet::python {

class Interpreter {
 public:
  // Calls of the code's own functions nested at once (recursion): deep enough for a QFT built
  // recursively over a hundred qubits, shallow enough for every target's stack.
  static constexpr uint32_t kMaxCallDepth = 100;
  // A function value costs this many steps and bytes of the budgets (it copies its code, and its
  // FunctionObj is kept to the end), so defining functions in a loop stays within both.
  static constexpr uint64_t kFunctionItems = 64;
  static constexpr size_t kFunctionBytes = 1024;
  static constexpr uint64_t kCallSteps = 4;  // a call's cost in loop iterations (see step())

  Interpreter(const SourceMap& map, const Options& opt, DiagnosticSink& sink);

  // Runs one top-level statement. An error stops the statement (as an exception would stop
  // Python); the names it assigns become "poisoned", so later uses fail quietly instead of
  // repeating the error.
  void run(const Stmt& s);
  // Moves the chosen circuit into `out`; false (with E610) when there is none.
  bool finish(Circuit& out, std::string* name);

 private:
  struct Error {};  // the diagnostic is already in the sink
  struct Skip {     // a statement that needs the value of run code (`if counts[...]:`): skipped whole
    int64_t kind;
  };

  struct RegObj {
    bool quantum = true;
    std::string name;
    uint32_t size = 0;
    uint32_t offset = 0, length = 0;  // where it was created
  };
  struct CircuitObj {
    Circuit c;
    std::vector<int64_t> qreg_ids, creg_ids;  // parallel to c.qregs / c.cregs
    std::vector<int64_t> param_ids;           // parallel to c.parameters
    std::map<uint64_t, int32_t> mcx_defs;     // 2 * qubits + gray -> gate index, for MCX with 5+ controls
    std::map<int64_t, int32_t> sub_defs;      // circuit id -> gate index, for a circuit appended as a gate
    std::string name;                         // QuantumCircuit(name=...), or Qiskit's circuit-<n>
    bool part = false;                        // composed into, or appended to, another circuit
    int8_t qft = -1;                          // a library QFT: 0, or 1 for the inverse (QFT.inverse())
    int64_t derived_from = -1;                // made from that circuit, and not yet given a name
    uint32_t offset = 0, length = 0;
    std::string var;  // the last variable it was assigned to
    // The last call that passed it to transpile() or a pass manager's run(), and the first
    // operation added after that call (W604, reported at the end unless the circuit is transpiled
    // again: then the user has the operation where it runs). A copy is a circuit of its own that
    // nothing has transpiled.
    struct Transpiled {
      uint32_t offset = 0, length = 0, op_offset = 0, op_length = 0;
      bool passed = false, pending = false;
      Transpiled() = default;
      Transpiled(const Transpiled&) {}
      Transpiled(Transpiled&&) noexcept = default;
      Transpiled& operator=(const Transpiled&) {
        passed = pending = false;
        return *this;
      }
      Transpiled& operator=(Transpiled&&) noexcept = default;
      ~Transpiled() = default;
    } transpiled;
    struct Charged {  // bytes of it charged to the memory budget (charge_circuit): a copy has none yet
      size_t bytes = 0;
      Charged() = default;
      Charged(const Charged&) {}
      Charged(Charged&&) noexcept = default;
      Charged& operator=(const Charged&) {
        bytes = 0;
        return *this;
      }
      Charged& operator=(Charged&&) noexcept = default;
      ~Charged() = default;
    } charged;
  };
  struct Bound {  // a call's arguments by parameter name (nullptr where not given)
    std::vector<const Value*> v;
    std::vector<const Node*> node;
    const Value* operator[](size_t i) const { return v[i]; }
  };
  // A scope of a running function: its locals, and the scope it was defined in (closures).
  // Its names are few (a handful per call), so a flat list searched in order, which allocates
  // once per call, beats a hash map, which allocates a node per name on every call; past
  // kIndexAfter names (a generated function with thousands) a hash index keeps lookups constant.
  class Locals {
   public:
    const Value* find(const std::string& name) const {
      const size_t i = position(name);
      return i == kAbsent ? nullptr : &items_[i].second;
    }
    Value& operator[](const std::string& name) {
      if (const size_t i = position(name); i != kAbsent) return items_[i].second;
      if (items_.empty()) items_.reserve(8);
      items_.emplace_back(name, Value());
      if (!index_.empty()) {
        index_.emplace(name, items_.size() - 1);
      } else if (items_.size() > kIndexAfter) {
        for (size_t i = 0; i < items_.size(); ++i) index_.emplace(items_[i].first, i);
      }
      return items_.back().second;
    }

   private:
    static constexpr size_t kAbsent = SIZE_MAX;
    size_t position(const std::string& name) const {
      if (!index_.empty()) {
        auto it = index_.find(name);
        return it == index_.end() ? kAbsent : it->second;
      }
      for (size_t i = 0; i < items_.size(); ++i)
        if (items_[i].first == name) return i;
      return kAbsent;
    }
    static constexpr size_t kIndexAfter = 16;
    std::vector<std::pair<std::string, Value>> items_;
    std::unordered_map<std::string, size_t> index_;
  };
  struct Frame {
    Locals locals;
    std::shared_ptr<Frame> parent;
  };
  // A `def` or `lambda`: its own copy of the code (the statement it came from is dropped after
  // it runs), the defaults evaluated when it was defined, and its defining scope.
  struct FunctionObj {
    std::string name;
    std::vector<std::string> params;
    std::vector<Value> defaults;                    // for the last parameters
    std::vector<std::optional<Value>> kw_defaults;  // per keyword-only parameter (Stmt::kwonly)
    std::shared_ptr<const Stmt> def;
    std::shared_ptr<const Node> lambda;
    std::shared_ptr<Frame> closure;
  };
  // How a statement ended: on to the next, or leaving a loop or a function.
  enum class Flow : uint8_t { Next, Break, Continue, Return };
  struct Args {  // a call's evaluated arguments; counted, as `f(*xs, *xs)` builds them from values
    Items pos;
    std::vector<const Node*, CountedAllocator<const Node*>> pos_nodes;
    std::vector<std::pair<std::string, Value>> kw;
    std::vector<const Node*> kw_nodes;
  };

  // ---- statements (frontend.cpp)
  Flow exec(const Stmt& s);
  Flow exec_statement(const Stmt& s);
  Flow exec_body(const std::vector<Stmt>& body);
  void define(const Stmt& s);
  void step(const Node& at, const char* what, uint64_t cost = 1);  // an iteration or a call, against the budget
  void exec_import(const Stmt& s);
  void exec_from_import(const Stmt& s);
  void assign(const Node& target, const Value& v);
  void poison_all(const Stmt& s);
  // Calls body for each element until it returns false.
  void iterate(const Node& iterable, const Value& it, const std::function<bool(const Value&)>& body);

  // ---- expressions (eval.cpp)
  Value eval(const Node& n);
  Value name(const Node& n);
  Value binary(char op, const Value& a, const Value& b, const Node& at);
  Value unary(char op, const Value& a, const Node& at);
  Value index(const Value& obj, const Value& key, const Node& at, const Node& key_node);
  Value call(const Node& n);
  Value call_function(int64_t fn, Args& args, const Node& at);
  Value call_user(int64_t fn, Args& args, const Node& at);
  Value call_value(const Value& fn, Items values, const Node& at);
  Value make_lambda(const Node& n);
  bool truth(const Value& v, const Node& at);
  // Run code: one info per kind (where it first shows), the targets of a skipped statement made
  // inert, and the refusal of an inert value that reaches a circuit.
  void note_run(int64_t kind, const Node& at);
  void skipped(const Stmt& s, int64_t kind);
  void refuse_inert(const Args& args, const Node& at);
  // W604: the circuits among a transpile call's arguments are marked; the first operation added
  // to one later is kept, and reported by finish() (transpile returns a new circuit: what runs
  // lacks the operation) unless the circuit is transpiled again.
  void passed_to_transpile(const Args& args, const Node& at);
  void report_added_after_transpile();
  bool equal(const Value& a, const Value& b);
  bool compare(const std::string& op, const Value& a, const Value& b, const Node& at);
  Value dict_method(const Value& dict, const std::string& method, Args& args, const Node& at);
  Value str_method(const Value& str, const std::string& method, Args& args, const Node& at);
  const Value* dict_find(const Value& dict, const Value& key);
  void dict_put(Items& items, Value key, Value value);
  Value attribute(const Value& obj, const std::string& attr, const Node& at);
  std::string str(const Value& v, const Node& at);
  Items materialize(const Value& v, const Node& at);  // any iterable as a bounded list
  int64_t to_int(const Value& v, const Node& at, const char* what);
  void count_items(uint64_t n, const Node& at);
  Value nested(Value v, const Node& at);                  // a new list or tuple, its nesting depth checked
  void check_appendable(const Value& v, const Node& at);  // append/extend take no lists
  Value param_binary(char op, const Value& a, const Value& b, const Node& at);
  Value math_function(int64_t fn, const Value& x, const Node& at);

  // ---- Qiskit (qiskit.cpp)
  Bound bind_args(Args& args, const std::vector<const char*>& names, size_t required, size_t positional,
                  const std::string& fname, const Node& at);
  Value construct(int64_t cls, Args& args, const Node& at);
  Value circuit_method(int64_t circ, const std::string& method, Args& args, const Node& at);
  Value list_method(const Value& list, const std::string& method, Args& args, const Node& at);
  Value circuit_attribute(int64_t circ, const std::string& attr, const Node& at);
  // What a gate method returned: c_if() conditions those instructions.
  Value instructions(int64_t circuit, size_t first) const;  // the ops added since `first`
  Value instructions_method(const Value& set, const std::string& method, Args& args, const Node& at);
  std::vector<uint32_t> qubit_args(CircuitObj& c, const Value& v, const Node& at, bool quantum);
  void add_register(CircuitObj& c, int64_t reg, const Node& at);
  void append_gate(CircuitObj& c, const GateValue& g, std::vector<std::vector<uint32_t>> qargs,
                   std::vector<std::vector<uint32_t>> cargs, const Node& call);
  void emit(CircuitObj& c, OpKind kind, int32_t gate, const std::vector<uint32_t>& qubits, int32_t clbit,
            const std::vector<Value>& params, const Node& call);
  void emit(CircuitObj& c, OpKind kind, int32_t gate, const uint32_t* qubits, size_t nq, int32_t clbit,
            const Value* params, size_t np, const Node& call);
  bool fast_gate(CircuitObj& c, const GateRow& row, const Args& args, const Node& at);
  double param_slot(CircuitObj& c, const Value& v, const Node& at);
  int32_t mcx_gate(CircuitObj& c, uint32_t num_qubits, bool gray);
  // Sub-circuits: a circuit's gate (or, inside another circuit's gates, its own) in `dst`.
  int32_t import_gate(CircuitObj& dst, int64_t src, int32_t gate, const std::vector<uint32_t>& clbits = {});
  int32_t import_condition(CircuitObj& dst, int64_t src, int32_t cond, const std::vector<uint32_t>& clbits);
  int32_t circuit_gate(CircuitObj& dst, int64_t src, const Node& at);
  Value library_qft(Args& args, const Node& at);
  int64_t inverse_qft(int64_t qft, const Node& at);
  void compose(int64_t dst, int64_t src, const std::vector<uint32_t>& qubits, const std::vector<uint32_t>& clbits,
               const Node& at);
  CircuitObj new_circuit(const Node& at);
  uint32_t local_param(CircuitObj& c, int64_t global, const Node& at);

  // ---- classical control (control_flow.cpp)
  struct BlockOp {      // an operation a block's body appended, taken back out of the circuit
    int32_t gate = -1;  // -1: a barrier
    std::vector<uint32_t> qubits;
    std::vector<Expr> params;  // ExprOp::Param holds the interpreter's Parameter id
    bool symbolic = false;
  };
  struct BlockMark {  // the circuit's sizes when a block's body began
    size_t ops, qubits, params, parameters;
  };
  struct BlockObj {
    enum Kind : uint8_t { If, Else, For, While };
    Kind kind = If;
    int64_t circuit = -1;
    uint32_t at = 0, length = 0;
    int32_t condition = -1;     // If, While
    Items values;               // For: the indexset
    int64_t loop_param = -1;    // For: the loop's Parameter
    int64_t if_block = -1;      // Else: the If it extends
    int64_t instruction = -1;   // If: the if_else emitted, which an else_ replaces
    std::vector<BlockOp> body;  // If: its body, for the else_
    bool has_else = false;
  };
  int32_t add_condition(CircuitObj& c, const Value& cl, const Node& cl_node, const Value& v, const Node& v_node);
  Value block_method(int64_t circ, const std::string& method, Args& args, const Node& at);
  std::vector<BlockOp> take_ops(CircuitObj& c, const BlockMark& mark, const Node& at);
  int32_t block_gate(CircuitObj& c, const std::string& name, const std::vector<uint32_t>& qubits,
                     const std::vector<BlockOp>& body, int64_t loop_param, const std::vector<int64_t>& values,
                     const Node& at);
  static std::vector<uint32_t> used_qubits(const std::vector<const std::vector<BlockOp>*>& bodies);
  Flow exec_with(const Stmt& s);

  // ---- controlled gates (controlled.cpp)
  const GateRow* controlled_row(const GateRow* row, std::vector<Value>& params, uint32_t k, const Node& at);
  Value controlled_std(const GateRow* row, std::vector<Value> params, uint32_t width, uint32_t k, const Node& at);
  static std::vector<Complex> controlled_matrix(const std::vector<Complex>& u, uint32_t w, uint32_t k);
  int64_t controlled_circuit(int64_t src, uint32_t k, const Node& at);
  Value control_value(const Value& gate, Args& args, const Node& at);
  int64_t control_circuit(int64_t src, Args& args, const Node& at);

  // ---- the circuit library (library.cpp)
  struct LibraryBlock {  // a TwoLocal block: a gate row (with its parameters, if given) or a circuit
    const GateRow* row = nullptr;
    std::vector<Value> params;
    int64_t circuit = -1;
    uint32_t num_qubits = 0;
    uint32_t free = 0;  // the Parameters it takes from theta
  };
  std::vector<Value> parameter_vector(const std::string& prefix, size_t n, const Node& at);
  CircuitObj library_circuit(const std::string& name, uint32_t n, const char* reg, const Node& at);
  int64_t wrap_library(int64_t body, const std::string& outer, const std::string& gate_name, const Node& at);
  std::vector<std::vector<uint32_t>> entangler_map(uint32_t m, uint32_t n, const std::string& kind, int64_t offset,
                                                   const Node& at);
  std::vector<std::vector<uint32_t>> entanglement_for(const Value& e, const Node& node, int64_t rep, int64_t block,
                                                      uint32_t m, uint32_t n);
  std::vector<LibraryBlock> library_blocks(const Value* v, const Node& node);
  void put_block(CircuitObj& body, const LibraryBlock& b, const std::vector<uint32_t>& qubits,
                 const std::vector<Value>& theta, size_t& next, const Node& at);
  Value library_nlocal(int64_t cls, Args& args, const Node& at);
  Value library_feature_map(int64_t cls, Args& args, const Node& at);
  Value library_grover(Args& args, const Node& at);
  Value library_phase_estimation(Args& args, const Node& at);
  Value library_mcmt(Args& args, const Node& at);

  // ---- gates given by data (data_gates.cpp)
  Complex complex_of(const Value& v, const Node& at);
  std::vector<Complex> state_of(const Value& v, size_t width, bool normalize, const Node& at);
  std::vector<Complex> matrix_of(const Value& v, const Node& at);
  Value data_gate(std::string name, std::vector<Complex> data, bool matrix, bool resets);
  Value construct_data_gate(int64_t cls, Args& args, const Node& at);
  Value data_method(int64_t circ, const std::string& method, Args& args, const Node& at);

  // ---- circuits from circuits (circuit_ops.cpp)
  std::vector<Value> op_params(const CircuitObj& c, const std::vector<const Expr*>& symbolic, const Instruction& ins);
  Value related_param(const ParamMap& m, const std::vector<Value>& params, const Node& at);
  CircuitObj empty_like(int64_t src, const std::string& name, const Node& at);
  int64_t add_circuit(CircuitObj c);
  void charge_circuit(CircuitObj& c);
  int64_t inverse_circuit(int64_t src, const std::string& name, const Node& at);
  int32_t inverse_gate(CircuitObj& dst, int64_t src, int32_t gate, std::vector<Value>& params, const Node& at);
  Value inverse_value(const Value& gate, const Node& at);
  int64_t row_inverse_circuit(const GateRow& row, const std::vector<Value>& params, const Node& at);
  Value gate_method(const Value& gate, const std::string& method, Args& args, const Node& at);
  int64_t copy_circuit(int64_t src, const Node& at);
  Value derived(int64_t from, int64_t made);
  void adopt(int64_t circuit, const std::string& var);
  void mark_part(int64_t circuit);
  std::vector<Value> circuit_params(int64_t circuit) const;
  int64_t repeat_circuit(int64_t src, int64_t reps, const Node& at);
  std::vector<int64_t> sorted_params(const CircuitObj& c) const;
  Value assign_parameters(int64_t circ, Args& args, const Node& at);
  void bind_in_place(int64_t circ, const std::unordered_map<int64_t, Value>& bound, const Node& at);
  int64_t decompose_circuit(int64_t src, const Node& at);
  int64_t reverse_bits_circuit(int64_t src, const Node& at);
  void remove_final_measurements(int64_t circ, const Node& at);
  void measure_active(int64_t circ, const Node& at);

  // ---- diagnostics
  [[noreturn]] void fail(const Node& at, const char* code, const std::string& message);
  [[noreturn]] void refuse(const Node& at, const std::string& what);
  [[noreturn]] void quiet() { throw Error{}; }
  Span span(const Node& n) const { return map_.span(n.offset, n.length); }
  // W602: an expression statement that makes a new circuit and drops it.
  void discarded_circuit(const Node& expr);

  const SourceMap& map_;
  const Options& opt_;
  DiagnosticSink& sink_;
  std::unordered_map<std::string, Value> vars_;  // the module's globals
  // Names cache pointers into vars_ (its elements stay where they are until erased): the cache is
  // valid while this generation lasts, which is new for each interpreter and after each erase.
  uint64_t vars_generation_;
  Value* global_slot(const Node& name);  // a Name's global, cached; nullptr if it has none yet
  Value& global_for_store(const Node& name);
  void erase_global(const std::string& name);
  std::shared_ptr<Frame> frame_;   // the running function's scope; null at top level
  std::deque<FunctionObj> funcs_;  // a deque: a running call holds its function by reference
  std::unordered_map<uint32_t, std::shared_ptr<const Stmt>> code_;     // def statements by offset
  std::unordered_map<uint32_t, std::shared_ptr<const Node>> lambdas_;  // lambda expressions by offset
  Value returned_;                                                     // what the last `return` gave
  uint32_t calls_ = 0;                                                 // calls nested now: bounds recursion
  uint32_t loops_ = 0;      // loops open in the running function: where break and continue may be
  bool run_noted_[8] = {};  // the RunKinds already reported (I601)
  int64_t star_run_ = -1;   // a star import of run code: undefined names are its inert names
  std::unordered_map<std::string, bool> poisoned_;
  std::vector<RegObj> regs_;
  std::vector<CircuitObj> circuits_;
  std::vector<BlockObj> blocks_;
  std::vector<std::string> params_;  // Parameter names, by id
  struct ParamKey {                  // how Qiskit sorts it: by name, a ParameterVector's elements by index
    std::string base;
    int64_t index = -1;
  };
  std::vector<ParamKey> param_keys_;  // by id
  int64_t qreg_counter_ = 0, creg_counter_ = 0, circuit_counter_ = 0;
  std::vector<std::unique_ptr<Args>> arg_pool_;  // argument storage of the calls running now, reused
  size_t arg_depth_ = 0;
  uint64_t steps_ = 0;  // of the budget max_python_steps (step())
  uint64_t instructions_ = 0;
  bool in_print_ = false;  // queries such as qc.depth() are allowed (and not computed) inside print()
  uint32_t depth_ = 0;

  // ---- more of the language (language.cpp): formatting, comprehensions, *args and **kwargs,
  // stores into items and attributes, the circuit's figures as values
  struct FormatSpec;
  Value fstring(const Node& n);
  std::string format_value(const Value& v, const std::string& spec, const Node& at);
  std::string format_number(const Value& v, const FormatSpec& f, const std::string& spec, const Node& at);
  std::string repr(const Value& v, const Node& at);
  std::string convert(const Value& v, const std::string& conversion, const Node& at);
  Value str_format(const Value& str, Args& args, const Node& at);
  Value comprehension(const Node& n);
  void comprehension_clause(const Node& n, size_t clause, Items& out);
  void spread(bool mapping, Value v, const Node& at, Args& args);  // f(*xs), f(**d)
  void bind_params(const FunctionObj& f, Args& args, Frame& frame, const Node& at);
  Value language_function(int64_t fn, Args& args, const Node& at);  // the builtins and numpy functions added last
  void assign_item(const Node& target, const Value& v);
  void store_item(const Value& obj, const Value& key, const Value& v, const Node& target, const Node& key_node);
  Value item_of(const Value& obj, const Value& key, const Node& key_node);
  void assign_attribute(const Node& target, const Value& v, const Value* evaluated = nullptr);
  void aug_assign(const Stmt& s);  // `x[i] += v`, `x.a += v`
  bool circuit_query(int64_t circ, const std::string& method, Args& args, const Node& at, Value* out);

  // ---- numpy arrays (numpy.cpp): a list whose i is kNdArray, at every level, so that arithmetic on
  // it is elementwise (a plain list's * repeats it); indexing, iterating and len() are a list's.
  static constexpr int64_t kNdArray = 1;
  static bool is_array(const Value& v) { return v.kind == Value::List && v.i == kNdArray; }
  Value make_array(Items items, const Node& at);
  Value array_of(const Value& v, const Node& at, uint32_t level = 0);
  Value array_binary(char op, const Value& a, const Value& b, const Node& at);
  Value array_unary(char op, const Value& a, const Node& at);
  Value matmul(const Value& a, const Value& b, const Node& at);
  Value numpy_function(int64_t fn, Args& args, const Node& at);
};

}  // namespace qvet::python
