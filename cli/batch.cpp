#include "batch.hpp"

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "input.hpp"

namespace qvet::cli {

namespace {

void run_one(BatchItem& item, const ReportCache& cache) {
  errno = 0;
  item.read = read_input(item.path, &item.source);
  if (!item.read) {
    item.error = errno;
    return;
  }
  const bool keyed = cache.on() && item.path != "-";
  std::string key;
  if (keyed) {
    key = cache.key(item.source, item.options);
    if ((item.cached = cache.load(key, &item.report))) return;
  }
  item.report = validate(item.source, item.options);
  if (keyed) cache.store(key, item.report);
}

void hand_back(BatchItem& item, const std::function<void(BatchItem&)>& use) {
  use(item);
  std::string().swap(item.source);
  item.report = Report{};
}

}  // namespace

unsigned default_jobs() {
#ifdef __EMSCRIPTEN__
  return 1;
#else
  const unsigned n = std::thread::hardware_concurrency();
  return n ? n : 1;
#endif
}

void validate_batch(std::vector<BatchItem>& items, unsigned jobs, const ReportCache& cache,
                    const std::function<void(BatchItem&)>& use) {
#ifdef __EMSCRIPTEN__
  jobs = 1;  // the CLI's WebAssembly build has no threads
#endif
  jobs = static_cast<unsigned>(std::min<size_t>(jobs, items.size()));
  if (jobs <= 1) {
    for (BatchItem& item : items) {
      run_one(item, cache);
      hand_back(item, use);
    }
    return;
  }
  // Workers take the next item; they stay at most `window` items ahead of what was handed back,
  // so a long list holds a bounded number of sources and reports at once.
  const size_t window = 16 * static_cast<size_t>(jobs);
  std::mutex mutex;
  std::condition_variable changed;
  std::vector<char> done(items.size(), 0);
  size_t next = 0, consumed = 0;
  auto work = [&] {
    for (;;) {
      size_t i;
      {
        std::unique_lock<std::mutex> lock(mutex);
        changed.wait(lock, [&] { return next >= items.size() || next < consumed + window; });
        if (next >= items.size()) return;
        i = next++;
      }
      run_one(items[i], cache);
      {
        std::lock_guard<std::mutex> lock(mutex);
        done[i] = 1;
      }
      changed.notify_all();
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(work);
  for (size_t i = 0; i < items.size(); ++i) {
    {
      std::unique_lock<std::mutex> lock(mutex);
      changed.wait(lock, [&] { return done[i] != 0; });
    }
    hand_back(items[i], use);
    {
      std::lock_guard<std::mutex> lock(mutex);
      consumed = i + 1;
    }
    changed.notify_all();
  }
  for (std::thread& t : threads) t.join();
}

}  // namespace qvet::cli
