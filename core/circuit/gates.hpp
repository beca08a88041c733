// The one table of standard gates, with their behaviour. Every layer reads it: the front ends
// (which names exist, with how many parameters and qubits, Qiskit's method and class names), the
// analysis (Qiskit's name for counting), the simulator (the matrix and the kernel to apply it
// with), the backend check (the definition it translates through), and, through the package's
// `gates` list, the page's diagram. Adding a gate is adding one row in gates.cpp (and its
// independent definition in tests/cpp/test_gate_matrices.cpp, which a test asks for).
//
// A gate the program defines, or an `opaque` one, has no row: GateDef::std is nullptr for it, and
// there is no integer index into the table to get wrong.
#pragma once
#include <complex>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string_view>

namespace qvet {

using Complex = std::complex<double>;

// pi to the precision of a double, for every layer (the readers' `pi`, the gate matrices).
constexpr double kPi = 3.141592653589793238462643383279502884;

struct GateRow;

// How the simulator applies a gate: the cheapest kernel its structure allows.
enum class GateKernel : uint8_t {
  Identity,    // nothing to apply (id, u0)
  Matrix,      // its 2x2 or 4x4 matrix (a diagonal one gets the diagonal kernel)
  Controlled,  // a 2x2 on the last qubit, controlled by all the others (cx, crz, ccx, mcx, ...)
  Swap,        // a swap of the last two qubits, controlled by all the others (swap, cswap)
  Definition,  // its definition, gate by gate (rccx, rc3x, dcx: as Qiskit defines them)
};

// Which sets a row belongs to.
enum GateSet : uint8_t {
  kPrimitive = 1,  // U and CX, OpenQASM 2's two built-in gates (keywords, never redefined)
  kQasm2 = 2,      // Qiskit's legacy OpenQASM 2 gate set (qiskit.qasm2.LEGACY_CUSTOM_INSTRUCTIONS)
  kPaper = 4,      // in qelib1.inc as published with the language paper (arXiv:1707.03429)
  kBuiltin = 8,    // Qiskit defines it even without `include "qelib1.inc";` (CustomInstruction.builtin)
};

// A parameter of a related gate (the inverse, the controlled form) as a function of this gate's
// parameters: sign * p[src] + pi_multiple * pi, or the constant alone when src < 0. Declarative,
// so that a front end can apply it to symbolic parameters as well as to numbers.
struct ParamMap {
  int8_t src = -1;
  int8_t sign = 1;
  double pi_multiple = 0;
};

// A related gate: a row's name (empty when no standard gate is it) and its parameters.
struct RelatedGate {
  std::string_view name;
  ParamMap params[4] = {};
  uint8_t num_params = 0;
};

// A gate's definition in terms of other rows, as Qiskit's qelib1.inc and circuit library write it;
// followed down, every definition ends in U and CX.
class Definition {
 public:
  static constexpr size_t kMaxOps = 32;
  struct Op {
    const GateRow* gate = nullptr;  // nullptr only for a name no row has (a test rules it out)
    uint8_t qubits[5] = {};         // indices of the defined gate's qubits
    uint8_t num_qubits = 0;
    double params[4] = {};
    bool inverse = false;  // the inverse of `gate` (its conjugate transpose)
  };

  // Appends `gate` (a row's name) on the defined gate's `qubits` with `params`.
  Definition& operator()(std::string_view gate, std::initializer_list<uint8_t> qubits,
                         std::initializer_list<double> params = {});
  // Appends the inverse of the parameterless row `gate` (Qiskit's c4x definition uses rc3x's).
  Definition& inverse(std::string_view gate, std::initializer_list<uint8_t> qubits);

  const Op* begin() const { return ops_; }
  const Op* end() const { return ops_ + size_; }
  size_t size() const { return size_; }
  bool ok() const { return ok_; }  // every name was a row and nothing overflowed

 private:
  Op ops_[kMaxOps];
  size_t size_ = 0;
  bool ok_ = true;
};

// The names Qiskit's Python API gives a gate: the QuantumCircuit method, the library class, and
// the argument names (so keyword arguments work).
struct PythonApi {
  const char* method = nullptr;  // nullptr when QuantumCircuit has no method for it
  const char* cls = nullptr;     // nullptr when qiskit.circuit.library has no class for it
  const char* params[4] = {};
  const char* qubits[5] = {};
};

struct GateRow {
  uint8_t id = 0;                // its index in the table
  std::string_view name;         // as written in OpenQASM 2 (qelib1.inc)
  std::string_view qiskit_name;  // Instruction.name in Qiskit 1.0 (what count_ops reports)
  // Other spellings of the same gate in OpenQASM 3's stdgates.inc (phase for p, cphase for cp),
  // for the OpenQASM 3 front end; the package lists them. OpenQASM 2 and Python do not accept them.
  std::string_view aliases[2];
  uint8_t num_params = 0;
  uint8_t num_qubits = 0;     // 0: variadic (mcx with 5+ controls; an instruction gives its width)
  uint8_t target_qubits = 1;  // qubits the matrix acts on; any qubits before them are controls
  uint8_t sets = 0;           // GateSet bits
  GateKernel kernel = GateKernel::Matrix;
  // The matrix on the target qubits (the whole gate when it has no controls), row-major, in
  // Qiskit's convention: argument k is bit k of the basis index.
  void (*matrix)(const double* params, Complex* out) = nullptr;
  // nullptr for U and CX (the primitives) and the variadic mcx (Qiskit synthesises it).
  void (*definition)(const double* params, Definition& out) = nullptr;
  RelatedGate inverse;     // Qiskit's Gate.inverse(), when it is a standard gate
  RelatedGate controlled;  // Qiskit's Gate.control(1), when it is a standard gate
  std::string_view label;  // what a diagram writes in its box (the target's, when controlled)
  PythonApi python;

  bool in(GateSet s) const { return (sets & s) != 0; }
  // The number of controls of an application on `width` qubits.
  unsigned controls(unsigned width) const { return width - target_qubits; }
};

// The rows, in a fixed order (a circuit's gates list starts with them, in this order).
struct GateRows {
  const GateRow* first;
  size_t count;
  const GateRow* begin() const { return first; }
  const GateRow* end() const { return first + count; }
  size_t size() const { return count; }
};
GateRows gate_rows();

// The gate names OpenQASM 3's `include "stdgates.inc";` defines (the specification's 32, as
// Qiskit's importer reads them), and whether a name is one of them.
struct NameList {
  const std::string_view* first;
  size_t count;
  const std::string_view* begin() const { return first; }
  const std::string_view* end() const { return first + count; }
};
NameList stdgates_names();
bool in_stdgates(std::string_view name);

// The row called `name`, or whose other spelling (aliases: phase for p, cphase for cp) it is.
const GateRow* find_gate_spelling(std::string_view name);

// The row called `name` (its name, not its Qiskit name), or nullptr. With `in`, only rows of that
// set (e.g. kQasm2 for an OpenQASM 2 program).
const GateRow* find_gate(std::string_view name, uint8_t in = 0xff);

// The full 2^n x 2^n matrix of `row` applied to `width` qubits (width = num_qubits, or the
// instruction's for the variadic mcx), row-major in Qiskit's convention. `out` holds 4^width.
void full_matrix(const GateRow& row, const double* params, unsigned width, Complex* out);

// The parameters of a related gate (inverse, controlled form) from this gate's.
void related_params(const RelatedGate& rel, const double* params, double* out);

}  // namespace qvet
