#include "circuit/gates.hpp"

namespace qvet {

namespace {
// name, Qiskit's name, params, qubits, paper, builtin
constexpr StdGate kGates[] = {
    {"U", "u", 3, 1, true, true},
    {"CX", "cx", 0, 2, true, true},
    {"u3", "u3", 3, 1, true, false},
    {"u2", "u2", 2, 1, true, false},
    {"u1", "u1", 1, 1, true, false},
    {"cx", "cx", 0, 2, true, false},
    {"id", "id", 0, 1, true, false},
    {"u0", "u0", 1, 1, false, true},
    {"u", "u", 3, 1, false, true},
    {"p", "p", 1, 1, false, true},
    {"x", "x", 0, 1, true, false},
    {"y", "y", 0, 1, true, false},
    {"z", "z", 0, 1, true, false},
    {"h", "h", 0, 1, true, false},
    {"s", "s", 0, 1, true, false},
    {"sdg", "sdg", 0, 1, true, false},
    {"t", "t", 0, 1, true, false},
    {"tdg", "tdg", 0, 1, true, false},
    {"rx", "rx", 1, 1, true, false},
    {"ry", "ry", 1, 1, true, false},
    {"rz", "rz", 1, 1, true, false},
    {"sx", "sx", 0, 1, false, true},
    {"sxdg", "sxdg", 0, 1, false, true},
    {"cz", "cz", 0, 2, true, false},
    {"cy", "cy", 0, 2, true, false},
    {"swap", "swap", 0, 2, false, true},
    {"ch", "ch", 0, 2, true, false},
    {"ccx", "ccx", 0, 3, true, false},
    {"cswap", "cswap", 0, 3, false, true},
    {"crx", "crx", 1, 2, false, true},
    {"cry", "cry", 1, 2, false, true},
    {"crz", "crz", 1, 2, true, false},
    {"cu1", "cu1", 1, 2, true, false},
    {"cp", "cp", 1, 2, false, true},
    {"cu3", "cu3", 3, 2, true, false},
    {"csx", "csx", 0, 2, false, true},
    {"cu", "cu", 4, 2, false, true},
    {"rxx", "rxx", 1, 2, false, true},
    {"rzz", "rzz", 1, 2, false, true},
    {"rccx", "rccx", 0, 3, false, true},
    {"rc3x", "rcccx", 0, 4, false, true},
    {"c3x", "mcx", 0, 4, false, true},
    {"c3sqrtx", "c3sx", 0, 4, false, true},
    {"c4x", "mcx", 0, 5, false, true},
    // Qiskit gates that OpenQASM 2 does not have (reachable from Python only).
    {"iswap", "iswap", 0, 2, false, false},
    {"dcx", "dcx", 0, 2, false, false},
    {"ecr", "ecr", 0, 2, false, false},
    {"ryy", "ryy", 1, 2, false, false},
    {"rzx", "rzx", 1, 2, false, false},
    {"mcx", "mcx", 0, 0, false, false},  // 5 or more controls; the width is the instruction's
};
constexpr int kQasm2Gates = 44;  // rows before this are OpenQASM 2's (Qiskit's legacy qelib1 set)
}  // namespace

const StdGate* std_gates() { return kGates; }
int std_gate_count() { return static_cast<int>(sizeof(kGates) / sizeof(kGates[0])); }

int find_std_gate(std::string_view name) {
  for (int i = 2; i < kQasm2Gates; ++i) {
    if (kGates[i].name == name) return i;
  }
  return -1;
}

int std_gate_row(std::string_view name) {
  for (int i = 2; i < std_gate_count(); ++i)
    if (kGates[i].name == name) return i;
  return -1;
}

}  // namespace qvet
