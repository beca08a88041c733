// Embind: validation. Reports cross the boundary as JSON text (one JSON.parse on the JS side), so
// the package returns exactly the object the CLI prints with --json.
#include <emscripten/bind.h>

#include "options.hpp"
#include "qvet.hpp"

namespace {

std::string validate_json(const std::string& code, const std::string& options) {
  qvet::Options opt;
  std::string err = qvet::wasm::parse_options(options, opt, nullptr);
  if (!err.empty()) return qvet::wasm::error_report(code, err);
  return qvet::to_json(qvet::validate(code, opt));
}

std::string version() { return qvet::version(); }

}  // namespace

void init_validate() {
  emscripten::function("validate", &validate_json);
  emscripten::function("version", &version);
}
