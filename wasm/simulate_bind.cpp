// Embind: simulation and equivalence.
#include <emscripten/bind.h>

#include "options.hpp"
#include "qvet.hpp"

namespace {

// `progress`: a function told the fraction done as the run goes (the worker posts it to the page),
// or undefined. It is called on this thread, between steps of the run.
std::string simulate_json(const std::string& code, const std::string& options, emscripten::val progress) {
  qvet::Options opt;
  qvet::SimOptions sim;
  std::string err = qvet::wasm::parse_options(options, opt, &sim);
  if (!err.empty()) return qvet::wasm::error_report(code, err);
  if (progress.typeOf().as<std::string>() == "function") sim.progress = [&progress](double f) { progress(f); };
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
