#include "lint/lints.hpp"

#include <string>

namespace qvet::lint {

namespace {
constexpr int kMaxAfterMeasureWarnings = 10;  // one mistake repeated over a register is one story

std::string bit_name(const Circuit& c, uint32_t q) {
  for (const Register& r : c.qregs)
    if (q >= r.offset && q < r.offset + r.size) return r.name + "[" + std::to_string(q - r.offset) + "]";
  return "q" + std::to_string(q);
}
}  // namespace

void check(const Circuit& c, const SourceMap& map, DiagnosticSink& sink) {
  auto warn = [&](const char* code, std::string msg, const Span& span) {
    sink.add({Severity::Warning, code, std::move(msg), span});
  };

  for (const Register& r : c.qregs)
    if (!r.used && r.size > 0) warn("W202", "quantum register '" + r.name + "' is never used", r.span);
  for (const Register& r : c.cregs)
    if (!r.used && r.size > 0) warn("W202", "classical register '" + r.name + "' is never used", r.span);

  for (const GateDef& g : c.gates)
    if (!g.std && !g.used) warn("W205", "gate '" + g.name + "' is defined but never used", g.span);

  // Qubits that no operation touches (a barrier alone does not count as use).
  std::vector<uint8_t> touched(c.num_qubits, 0);
  for (const Instruction& op : c.ops) {
    if (op.kind == OpKind::Barrier) continue;
    const uint32_t* q = c.qubits(op);
    for (uint32_t k = 0; k < op.qubit_count; ++k) touched[q[k]] = 1;
  }
  for (const Register& r : c.qregs) {
    if (!r.used) continue;
    std::string list;
    uint32_t count = 0;
    for (uint32_t i = 0; i < r.size; ++i) {
      if (touched[r.offset + i]) continue;
      if (count < 8) list += (count ? ", " : "") + r.name + "[" + std::to_string(i) + "]";
      ++count;
    }
    if (count > 8) list += " and " + std::to_string(count - 8) + " more";
    if (count == 1)
      warn("W203", "qubit " + list + " is never used", r.span);
    else if (count > 1)
      warn("W203", std::to_string(count) + " qubits are never used: " + list, r.span);
  }

  // A gate on a qubit after its measurement, with no reset in between, is lost to that
  // measurement's result: usually an ordering mistake.
  std::vector<int64_t> measured_at(c.num_qubits, -1);
  std::vector<uint8_t> reported(c.num_qubits, 0);
  int warnings = 0;
  for (size_t i = 0; i < c.ops.size() && warnings < kMaxAfterMeasureWarnings; ++i) {
    const Instruction& op = c.ops[i];
    const uint32_t* q = c.qubits(op);
    switch (op.kind) {
      case OpKind::Measure: measured_at[q[0]] = static_cast<int64_t>(i); break;
      case OpKind::Reset: measured_at[q[0]] = -1; break;
      case OpKind::Barrier: break;
      case OpKind::Gate:
        for (uint32_t k = 0; k < op.qubit_count; ++k) {
          int64_t m = measured_at[q[k]];
          if (m < 0 || reported[q[k]]) continue;
          reported[q[k]] = 1;
          ++warnings;
          const Instruction& meas = c.ops[static_cast<size_t>(m)];
          warn("W204",
               "'" + c.op_name(op) + "' acts on " + bit_name(c, q[k]) + " after its measurement at line " +
                   std::to_string(map.span(meas.src_offset, 0).line) +
                   "; if that measurement was meant to be final, this operation has no effect on it",
               map.span(op.src_offset, op.src_length));
        }
        break;
    }
  }
}

}  // namespace qvet::lint
