// Binding a circuit's Parameters (Qiskit Python input) to values: every symbolic gate parameter
// is evaluated into its slot of Circuit::param_pool, after which the circuit is numeric.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "circuit/circuit.hpp"

namespace qvet {

// Binds by name. False, with a message, when a value is missing or names no Parameter, or an
// expression has no value with these values (division by zero, ...).
bool bind_parameters(Circuit& c, const std::vector<std::pair<std::string, double>>& values, std::string* error);

}  // namespace qvet
