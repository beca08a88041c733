// The simulator's thread pool, the one place the core starts threads: a kernel splits its range of
// independent amplitude groups into one part a thread, and the calling thread works on a part too.
// In a WebAssembly build without pthreads it has one thread and runs every range at once; with
// them (the threaded module), at most one a core, up to 8.
#pragma once
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace qvet::sim {

class Pool {
 public:
  // `threads` 0 means one a core.
  explicit Pool(unsigned threads);
  ~Pool();
  Pool(const Pool&) = delete;
  Pool& operator=(const Pool&) = delete;

  unsigned threads() const { return static_cast<unsigned>(workers_.size()) + 1; }
  // Runs body(begin, end) over [0, count), split into at most threads() parts of at least
  // min_part items each (less work than that is not worth waking a thread for).
  void for_range(uint64_t count, uint64_t min_part, const std::function<void(uint64_t, uint64_t)>& body);

  // What `threads` 0 means here: the cores this process may use (1 where threads are unavailable).
  static unsigned available();

 private:
  void work(unsigned index);

  std::vector<std::thread> workers_;
  std::mutex mutex_;
  std::condition_variable wake_, done_;
  const std::function<void(uint64_t, uint64_t)>* body_ = nullptr;
  uint64_t count_ = 0;
  unsigned parts_ = 0;
  unsigned pending_ = 0;
  uint64_t generation_ = 0;
  bool stop_ = false;
};

}  // namespace qvet::sim
