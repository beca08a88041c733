// Embind: simulation and equivalence.
#include <emscripten/bind.h>

#include "options.hpp"
#include "qvet.hpp"

namespace {

std::string simulate_json(const std::string& code, const std::string& options) {
  qvet::Options opt;
  qvet::SimOptions sim;
  std::string err = qvet::wasm::parse_options(options, opt, &sim);
  if (!err.empty()) return qvet::wasm::error_report(code, err);
  return qvet::to_json(qvet::simulate(code, opt, sim));
}

std::string equivalent_json(const std::string& a, const std::string& b) {
  return qvet::to_json(qvet::equivalent(a, b));
}

}  // namespace

void init_simulate() {
  emscripten::function("simulate", &simulate_json);
  emscripten::function("equivalent", &equivalent_json);
}
