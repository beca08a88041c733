// One libFuzzer binary per target of harness.cpp (QVET_FUZZ_TARGET names it): a broken
// invariant is printed and aborts, which libFuzzer records as a crash with its input.
#include <cstdio>
#include <cstdlib>

#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const qvet::fuzz::Target* target = qvet::fuzz::find_target(QVET_FUZZ_TARGET);
  if (!target) std::abort();
  const std::string broken = target->run(data, size);
  if (!broken.empty()) {
    std::fprintf(stderr, "qvet fuzz target '%s': invariant broken: %s\n", target->name, broken.c_str());
    std::abort();
  }
  return 0;
}
