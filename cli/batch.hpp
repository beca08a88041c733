// Validating many files at once (qvet validate FILE...): on several threads, with each result
// handed back in input order as soon as it and every one before it are done, so the output
// streams and never depends on which thread finished first. The core's state per validation is
// its own (its caches are thread_local), so validations run side by side unchanged.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "cache.hpp"
#include "qvet.hpp"

namespace qvet::cli {

struct BatchItem {
  std::string path;   // as given ("-" for standard input)
  Options options;    // its own: its .qvet.json, then the flags
  bool read = false;  // false: it could not be read, and `error` is the errno
  int error = 0;
  std::string source;  // its text, until it is handed back
  Report report;
  bool cached = false;  // the report came from the cache of unchanged files
};

// Reads and validates every item on up to `jobs` threads (1: on this one), and calls `use` on
// each, in order, on this thread; an item's source and report are freed after its call. A file
// (not standard input) whose report `cache` holds is not validated again; a new report is stored.
void validate_batch(std::vector<BatchItem>& items, unsigned jobs, const ReportCache& cache,
                    const std::function<void(BatchItem&)>& use);

// Every core, or 1 where there are no threads (WebAssembly on Node).
unsigned default_jobs();

}  // namespace qvet::cli
