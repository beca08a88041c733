// The CLI's operator new: the C library's malloc, and for a block of 2 MiB or more (a large
// circuit's instruction list, qubit pool, source text) a request for transparent huge pages over
// it. A 3 MB circuit touches about 15 MB of fresh memory once; faulted in 4 KiB at a time that
// was a third of the whole process's time (README, "Performance"), in 2 MiB pages it is a few
// hundred faults. Only the CLI does this: the core allocates as its host does, and WebAssembly has
// no pages to ask for. Where the kernel does not offer huge pages, madvise fails and nothing changes.
#include <cstdint>
#include <cstdlib>
#include <new>

// Not under AddressSanitizer: its own operator new pairs with its operator delete, and a malloc
// freed by it would be reported as a mismatch.
#if defined(__SANITIZE_ADDRESS__)
#define QVET_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define QVET_ASAN 1
#endif
#endif
#if defined(__linux__) && !defined(QVET_ASAN)
#include <sys/mman.h>
#define QVET_HUGE_PAGES 1
#endif

#if QVET_HUGE_PAGES
namespace {
constexpr std::size_t kHugePage = std::size_t{2} << 20;
constexpr std::size_t kLargeBlock = std::size_t{2} << 20;

void advise_huge(void* p, std::size_t n) {
  const auto begin = reinterpret_cast<std::uintptr_t>(p);
  const std::uintptr_t first = (begin + kHugePage - 1) & ~(kHugePage - 1);
  const std::uintptr_t last = (begin + n) & ~(kHugePage - 1);
  if (last > first) madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
}
}  // namespace

// operator delete stays the library's (it frees what malloc gave).
void* operator new(std::size_t n) {
  void* p = std::malloc(n ? n : 1);
  if (!p) throw std::bad_alloc();
  if (n >= kLargeBlock) advise_huge(p, n);
  return p;
}
void* operator new[](std::size_t n) { return ::operator new(n); }
#endif
