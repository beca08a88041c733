// Jupyter notebooks (nbformat 4: JSON with a "cells" list): their code cells, in order, as one
// Python source, and where each cell starts in it, so diagnostics can name the cell and its line.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace qvet {

struct Notebook {
  std::string code;  // every code cell's source, each ending in a newline
  struct Cell {
    uint32_t number = 0;      // 1-based, over all the notebook's cells (markdown ones too)
    uint32_t first_line = 1;  // its first line in `code`
  };
  std::vector<Cell> cells;  // the code cells, in order

  // The cell holding line `line` of `code` (a code line, 1-based).
  const Cell& cell_of(uint32_t line) const;
};

// Whether `src` is shaped like a notebook: JSON whose first character is '{' and which has "cells".
bool looks_like_notebook(std::string_view src);

// Reads the notebook; false with *error set when it is not one qvet can read.
bool read_notebook(std::string_view src, Notebook* out, std::string* error);

}  // namespace qvet
