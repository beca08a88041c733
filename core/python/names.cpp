#include "python/names.hpp"

#include <cmath>
#include <unordered_map>

namespace qvet::python {

namespace {

struct Member {
  Module module;
  const char* name;
  Value::Kind kind;
  int64_t id;
  double value;
};

const Member kMembers[] = {
    {kMath, "pi", Value::Float, 0, kPi},
    {kMath, "e", Value::Float, 0, 2.718281828459045235360287471352662498},
    {kMath, "tau", Value::Float, 0, 2 * kPi},
    {kMath, "sqrt", Value::Function, kSqrt, 0},
    {kMath, "sin", Value::Function, kSin, 0},
    {kMath, "cos", Value::Function, kCos, 0},
    {kMath, "tan", Value::Function, kTan, 0},
    {kMath, "asin", Value::Function, kAsin, 0},
    {kMath, "acos", Value::Function, kAcos, 0},
    {kMath, "atan", Value::Function, kAtan, 0},
    {kMath, "exp", Value::Function, kExp, 0},
    {kMath, "log", Value::Function, kLog, 0},
    {kMath, "floor", Value::Function, kFloor, 0},
    {kMath, "ceil", Value::Function, kCeil, 0},
    {kMath, "radians", Value::Function, kRadians, 0},
    {kMath, "degrees", Value::Function, kDegrees, 0},
    {kNumpy, "pi", Value::Float, 0, kPi},
    {kNumpy, "e", Value::Float, 0, 2.718281828459045235360287471352662498},
    {kNumpy, "sqrt", Value::Function, kNpSqrt, 0},
    {kNumpy, "sin", Value::Function, kNpSin, 0},
    {kNumpy, "cos", Value::Function, kNpCos, 0},
    {kNumpy, "tan", Value::Function, kNpTan, 0},
    {kNumpy, "arcsin", Value::Function, kNpArcsin, 0},
    {kNumpy, "arccos", Value::Function, kNpArccos, 0},
    {kNumpy, "arctan", Value::Function, kNpArctan, 0},
    {kNumpy, "exp", Value::Function, kNpExp, 0},
    {kNumpy, "log", Value::Function, kNpLog, 0},
    {kNumpy, "array", Value::Function, kNpArray, 0},
    {kNumpy, "linspace", Value::Function, kNpLinspace, 0},
    {kNumpy, "arange", Value::Function, kNpArange, 0},
    {kNumpy, "diag", Value::Function, kNpDiag, 0},
    {kNumpy, "eye", Value::Function, kNpEye, 0},
    {kNumpy, "identity", Value::Function, kNpIdentity, 0},
    {kNumpy, "zeros", Value::Function, kNpZeros, 0},
    {kNumpy, "ones", Value::Function, kNpOnes, 0},
    {kNumpy, "kron", Value::Function, kNpKron, 0},
    {kNumpy, "dot", Value::Function, kNpDot, 0},
    {kNumpy, "matmul", Value::Function, kNpMatmul, 0},
    {kQiskit, "QuantumCircuit", Value::Class, kQuantumCircuit, 0},
    {kQiskit, "QuantumRegister", Value::Class, kQuantumRegister, 0},
    {kQiskit, "ClassicalRegister", Value::Class, kClassicalRegister, 0},
    {kQiskitCircuit, "QuantumCircuit", Value::Class, kQuantumCircuit, 0},
    {kQiskitCircuit, "QuantumRegister", Value::Class, kQuantumRegister, 0},
    {kQiskitCircuit, "ClassicalRegister", Value::Class, kClassicalRegister, 0},
    {kQiskitCircuit, "Parameter", Value::Class, kParameter, 0},
    {kQiskitCircuit, "ParameterVector", Value::Class, kParameterVector, 0},
    {kQiskitCircuit, "Measure", Value::Class, kMeasure, 0},
    {kQiskitCircuit, "Reset", Value::Class, kReset, 0},
    {kQiskitCircuit, "Barrier", Value::Class, kBarrier, 0},
    {kQiskitLibrary, "Measure", Value::Class, kMeasure, 0},
    {kQiskitLibrary, "Reset", Value::Class, kReset, 0},
    {kQiskitLibrary, "Barrier", Value::Class, kBarrier, 0},
    {kQiskitLibrary, "MCXGate", Value::Class, kMCXGate, 0},
    {kQiskitLibrary, "QFT", Value::Class, kQFT, 0},
    {kQiskitLibrary, "UnitaryGate", Value::Class, kUnitaryGate, 0},
    {kQiskitLibrary, "StatePreparation", Value::Class, kStatePreparation, 0},
    {kQiskitLibrary, "Initialize", Value::Class, kInitialize, 0},
    {kQiskitLibrary, "TwoLocal", Value::Class, kTwoLocal, 0},
    {kQiskitLibrary, "RealAmplitudes", Value::Class, kRealAmplitudes, 0},
    {kQiskitLibrary, "EfficientSU2", Value::Class, kEfficientSU2, 0},
    {kQiskitLibrary, "PauliFeatureMap", Value::Class, kPauliFeatureMap, 0},
    {kQiskitLibrary, "ZFeatureMap", Value::Class, kZFeatureMap, 0},
    {kQiskitLibrary, "ZZFeatureMap", Value::Class, kZZFeatureMap, 0},
    {kQiskitLibrary, "GroverOperator", Value::Class, kGroverOperator, 0},
    {kQiskitLibrary, "PhaseEstimation", Value::Class, kPhaseEstimation, 0},
    {kQiskitLibrary, "MCMT", Value::Class, kMCMT, 0},
};

const char* const kFunctionNames[] = {"range",
                                      "len",
                                      "list",
                                      "tuple",
                                      "int",
                                      "float",
                                      "abs",
                                      "min",
                                      "max",
                                      "round",
                                      "sum",
                                      "str",
                                      "print",
                                      "enumerate",
                                      "zip",
                                      "reversed",
                                      "sorted",
                                      "any",
                                      "all",
                                      "divmod",
                                      "pow",
                                      "bin",
                                      "bool",
                                      "isinstance",
                                      "dict",
                                      "math.sqrt",
                                      "math.sin",
                                      "math.cos",
                                      "math.tan",
                                      "math.asin",
                                      "math.acos",
                                      "math.atan",
                                      "math.exp",
                                      "math.log",
                                      "math.floor",
                                      "math.ceil",
                                      "math.radians",
                                      "math.degrees",
                                      "numpy.sqrt",
                                      "numpy.sin",
                                      "numpy.cos",
                                      "numpy.tan",
                                      "numpy.arcsin",
                                      "numpy.arccos",
                                      "numpy.arctan",
                                      "numpy.exp",
                                      "numpy.log",
                                      "numpy.array",
                                      "Statevector.from_label",
                                      "Statevector.from_int",
                                      "Statevector.from_instruction",
                                      "SparsePauliOp.from_list",
                                      "SparsePauliOp.from_sparse_list",
                                      "format",
                                      "repr",
                                      "numpy.linspace",
                                      "numpy.arange",
                                      "numpy.diag",
                                      "numpy.eye",
                                      "numpy.identity",
                                      "numpy.zeros",
                                      "numpy.ones",
                                      "numpy.kron",
                                      "numpy.dot",
                                      "numpy.matmul"};
static_assert(sizeof(kFunctionNames) / sizeof(kFunctionNames[0]) == kFunctionCount, "a name for every Function");
}  // namespace

const GateRow* find_gate_method(std::string_view method) {
  // Looked up on every gate call of a loop: a hash table built once, not a scan of the table.
  static const std::unordered_map<std::string_view, const GateRow*> by_method = [] {
    std::unordered_map<std::string_view, const GateRow*> m;
    for (const GateRow& g : gate_rows())
      if (g.python.method) m.emplace(g.python.method, &g);
    return m;
  }();
  auto it = by_method.find(method);
  return it == by_method.end() ? nullptr : it->second;
}

int find_gate_class(std::string_view cls) {
  for (const GateRow& g : gate_rows())
    if (g.python.cls && cls == g.python.cls) return g.id;
  return -1;
}

const GateRow& gate_class(int64_t cls) { return gate_rows().begin()[cls - kFirstGateClass]; }

const char* const kModuleNames[] = {"math", "numpy", "qiskit", "qiskit.circuit", "qiskit.circuit.library"};

int64_t find_module(std::string_view m) {
  for (int64_t i = kMath; i <= kQiskitLibrary; ++i)
    if (m == kModuleNames[i]) return i;
  // The library's submodules (standard_gates, n_local, data_preparation, ...) and qiskit.extensions,
  // where Qiskit before 1.0 kept UnitaryGate and Initialize, give the same classes.
  const std::string_view lib = "qiskit.circuit.library.";
  if (m.substr(0, lib.size()) == lib || m == "qiskit.extensions") return kQiskitLibrary;
  return -1;
}

// Modules of code that runs, submits, transpiles or plots a circuit: imported, they bind inert
// values (a prefix matches its submodules: qiskit_aer.primitives, matplotlib.pyplot).
int64_t run_module(std::string_view m) {
  static const std::pair<const char*, RunKind> kRunModules[] = {
      {"qiskit_aer", kRunSimulator},
      {"qiskit.providers", kRunSimulator},
      {"qiskit.result", kRunSimulator},
      {"qiskit_ibm_runtime", kRunHardware},
      {"qiskit_ibm_provider", kRunHardware},
      {"qiskit.tools", kRunHardware},  // job_monitor and friends (before Qiskit 1.0)
      {"qiskit.primitives", kRunPrimitive},
      {"qiskit.transpiler", kRunTranspile},
      {"qiskit.compiler", kRunTranspile},  // transpile and assemble, where Qiskit defines them
      {"qiskit.visualization", kRunPlot},
      {"matplotlib", kRunPlot},
      {"IPython", kRunPlot},
      {"qiskit.quantum_info", kRunQuantumInfo},
  };
  for (const auto& [name, kind] : kRunModules) {
    const std::string_view n(name);
    if (m == n || (m.size() > n.size() && m.substr(0, n.size()) == n && m[n.size()] == '.')) return kind;
  }
  return -1;
}

int64_t run_name(std::string_view module, std::string_view name) {
  if (const int64_t k = run_module(module); k >= 0) return k;
  if (module != "qiskit") return -1;
  if (name == "transpile") return kRunTranspile;
  if (name == "execute" || name == "Aer" || name == "BasicAer" || name == "assemble") return kRunSimulator;
  if (name == "IBMQ") return kRunHardware;
  return -1;
}

const char* run_kind_text(int64_t kind) {
  switch (kind) {
    case kRunSimulator: return "runs the circuit on a simulator";
    case kRunHardware: return "submits the circuit to IBM Quantum";
    case kRunPrimitive: return "runs the circuit with a primitive (Sampler, Estimator)";
    case kRunTranspile: return "transpiles the circuit for a device";
    case kRunPlot: return "draws, plots or displays results";
    default: return "computes with qiskit.quantum_info";
  }
}

const char* module_name(int64_t module) { return kModuleNames[module]; }

const GateRow* mcx_row(uint64_t controls) {
  // X with one more control at each step: cx, ccx, c3x, c4x, then the variadic mcx, which is its
  // own controlled form.
  const GateRow* g = find_gate("x");
  for (uint64_t k = 0; k < controls && g->num_qubits != 0; ++k) g = find_gate(g->controlled.name);
  return g;
}

bool module_member(int64_t module, std::string_view name, Value* out) {
  for (const Member& m : kMembers) {
    if (m.module != module || name != m.name) continue;
    if (m.kind == Value::Float)
      *out = Value::real(m.value);
    else
      *out = Value::handle(m.kind, m.id);
    return true;
  }
  if (module == kQiskitLibrary) {
    int g = find_gate_class(name);
    if (g >= 0) {
      *out = Value::handle(Value::Class, kFirstGateClass + g);
      return true;
    }
  }
  if (module == kQiskitCircuit && name == "library") {
    *out = Value::handle(Value::Module, kQiskitLibrary);
    return true;
  }
  if (module == kQiskit && name == "circuit") {
    *out = Value::handle(Value::Module, kQiskitCircuit);
    return true;
  }
  return false;
}

void each_member(int64_t module, const std::function<void(const std::string&, const Value&)>& each) {
  for (const Member& m : kMembers)
    if (m.module == module) {
      Value v;
      module_member(module, m.name, &v);
      each(m.name, v);
    }
  if (module == kQiskitLibrary)
    for (const GateRow& g : gate_rows())
      if (g.python.cls) each(g.python.cls, Value::handle(Value::Class, kFirstGateClass + g.id));
}

bool builtin(std::string_view name, Value* out) {
  for (int64_t f = kRange; f <= kDict; ++f) {
    if (name == kFunctionNames[f]) {
      *out = Value::handle(Value::Function, f);
      return true;
    }
  }
  for (int64_t f : {kFormat, kRepr})  // builtins added after the math and numpy functions
    if (name == kFunctionNames[f]) {
      *out = Value::handle(Value::Function, f);
      return true;
    }
  if (name == "True" || name == "False") return false;
  return false;
}

const char* refused_builtin(std::string_view n) {
  static const char* const kRefused[] = {
      "eval",   "exec",  "compile",    "open",      "getattr",    "setattr",     "delattr",      "hasattr",  "globals",
      "locals", "vars",  "dir",        "input",     "breakpoint", "exit",        "quit",         "help",     "type",
      "object", "super", "memoryview", "bytearray", "bytes",      "classmethod", "staticmethod", "property", "id",
      "hash",   "iter",  "next",       "map",       "filter",     "issubclass",  "callable",     "ascii",    "chr",
      "ord",    "hex",   "oct",        "set",       "frozenset",  "complex",     "slice",        "aiter",    "anext"};
  for (const char* r : kRefused)
    if (n == r) return r;
  return nullptr;
}

const char* renamed_method(std::string_view n) {
  if (n == "cnot") return "cx";
  if (n == "toffoli") return "ccx";
  if (n == "fredkin") return "cswap";
  if (n == "mct") return "mcx";
  if (n == "i") return "id";
  return nullptr;
}

const char* function_name(int64_t fn) { return kFunctionNames[fn]; }

const char* class_name(int64_t cls) {
  switch (cls) {
    case kQuantumCircuit: return "QuantumCircuit";
    case kQuantumRegister: return "QuantumRegister";
    case kClassicalRegister: return "ClassicalRegister";
    case kParameter: return "Parameter";
    case kMeasure: return "Measure";
    case kReset: return "Reset";
    case kBarrier: return "Barrier";
    case kMCXGate: return "MCXGate";
    case kQFT: return "QFT";
    case kParameterVector: return "ParameterVector";
    case kUnitaryGate: return "UnitaryGate";
    case kStatePreparation: return "StatePreparation";
    case kInitialize: return "Initialize";
    case kTwoLocal: return "TwoLocal";
    case kRealAmplitudes: return "RealAmplitudes";
    case kEfficientSU2: return "EfficientSU2";
    case kPauliFeatureMap: return "PauliFeatureMap";
    case kZFeatureMap: return "ZFeatureMap";
    case kZZFeatureMap: return "ZZFeatureMap";
    case kGroverOperator: return "GroverOperator";
    case kPhaseEstimation: return "PhaseEstimation";
    case kMCMT: return "MCMT";
    case kStatevector: return "Statevector";
    case kOperator: return "Operator";
    case kSparsePauliOp: return "SparsePauliOp";
    default: return gate_class(cls).python.cls;
  }
}

}  // namespace qvet::python
