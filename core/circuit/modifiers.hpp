// Gate modifiers as Qiskit 1.0 names and builds them, for every front end: the name of a generic
// controlled gate (add_control.py: c, cc, c3, ... before the base gate's name; `_o<state>` after it
// for open controls, controlledgate.py) and the matrices of controlled, inverted and powered gates
// (Gate.control, Gate.inverse, Gate.power -> UnitaryGate). Matrices are row-major in Qiskit's
// convention: argument k is bit k of the basis index.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "circuit/gates.hpp"

namespace qvet {

// add_control's name for a gate with `controls` controls in all on base gate `base`.
std::string controlled_name(uint32_t controls, std::string_view base);

// The matrix of u (on w qubits) with k controls as its first qubits (bits 0..k-1 of the index):
// u where those bits equal ctrl_state, the identity elsewhere.
std::vector<Complex> controlled_matrix(const std::vector<Complex>& u, uint32_t w, uint32_t k, uint64_t ctrl_state);

// The conjugate transpose of a square matrix.
std::vector<Complex> adjoint(const std::vector<Complex>& m);

// m to the power k: repeated products for an integer k (the adjoint's for a negative one); for a
// fractional k, the principal branch of each eigenvalue, as Operator.power does for a unitary, on
// 2x2 matrices only (empty for larger ones).
std::vector<Complex> matrix_power(const std::vector<Complex>& m, double k);

}  // namespace qvet
