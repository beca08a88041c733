// What a caller can ask of qvet: the input format, strictness, report contents, a backend to check
// against, the limits that bound every input, and the simulator's settings. The fields the CLI and
// the npm package can set are listed, with their flags and keys, in docs/options.md.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace qvet {

enum class Format { Auto, Qasm2, Qasm3, Python };

// Every limit exists so that no input can make the core hang or allocate without bound. The
// defaults are roomy: every QASMBench circuit and a generated 10^6-gate circuit fit well inside.
struct Limits {
  uint64_t max_source_bytes = 64u << 20;   // 64 MiB: 20x the largest corpus file
  uint64_t max_qubits = 1u << 20;          // total over all qregs
  uint64_t max_clbits = 1u << 20;          // total over all cregs
  uint64_t max_instructions = 5'000'000;   // after broadcasting; ~40 bytes each
  uint32_t max_gate_nesting = 100;         // gate-definition depth; bounds expansion recursion
  uint64_t max_expanded_ops = 50'000'000;  // instructions after expanding custom gates
  uint32_t max_expr_depth = 128;           // nested parentheses/unary ops; bounds parser recursion
  uint32_t max_diagnostics = 100;          // errors and warnings kept in one report
  // Python: the step budget. Each expression evaluated, statement run, loop iteration and element
  // or character a builtin builds costs a step (a call four); it bounds the time the interpreter
  // takes, whatever the code's loops and recursion (a quarter of a second natively).
  uint64_t max_python_steps = 10'000'000;
  // Python: bytes the program's values hold at once (lists, tuples, dicts, strings, functions, and
  // the circuits it builds, their instructions included), counted as they are allocated.
  uint64_t max_python_bytes = 128u << 20;
  // OpenQASM 3: tokens read while running loops and subroutines (a loop body or a subroutine is
  // read again for each iteration or call); bounds the time its classical control can take.
  uint64_t max_qasm3_steps = 20'000'000;
  uint64_t max_layout_steps = 2'000'000;  // backend: candidate checks of the SWAP-free layout search
};

// Which diagnostics to report, by code (docs/diagnostics.md), on top of each code's default. A
// source's own comments (`// qvet: disable-next-line W204`, `# qvet: disable=W204`) switch codes
// off for a line or the file as well. Errors are never switched off or made warnings: they say
// the circuit cannot be read as written (what --strict makes errors is the exception: --warning
// takes it back). The CLI reads the same from a .qvet.json.
struct RuleOptions {
  std::vector<std::string> disable;  // warnings and infos not to report
  std::vector<std::string> enable;   // codes that are off by default, to report
  std::vector<std::string> error;    // warnings to report as errors: the circuit is then invalid
  std::vector<std::string> warning;  // codes --strict makes errors, kept as warnings
};

struct Options {
  Format format = Format::Auto;
  bool strict = false;              // warnings for departures from the language paper become errors
  bool include_operations = false;  // list every instruction with its layer in the report
  uint64_t max_operations = 0;      // with include_operations: only the first this many (0: all)
  std::string circuit;              // Python: the variable holding the circuit (default: the last built)
  // A device to check the circuit against: a profile or device name (see backend_profiles()), or
  // the text of a Qiskit-style backend configuration in JSON (backend_json wins when both are set).
  std::string backend;
  std::string backend_json;
  RuleOptions rules;
  Limits limits;
};

// ---- simulation

#ifdef __EMSCRIPTEN__
constexpr unsigned kDefaultSimQubits = 24;                 // 256 MiB of amplitudes in a browser tab
constexpr uint64_t kDefaultSimMemory = uint64_t{1} << 30;  // 1 GiB
#else
constexpr unsigned kDefaultSimQubits = 28;                 // 4 GiB of amplitudes
constexpr uint64_t kDefaultSimMemory = uint64_t{9} << 30;  // 9 GiB
#endif

enum class Precision { Double, Single };  // of the amplitudes: single halves the memory

struct SimOptions {
  uint64_t shots = 1024;
  Precision precision = Precision::Double;
  unsigned threads = 0;  // 0: every core (WebAssembly without threads: one)
  uint64_t seed = 0;
  bool statevector = false;  // include the final state's amplitudes
  unsigned max_qubits = kDefaultSimQubits;
  uint64_t max_memory_bytes = kDefaultSimMemory;  // computed before anything is allocated
  uint64_t max_shots = 1'000'000;                 // each distinct outcome is a counts entry: bounds memory and JSON
  unsigned all_probabilities_up_to = 12;          // list every probability up to this many qubits...
  unsigned top_k = 32;                            // ...and the k largest beyond
  unsigned max_statevector_qubits = 16;           // amplitudes in the report (JSON size)
  // Mid-circuit measurement runs one trajectory per shot; this bounds shots x 2^n x ops.
  uint64_t max_trajectory_work = uint64_t{1} << 34;
  std::vector<std::string> paulis;  // expectation values, e.g. "ZZI" (qubit 0 rightmost)
  // Values of the circuit's Parameters (Qiskit Python input), by name: every one must be given.
  std::vector<std::pair<std::string, double>> parameters;
  // Called on the calling thread with the fraction of the work done (0 < f <= 1), at most about a
  // hundred times a run and never from the pool's threads: a page's worker posts it to show a
  // long simulation's progress. Not an option of the table: a caller's hook, not a setting.
  std::function<void(double)> progress;
};

}  // namespace qvet
