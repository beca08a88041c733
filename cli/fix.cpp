#include "fix.hpp"

#include <algorithm>

namespace qvet::cli {

Fixed apply_fixes(const std::string& source, const Report& report) {
  struct Edit {
    size_t from, to;
    std::string text;
  };
  std::vector<Edit> taken;
  Fixed out;
  for (const Diagnostic& d : report.diagnostics) {
    if (d.fixes.empty()) continue;
    const Fix& f = d.fixes[0];
    bool clash = false;
    for (const TextEdit& e : f.edits) {
      const size_t from = e.span.offset, to = from + e.span.length;
      if (to > source.size()) clash = true;
      for (const Edit& t : taken)  // overlapping, or two insertions at one place: order unknown
        if ((from < t.to && t.from < to) || (from == t.from && (from == to || t.from == t.to))) clash = true;
    }
    if (clash) continue;
    for (const TextEdit& e : f.edits) taken.push_back({e.span.offset, e.span.offset + e.span.length, e.text});
    out.titles.push_back(f.title);
  }
  std::sort(taken.begin(), taken.end(), [](const Edit& a, const Edit& b) { return a.from > b.from; });
  out.text = source;
  for (const Edit& e : taken) out.text.replace(e.from, e.to - e.from, e.text);
  return out;
}

namespace {

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  size_t at = 0;
  while (at < s.size()) {
    const size_t nl = s.find('\n', at);
    const size_t end = nl == std::string::npos ? s.size() : nl + 1;
    out.push_back(s.substr(at, end - at));
    at = end;
  }
  return out;
}

std::string range(size_t start, size_t count) {
  // diff -u's convention: the first line of the hunk (1-based), or the line before an empty one.
  return std::to_string(count ? start + 1 : start) + "," + std::to_string(count);
}

}  // namespace

std::string unified_diff(const std::string& path, const std::string& before, const std::string& after) {
  if (before == after) return "";
  const std::vector<std::string> a = lines_of(before), b = lines_of(after);
  // The changed middle, between the common first and last lines; within it, a longest common
  // subsequence of lines (the middle of a fix is a few lines, so the table stays small; past
  // 2,000 lines a side the middle is shown as removed and added whole).
  size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
  size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) ++tail;
  const size_t n = a.size() - head - tail, m = b.size() - head - tail;
  std::vector<char> ops;  // ' ' same, '-' removed, '+' added, over the middle
  if (n <= 2000 && m <= 2000) {
    std::vector<std::vector<uint16_t>> lcs(n + 1, std::vector<uint16_t>(m + 1, 0));
    for (size_t i = n; i-- > 0;)
      for (size_t j = m; j-- > 0;)
        lcs[i][j] = a[head + i] == b[head + j] ? static_cast<uint16_t>(lcs[i + 1][j + 1] + 1)
                                               : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    size_t i = 0, j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[head + i] == b[head + j]) {
        ops.push_back(' ');
        ++i, ++j;
      } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
        ops.push_back('+');
        ++j;
      } else {
        ops.push_back('-');
        ++i;
      }
    }
  } else {
    ops.assign(n, '-');
    ops.insert(ops.end(), m, '+');
  }
  // One hunk, with three lines of context either side.
  const size_t context = 3, before_head = std::min(head, context), after_tail = std::min(tail, context);
  const size_t a_start = head - before_head, b_start = head - before_head;
  size_t a_count = before_head + after_tail, b_count = a_count;
  for (char op : ops) {
    a_count += op != '+';
    b_count += op != '-';
  }
  std::string out = "--- a/" + path + "\n+++ b/" + path + "\n@@ -" + range(a_start, a_count) + " +" +
                    range(b_start, b_count) + " @@\n";
  auto line = [&](char mark, const std::string& text) {
    out += mark;
    out += text;
    if (text.empty() || text.back() != '\n') out += "\n\\ No newline at end of file\n";
  };
  for (size_t k = a_start; k < head; ++k) line(' ', a[k]);
  size_t i = head, j = head;
  for (char op : ops) {
    if (op == ' ')
      line(' ', a[i++]), ++j;
    else if (op == '-')
      line('-', a[i++]);
    else
      line('+', b[j++]);
  }
  for (size_t k = 0; k < after_tail; ++k) line(' ', a[a.size() - tail + k]);
  return out;
}

}  // namespace qvet::cli
