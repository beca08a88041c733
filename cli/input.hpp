// Reading an input: a file, or standard input for "-".
#pragma once
#include <string>

namespace qvet::cli {

// False when the file cannot be opened or read (errno says why).
bool read_input(const std::string& path, std::string* out);

}  // namespace qvet::cli
