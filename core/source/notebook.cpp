#include "source/notebook.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace qvet {

using json = nlohmann::json;

const Notebook::Cell& Notebook::cell_of(uint32_t line) const {
  auto it =
      std::upper_bound(cells.begin(), cells.end(), line, [](uint32_t l, const Cell& c) { return l < c.first_line; });
  return it == cells.begin() ? cells.front() : *(it - 1);
}

bool looks_like_notebook(std::string_view src) {
  size_t i = src.find_first_not_of(" \t\r\n");
  if (i == std::string_view::npos || src[i] != '{') return false;
  return src.find("\"cells\"") != std::string_view::npos;
}

bool read_notebook(std::string_view src, Notebook* out, std::string* error) {
  // Parsed without exceptions (a malformed notebook is a value, never a throw), from a std::string
  // as every JSON input of the core is: one instance of the parser in the WebAssembly module.
  const json nb = json::parse(std::string(src), nullptr, false);
  if (nb.is_discarded() || !nb.is_object()) {
    *error = "this looks like a Jupyter notebook but is not valid JSON";
    return false;
  }
  auto cells = nb.find("cells");
  if (cells == nb.end() || !cells->is_array()) {
    *error = "a Jupyter notebook has a \"cells\" list (nbformat 4); this one has none";
    return false;
  }
  uint32_t line = 1, number = 0;
  for (const json& cell : *cells) {
    ++number;
    if (!cell.is_object() || cell.value("cell_type", "") != "code") continue;
    auto source = cell.find("source");
    std::string text;
    if (source != cell.end() && source->is_string()) {
      text = source->get<std::string>();
    } else if (source != cell.end() && source->is_array()) {
      for (const json& part : *source)
        if (part.is_string()) text += part.get<std::string>();
    }
    if (text.empty() || text.back() != '\n') text += '\n';
    out->cells.push_back({number, line});
    line += static_cast<uint32_t>(std::count(text.begin(), text.end(), '\n'));
    out->code += text;
  }
  if (out->cells.empty()) {
    *error = "this notebook has no code cells";
    return false;
  }
  return true;
}

}  // namespace qvet
