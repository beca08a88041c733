#include "sim/pool.hpp"

#include <algorithm>

namespace qvet::sim {

namespace {
#if defined(__EMSCRIPTEN__) && !defined(__EMSCRIPTEN_PTHREADS__)
constexpr bool kThreads = false;
#else
constexpr bool kThreads = true;
#endif
#ifdef __EMSCRIPTEN_PTHREADS__
// A thread here is a Web Worker from the pool the module starts with (-sPTHREAD_POOL_SIZE): one
// started later would only load once the calling worker yields, which a waiting pool never does.
// So the pool holds min(cores, this) - 1 workers (wasm/js/threads.mjs) and no more are asked for.
constexpr unsigned kMaxWasmThreads = 8;
#endif

// Part `i` of `parts` of [0, count): the first count % parts parts get one item more.
void part_bounds(uint64_t count, unsigned parts, unsigned i, uint64_t* begin, uint64_t* end) {
  const uint64_t base = count / parts, extra = count % parts;
  *begin = i * base + std::min<uint64_t>(i, extra);
  *end = *begin + base + (i < extra ? 1 : 0);
}
}  // namespace

unsigned Pool::available() {
  if (!kThreads) return 1;
  const unsigned n = std::thread::hardware_concurrency();
#ifdef __EMSCRIPTEN_PTHREADS__
  return std::min(n ? n : 1, kMaxWasmThreads);
#else
  return n ? n : 1;
#endif
}

Pool::Pool(unsigned threads) {
  if (!kThreads) return;
  unsigned want = threads ? threads : available();
#ifdef __EMSCRIPTEN_PTHREADS__
  want = std::min(want, available());
#endif
  for (unsigned i = 1; i < want; ++i) workers_.emplace_back([this, i] { work(i); });
}

Pool::~Pool() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  for (std::thread& t : workers_) t.join();
}

void Pool::work(unsigned index) {
  uint64_t seen = 0;
  for (;;) {
    std::unique_lock<std::mutex> lock(mutex_);
    wake_.wait(lock, [&] { return stop_ || generation_ != seen; });
    if (stop_) return;
    seen = generation_;
    if (index >= parts_) continue;  // this range was split into fewer parts
    const std::function<void(uint64_t, uint64_t)>* body = body_;
    uint64_t begin = 0, end = 0;
    part_bounds(count_, parts_, index, &begin, &end);
    lock.unlock();
    (*body)(begin, end);
    lock.lock();
    if (--pending_ == 0) done_.notify_one();
  }
}

void Pool::for_range(uint64_t count, uint64_t min_part, const std::function<void(uint64_t, uint64_t)>& body) {
  const uint64_t by_size = min_part ? std::max<uint64_t>(count / min_part, 1) : count;
  const unsigned parts = static_cast<unsigned>(std::min<uint64_t>(threads(), by_size));
  if (parts <= 1) {
    if (count) body(0, count);
    return;
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    body_ = &body;
    count_ = count;
    parts_ = parts;
    pending_ = parts - 1;
    ++generation_;
  }
  wake_.notify_all();
  uint64_t begin = 0, end = 0;
  part_bounds(count, parts, 0, &begin, &end);
  body(begin, end);
  std::unique_lock<std::mutex> lock(mutex_);
  done_.wait(lock, [&] { return pending_ == 0; });
}

}  // namespace qvet::sim
