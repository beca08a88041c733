// Reading an input: a file, or standard input for "-".
#pragma once
#include <string>

namespace qvet::cli {

// False when the file cannot be opened or read (errno says why).
bool read_input(const std::string& path, std::string* out);

// Whether `fd` is a terminal (then the text output is coloured). In WebAssembly on Node, whose
// isatty() answers yes for every stream, Node says.
bool is_terminal(int fd);

}  // namespace qvet::cli
