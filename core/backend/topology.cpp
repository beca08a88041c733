// Coupling graphs of IBM's processor families, generated as ../shared/data/backends/README.md
// describes them: rows of qubits on a column grid, joined by bridge qubits every 4 columns (the
// heavy-hex lattice), or a square grid (Nighthawk). Each function returns sorted undirected edges.
#include <algorithm>

#include "backend/backend.hpp"

namespace qvet::backend {

namespace {

struct Row {
  uint32_t first;      // qubit number of the row's leftmost qubit
  uint32_t first_col;  // its column
  uint32_t count;
};
struct Bridges {
  uint32_t first;              // qubit number of the layer's first bridge
  std::vector<uint32_t> cols;  // columns, left to right
  int upper, lower;            // rows it joins (lower < 0: hangs below `upper` only)
};

class Builder {
 public:
  void add(uint32_t a, uint32_t b) { edges_.emplace_back(std::min(a, b), std::max(a, b)); }
  std::vector<Edge> done() {
    std::sort(edges_.begin(), edges_.end());
    edges_.erase(std::unique(edges_.begin(), edges_.end()), edges_.end());
    return std::move(edges_);
  }

 private:
  std::vector<Edge> edges_;
};

uint32_t at(const Row& r, uint32_t col) { return r.first + (col - r.first_col); }

std::vector<Edge> heavy_hex(const std::vector<Row>& rows, const std::vector<Bridges>& layers) {
  Builder b;
  for (const Row& r : rows)
    for (uint32_t i = 0; i + 1 < r.count; ++i) b.add(r.first + i, r.first + i + 1);
  for (const Bridges& l : layers)
    for (size_t k = 0; k < l.cols.size(); ++k) {
      const uint32_t q = l.first + static_cast<uint32_t>(k);
      b.add(at(rows[l.upper], l.cols[k]), q);
      if (l.lower >= 0) b.add(q, at(rows[l.lower], l.cols[k]));
    }
  return b.done();
}

const std::vector<uint32_t> kEven = {0, 4, 8, 12}, kOdd = {2, 6, 10, 14};

}  // namespace

std::vector<Edge> eagle_127() {
  const std::vector<Row> rows = {{0, 0, 14},  {18, 0, 15}, {37, 0, 15}, {56, 0, 15},
                                 {75, 0, 15}, {94, 0, 15}, {113, 1, 14}};
  return heavy_hex(
      rows,
      {{14, kEven, 0, 1}, {33, kOdd, 1, 2}, {52, kEven, 2, 3}, {71, kOdd, 3, 4}, {90, kEven, 4, 5}, {109, kOdd, 5, 6}});
}

std::vector<Edge> heron_r1_133() {
  std::vector<Row> rows;
  std::vector<Bridges> layers;
  for (uint32_t r = 0; r < 7; ++r) {
    rows.push_back({19 * r, 0, 15});
    layers.push_back({19 * r + 15, r % 2 ? kOdd : kEven, static_cast<int>(r), r < 6 ? static_cast<int>(r) + 1 : -1});
  }
  return heavy_hex(rows, layers);
}

std::vector<Edge> heron_r2_156() {
  std::vector<Row> rows;
  std::vector<Bridges> layers;
  for (uint32_t r = 0; r < 8; ++r) rows.push_back({20 * r, 0, 16});
  for (uint32_t r = 0; r < 7; ++r)
    layers.push_back({20 * r + 16, r % 2 ? std::vector<uint32_t>{1, 5, 9, 13} : std::vector<uint32_t>{3, 7, 11, 15},
                      static_cast<int>(r), static_cast<int>(r) + 1});
  return heavy_hex(rows, layers);
}

std::vector<Edge> nighthawk_120() { return grid(12, 10); }

// The 27-qubit Falcon is numbered column by column, so its rows are lists, not ranges.
std::vector<Edge> falcon_27() {
  const uint32_t top[] = {0, 1, 4, 7, 10, 12, 15, 18, 21, 23};      // columns 0-9
  const uint32_t bottom[] = {3, 5, 8, 11, 14, 16, 19, 22, 25, 26};  // columns 1-10
  Builder b;
  for (int i = 0; i + 1 < 10; ++i) {
    b.add(top[i], top[i + 1]);
    b.add(bottom[i], bottom[i + 1]);
  }
  const uint32_t bridges[][2] = {{2, 1}, {13, 5}, {24, 9}};  // qubit, column
  for (const auto& br : bridges) {
    b.add(top[br[1]], br[0]);
    b.add(br[0], bottom[br[1] - 1]);
  }
  b.add(6, top[3]);
  b.add(17, top[7]);
  b.add(9, bottom[3 - 1]);
  b.add(20, bottom[7 - 1]);
  return b.done();
}

std::vector<Edge> line(uint32_t n) {
  Builder b;
  for (uint32_t i = 0; i + 1 < n; ++i) b.add(i, i + 1);
  return b.done();
}

std::vector<Edge> ring(uint32_t n) {
  Builder b;
  for (uint32_t i = 0; i + 1 < n; ++i) b.add(i, i + 1);
  if (n > 2) b.add(n - 1, 0);
  return b.done();
}

std::vector<Edge> grid(uint32_t rows, uint32_t cols) {
  Builder b;
  for (uint32_t r = 0; r < rows; ++r)
    for (uint32_t c = 0; c < cols; ++c) {
      const uint32_t q = r * cols + c;
      if (c + 1 < cols) b.add(q, q + 1);
      if (r + 1 < rows) b.add(q, q + cols);
    }
  return b.done();
}

std::vector<Edge> all_to_all(uint32_t n) {
  Builder b;
  for (uint32_t i = 0; i < n; ++i)
    for (uint32_t j = i + 1; j < n; ++j) b.add(i, j);
  return b.done();
}

}  // namespace qvet::backend
