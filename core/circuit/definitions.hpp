// A standard gate's definition as gate-body statements over symbolic parameters, for two uses
// that must agree: the exporter writes it where the target language lacks the gate (OpenQASM 3's
// stdgates.inc has no rzz), and the readers recognise exactly that definition as the standard
// gate again, so that an export read back counts and expands as the original did.
#pragma once
#include <vector>

#include "circuit/circuit.hpp"
#include "circuit/expr.hpp"
#include "circuit/gates.hpp"

namespace qvet {

struct SymbolicDefOp {
  const GateRow* gate = nullptr;
  std::vector<uint32_t> qubits;  // the defined gate's qubit arguments
  std::vector<Expr> params;      // ExprOp::Param k: the defined gate's parameter k
};

// The table's definition of `row` with parameters as expressions of its own. Every table
// definition is affine in its parameters (each body parameter is c0 + sum c_k p_k), so probing the
// numeric definition at 0 and at each unit vector reads it, and a random point checks it. False
// for a row without a definition, with an inverted step, or not affine.
bool symbolic_definition(const GateRow& row, std::vector<SymbolicDefOp>* out);

// Whether `def` (a program's gate, in circuit `c`) has `row`'s signature and exactly its table
// definition: the same standard gates on the same arguments, with the same parameter values at
// two probe points.
bool is_standard_definition(const Circuit& c, const GateDef& def, const GateRow& row);

// The row whose Qiskit name is `name` and whose definition `def` is, or nullptr. A program that
// writes `gate rzz(t) a, b { cx a, b; rz(t) b; cx a, b; }` has written Qiskit's rzz.
const GateRow* standard_row_defined_by(const Circuit& c, const GateDef& def);

}  // namespace qvet
