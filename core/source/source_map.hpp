// Maps byte offsets of one source buffer to line/column spans, and checks the bytes are text.
#pragma once
#include <string_view>
#include <vector>

#include "diagnostics/sink.hpp"

namespace qvet {

class SourceMap {
 public:
  explicit SourceMap(std::string_view src);

  // Span covering [offset, offset + length), clamped to the source.
  Span span(size_t offset, size_t length) const;
  // Text of the 1-based line, without its newline.
  std::string_view line_text(uint32_t line) const;
  std::string_view source() const { return src_; }

 private:
  uint32_t line_of(size_t offset) const;
  uint32_t column_of(uint32_t line, size_t offset) const;
  // Extends the line index over src_[0, end): spans are asked for mostly in source order, so
  // the whole index costs one pass at most, and a valid file that needs few spans pays little.
  void index_to(size_t end) const;

  std::string_view src_;
  mutable std::vector<size_t> line_starts_{0};
  mutable size_t indexed_ = 0;
};

// Returns the byte offset of the first byte that is not valid UTF-8, or npos if all valid.
size_t find_invalid_utf8(std::string_view s);

}  // namespace qvet
