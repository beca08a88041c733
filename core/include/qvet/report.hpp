// What qvet answers: the report of one validation (Qiskit's figures, diagnostics, and the backend
// and simulation sections when asked for), and the results of the unitary tools.
#pragma once
#include <complex>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "qvet/diagnostic.hpp"

namespace qvet {

struct GateCount {
  std::string name;
  uint64_t count = 0;
};

// Qiskit's figures for one circuit (QuantumCircuit.size(), depth(), count_ops(), ...).
struct Metrics {
  uint64_t size = 0;                  // size(): instructions that are not barriers
  uint64_t depth = 0;                 // depth()
  uint64_t nonlocal_gates = 0;        // num_nonlocal_gates()
  uint64_t two_qubit_gates = 0;       // non-barrier instructions on exactly two qubits
  std::vector<GateCount> gate_types;  // count_ops(): by count, descending, then first appearance
};

struct OperationInfo {
  std::string name;
  std::vector<uint32_t> qubits, clbits;
  std::vector<double> params;
  std::vector<std::string> param_text;  // Python: per parameter, its expression when symbolic, else ""
  uint64_t layer = 0;                   // the moment it occupies (a barrier: the moment it precedes)
  bool has_condition = false;
  std::string condition_creg;
  std::string condition_value;  // decimal text: it may exceed 64 bits
  Span span;
};

struct RegisterInfo {
  std::string name;
  uint32_t size = 0;
};

struct CustomGateInfo {
  std::string name;
  uint32_t num_params = 0, num_qubits = 0;
  bool opaque = false;
  uint32_t line = 0;
};

// ---- backends

struct BackendTranslation {
  std::string gate;         // Qiskit's name
  uint64_t count = 0;       // instructions of this gate in the circuit
  int64_t each = -1;        // basis gates each becomes; -1: no fixed translation
  std::string translation;  // the rules assumed, e.g. "h -> rz.sx.rz"
};

// The `backend` section of the report: will this circuit run on that device, and at what cost.
struct BackendReport {
  std::string name, processor, source;
  uint64_t qubits = 0, couplers = 0;
  std::vector<std::string> basis;
  bool directed = false;                         // some couplers are listed one way only (not modelled)
  bool fits = false;                             // the circuit's qubits fit the device
  std::vector<BackendTranslation> translations;  // gates outside the basis, in order of first use
  std::vector<GateCount> basis_counts;           // the circuit's gates after translation
  bool translation_complete = true;              // every gate had a fixed translation
  uint64_t uncoupled = 0;                        // interactions on uncoupled pairs with qubits as written
  std::string layout_status;                     // "as written", "found", "none", "unknown", "not checked"
  std::vector<int32_t> layout;                   // circuit qubit -> device qubit, when one needs no SWAP
  std::string layout_note;
  uint64_t layout_steps = 0;
  int64_t swaps_lower_bound = -1;             // best placement: 0, or >= 1 when none is SWAP-free; -1 unknown
  int64_t swaps_lower_bound_as_written = -1;  // with qubits as written; -1 unknown
  double duration_s = -1;                     // critical path in the device's durations; < 0 unknown
  double success_probability = -1;            // product of (1 - error) over gates and readouts; < 0 unknown
  std::vector<std::string> notes;
};

struct BackendProfileInfo {
  std::string name, processor;
  uint64_t qubits = 0, couplers = 0;  // 0 for the generic shapes (line-N, ...)
  std::vector<std::string> basis;
  std::vector<std::string> devices;  // IBM device names that select this profile
};

struct Simulation {
  bool ok = false;
  Diagnostic error;       // when !ok: the same shape as a report's diagnostics
  std::string method;     // "sampling" (one pass over the final state) or "trajectories"
  std::string precision;  // of the amplitudes: "double" or "single"
  unsigned threads = 1;   // the pool's threads, the calling one included (1 below 16 qubits)
  unsigned qubits = 0;
  uint64_t shots = 0, seed = 0;
  bool measured_all = false;                             // no measure in the circuit: counts are over every qubit
  std::vector<std::pair<std::string, uint64_t>> counts;  // Qiskit's keys: clbit 0 rightmost
  bool has_probabilities = false;
  bool probabilities_truncated = false;                       // only the top k are listed
  std::vector<std::pair<std::string, double>> probabilities;  // over qubits, qubit 0 rightmost
  std::vector<std::complex<double>> statevector;
  std::vector<std::pair<std::string, double>> expectation_values;
};

struct Report {
  bool valid = false;
  std::string format;                   // "qasm2", "python", or "unknown" when it could not be told
  std::string circuit;                  // Python: the variable the reported circuit was assigned to
  std::vector<std::string> parameters;  // Python: unbound Parameters in Qiskit's order (by name, a vector's by index)
  std::string version;                  // the OPENQASM version line, if any
  std::string circuit_hash;             // SHA-256 hex of the exact source bytes
  uint64_t qubits = 0, clbits = 0;
  uint64_t gates = 0;  // len(circuit.data): every instruction, barriers included
  Metrics metrics;
  Metrics expanded;  // after expanding the program's own gates down to standard ones
  // depth*0.1 + gates*0.01, the old service's formula; with a backend, the critical path in its
  // gate durations in seconds (an estimate) when that is known.
  double estimated_execution_time = 0;
  std::vector<uint64_t> ops_per_qubit;
  std::vector<RegisterInfo> qregs, cregs;
  std::vector<CustomGateInfo> custom_gates;
  std::vector<OperationInfo> operations;  // only with Options::include_operations
  bool operations_truncated = false;      // Options::max_operations cut the list short
  std::vector<Diagnostic> diagnostics;
  uint64_t dropped_diagnostics = 0;
  // Findings the rules switched off (RuleOptions, the source's qvet: comments, codes off by default).
  uint64_t suppressed_diagnostics = 0;
  bool has_simulation = false;
  Simulation simulation;
  bool has_backend = false;
  BackendReport backend;
};

// A circuit written in another language (`qvet export`): the validation report of the source,
// with what the export could not say (E800) or says differently (W801) among its diagnostics.
struct Export {
  Report report;
  bool ok = false;     // the source is valid and the export has no error
  std::string format;  // the language written: "qasm2" or "qasm3"
  std::string code;    // the circuit in that language, when ok
  // Names the target language does not take, and what they were written as (Qiskit's names for
  // instructions are free text: `U$_s$` becomes `U__s_`); read back, the export counts the latter.
  std::vector<std::pair<std::string, std::string>> renamed;
};

// The unitary of a circuit without measurements, resets or conditions, up to 10 qubits,
// row-major, in Qiskit's convention (qubit 0 is the least significant bit).
struct UnitaryResult {
  Report report;
  bool ok = false;
  Diagnostic error;  // when !ok: the circuit's first error, or why it has no unitary (E510, E511)
  unsigned qubits = 0;
  std::vector<std::complex<double>> matrix;
};

constexpr unsigned kMaxUnitaryQubits = 10;

// Whether two circuits have the same unitary up to a global phase ("did my rewrite change it?").
struct Equivalence {
  bool ok = false;   // both circuits could be compared
  Diagnostic error;  // when !ok; its message says which circuit
  bool equivalent = false;
  double global_phase = 0;   // b = e^{i phase} a, when equivalent
  double max_deviation = 0;  // largest |b - e^{i phase} a| entry
};

}  // namespace qvet
