// What a language service needs from a front end: every name the source declares and every place
// a name is used, by byte range. A front end's indexer fills it from tokens alone (qasm2/index.cpp,
// qasm3/index.cpp), so it is there for a file with errors too, and validation never pays for it;
// the language service (core/service/) reads it.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace qvet {

enum class SymbolKind : uint8_t {
  QuantumRegister,    // qreg q[2]; qubit[2] q;
  ClassicalRegister,  // creg c[2]; bit[2] c;
  Gate,               // gate NAME ... { ... } (the program's own)
  Opaque,             // opaque NAME ...;
  StandardGate,       // a gate of the gate table the source uses (no declaration in the source)
  GateParameter,      // a parameter of the program's gate (its parent)
  GateQubit,          // a qubit argument of the program's gate (its parent)
  Variable,           // OpenQASM 3: a classical variable, constant, input or loop variable
  Subroutine,         // OpenQASM 3: def NAME(...)
};

struct Symbol {
  std::string name;
  SymbolKind kind = SymbolKind::Variable;
  // The name where it is declared, and the whole declaration (a gate with its body); 0, 0 for a
  // standard gate, which the source never declares.
  uint32_t name_offset = 0, name_length = 0;
  uint32_t decl_offset = 0, decl_length = 0;
  int32_t parent = -1;                      // a gate's parameter or qubit: the gate's symbol
  uint64_t size = 0;                        // a register's size (1 for a single qubit or bit)
  int32_t gate_row = -1;                    // a standard gate's GateRow::id
  uint32_t num_params = 0, num_qubits = 0;  // a gate's
  std::string type;                         // OpenQASM 3: the declared type as written ("int[32]", "const float")
};

struct SymbolUse {
  uint32_t offset = 0, length = 0;
  int32_t symbol = -1;
  bool declaration = false;  // the name where the symbol is declared
};

struct SymbolIndex {
  std::vector<Symbol> symbols;
  // In source order. A gate's parameters and qubits are visible inside its declaration only
  // (the parent's decl range).
  std::vector<SymbolUse> uses;
  std::vector<std::string> includes;  // the files it includes, as written ("qelib1.inc")
};

}  // namespace qvet
