// The OpenQASM 3 reader: parses and runs a program in one pass over its tokens, filling the same
// Circuit model as the other front ends. There is no syntax tree: a statement is read and done;
// a loop body or a subroutine is read again, from its saved token position, for each iteration or
// call. Reading has three modes:
//   - run:     the statement's effects happen (instructions, declarations, assignments);
//   - check:   it is parsed and its names and types are checked, nothing happens (the branch of a
//              constant `if` not taken, a subroutine's body where it is defined);
//   - capture: it runs, but its instructions become the body of one control-flow instruction
//              (`if` on a measured bit, `for`, `while`, `box`), as Qiskit's builders nest them.
// Classical values are known when they follow from constants (then loops unroll and `if` on them
// is decided while reading), symbolic when they follow from `input` parameters, and unknown when
// they depend on a measurement (then an `if` or `while` on them becomes a control-flow operation).
#pragma once
#include <cmath>
#include <deque>
#include <functional>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "circuit/circuit.hpp"
#include "diagnostics/sink.hpp"
#include "qasm3/lexer.hpp"
#include "qvet/options.hpp"
#include "source/source_map.hpp"
#include "util/name_table.hpp"

namespace qvet::qasm3 {

enum class Type : uint8_t {
  Void,
  Bool,
  Int,
  Uint,
  Float,
  Angle,
  Complex,
  Duration,
  Stretch,
  Bit,
  Qubit,
  Array,
  Range,
  Set
};

const char* type_name(Type t);

struct Value;
struct ArrayData {
  Type elem = Type::Int;
  uint32_t elem_width = 0;
  std::vector<uint32_t> dims;
  std::vector<Value> items;  // row-major
};

struct Value {
  Type type = Type::Void;
  uint32_t width = 0;    // int[n], uint[n], angle[n], bit[n] (0: unsized; for Bit, 0 is one bit)
  bool known = true;     // false: depends on a measurement (or the check mode's unknown inputs)
  int64_t i = 0;         // Bool, Int, Uint, Bit (bits as an integer, bit 0 = index 0)
  double f = 0, im = 0;  // Float, Angle (radians), Complex, Duration (seconds, or dt: see unit)
  uint8_t unit = 0;      // Duration: as written (0 s, 1 ms, 2 us, 3 ns, 4 dt); f is in seconds, or dt
  // Bool: a comparison of clbits with a number, `refs == cmp_value` (cmp 1) or `!=` (cmp -1), or a
  // clbit read as a bool (cmp 1, value 1): the forms Qiskit turns into a condition.
  int8_t cmp = 0;
  int64_t cmp_value = 0;
  // An integer literal beyond 64 bits, as decimal digits (i is 0): a wide register's value in a
  // condition (`c == 1427...`, as Qiskit's Python integers allow); any arithmetic on it is an error.
  std::string digits;
  Expr sym;  // Float/Angle that depends on inputs: over Circuit::parameters
  // Qubit: circuit qubits; Bit: circuit clbits (a variable's bits); Int/Uint/Bool: the clbits it
  // was read from, as `int[2](flags)` or a comparison is (see cmp).
  std::vector<uint32_t> refs;
  std::vector<int64_t> set;  // Set: its items; Range: start, step, end (and `has` flags below)
  uint8_t range_has = 0;     // Range: 1 start, 2 step, 4 end given
  std::shared_ptr<ArrayData> array;

