// A device a circuit may be sent to: its qubits, basis gates, coupling graph, and (when known)
// median gate errors and durations. Built-in profiles are generated from each processor family's
// few numbers (see topology.cpp); users may also give a Qiskit-style configuration as JSON.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace qvet::backend {

using Edge = std::pair<uint32_t, uint32_t>;  // undirected: first < second

struct Backend {
  std::string name;
  std::string processor;  // e.g. "Eagle r3"; empty when unknown
  uint32_t num_qubits = 0;
  std::vector<std::string> basis;            // basis gates, as Qiskit names them
  std::vector<Edge> edges;                   // sorted, unique
  bool directed = false;                     // the source listed some couplers one way only (noted, not modelled)
  std::map<std::string, double> error;       // median gate error by basis gate name
  std::map<std::string, double> duration_s;  // median gate duration by basis gate name, seconds
  double readout_error = -1;                 // median readout error; < 0 when unknown
  double readout_duration_s = -1;            // < 0 when unknown
  std::string source;                        // where the figures come from, for the report

  bool has(std::string_view gate) const;
};

// Coupling graphs, generated from a family's numbers (and a test checks them against the real
// maps in ../shared/data/backends).
std::vector<Edge> eagle_127();
std::vector<Edge> heron_r1_133();
std::vector<Edge> heron_r2_156();
std::vector<Edge> nighthawk_120();
std::vector<Edge> falcon_27();
std::vector<Edge> line(uint32_t n);
std::vector<Edge> ring(uint32_t n);
std::vector<Edge> grid(uint32_t rows, uint32_t cols);
std::vector<Edge> all_to_all(uint32_t n);

// One built-in profile, as `qvet backends` lists it.
struct Profile {
  std::string name, processor;
  uint32_t num_qubits = 0;
  std::vector<std::string> basis;
  size_t couplers = 0;
  std::vector<std::string> devices;  // IBM device names that select this profile
};
std::vector<Profile> profiles();

// A profile by name: a family (eagle-r3), a device (ibm_brisbane), or a generic graph (line-N,
// ring-N, grid-RxC, all-to-all-N, N up to 1024). False with a message when unknown.
bool find_profile(std::string_view name, Backend* out, std::string* error);

// A backend from JSON in the shape of Qiskit's backend configuration: backend_name, n_qubits,
// basis_gates, coupling_map, and optionally gate_errors {gate: p}, gate_durations {gate: seconds},
// readout_error, readout_duration; or an entry of ../shared/data/backends/backends.json (name,
// num_qubits, median_gate_error, median_gate_length_ns, median_readout_error). False with a
// message naming the line and column (or the field) when it is not a usable backend.
bool parse_backend_json(std::string_view text, Backend* out, std::string* error);

}  // namespace qvet::backend

namespace qvet {
struct Options;
namespace backend {
// The backend Options::backend_json or Options::backend names; false with a message.
bool resolve(const Options& options, Backend* out, std::string* error);

}  // namespace backend
}  // namespace qvet
