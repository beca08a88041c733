#include "backend/layout.hpp"

#include <algorithm>
#include <deque>

namespace qvet::backend {

Graph Graph::from_edges(uint32_t n, const std::vector<Edge>& edges) {
  Graph g(n);
  for (const Edge& e : edges) {
    g.adj[e.first].push_back(e.second);
    g.adj[e.second].push_back(e.first);
  }
  for (auto& a : g.adj) {
    std::sort(a.begin(), a.end());
    a.erase(std::unique(a.begin(), a.end()), a.end());
  }
  return g;
}

bool Graph::has(uint32_t a, uint32_t b) const {
  const auto& n = adj[a];
  return std::binary_search(n.begin(), n.end(), b);
}

bool Graph::bipartite() const {
  std::vector<int8_t> side(adj.size(), -1);
  std::deque<uint32_t> queue;
  for (uint32_t s = 0; s < adj.size(); ++s) {
    if (side[s] >= 0) continue;
    side[s] = 0;
    queue.push_back(s);
    while (!queue.empty()) {
      const uint32_t v = queue.front();
      queue.pop_front();
      for (uint32_t w : adj[v]) {
        if (side[w] < 0) {
          side[w] = static_cast<int8_t>(1 - side[v]);
          queue.push_back(w);
        } else if (side[w] == side[v]) {
          return false;
        }
      }
    }
  }
  return true;
}

std::vector<uint32_t> Graph::distances(uint32_t from) const {
  std::vector<uint32_t> d(adj.size(), UINT32_MAX);
  std::deque<uint32_t> queue{from};
  d[from] = 0;
  while (!queue.empty()) {
    const uint32_t v = queue.front();
    queue.pop_front();
    for (uint32_t w : adj[v])
      if (d[w] == UINT32_MAX) {
        d[w] = d[v] + 1;
        queue.push_back(w);
      }
  }
  return d;
}

LayoutResult find_layout(const Graph& pattern, const Graph& target, uint64_t max_steps) {
  LayoutResult r;
  const uint32_t n = pattern.size(), m = target.size();
  // Necessary conditions first: they settle most impossible cases without a search.
  std::vector<uint32_t> nodes;
  uint32_t max_p = 0, max_t = 0;
  for (uint32_t v = 0; v < n; ++v)
    if (pattern.degree(v) > 0) {
      nodes.push_back(v);
      max_p = std::max(max_p, pattern.degree(v));
    }
  for (uint32_t t = 0; t < m; ++t) max_t = std::max(max_t, target.degree(t));
  if (n > m) {
    r.status = LayoutResult::None;
    r.why = "the circuit has more qubits than the device";
    return r;
  }
  if (max_p > max_t) {
    r.status = LayoutResult::None;
    r.why = "a qubit interacts with " + std::to_string(max_p) + " others, but no device qubit has more than " +
            std::to_string(max_t) + " couplers";
    return r;
  }
  if (target.bipartite() && !pattern.bipartite()) {
    r.status = LayoutResult::None;
    r.why = "the interactions form an odd cycle (a triangle, for instance), which this coupling graph has none of";
    return r;
  }
  // Order: each next node is the one with the most already-ordered neighbours (ties: the higher
  // degree), so candidates come from a mapped neighbour's couplers, not from the whole device.
  std::vector<uint32_t> order;
  std::vector<uint8_t> ordered(n, 0);
  std::vector<uint32_t> links(n, 0);
  while (order.size() < nodes.size()) {
    uint32_t best = UINT32_MAX;
    for (uint32_t v : nodes) {
      if (ordered[v]) continue;
      if (best == UINT32_MAX || links[v] > links[best] ||
          (links[v] == links[best] && pattern.degree(v) > pattern.degree(best)))
        best = v;
    }
    ordered[best] = 1;
    order.push_back(best);
    for (uint32_t w : pattern.adj[best]) ++links[w];
  }
  std::vector<int32_t> map(n, -1);
  std::vector<uint8_t> used(m, 0);
  // anchor[i]: an earlier-ordered neighbour of order[i], or -1 (start of a new component).
  std::vector<int32_t> anchor(order.size(), -1);
  {
    std::vector<int32_t> pos(n, -1);
    for (size_t i = 0; i < order.size(); ++i) pos[order[i]] = static_cast<int32_t>(i);
    for (size_t i = 0; i < order.size(); ++i)
      for (uint32_t w : pattern.adj[order[i]])
        if (pos[w] >= 0 && static_cast<size_t>(pos[w]) < i) {
          anchor[i] = static_cast<int32_t>(w);
          break;
        }
  }
  auto candidates_of = [&](size_t i) -> const std::vector<uint32_t>* {
    return anchor[i] >= 0 ? &target.adj[static_cast<uint32_t>(map[anchor[i]])] : nullptr;
  };
  auto feasible = [&](uint32_t v, uint32_t t) {
    ++r.steps;
    if (used[t] || target.degree(t) < pattern.degree(v)) return false;
    for (uint32_t w : pattern.adj[v])
      if (map[w] >= 0 && !target.has(t, static_cast<uint32_t>(map[w]))) return false;
    return true;
  };
  // Iterative depth-first search; next[i] is the position in node i's candidate list to try next.
  std::vector<uint32_t> next(order.size(), 0);
  size_t i = 0;
  while (true) {
    if (i == order.size()) {
      r.status = LayoutResult::Found;
      break;
    }
    if (r.steps > max_steps) {
      r.status = LayoutResult::Unknown;
      return r;
    }
    const uint32_t v = order[i];
    const std::vector<uint32_t>* cands = candidates_of(i);
    const uint32_t limit = cands ? static_cast<uint32_t>(cands->size()) : m;
    bool placed = false;
    while (next[i] < limit) {
      const uint32_t t = cands ? (*cands)[next[i]] : next[i];
      ++next[i];
      if (feasible(v, t)) {
        map[v] = static_cast<int32_t>(t);
        used[t] = 1;
        placed = true;
        break;
      }
    }
    if (placed) {
      ++i;
      if (i < order.size()) next[i] = 0;
      continue;
    }
    // Exhausted: backtrack.
    next[i] = 0;
    if (i == 0) {
      r.status = LayoutResult::None;
      r.why = "no placement maps every interaction onto a coupler (exhaustive search)";
      return r;
    }
    --i;
    used[static_cast<uint32_t>(map[order[i]])] = 0;
    map[order[i]] = -1;
  }
  // Qubits without interactions take the free device qubits in order.
  uint32_t t = 0;
  for (uint32_t v = 0; v < n; ++v) {
    if (map[v] >= 0) continue;
    while (used[t]) ++t;
    map[v] = static_cast<int32_t>(t);
    used[t] = 1;
  }
  r.physical = std::move(map);
  return r;
}

}  // namespace qvet::backend