  bool is_number() const {
    return type == Type::Bool || type == Type::Int || type == Type::Uint || type == Type::Float ||
           type == Type::Angle || type == Type::Bit;
  }
  bool symbolic() const { return !sym.empty(); }
  double number() const {
    return type == Type::Float || type == Type::Angle || type == Type::Duration ? f : static_cast<double>(i);
  }
};

// Whether a double converts to int64_t without undefined behaviour (NaN does not): every cast of
// a program's float to an integer asks first (fuzzing found two that did not).
inline bool fits_int64(double v) { return std::fabs(v) < 9223372036854775808.0; }

// A value of type t, unknown unless `known` (then zero).
inline Value typed(Type t, uint32_t width = 0, bool known = true) {
  Value v;
  v.type = t;
  v.width = width;
  v.known = known;
  return v;
}

// What a name stands for.
struct Symbol {
  enum Kind : uint8_t { Var, Qubits, Gate, Sub, Extern, Const } kind = Var;
  uint32_t index = 0;  // into vars_, qvars_, Circuit::gates, subs_, externs_; Const: which constant
};

struct Var {
  std::string_view name;
  Type type = Type::Int;
  uint32_t width = 0;
  bool is_const = false;
  bool scalar = true;  // bit x (one bit) as opposed to bit[1] x
  Value value;
  Span span;
};

struct QubitVar {
  std::string_view name;
  std::vector<uint32_t> qubits;
  bool scalar = false;  // `qubit q;`: q is one qubit, not a register
};

// A subroutine: its signature and where its body's tokens start.
struct Sub {
  std::string_view name;
  struct Param {
    std::string_view name;
    Type type = Type::Int;
    uint32_t width = 0;
    bool scalar = true;
    Type elem = Type::Int;  // an array's elements and dimensions (0: known only at the call)
    uint32_t elem_width = 0;
    std::vector<uint32_t> dims;
  };
  std::vector<Param> params;
  Type ret = Type::Void;
  uint32_t ret_width = 0;
  size_t body = 0;  // the offset of its '{'
  Span span;
  bool is_extern = false;
};

class Reader {
 public:
  Reader(std::string_view src, const SourceMap& map, const Options& opt, DiagnosticSink& sink, Circuit& out);
  void run();

 private:
  enum class Mode : uint8_t { Run, Check };
  enum class Jump : uint8_t { None, Break, Continue, Return, End };

  // ---- tokens and diagnostics (reader.cpp)
  void advance();
  bool at(Tok k) const { return cur_.kind == k; }
  std::string_view text(const Token& t) const { return lex_.text(t); }
  uint32_t end_of(const Token& t) const { return t.offset + t.length; }
  bool running() const { return mode_ == Mode::Run && jump_ == Jump::None; }
  void report(Severity sev, const char* code, std::string msg, uint32_t off, uint32_t len);
  void error(const char* code, std::string msg, uint32_t off, uint32_t len) {
    report(Severity::Error, code, std::move(msg), off, len);
  }
  void error_at(const char* code, std::string msg, const Token& t) { error(code, std::move(msg), t.offset, t.length); }
  void warning(const char* code, std::string msg, uint32_t off, uint32_t len) {
    report(Severity::Warning, code, std::move(msg), off, len);
  }
  // A construct qiskit.qasm3.loads refuses: a warning, since users pass the same text to Qiskit.
  void qiskit_refuses(const std::string& what, uint32_t off, uint32_t len);
  std::string found() const;
  bool expect(Tok k, const char* what = nullptr);
  void sync();  // skip to after the next ';' at this nesting, or past a balanced block
  bool stopped() const { return fatal_ || (sink_.dropped() > 0 && sink_.has_errors()); }
  void step(uint32_t off);  // the step budget (max_qasm3_steps) is spent: stop reading

  // ---- statements (reader.cpp)
  void statement();
  void mark_used_registers();
  void block_or_statement();  // `{ ... }` or one statement, in a new scope
  void skip_annotation();
  void version();
  void include();
  void declaration(bool is_const);
  void io_declaration();
  void qubit_declaration(bool old_style);
  void old_creg();
  void let_alias();
  void assignment_or_call();
  bool parse_type(Type* t, uint32_t* width, std::vector<uint32_t>* dims, Type* elem, uint32_t* elem_width);

