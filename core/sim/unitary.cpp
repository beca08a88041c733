// The unitary of a small circuit, column by column with the same kernels as the simulator (each
// column of a column-major matrix is a state), and equivalence up to a global phase.
#include <Eigen/Core>
#include <cmath>

#include "sim/unitary.hpp"

#include "sim/engine.hpp"
#include "sim/ops.hpp"
#include "source/source_map.hpp"

namespace qvet::sim {

namespace {
Span span_of(const Circuit& c, const SourceMap& map, uint32_t instruction) {
  if (instruction >= c.ops.size()) return map.span(0, 0);
  return map.span(c.ops[instruction].src_offset, c.ops[instruction].src_length);
}
}  // namespace

bool circuit_unitary(const Circuit& c, const SourceMap& map, UnitaryResult& out) {
  auto fail = [&](const char* code, std::string message, Span span) {
    out.error = {Severity::Error, code, std::move(message), span};
    return false;
  };
  if (!c.symbolic.empty())
    return fail("E510", "the circuit has unbound parameters, so it has no single unitary", map.span(0, 0));
  const unsigned n = c.num_qubits;
  out.qubits = n;
  if (n > kMaxUnitaryQubits)
    return fail("E511",
                "the unitary is computed up to " + std::to_string(kMaxUnitaryQubits) + " qubits; this circuit has " +
                    std::to_string(n),
                c.qregs.empty() ? map.span(0, 0) : c.qregs.back().span);
  Program p;
  LowerError err = lower(c, p);
  if (!err.message.empty()) return fail("E501", err.message, span_of(c, map, err.instruction));
  for (const Op& op : p.ops)
    if (op.kind == Op::Measure || op.kind == Op::Reset || op.kind == Op::Prepare || op.condition >= 0)
      return fail("E510",
                  "the circuit measures, resets, prepares a state or branches on a classical value, so it has no "
                  "unitary",
                  span_of(c, map, op.src));
  const Eigen::Index dim = Eigen::Index{1} << n;
  Eigen::MatrixXcd u = Eigen::MatrixXcd::Identity(dim, dim);
  for (Eigen::Index col = 0; col < dim; ++col)
    for (const Op& op : p.ops) apply(p, op, u.col(col).data(), n);
  out.matrix.resize(static_cast<size_t>(dim * dim));
  for (Eigen::Index r = 0; r < dim; ++r)
    for (Eigen::Index k = 0; k < dim; ++k) out.matrix[static_cast<size_t>(r * dim + k)] = u(r, k);
  out.ok = true;
  return true;
}

Equivalence compare(const UnitaryResult& ua, const UnitaryResult& ub) {
  Equivalence e;
  if (ua.qubits != ub.qubits) {
    e.error.code = "E512";
    e.error.message = "the circuits act on different numbers of qubits (" + std::to_string(ua.qubits) + " and " +
                      std::to_string(ub.qubits) + ")";
    return e;
  }
  e.ok = true;
  // The global phase from the largest entry of a, then the largest deviation after removing it.
  size_t k = 0;
  for (size_t i = 1; i < ua.matrix.size(); ++i)
    if (std::abs(ua.matrix[i]) > std::abs(ua.matrix[k])) k = i;
  if (std::abs(ub.matrix[k]) < 1e-12) {
    e.equivalent = false;
    e.max_deviation = std::abs(ua.matrix[k]);
    return e;
  }
  const std::complex<double> ratio = ub.matrix[k] / ua.matrix[k];
  const std::complex<double> phase = ratio / std::abs(ratio);
  double worst = 0;
  for (size_t i = 0; i < ua.matrix.size(); ++i) worst = std::max(worst, std::abs(ub.matrix[i] - phase * ua.matrix[i]));
  e.global_phase = std::arg(phase);
  e.max_deviation = worst;
  e.equivalent = worst < 1e-9;
  return e;
}

}  // namespace qvet::sim
