#include "input.hpp"

#include <unistd.h>

#include <cstdio>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
// Node's answer, which knows a pipe from a terminal.
EM_JS(int, qvet_node_isatty, (int fd), { return require('tty').isatty(fd) ? 1 : 0; });
#endif

namespace qvet::cli {

// A file is read with one fread into a buffer of its size (a 3 MB circuit costs one copy, not the
// three of a stringstream); standard input, whose size is unknown, in 64 KiB chunks.
bool read_input(const std::string& path, std::string* out) {
  out->clear();
  FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (!f) return false;
  long size = -1;
  if (f != stdin && std::fseek(f, 0, SEEK_END) == 0) {
    size = std::ftell(f);
    std::rewind(f);
  }
  if (size > 0) {
    out->resize(static_cast<size_t>(size));
    out->resize(std::fread(out->data(), 1, out->size(), f));
  }
  // The rest (all of it for a pipe, or whatever grew since the size was taken).
  char chunk[1 << 16];
  for (size_t got; (got = std::fread(chunk, 1, sizeof chunk, f)) > 0;) out->append(chunk, got);
  const bool ok = !std::ferror(f);
  if (f != stdin) std::fclose(f);
  return ok;
}

bool is_terminal(int fd) {
#ifdef __EMSCRIPTEN__
  return qvet_node_isatty(fd) != 0;
#else
  return isatty(fd) != 0;
#endif
}

}  // namespace qvet::cli