  // ---- names and scopes (reader.cpp)
  const Symbol* lookup(std::string_view name) const;
  const Symbol* resolve(std::string_view name) const;  // lookup without its cache
  void set_global(std::string_view name, Symbol sym);
  const Symbol* braket_gate(const Token& name);
  bool declare(std::string_view name, Symbol sym, const Token& at);
  void push_scope(bool boundary = false);
  void pop_scope();
  uint32_t new_qubits(uint32_t n, std::string_view name, const Token& at, bool scalar);
  std::vector<uint32_t> new_clbits(uint32_t n, std::string_view name, const Token& at, bool scalar);

  // ---- expressions (expressions.cpp)
  Value expression(uint32_t depth = 0);
  Value binary(int level, uint32_t depth);
  Value unary(uint32_t depth);
  Value postfix(uint32_t depth);
  Value primary(uint32_t depth);
  Value call(const Token& name, uint32_t depth);
  Value cast(Type t, uint32_t width, const Token& at, uint32_t depth);
  Value index(Value base, const Token& at, uint32_t depth);
  Value apply_binary(Tok op, Value a, Value b, const Token& at);
  Value convert(Value v, Type t, uint32_t width, const Token& at, bool explicit_cast);
  Value measure_expression(const Token& kw);
  bool too_deep(uint32_t depth);
  int64_t const_int(const Value& v, const Token& at, const char* what);
  bool truth(const Value& v) const;

  // ---- quantum statements (quantum.cpp)
  void gate_definition();
  void gate_call_statement();
  bool simple_gate_call();
  // A new instruction of `gate` at the end of the circuit, its qubits and parameters to be
  // appended to the pools by the caller (qubit_begin and param_begin point there).
  Instruction& new_instruction(int32_t gate, uint32_t off, uint32_t len);
  bool expansion_budget(const GateDef& g, uint32_t off, uint32_t len);
  std::vector<std::vector<uint32_t>> operands(bool allow_empty, uint32_t* end);
  std::vector<uint32_t> qubit_operand(const Token& at, uint32_t depth = 0);
  void measure_statement();
  void measure_into(const std::vector<uint32_t>& qubits, const std::vector<uint32_t>& clbits, uint32_t off,
                    uint32_t len);
  void bits_for_measurement(const Token& target);
  void reset_statement();
  void barrier_statement();
  void delay_statement();
  void emit_gate(int32_t gate, const std::vector<Value>& params, const std::vector<uint32_t>& qubits, uint32_t off,
                 uint32_t len);
  bool budget(uint64_t more, uint32_t off, uint32_t len);
  int32_t delay_gate();

  // ---- modifiers (modifiers.cpp)
  struct Modifier {
    enum Kind : uint8_t { Inv, Pow, Ctrl, NegCtrl } kind;
    double k = 1;    // pow's exponent
    uint32_t n = 1;  // ctrl's count
    Token at;
  };
  bool apply_modifiers(int32_t* gate, std::vector<Value>* params, const std::vector<Modifier>& mods, const Token& at);
  bool apply_inverse(int32_t* gate, std::vector<Value>* params, const Token& at);
  bool apply_power(int32_t* gate, std::vector<Value>* params, double k, const Token& at);
  bool apply_control(int32_t* gate, std::vector<Value>* params, uint32_t n, bool negated, const Token& at);
  int32_t matrix_gate(std::string name, std::vector<Complex> m, uint32_t qubits);
  // What a controlled gate is made of, for naming it when it is controlled again: Qiskit names a
  // ControlledGate after its base gate and its number of controls, with its control state.
  struct CtrlInfo {
    std::string base;
    uint32_t controls = 0;
    uint64_t state = 0;  // bit k: control k is closed (1) or open (0)
  };
  std::unordered_map<int32_t, CtrlInfo> ctrl_info_;  // by gate index, for the gates made by ctrl
  bool numeric(const std::vector<Value>& params, double* out, const Token& at, const char* what);

