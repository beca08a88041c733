// What the static subset knows by name: builtins, the allowed modules and what they export, and
// Qiskit's gates (as QuantumCircuit methods and as library classes). One table each, read by the
// interpreter; a name that is in none of them does not exist for qvet.
#pragma once
#include <cstdint>
#include <string_view>

#include "python/value.hpp"

namespace qvet::python {

enum Module : int64_t { kMath, kNumpy, kQiskit, kQiskitCircuit, kQiskitLibrary };

enum Function : int64_t {
  kRange, kLen, kList, kTuple, kInt, kFloat, kAbs, kMin, kMax, kRound, kSum, kStr, kPrint, kEnumerate, kZip,
  kReversed,
  // math / numpy: one argument, numbers (numpy's also accept parameters, as ParameterExpression does)
  kSqrt, kSin, kCos, kTan, kAsin, kAcos, kAtan, kExp, kLog, kFloor, kCeil, kRadians, kDegrees,
  kNpSqrt, kNpSin, kNpCos, kNpTan, kNpArcsin, kNpArccos, kNpArctan, kNpExp, kNpLog,
};

enum Class : int64_t {
  kQuantumCircuit, kQuantumRegister, kClassicalRegister, kParameter, kMeasure, kReset, kBarrier, kMCXGate,
  kFirstGateClass,  // + index into gate_specs()
};

// A Qiskit gate: its QuantumCircuit method, its library class, its row in std_gates(), and the
// names of its arguments (Qiskit's own, so keyword arguments work).
struct GateSpec {
  const char* method;  // nullptr when QuantumCircuit has no method for it
  const char* cls;
  const char* row;
  const char* params[4];
  const char* qubits[5];
  int num_params() const;
  int num_qubits() const;
};

const GateSpec* gate_specs();
int gate_spec_count();
const GateSpec* find_gate_method(std::string_view method);
int find_gate_class(std::string_view cls);  // index into gate_specs(), or -1

// A module the subset may import (by dotted name), or -1; and its name back.
int64_t find_module(std::string_view dotted);
const char* module_name(int64_t module);
// The std_gates() row of a multi-controlled X with this many controls (Qiskit's MCXGate gives
// cx, ccx, then "mcx" for 3 and 4 controls, which OpenQASM 2 calls c3x and c4x).
const char* mcx_row(uint64_t controls);
// module.name, for attribute access and `from module import name`. False when not exported.
bool module_member(int64_t module, std::string_view name, Value* out);
// A builtin function the subset provides, e.g. range or len.
bool builtin(std::string_view name, Value* out);
// Why a builtin Python has is refused (eval, open, getattr, ...), or nullptr.
const char* refused_builtin(std::string_view name);
// The QuantumCircuit method removed from Qiskit that a name refers to, e.g. cnot -> cx.
const char* renamed_method(std::string_view name);

const char* function_name(int64_t fn);
const char* class_name(int64_t cls);

}  // namespace qvet::python
