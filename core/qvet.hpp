// qvet's public API: source text and options in, one Report out. No I/O, no threads, no exception
// escapes validate(); every problem, including running out of memory, comes back as a diagnostic.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics.hpp"

namespace qvet {

enum class Format { Auto, Qasm2 };

// Every limit exists so that no input can make the core hang or allocate without bound. The
// defaults are roomy: every QASMBench circuit and a generated 10^6-gate circuit fit well inside.
struct Limits {
  uint64_t max_source_bytes = 64u << 20;       // 64 MiB: 20x the largest corpus file
  uint64_t max_qubits = 1u << 20;               // total over all qregs
  uint64_t max_clbits = 1u << 20;               // total over all cregs
  uint64_t max_instructions = 5'000'000;        // after broadcasting; ~40 bytes each
  uint32_t max_gate_nesting = 100;              // gate-definition depth; bounds expansion recursion
  uint64_t max_expanded_ops = 50'000'000;       // instructions after expanding custom gates
  uint32_t max_expr_depth = 128;                // nested parentheses/unary ops; bounds parser recursion
  uint32_t max_diagnostics = 100;               // errors and warnings kept in one report
};

struct Options {
  Format format = Format::Auto;
  bool strict = false;              // warnings for departures from the language paper become errors
  bool include_operations = false;  // list every instruction with its layer in the report
  Limits limits;
};

struct GateCount {
  std::string name;
  uint64_t count = 0;
};

// Qiskit's figures for one circuit (QuantumCircuit.size(), depth(), count_ops(), ...).
struct Metrics {
  uint64_t size = 0;             // size(): instructions that are not barriers
  uint64_t depth = 0;            // depth()
  uint64_t nonlocal_gates = 0;   // num_nonlocal_gates()
  uint64_t two_qubit_gates = 0;  // non-barrier instructions on exactly two qubits
  std::vector<GateCount> gate_types;  // count_ops(): by count, descending, then first appearance
};

struct OperationInfo {
  std::string name;
  std::vector<uint32_t> qubits, clbits;
  std::vector<double> params;
  uint64_t layer = 0;  // the moment it occupies (a barrier: the moment it precedes)
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

struct Report {
  bool valid = false;
  std::string format;        // "qasm2", or "unknown" when it could not be told
  std::string version;       // the OPENQASM version line, if any
  std::string circuit_hash;  // SHA-256 hex of the exact source bytes
  uint64_t qubits = 0, clbits = 0;
  uint64_t gates = 0;        // len(circuit.data): every instruction, barriers included
  Metrics metrics;
  Metrics expanded;          // after expanding the program's own gates down to standard ones
  double estimated_execution_time = 0;  // depth*0.1 + gates*0.01, the old service's formula
  std::vector<uint64_t> ops_per_qubit;
  std::vector<RegisterInfo> qregs, cregs;
  std::vector<CustomGateInfo> custom_gates;
  std::vector<OperationInfo> operations;  // only with Options::include_operations
  std::vector<Diagnostic> diagnostics;
  uint64_t dropped_diagnostics = 0;
};

Report validate(std::string_view source, const Options& options = {});

// The report as JSON text: a superset of the old service's response (see docs/report.md).
std::string to_json(const Report& report, int indent = -1);

const char* version();

}  // namespace qvet