  // ---- control flow (control.cpp)
  void if_statement();
  void for_statement();
  void while_statement();
  void box_statement();
  void switch_statement();
  void def_statement();
  void extern_statement();
  void return_statement();
  // `statement`: the call is a statement of its own, where the older gate-like forms are read.
  void declare_parameter(const Sub::Param& p, const Value* arg, const Token& at);
  Value call_subroutine(const Sub& s, const Token& name, uint32_t depth, bool statement = false);
  void skip_calibration();
  struct Mark {
    size_t ops, qubits, params, symbolic;
  };
  Mark mark() const;
  // The instructions emitted since `m`, taken out of the circuit as one control-flow instruction
  // `name` (if_else, for_loop, while_loop, box) whose body they are; the else branch of an if_else
  // is `other` (its body taken the same way), under the negated condition.
  // `qubits`, `clbits` and `params` (the circuit's Parameters the body uses) gather what the block
  // touches; they are shared by an if_else's two branches.
  int32_t take_block(const Mark& m, std::string name, std::vector<uint32_t>* qubits, std::vector<uint32_t>* clbits,
                     std::vector<uint32_t>* params);
  void emit_block(int32_t gate, const std::vector<uint32_t>& qubits, const std::vector<uint32_t>& clbits,
                  const std::vector<uint32_t>& params, int32_t condition, uint32_t off, uint32_t len);
  int32_t condition_of(const Value& v, bool* decided, bool* holds, const Token& at, uint32_t len);
  void check_only(const std::function<void()>& read);

  std::string_view src_;
  const SourceMap& map_;
  const Options& opt_;
  const Limits& lim_;
  DiagnosticSink& sink_;
  Circuit& c_;
  Lexer lex_;
  Token cur_;
  uint32_t prev_end_ = 0;
  Mode mode_ = Mode::Run;
  Jump jump_ = Jump::None;
  uint32_t loop_depth_ = 0;     // for break/continue outside a loop
  uint32_t sub_depth_ = 0;      // subroutine calls in progress (bounded)
  uint32_t block_depth_ = 0;    // nested blocks being read (bounded like expressions)
  uint32_t runtime_depth_ = 0;  // branches and loops on measured values being read
  bool quiet_ = false;          // reading a body again: its diagnostics were given the first time
  bool fatal_ = false;
  bool depth_reported_ = false;
  bool budget_reported_ = false;
  bool included_ = false;
  bool seen_statement_ = false;  // for the version statement's place
  int physical_ = -1;            // -1: no qubits yet; 1: $n qubits; 0: declared qubits
  uint64_t steps_ = 0;           // tokens read inside loops and subroutine calls
  uint32_t rereads_ = 0;         // loops and calls being read (their tokens count as steps)
  uint64_t expanded_total_ = 0;
  Value ret_value_;

  NameTable<Symbol> globals_;
  // lookup()'s last answers; valid while symbols_version_ is theirs (declarations, scopes and
  // entering or leaving a definition change it).
  struct LookupCache {
    std::string_view name;
    const Symbol* symbol = nullptr;
    uint64_t version = ~uint64_t{0};
  };
  mutable LookupCache lookup_cache_[8];
  uint64_t symbols_version_ = 0;
  struct Scope {
    std::vector<std::pair<std::string_view, Symbol>> names;
    bool boundary = false;  // a gate or subroutine body: only constants, gates and subroutines pass
  };
  std::vector<Scope> scopes_;
  // Deques: a reference to a variable stays valid while an expression declares more (a call).
  std::deque<Var> vars_;
  std::deque<QubitVar> qvars_;
  std::deque<Sub> subs_;
  std::vector<std::vector<Value>> sub_args_;  // the arguments of the calls in progress
  std::vector<int32_t> gate_params_;          // in a gate body: ExprOp::Param index of each parameter var
  GateDef* defining_ = nullptr;               // the gate whose body is being read
  std::unordered_set<uint64_t> reported_;     // (offset, code) of each diagnostic given
  std::unordered_map<uint64_t, std::vector<uint32_t>> clbits_at_;  // registers by declaration (new_clbits)
  std::vector<uint32_t> barrier_mark_;
  uint32_t barrier_epoch_ = 0;
  int32_t delay_gate_ = -1;
};

}  // namespace qvet::qasm3
