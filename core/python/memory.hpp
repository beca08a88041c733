// The memory the Python values of one program take, counted while they live. Lists, tuples and
// dicts allocate their elements through CountedAllocator, and strings are CountedString, so every
// byte a program's values hold is charged when it is allocated and given back when it is freed.
// An allocation that would take the total past the budget throws MemoryBound before anything is
// allocated; the interpreter turns it into E615 at the statement that asked for it. Counting the
// bytes, not the elements, is what keeps `list(range(10**12))` from taking gigabytes first: the
// elements are about 100 bytes each.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <type_traits>

namespace qvet::python {

// What the budget charges is a model of a 64-bit build's memory, the same on every platform: the
// CLI and the WebAssembly package (32-bit pointers, another standard library, another string
// layout) must stop the same program at the same statement with the same report. So an element is
// charged its size in an x86-64 build (ChargedBytes, checked there by static_asserts), and a string
// its length plus a 64-bit std::string's header, whatever its capacity.
template <class T>
struct ChargedBytes;  // specialised for each element type a CountedAllocator holds
template <class T>
struct ChargedBytes<T*> {
  static constexpr size_t value = 8;
};
constexpr size_t kChargedStringHeader = 40;  // sizeof(CountedString) in an x86-64 build

struct MemoryBound {};  // what the budget throws: caught per statement (frontend.cpp)

class ValueMemory {
 public:
  // Counts on this thread while it lives (python::parse holds one); without one, nothing is counted.
  class Scope {
   public:
    explicit Scope(uint64_t limit);
    ~Scope();
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;
    uint64_t live() const { return live_; }
    uint64_t peak() const { return peak_; }

   private:
    friend class ValueMemory;
    uint64_t limit_, live_ = 0, peak_ = 0;
    Scope* outer_;
  };
  static void charge(size_t bytes);  // throws MemoryBound when the live total would pass the limit
  static void release(size_t bytes) noexcept;
};

template <class T>
struct CountedAllocator {
  using value_type = T;
  static constexpr size_t kElementBytes = ChargedBytes<T>::value;
  CountedAllocator() = default;
  template <class U>
  CountedAllocator(const CountedAllocator<U>&) noexcept {}  // NOLINT(google-explicit-constructor): as std::allocator
  T* allocate(size_t n) {
    ValueMemory::charge(n * kElementBytes);
    try {
      return std::allocator<T>().allocate(n);
    } catch (...) {
      ValueMemory::release(n * kElementBytes);
      throw;
    }
  }
  void deallocate(T* p, size_t n) noexcept {
    std::allocator<T>().deallocate(p, n);
    ValueMemory::release(n * kElementBytes);
  }
  friend bool operator==(const CountedAllocator&, const CountedAllocator&) { return true; }
  friend bool operator!=(const CountedAllocator&, const CountedAllocator&) { return false; }
};

// A string value's text. Python strings never change once made, so what it holds is charged once,
// when it is made, and given back when the last Value holding it goes.
// Its length is charged, not its capacity: how far a string over-allocates depends on the library.
class CountedString : public std::string {
 public:
  explicit CountedString(std::string&& s) : std::string(std::move(s)), charged_(size() + kChargedStringHeader) {
    ValueMemory::charge(charged_);
  }
  ~CountedString() { ValueMemory::release(charged_); }
  CountedString(const CountedString&) = delete;
  CountedString& operator=(const CountedString&) = delete;

 private:
  size_t charged_;
};

}  // namespace qvet::python
