// Is there a placement of the circuit's qubits on the device under which every two-qubit
// interaction lands on a coupler (no SWAP needed)? A subgraph-monomorphism search in the spirit of
// Qiskit's VF2Layout: the circuit's interaction graph into the coupling graph, with a step budget
// (deterministic, the same natively and in WebAssembly) and an honest "unknown" when it runs out.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "backend/backend.hpp"

namespace qvet::backend {

// Adjacency lists of an undirected graph, sorted.
struct Graph {
  std::vector<std::vector<uint32_t>> adj;
  explicit Graph(uint32_t n = 0) : adj(n) {}
  static Graph from_edges(uint32_t n, const std::vector<Edge>& edges);
  bool has(uint32_t a, uint32_t b) const;
  uint32_t size() const { return static_cast<uint32_t>(adj.size()); }
  uint32_t degree(uint32_t v) const { return static_cast<uint32_t>(adj[v].size()); }
  bool bipartite() const;
  // Breadth-first distances from `from` (UINT32_MAX where unreachable).
  std::vector<uint32_t> distances(uint32_t from) const;
};

struct LayoutResult {
  enum Status { Found, None, Unknown } status = Unknown;
  std::vector<int32_t> physical;  // per circuit qubit, when Found
  uint64_t steps = 0;             // candidate checks made
  std::string why;                // for None: the reason it is impossible
};

// `pattern` has one node per circuit qubit (isolated ones included); `target` one per device qubit.
LayoutResult find_layout(const Graph& pattern, const Graph& target, uint64_t max_steps);

}  // namespace qvet::backend
