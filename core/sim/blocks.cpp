#include "sim/blocks.hpp"

#include <algorithm>
#include <vector>

#include "sim/engine.hpp"
#include "sim/fused_kernel.hpp"

namespace qvet::sim {

namespace {

unsigned popcount(uint64_t m) { return static_cast<unsigned>(__builtin_popcountll(m)); }

bool fusable(const Op& op) {
  switch (op.kind) {
    case Op::One:
    case Op::Diag1:
    case Op::Controlled1:
    case Op::Two:
    case Op::Diag2:
    case Op::Swap: return true;
    default: return false;
  }
}

// An op of `in` on the block's own qubits (bit b of a local index is the block's qubit b).
Op localised(const Op& op, const std::vector<unsigned>& qubits) {
  auto local = [&](unsigned q) {
    return static_cast<unsigned>(std::find(qubits.begin(), qubits.end(), q) - qubits.begin());
  };
  Op l = op;
  l.condition = -1;
  l.q0 = local(op.q0);
  if (op.kind == Op::Two || op.kind == Op::Diag2 || op.kind == Op::Swap) l.q1 = local(op.q1);
  l.controls = 0;
  for (unsigned q = 0; q < 64; ++q)
    if ((op.controls >> q) & 1) l.controls |= uint64_t{1} << local(q);
  return l;
}

class Fuser {
 public:
  Fuser(const Program& in, unsigned n, unsigned max_qubits) : in_(in), max_(max_qubits), open_(n, -1) {
    out_.qubits = in.qubits;
  }

  Program run() {
    for (size_t i = 0; i < in_.ops.size(); ++i) {
      const Op& op = in_.ops[i];
      const uint64_t mask = qubit_mask(op);
      if (fusable(op) && popcount(mask) <= max_) {
        if (op.condition >= 0) {
          close_all();  // a condition reads clbits: everything before it stays before it
          emit_block({mask, {static_cast<uint32_t>(i)}}, op.condition, op.src);
        } else {
          add(static_cast<uint32_t>(i), mask);
        }
        continue;
      }
      if (op.condition >= 0 || op.kind == Op::Measure || op.kind == Op::Reset)
        close_all();  // as before fusion: the shared prefix of the trajectories ends here
      else
        close_touching(mask);
      if (op.kind == Op::Dense || op.kind == Op::Prepare)
        out_.add_data_op(in_, op);
      else
        pass_through(op);
    }
    close_all();
    return std::move(out_);
  }

 private:
  struct Block {
    uint64_t mask = 0;
    // Indices into in_.ops in an order that keeps each qubit's gates in program order (merged
    // blocks act on disjoint qubits, so concatenating them is such an order).
    std::vector<uint32_t> ops;
  };

  // Joins op i to the open blocks it touches when all fit in one block; else to the one it fits
  // with best (the one with most gates), closing the rest; else it starts a block of its own.
  void add(uint32_t i, uint64_t mask) {
    std::vector<int> touching;
    for (unsigned q = 0; q < open_.size(); ++q)
      if (((mask >> q) & 1) && open_[q] >= 0 && std::find(touching.begin(), touching.end(), open_[q]) == touching.end())
        touching.push_back(open_[q]);
    uint64_t all = mask;
    for (int b : touching) all |= blocks_[b].mask;
    int into = -1;
    if (popcount(all) <= max_) {
      std::sort(touching.begin(), touching.end());  // older blocks first: their gates came first
      into = touching.empty() ? -1 : touching.front();
      for (size_t t = 1; t < touching.size(); ++t) {
        Block& from = blocks_[touching[t]];
        Block& to = blocks_[into];
        to.ops.insert(to.ops.end(), from.ops.begin(), from.ops.end());
        to.mask |= from.mask;
        retire(touching[t]);
      }
    } else {
      for (int b : touching)
        if (popcount(blocks_[b].mask | mask) <= max_ && (into < 0 || blocks_[b].ops.size() > blocks_[into].ops.size()))
          into = b;
      for (int b : touching)
        if (b != into) close(b);
    }
    if (into < 0) {
      into = static_cast<int>(blocks_.size());
      blocks_.push_back({});
      live_.push_back(1);
    }
    Block& block = blocks_[into];
    block.mask |= mask;
    block.ops.push_back(i);
    for (unsigned q = 0; q < open_.size(); ++q)
      if ((block.mask >> q) & 1) open_[q] = into;
  }

  void retire(int b) {
    for (int& o : open_)
      if (o == b) o = -1;
    live_[b] = 0;
  }
  void close(int b) {
    if (!live_[b]) return;
    emit_block(blocks_[b], -1, in_.ops[blocks_[b].ops.front()].src);
    retire(b);
    blocks_[b] = {};
  }
  void close_touching(uint64_t mask) {
    for (unsigned q = 0; q < open_.size(); ++q)
      if (((mask >> q) & 1) && open_[q] >= 0) close(open_[q]);
  }
  void close_all() {
    for (size_t b = 0; b < blocks_.size(); ++b) close(static_cast<int>(b));
    blocks_.clear();
    live_.clear();
  }

  // The block's matrix, column by column: each basis state of its qubits run through its gates.
  void emit_block(const Block& block, int32_t condition, uint32_t src) {
    std::vector<unsigned> qubits;
    for (unsigned q = 0; q < 64; ++q)
      if ((block.mask >> q) & 1) qubits.push_back(q);
    const unsigned k = static_cast<unsigned>(qubits.size());
    const size_t dim = size_t{1} << k;
    std::vector<Op> local;  // their matrices stay in in_.mats
    for (uint32_t i : block.ops) local.push_back(localised(in_.ops[i], qubits));
    Op fused;
    fused.kind = Op::Fused;
    fused.q0 = static_cast<unsigned>(out_.qubits.size());
    fused.q1 = k;
    fused.controls = block.mask;
    fused.condition = condition;
    fused.src = src;
    fused.mat = static_cast<uint32_t>(out_.mats.size());
    out_.qubits.insert(out_.qubits.end(), qubits.begin(), qubits.end());
    out_.mats.resize(out_.mats.size() + dim * dim);
    std::vector<cd> column(dim);
    for (size_t c = 0; c < dim; ++c) {
      std::fill(column.begin(), column.end(), cd(0));
      column[c] = 1;
      for (const Op& op : local) apply(in_, op, column.data(), k);
      for (size_t r = 0; r < dim; ++r) out_.mats[fused.mat + r * dim + c] = column[r];
    }
    out_.ops.push_back(fused);
  }

  void pass_through(const Op& op) {
    Op copy = op;
    if (op.kind == Op::Controlled1 || op.kind == Op::One || op.kind == Op::Diag1) {
      copy.mat = static_cast<uint32_t>(out_.mats.size());
      out_.mats.insert(out_.mats.end(), in_.mats.begin() + op.mat, in_.mats.begin() + op.mat + 4);
    } else if (op.kind == Op::Two || op.kind == Op::Diag2) {
      copy.mat = static_cast<uint32_t>(out_.mats.size());
      out_.mats.insert(out_.mats.end(), in_.mats.begin() + op.mat, in_.mats.begin() + op.mat + 16);
    }
    out_.ops.push_back(copy);
  }

  const Program& in_;
  const unsigned max_;
  Program out_;
  std::vector<Block> blocks_;
  std::vector<uint8_t> live_;
  std::vector<int> open_;  // per qubit: the open block on it, or -1
};

}  // namespace

Program fuse_blocks(const Program& in, unsigned n, unsigned max_qubits) {
  return Fuser(in, n, std::min(max_qubits, kMaxFusedQubits)).run();
}

}  // namespace qvet::sim
