// A symbol table for the front ends: names (views into the source or into the gate table) to
// values, with open addressing and FNV-1a. Register and gate names are short, and this lookup
// runs for every operand of every statement, so it is kept cheaper than std::unordered_map.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

namespace qvet {

template <class V>
class NameTable {
 public:
  NameTable() : slots_(64) {}

  const V* find(std::string_view key) const {
    size_t mask = slots_.size() - 1;
    for (size_t i = hash(key) & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (!s.used) return nullptr;
      if (s.key == key) return &s.value;
    }
  }

  // Inserts or replaces.
  void assign(std::string_view key, const V& value) {
    if (2 * (size_ + 1) > slots_.size()) grow();
    size_t mask = slots_.size() - 1;
    for (size_t i = hash(key) & mask;; i = (i + 1) & mask) {
      Slot& s = slots_[i];
      if (!s.used) {
        s = {key, value, true};
        ++size_;
        return;
      }
      if (s.key == key) {
        s.value = value;
        return;
      }
    }
  }

 private:
  struct Slot {
    std::string_view key;
    V value{};
    bool used = false;
  };
  static uint64_t hash(std::string_view s) {
    uint64_t h = 1469598103934665603ull;
    for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    return h ^ (h >> 29);
  }
  void grow() {
    std::vector<Slot> old;
    old.swap(slots_);
    slots_.assign(old.size() * 2, Slot{});
    size_ = 0;
    for (const Slot& s : old)
      if (s.used) assign(s.key, s.value);
  }

  std::vector<Slot> slots_;  // size is a power of two, at most half full
  size_t size_ = 0;
};

}  // namespace qvet
