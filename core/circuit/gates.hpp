// The one table of standard gates that every layer reads: the parser (what exists, with how many
// parameters and qubits), the analysis (Qiskit's name for counting), and later the simulator and
// the page. It is Qiskit's legacy OpenQASM 2 gate set (qiskit.qasm2.LEGACY_CUSTOM_INSTRUCTIONS).
#pragma once
#include <cstdint>
#include <string_view>

namespace qvet {

struct StdGate {
  std::string_view name;         // as written in OpenQASM 2
  std::string_view qiskit_name;  // Instruction.name in Qiskit 1.0 (what count_ops reports)
  uint8_t num_params;
  uint8_t num_qubits;
  // In qelib1.inc as published with the language paper (arXiv:1707.03429); the others are
  // Qiskit's extension of the header.
  bool paper;
  // num_qubits 0: variadic (mcx with 5+ controls; each use has its own GateDef with the width).
  // Qiskit defines it even without `include "qelib1.inc";` (CustomInstruction.builtin).
  bool builtin;
};

// Index 0 is U and 1 is CX, the language's two primitives; the rest follow Qiskit's order.
constexpr int kGateU = 0;
constexpr int kGateCX = 1;

const StdGate* std_gates();
int std_gate_count();
// Index into std_gates() of the qelib1 gate called `name` (U and CX excluded), or -1.
int find_std_gate(std::string_view name);
// Index of the row called `name` among all rows, including the Python-only ones (iswap, ...).
int std_gate_row(std::string_view name);

}  // namespace qvet
