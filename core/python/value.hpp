// Values of the static subset: Python's numbers, strings, lists, tuples and ranges, the allowed
// modules and functions, and Qiskit's objects (registers, bits, circuits, parameters, gates),
// which are handles into the interpreter's tables.
#pragma once
#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "circuit/circuit.hpp"
#include "python/memory.hpp"

namespace qvet::python {

struct Value;
// Elements of lists, tuples and dicts: their bytes count against the program's memory budget.
using Items = std::vector<Value, CountedAllocator<Value>>;

// A gate object such as HGate() or MCXGate(5), before it is appended to a circuit.
struct GateValue;

struct Value {
  enum Kind : uint8_t {
    None,
    Bool,
    Int,
    Float,
    Str,
    List,
    Tuple,
    Range,
    Module,
    Function,
    Class,  // handles into the interpreter's tables (id)
    QReg,
    CReg,
    Qubit,
    Clbit,
    Circuit,       // register / circuit id; Qubit, Clbit: register id and index
    Param,         // a parameter expression over Parameter ids
    Gate,          // an instruction object, for QuantumCircuit.append
    Nothing,       // what a query inside print() gives: it is never computed
    Dict,          // items: key, value, key, value, ... in insertion order
    UserFunction,  // a `def` or a `lambda` of the code: handle into the interpreter's functions
    Inert,         // something from code that runs, transpiles or plots a circuit (i: its RunKind);
                   // it is never evaluated: what it touches is skipped, and a circuit it reaches is refused
    Complex,       // f + g*1j (amplitudes and matrix entries for initialize and UnitaryGate)
    Block,         // a control-flow builder (qc.if_test(...), its else_, qc.for_loop(...)): handle into blocks_
    Instructions,  // what a gate method returns (Qiskit's InstructionSet): circuit i's ops [j, k), for c_if
  };
  Kind kind = None;
  int64_t i = 0;                     // Bool, Int; Range start; handle id; bit index
  int64_t j = 0, k = 0;              // Range stop and step; a bit's register id
  double f = 0;                      // Float; Complex: the real part
  double g = 0;                      // Complex: the imaginary part
  std::shared_ptr<std::string> s;    // Str
  std::shared_ptr<Items> items;      // List, Tuple (a list is shared, as in Python)
  std::shared_ptr<const Expr> expr;  // Param: postfix, ExprOp::Param holds the Parameter id
  std::shared_ptr<const GateValue> gate;

  static Value integer(int64_t v) {
    Value x;
    x.kind = Int;
    x.i = v;
    return x;
  }
  static Value boolean(bool v) {
    Value x;
    x.kind = Bool;
    x.i = v;
    return x;
  }
  static Value real(double v) {
    Value x;
    x.kind = Float;
    x.f = v;
    return x;
  }
  static Value complex(double re, double im) {
    Value x;
    x.kind = Complex;
    x.f = re;
    x.g = im;
    return x;
  }
  static Value string(std::string v) {
    Value x;
    x.kind = Str;
    x.s = std::make_shared<CountedString>(std::move(v));
    return x;
  }
  // For List and Tuple, j is the nesting depth and k is 1 when a list is inside: lists change only
  // by append/extend, which refuse lists, so no list can come to contain itself (no cycles) and
  // the depth (bounded where it grows) bounds every recursion over values, destruction included.
  static Value list(Items v, Kind kind = List) {
    Value x;
    x.kind = kind;
    x.j = 1;
    for (const Value& e : v)
      if (e.kind == List || e.kind == Tuple || e.kind == Dict) {
        x.j = std::max(x.j, e.j + 1);
        x.k |= e.kind == List || e.kind == Dict || e.k;
      }
    x.items = std::make_shared<Items>(std::move(v));
    return x;
  }
  static Value param(Expr e) {
    Value x;
    x.kind = Param;
    x.expr = std::make_shared<const Expr>(std::move(e));
    return x;
  }
  // a with one more postfix operation (a Parameter expression built up).
  static Value param_then(const Value& a, ExprOp::Code code) {
    Expr e = *a.expr;
    ExprOp o;
    o.code = code;
    e.push_back(o);
    return param(std::move(e));
  }
  static Value handle(Kind kind, int64_t id, int64_t reg = 0) {
    Value x;
    x.kind = kind;
    x.i = id;
    x.j = reg;
    return x;
  }

  bool is_int() const { return kind == Int || kind == Bool; }
  bool is_number() const { return kind == Int || kind == Bool || kind == Float; }
  double number() const { return kind == Float ? f : static_cast<double>(i); }
  bool is_complex_like() const { return is_number() || kind == Complex; }  // a number, complex or not
  double imag() const { return kind == Complex ? g : 0; }
  double real_part() const { return kind == Complex ? f : number(); }
  // How many numbers a Range holds (computed wide: range(-2**62, 2**62) has more than 2**62).
  int64_t range_length() const {
    if (k > 0 ? j <= i : j >= i) return 0;
    // The true distance fits in 64 unsigned bits even when the signed difference does not.
    const uint64_t span = k > 0 ? static_cast<uint64_t>(j) - static_cast<uint64_t>(i)
                                : static_cast<uint64_t>(i) - static_cast<uint64_t>(j);
    const uint64_t step = k > 0 ? static_cast<uint64_t>(k) : 0 - static_cast<uint64_t>(k);
    const uint64_t n = span / step + (span % step != 0);
    return n > static_cast<uint64_t>(INT64_MAX) ? INT64_MAX : static_cast<int64_t>(n);
  }
};

// A list element's charge to the memory budget: a Value's size in an x86-64 build (memory.hpp).
template <>
struct ChargedBytes<Value> {
  static constexpr size_t value = 112;
};
#if UINTPTR_MAX == UINT64_MAX && defined(__x86_64__)
static_assert(sizeof(Value) == ChargedBytes<Value>::value, "Value changed size: update its charge to match");
static_assert(sizeof(CountedString) == kChargedStringHeader, "std::string changed size: update its charge");
#endif

// Python's name for the value's type ("int", "list", "QuantumRegister", ...), for messages.
const char* type_name(const Value& v);

struct GateValue {
  enum Kind : uint8_t { Gate, Measure, Reset, Barrier, Circuit, Data };
  Kind kind = Gate;
  const GateRow* row = nullptr;  // the gate table's row, when kind == Gate
  int64_t circuit = -1;          // Circuit: the circuit it was made from (to_gate, to_instruction)
  std::string name;              // Circuit: the instruction's name, the circuit's; Gate: mcx_gray for qc.mcx
  uint32_t num_qubits = 0;       // for MCXGate(n) and Barrier(n)
  std::vector<Value> params;
  std::shared_ptr<const GateDef> data;  // Data: a UnitaryGate's, initialize's or StatePreparation's gate
};

}  // namespace qvet::python
