// The cache of unchanged files (qvet validate): each report is kept under a key that is SHA-256
// over qvet's build id (its version and a hash of its sources), the options that reach validate()
// and the file's bytes, so a file validated before with the same options by the same qvet is not
// validated again, as ruff and mypy keep theirs. On by default in .qvet_cache of the current
// folder; --cache-dir DIR (or QVET_CACHE_DIR) moves it, --no-cache turns it off.
//
// Entries are files of their own, DIR/<build>/<first two hex digits>/<key>, written to a name of
// their own and renamed into place, so runs side by side and --jobs threads never read a torn
// one; an entry that does not decode is a miss and is written again. DIR holds a .gitignore of
// "*", so it never reaches a commit. Nothing here fails a run: a folder that cannot be written
// leaves every file to be validated as without a cache.
#pragma once
#include <string>

#include "qvet.hpp"

namespace qvet::cli {

class ReportCache {
 public:
  ReportCache() = default;                 // off
  explicit ReportCache(std::string root);  // under root (made when first written)
  bool on() const { return !dir_.empty(); }
  std::string key(const std::string& source, const Options& options) const;
  bool load(const std::string& key, Report* out) const;
  void store(const std::string& key, const Report& report) const;

  // qvet's version and build id, the entries' folder name.
  static std::string build();

 private:
  std::string root_, dir_;
};

}  // namespace qvet::cli
