#include "cache.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <new>
#include <system_error>

#include <nlohmann/json.hpp>

#include "api/option_table.hpp"
#include "input.hpp"
#include "report/report_codec.hpp"
#include "util/sha256.hpp"

namespace qvet::cli {

namespace {

// Generated at each build from the core's and the CLI's sources (cmake/qvet_build_id.cmake).
constexpr const char* kBuildId =
#include "build_id.inc"
    ;

namespace fs = std::filesystem;

// The options as validate() reads them: every row of the option table that validate takes, as the
// package's JSON would give it (a backend file's configuration included). What the table leaves
// out (the limits no caller can set) is fixed by the build, which the key holds.
std::string options_text(const Options& options) {
  const SimOptions sim;
  nlohmann::json j = nlohmann::json::object();
  for (const OptionRow& row : option_table())
    if (row.calls & kValidateCall) j[row.key] = row.read(options, sim);
  return j.dump();
}

}  // namespace

ReportCache::ReportCache(std::string root) : root_(std::move(root)) {
  if (!root_.empty()) dir_ = (fs::path(root_) / build()).string();
}

std::string ReportCache::build() { return std::string(QVET_VERSION) + "-" + std::string(kBuildId).substr(0, 16); }

std::string ReportCache::key(const std::string& source, const Options& options) const {
  // Lengths first, so no two different (options, source) pairs give the same bytes to hash.
  const std::string opts = options_text(options);
  std::string text = std::to_string(opts.size()) + ":" + opts + std::to_string(source.size()) + ":";
  text += source;
  return sha256_hex(text);
}

bool ReportCache::load(const std::string& key, Report* out) const {
  if (!on()) return false;
  // An entry is a regular file no larger than any report qvet writes; anything else (a link to a
  // device, a huge file, bytes that do not decode, memory running out) is a miss.
  constexpr uintmax_t kMaxEntry = uintmax_t{64} << 20;
  std::error_code ec;
  const fs::path p = fs::path(dir_) / key.substr(0, 2) / key;
  const fs::file_status st = fs::status(p, ec);
  if (ec || !fs::is_regular_file(st) || fs::file_size(p, ec) > kMaxEntry || ec) return false;
  try {
    std::string bytes;
    if (!read_input(p.string(), &bytes) || bytes.size() > kMaxEntry) return false;
    return decode_report(bytes, out);
  } catch (const std::bad_alloc&) {
    *out = Report{};
    return false;
  }
}

void ReportCache::store(const std::string& key, const Report& report) const {
  if (!on()) return;
  std::error_code ec;
  const fs::path folder = fs::path(dir_) / key.substr(0, 2);
  if (!fs::exists(root_, ec)) {
    fs::create_directories(root_, ec);
    if (ec) return;
    if (FILE* f = std::fopen((fs::path(root_) / ".gitignore").string().c_str(), "wb")) {
      std::fputs("# qvet's cache of unchanged files (qvet validate --no-cache skips it)\n*\n", f);
      std::fclose(f);
    }
  }
  fs::create_directories(folder, ec);
  if (ec) return;
  // A name no other process or thread writes (pid, then a counter), renamed over the entry at once.
  static std::atomic<uint64_t> serial{0};
  const fs::path tmp = folder / (key + ".tmp." + std::to_string(getpid()) + "." + std::to_string(serial++));
  const std::string bytes = encode_report(report);
  FILE* f = std::fopen(tmp.string().c_str(), "wb");
  if (!f) return;
  const bool written = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
  const bool closed = std::fclose(f) == 0;
  if (written && closed) fs::rename(tmp, folder / key, ec);
  if (!written || !closed || ec) fs::remove(tmp, ec);
}

}  // namespace qvet::cli
