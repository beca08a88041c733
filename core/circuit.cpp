#include "circuit.hpp"

namespace qvet {

const std::string& kind_name(OpKind kind) {
  static const std::string names[] = {"", "measure", "reset", "barrier"};
  return names[static_cast<int>(kind)];
}

const std::string& Circuit::op_name(const Instruction& op) const {
  return op.kind == OpKind::Gate ? gates[op.gate].qiskit_name : kind_name(op.kind);
}

}  // namespace qvet
