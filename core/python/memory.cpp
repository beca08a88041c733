#include "python/memory.hpp"

#include "util/thread_local.hpp"

namespace qvet::python {

namespace {
QVET_THREAD_LOCAL ValueMemory::Scope* current = nullptr;
}

ValueMemory::Scope::Scope(uint64_t limit) : limit_(limit), outer_(current) { current = this; }

ValueMemory::Scope::~Scope() { current = outer_; }

void ValueMemory::charge(size_t bytes) {
  Scope* s = current;
  if (!s) return;
  if (bytes > s->limit_ || s->live_ > s->limit_ - bytes) throw MemoryBound{};
  s->live_ += bytes;
  if (s->live_ > s->peak_) s->peak_ = s->live_;
}

void ValueMemory::release(size_t bytes) noexcept {
  Scope* s = current;
  if (!s) return;
  s->live_ = bytes > s->live_ ? 0 : s->live_ - bytes;
}

}  // namespace qvet::python
