// What the static subset knows by name: builtins, the allowed modules and what they export, and
// Qiskit's gates (as QuantumCircuit methods and as library classes). One table each, read by the
// interpreter; a name that is in none of them does not exist for qvet.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "circuit/gates.hpp"
#include "python/value.hpp"

namespace qvet::python {

enum Module : int64_t { kMath, kNumpy, kQiskit, kQiskitCircuit, kQiskitLibrary };

enum Function : int64_t {
  kRange,
  kLen,
  kList,
  kTuple,
  kInt,
  kFloat,
  kAbs,
  kMin,
  kMax,
  kRound,
  kSum,
  kStr,
  kPrint,
  kEnumerate,
  kZip,
  kReversed,
  kSorted,
  kAny,
  kAll,
  kDivmod,
  kPow,
  kBin,
  kBool,
  kIsinstance,
  kDict,
  // math / numpy: one argument, numbers (numpy's also accept parameters, as ParameterExpression does)
  kSqrt,
  kSin,
  kCos,
  kTan,
  kAsin,
  kAcos,
  kAtan,
  kExp,
  kLog,
  kFloor,
  kCeil,
  kRadians,
  kDegrees,
  kNpSqrt,
  kNpSin,
  kNpCos,
  kNpTan,
  kNpArcsin,
  kNpArccos,
  kNpArctan,
  kNpExp,
  kNpLog,
  kNpArray,              // numpy.array: a list of the same values (a matrix, a state's amplitudes)
  kSvFromLabel,          // Statevector.from_label
  kSvFromInt,            // Statevector.from_int
  kSvFromInstruction,    // Statevector.from_instruction: of a circuit, so run code
  kPauliFromList,        // SparsePauliOp.from_list
  kPauliFromSparseList,  // SparsePauliOp.from_sparse_list
  kFormat,               // format(value, spec): the format-spec mini-language (language.cpp)
  kRepr,
  kNpLinspace,  // numpy's array makers and products (numpy.cpp)
  kNpArange,
  kNpDiag,
  kNpEye,
  kNpIdentity,
  kNpZeros,
  kNpOnes,
  kNpKron,
  kNpDot,
  kNpMatmul,
  kFunctionCount,
};

enum Class : int64_t {
  kQuantumCircuit,
  kQuantumRegister,
  kClassicalRegister,
  kParameter,
  kMeasure,
  kReset,
  kBarrier,
  kMCXGate,
  kQFT,
  kParameterVector,
  kUnitaryGate,
  kStatePreparation,
  kInitialize,
  kTwoLocal,
  kRealAmplitudes,
  kEfficientSU2,
  kPauliFeatureMap,
  kZFeatureMap,
  kZZFeatureMap,
  kGroverOperator,
  kPhaseEstimation,
  kMCMT,
  kStatevector,  // qiskit.quantum_info: read when it holds data, inert when made from a circuit
  kOperator,
  kSparsePauliOp,   // an observable: run code, but its num_qubits is known (it sizes ansatze)
  kFirstGateClass,  // + the gate table row's id
};

// Qiskit's gates by their Python names: the gate table's row whose QuantumCircuit method or
// qiskit.circuit.library class this is (PythonApi in circuit/gates.hpp), or nullptr / -1.
const GateRow* find_gate_method(std::string_view method);
int find_gate_class(std::string_view cls);  // the row's id, or -1
// The row of a class handle kFirstGateClass + id.
const GateRow& gate_class(int64_t cls);

// What code that is recognised and skipped does: it runs the circuit, transpiles it, plots or
// displays results, ... (the info I601 says which). Importing it binds inert values.
enum RunKind : int64_t {
  kRunSimulator,
  kRunHardware,
  kRunPrimitive,
  kRunTranspile,
  kRunPlot,
  kRunQuantumInfo,
  kRunKinds
};
const char* run_kind_text(int64_t kind);
// The RunKind of a module of run or plot code (qiskit_aer, qiskit_ibm_runtime, matplotlib, ...),
// or -1; and of a name such code is imported by from qiskit (transpile, execute, Aer, ...).
int64_t run_module(std::string_view dotted);
int64_t run_name(std::string_view module, std::string_view name);

// A module the subset may import (by dotted name), or -1; and its name back.
int64_t find_module(std::string_view dotted);
const char* module_name(int64_t module);
// The gate table row of a multi-controlled X with this many controls (Qiskit's MCXGate gives
// cx, ccx, then "mcx" for 3 and 4 controls, which OpenQASM 2 calls c3x and c4x).
const GateRow* mcx_row(uint64_t controls);
// module.name, for attribute access and `from module import name`. False when not exported.
bool module_member(int64_t module, std::string_view name, Value* out);
// Every member of `module` (for `from module import *`).
void each_member(int64_t module, const std::function<void(const std::string&, const Value&)>& each);
// A builtin function the subset provides, e.g. range or len.
bool builtin(std::string_view name, Value* out);
// Why a builtin Python has is refused (eval, open, getattr, ...), or nullptr.
const char* refused_builtin(std::string_view name);
// The QuantumCircuit method removed from Qiskit that a name refers to, e.g. cnot -> cx.
const char* renamed_method(std::string_view name);

const char* function_name(int64_t fn);
const char* class_name(int64_t cls);

}  // namespace qvet::python
