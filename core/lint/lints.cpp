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
std::string clbit_name(const Circuit& c, uint32_t b) {
  for (const Register& r : c.cregs)
    if (b >= r.offset && b < r.offset + r.size) return r.name + "[" + std::to_string(b - r.offset) + "]";
  return "c" + std::to_string(b);
}

// The classical dataflow of the circuit as written, in program order: what each measurement
// writes, what each condition reads, and what a qubit went through before it is measured. Each
// finding is a likely mistake whose result the counts would not show.
void dataflow(const Circuit& c, const SourceMap& map, DiagnosticSink& sink) {
  auto warn = [&](const char* code, std::string msg, const Instruction& op) {
    sink.add({Severity::Warning, code, std::move(msg), map.span(op.src_offset, op.src_length)});
  };
  auto line_of = [&](int64_t i) { return std::to_string(map.span(c.ops[static_cast<size_t>(i)].src_offset, 0).line); };
  constexpr int64_t kNone = -1;
  // Per clbit: the measurement that last wrote it, and whether anything read it since.
  std::vector<int64_t> written_by(c.num_clbits, kNone);
  std::vector<uint8_t> read_since(c.num_clbits, 1), ever_written(c.num_clbits, 0);
  // Per qubit: the last operation on it (barriers aside), and whether any gate came before.
  std::vector<int64_t> last_op(c.num_qubits, kNone);
  std::vector<uint8_t> prepared(c.num_qubits, 0);
  std::vector<uint8_t> warned_creg(c.cregs.size(), 0), measured(c.num_qubits, 0);
  // Which gates are control-flow blocks (OpenQASM 3's if and for, Qiskit's if_else, for_loop,
  // while_loop), whose measurements and reads inside are not followed: their clbits count as
  // written and read. Once per definition rather than once per instruction.
  std::vector<char> block(c.gates.size(), 0);
  for (size_t g = 0; g < c.gates.size(); ++g) {
    const GateDef& def = c.gates[g];
    block[g] = !def.clbits.empty() || def.else_gate >= 0 || def.dynamic;
  }
  int findings = 0;
  // OpenQASM 3 also writes bits by assignment (`r = f(q);`, `bit[2] b = "11";`), which the
  // instruction list does not hold: there an unwritten-looking condition proves nothing.
  const bool classical_values = c.version.rfind('3', 0) == 0;
  const Instruction* first_measure = nullptr;
  uint32_t measured_count = 0;
  for (size_t i = 0; i < c.ops.size(); ++i) {
    const Instruction& op = c.ops[i];
    const uint32_t* q = c.qubits(op);
    if (op.condition >= 0) {
      const Condition& cond = c.conditions[static_cast<size_t>(op.condition)];
      bool any = false;
      for (uint32_t b = cond.clbit_begin; b < cond.clbit_begin + cond.clbit_count; ++b) {
        any = any || ever_written[b];
        read_since[b] = 1;
      }
      if (!any && !warned_creg[cond.creg] && !classical_values && findings < kMaxAfterMeasureWarnings) {
        warned_creg[cond.creg] = 1;
        ++findings;
        const Register& reg = c.cregs[cond.creg];
        const std::string what = cond.single_bit ? clbit_name(c, cond.clbit_begin) : "'" + reg.name + "'";
        warn("W210",
             "this condition reads " + what +
                 ", which no measurement has written before it: it compares the initial zeros, so it is " +
                 "decided before the circuit runs",
             op);
      }
    }
    if (op.kind == OpKind::Gate && op.gate >= 0 && block[static_cast<size_t>(op.gate)]) {
      // What the block measures and reads is not followed: its clbits count as written and read.
      for (uint32_t b : c.gates[static_cast<size_t>(op.gate)].clbits) {
        ever_written[b] = 1;
        read_since[b] = 1;
        written_by[b] = kNone;
      }
      for (uint32_t k = 0; k < op.qubit_count; ++k) {
        last_op[q[k]] = static_cast<int64_t>(i);
        prepared[q[k]] = 1;
      }
      continue;
    }
    switch (op.kind) {
      case OpKind::Barrier: break;
      case OpKind::Reset:
        last_op[q[0]] = static_cast<int64_t>(i);
        prepared[q[0]] = 0;
        break;
      case OpKind::Gate:
        for (uint32_t k = 0; k < op.qubit_count; ++k) {
          last_op[q[k]] = static_cast<int64_t>(i);
          prepared[q[k]] = 1;
        }
        break;
      case OpKind::Measure: {
        const uint32_t qubit = q[0];
        const int64_t before = last_op[qubit];
        const bool again = before != kNone && c.ops[static_cast<size_t>(before)].kind == OpKind::Measure;
        if (!first_measure) first_measure = &op;
        if (!measured[qubit]) ++measured_count;
        measured[qubit] = 1;
        if (again && findings < kMaxAfterMeasureWarnings) {
          ++findings;
          warn("W211",
               bit_name(c, qubit) + " is measured again with nothing applied since its measurement at line " +
                   line_of(before) + ": this result repeats that one",
               op);
        } else if (!prepared[qubit] && before == kNone && findings < kMaxAfterMeasureWarnings) {
          // Off by default (codes.cpp): a register measured whole often has qubits left idle on purpose.
          ++findings;
          warn("W214", bit_name(c, qubit) + " is measured before any gate acts on it: the result is always 0", op);
        }
        if (op.clbit >= 0) {
          const uint32_t b = static_cast<uint32_t>(op.clbit);
          if (written_by[b] != kNone && !read_since[b] && !again && findings < kMaxAfterMeasureWarnings) {
            ++findings;
            warn("W212",
                 clbit_name(c, b) + " is written again before the result of the measurement at line " +
                     line_of(written_by[b]) + " is read: that result is lost",
                 op);
          }
          written_by[b] = static_cast<int64_t>(i);
          read_since[b] = 0;
          ever_written[b] = 1;
        }
        last_op[qubit] = static_cast<int64_t>(i);
        break;
      }
    }
  }
  if (first_measure && measured_count > c.num_clbits) {
    warn("W213",
         std::to_string(measured_count) + " qubits are measured into " + std::to_string(c.num_clbits) +
             " classical bit" + (c.num_clbits == 1 ? "" : "s") + ": some results overwrite others",
         *first_measure);
  }
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
  dataflow(c, map, sink);
}

}  // namespace qvet::lint
