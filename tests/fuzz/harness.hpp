// The fuzz targets: one per entry point of the core (each front end's validate, simulate, a
// backend configuration, the package's options, export). Each runs its entry point on one input
// and checks the invariants every report must keep, not only "no crash": the JSON parses, every
// span lies inside the source, `valid` is false exactly when an error is listed, an invalid
// report claims no figures, and the same input gives the same report twice.
//
// The same bodies run in two places: the libFuzzer binaries (tests/fuzz/fuzz_main.cpp, built by
// scripts/fuzz.sh with clang's -fsanitize=fuzzer), and the ordinary test suite, which runs every
// seed (tests/fuzz/corpus/) and every input a fuzzer ever failed on (tests/fuzz/regressions/).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "qvet/report.hpp"

namespace qvet::fuzz {

struct Target {
  const char* name;
  const char* what;
  // "" when every invariant held; else which one broke, and how.
  std::string (*run)(const uint8_t* data, size_t size);
};

const std::vector<Target>& targets();
const Target* find_target(std::string_view name);

// The invariants of one report of `source` ("" when they hold), which every target checks.
std::string check_report(const Report& r, std::string_view source);
std::string check_report(const Report& r, const std::string& json, std::string_view source);  // json: to_json(r)

}  // namespace qvet::fuzz
