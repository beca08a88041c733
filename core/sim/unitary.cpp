// The unitary of a small circuit, column by column with the same kernels as the simulator (each
// column of a column-major matrix is a state), and equivalence up to a global phase.
#include <Eigen/Core>
#include <cmath>

#include "api/load.hpp"
#include "qvet.hpp"
#include "sim/engine.hpp"
#include "sim/ops.hpp"

namespace qvet {

namespace {

bool build_unitary(std::string_view source, const Options& options, UnitaryResult& out) {
  Circuit c;
  out.report = guarded([&](Report& r) { load(source, options, r, c); });
  if (!out.report.valid) {
    out.error = "the circuit is not valid";
    return false;
  }
  if (!c.symbolic.empty()) {
    out.error = "the circuit has unbound parameters, so it has no single unitary";
    return false;
  }
  const unsigned n = c.num_qubits;
  out.qubits = n;
  if (n > kMaxUnitaryQubits) {
    out.error = "the unitary is computed up to " + std::to_string(kMaxUnitaryQubits) + " qubits; this circuit has " +
                std::to_string(n);
    return false;
  }
  sim::Program p;
  sim::LowerError err = sim::lower(c, p);
  if (!err.message.empty()) {
    out.error = err.message;
    return false;
  }
  for (const sim::Op& op : p.ops)
    if (op.kind == sim::Op::Measure || op.kind == sim::Op::Reset || op.condition >= 0) {
      out.error = "the circuit measures, resets or branches on a classical value, so it has no unitary";
      return false;
    }
  const Eigen::Index dim = Eigen::Index{1} << n;
  Eigen::MatrixXcd u = Eigen::MatrixXcd::Identity(dim, dim);
  for (Eigen::Index col = 0; col < dim; ++col)
    for (const sim::Op& op : p.ops) sim::apply(p, op, u.col(col).data(), n);
  out.matrix.resize(static_cast<size_t>(dim * dim));
  for (Eigen::Index r = 0; r < dim; ++r)
    for (Eigen::Index k = 0; k < dim; ++k) out.matrix[static_cast<size_t>(r * dim + k)] = u(r, k);
  out.ok = true;
  return true;
}

}  // namespace

UnitaryResult unitary(std::string_view source, const Options& options) {
  UnitaryResult out;
  try {
    build_unitary(source, options, out);
  } catch (const std::bad_alloc&) {
    out.ok = false;
    out.error = "out of memory while building the unitary";
  }
  return out;
}

Equivalence equivalent(std::string_view a, std::string_view b, const Options& options) {
  Equivalence e;
  UnitaryResult ua = unitary(a, options), ub = unitary(b, options);
  if (!ua.ok || !ub.ok) {
    e.error = !ua.ok ? "first circuit: " + ua.error : "second circuit: " + ub.error;
    return e;
  }
  if (ua.qubits != ub.qubits) {
    e.error = "the circuits act on different numbers of qubits (" + std::to_string(ua.qubits) + " and " +
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

}  // namespace qvet
