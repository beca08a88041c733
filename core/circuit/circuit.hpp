// The loaded circuit, in Qiskit's model: flat qubit and clbit indices (registers are contiguous
// ranges), and a list of instructions in program order after broadcasting. Operands live in
// shared pools so a 10^6-gate circuit is a few flat arrays, not a million small vectors.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "circuit/expr.hpp"
#include "circuit/gates.hpp"
#include "qvet/diagnostic.hpp"

namespace qvet {

struct Register {
  std::string name;
  uint32_t size = 0;
  uint32_t offset = 0;  // index of bit 0 in the circuit's flat qubit or clbit list
  Span span;
  bool used = false;
};

enum class OpKind : uint8_t { Gate, Measure, Reset, Barrier };

// One statement of a gate body: a gate on the gate's own qubit arguments, or a barrier. The body
// of a control-flow block (OpenQASM 3's if, for, while, box) also holds measurements and resets,
// whose clbits and conditions are the circuit's own (a block is used once, where it is written).
struct BodyOp {
  int gate = -1;  // index into Circuit::gates when kind == Gate
  std::vector<Expr> params;
  std::vector<uint32_t> qubits;  // indices of the enclosing gate's qubit arguments
  Span span;
  OpKind kind = OpKind::Gate;  // a barrier: gate == -1 (kind Gate or Barrier)
  int32_t clbit = -1;          // Measure: the circuit's clbit
  int32_t condition = -1;      // into Circuit::conditions: an if_else inside a block
};

struct GateDef {
  std::string name;              // as written in the program
  std::string qiskit_name;       // what Qiskit calls the instruction
  const GateRow* std = nullptr;  // its row of the gate table; nullptr for a gate the program defines
  uint32_t num_params = 0;
  uint32_t num_qubits = 0;
  bool available = false;  // declared so far (standard gates become available by include)
  bool opaque = false;
  bool used = false;
  bool warned = false;  // the "leaves the paper" warning was given for this gate
  std::vector<BodyOp> body;
  Span span;
  uint32_t nesting = 0;       // 0 for a leaf (standard or opaque gate)
  uint64_t expanded_ops = 1;  // instructions after expanding down to leaves (saturating)
  // Leaves given by data (Qiskit Python): UnitaryGate's matrix (2^n x 2^n, row-major, argument k
  // is bit k of the index), or the state that initialize / StatePreparation prepare from |0...0>
  // (2^n amplitudes; `resets`: initialize resets its qubits first, StatePreparation does not).
  std::vector<Complex> matrix;
  std::vector<Complex> state;
  bool resets = false;
  // Control flow (Qiskit Python): an if_else's false branch, a gate run under the negated
  // condition else_condition; a while_loop repeats (`dynamic`), which the simulator does not run.
  int32_t else_gate = -1;
  int32_t else_condition = -1;
  bool dynamic = false;
  // A control-flow block's clbits (its measurements' and its condition's): Qiskit's depth() counts
  // the block on them as well as on its qubits.
  std::vector<uint32_t> clbits;

  bool is_leaf() const { return std != nullptr || opaque || !matrix.empty() || !state.empty(); }
};

// `if (creg == value)`. Values are Python integers in Qiskit, so a 151-bit register compared with
// a 46-digit number is legal: the value is kept as its decimal text, and as a number when it fits.
// A condition reads the clbits [clbit_begin, clbit_begin + clbit_count): a whole register's, or
// one bit's (Qiskit's c_if on a Clbit, where `creg` is the register that holds it).
struct Condition {
  uint32_t creg = 0;  // index into Circuit::cregs
  uint32_t clbit_begin = 0, clbit_count = 0;
  bool single_bit = false;
  bool negated = false;  // holds when the bits do NOT equal the value (an if_else's false branch)
  std::string value;     // decimal, without leading zeros
  bool fits_u64 = true;
  uint64_t value_u64 = 0;
};

// The most parameters one gate takes (a library ansatz has one per rotation; OpenQASM 2 has no
// limit, but an instruction keeps its count in 16 bits).
constexpr uint32_t kMaxGateParams = 65535;

struct Instruction {
  uint32_t src_offset = 0;  // the statement that produced it
  uint32_t src_length = 0;
  int32_t gate = -1;         // index into Circuit::gates when kind == Gate
  uint32_t qubit_begin = 0;  // into Circuit::qubit_pool
  uint32_t qubit_count = 0;
  uint32_t param_begin = 0;  // into Circuit::param_pool
  int32_t clbit = -1;        // measurement target
  int32_t condition = -1;    // into Circuit::conditions
  OpKind kind = OpKind::Gate;
  uint16_t param_count = 0;  // at most kMaxGateParams
};

// The definition of a standard gate, not yet available to the program.
GateDef standard_gate_def(const GateRow& row);

// Qiskit's instruction name for measure, reset and barrier (empty for a gate).
const std::string& kind_name(OpKind kind);

// A gate parameter that is an expression of the circuit's Parameters (Qiskit Python input): its
// slot in param_pool holds NaN until the simulator binds values.
struct SymbolicParam {
  uint32_t slot = 0;  // index into Circuit::param_pool
  Expr expr;          // ExprOp::Param indexes Circuit::parameters
};

struct Circuit {
  std::string version;  // as written after OPENQASM, empty when absent
  bool included_qelib1 = false;
  uint32_t num_qubits = 0;
  uint32_t num_clbits = 0;
  std::vector<Register> qregs, cregs;
  std::vector<GateDef> gates;  // the gate table's rows first (index = GateRow::id), then the program's
  std::vector<Instruction> ops;
  std::vector<uint32_t> qubit_pool;
  std::vector<double> param_pool;
  std::vector<Condition> conditions;
  std::vector<std::string> parameters;  // names of the unbound Parameters, in order of first use
  std::vector<SymbolicParam> symbolic;

  const uint32_t* qubits(const Instruction& op) const { return qubit_pool.data() + op.qubit_begin; }
  const double* params(const Instruction& op) const { return param_pool.data() + op.param_begin; }
  // Qiskit's name for the instruction: "measure", "reset", "barrier" or the gate's name.
  const std::string& op_name(const Instruction& op) const;
  // Each param_pool slot's Parameter expression, or nullptr where the slot holds a number.
  std::vector<const Expr*> symbolic_by_slot() const;
};

}  // namespace qvet
