#include "circuit/circuit.hpp"

#include "circuit/gates.hpp"

namespace qvet {

const std::string& kind_name(OpKind kind) {
  static const std::string names[] = {"", "measure", "reset", "barrier"};
  return names[static_cast<int>(kind)];
}

GateDef standard_gate_def(const GateRow& g) {
  GateDef d;
  d.name = std::string(g.name);
  d.qiskit_name = std::string(g.qiskit_name);
  d.std = &g;
  d.num_params = g.num_params;
  d.num_qubits = g.num_qubits;
  return d;
}

const std::string& Circuit::op_name(const Instruction& op) const {
  return op.kind == OpKind::Gate ? gates[op.gate].qiskit_name : kind_name(op.kind);
}

std::vector<const Expr*> Circuit::symbolic_by_slot() const {
  std::vector<const Expr*> out(param_pool.size(), nullptr);
  for (const SymbolicParam& p : symbolic) out[p.slot] = &p.expr;
  return out;
}

}  // namespace qvet
