#include "source/source_map.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace qvet {

SourceMap::SourceMap(std::string_view src) : src_(src) {}

void SourceMap::index_to(size_t end) const {
  end = std::min(end, src_.size());
  while (indexed_ < end) {
    const void* nl = std::memchr(src_.data() + indexed_, '\n', end - indexed_);
    if (!nl) {
      indexed_ = end;
      break;
    }
    size_t i = static_cast<size_t>(static_cast<const char*>(nl) - src_.data());
    line_starts_.push_back(i + 1);
    indexed_ = i + 1;
  }
}

uint32_t SourceMap::line_of(size_t offset) const {
  index_to(offset);
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  return static_cast<uint32_t>(it - line_starts_.begin());
}

uint32_t SourceMap::column_of(uint32_t line, size_t offset) const {
  uint32_t col = 1;
  for (size_t i = line_starts_[line - 1]; i < offset && i < src_.size(); ++i) {
    // UTF-8 continuation bytes do not start a new code point.
    if ((static_cast<unsigned char>(src_[i]) & 0xC0) != 0x80) ++col;
  }
  return col;
}

Span SourceMap::span(size_t offset, size_t length) const {
  offset = std::min(offset, src_.size());
  length = std::min(length, src_.size() - offset);
  Span s;
  s.offset = static_cast<uint32_t>(offset);
  s.length = static_cast<uint32_t>(length);
  s.line = line_of(offset);
  s.column = column_of(s.line, offset);
  size_t end = offset + length;
  s.end_line = line_of(end);
  s.end_column = column_of(s.end_line, end);
  return s;
}

std::string_view SourceMap::line_text(uint32_t line) const {
  while (line_starts_.size() <= line && indexed_ < src_.size()) index_to(indexed_ + 4096);
  if (line == 0 || line > line_starts_.size()) return {};
  size_t b = line_starts_[line - 1];
  size_t e = line < line_starts_.size() ? line_starts_[line] - 1 : src_.size();
  if (e > b && src_[e - 1] == '\r') --e;
  return src_.substr(b, e - b);
}

size_t find_invalid_utf8(std::string_view s) {
  size_t i = 0, n = s.size();
  while (i < n) {
    // ASCII runs, 8 bytes at a time.
    while (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      if (w & 0x8080808080808080ull) break;
      i += 8;
    }
    if (i >= n) break;
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    uint32_t cp;
    if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else
      return i;
    if (i + len > n) return i;
    for (size_t k = 1; k < len; ++k) {
      unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (cc & 0x3F);
    }
    // Reject overlong forms, surrogates and code points past U+10FFFF.
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
      return i;
    i += len;
  }
  return std::string_view::npos;
}

}  // namespace qvet
