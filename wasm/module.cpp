// The one Embind module: each area registers its functions (validate_bind.cpp, simulate_bind.cpp,
// export_bind.cpp, language_bind.cpp).
#include <emscripten/bind.h>
#include <unistd.h>

#include "options.hpp"

void init_validate();
void init_simulate();
void init_export();
void init_language();

namespace {
// The top of the wasm heap (the program break): malloc only moves it up when it needs more
// memory, so the leak test checks it stays flat over 10,000 validations.
double heap_top() { return static_cast<double>(reinterpret_cast<uintptr_t>(sbrk(0))); }
}  // namespace

EMSCRIPTEN_BINDINGS(qvet) {
  init_validate();
  init_simulate();
  init_export();
  init_language();
  emscripten::function("heapTop", &heap_top);
  emscripten::function("optionSchema", &qvet::wasm::option_schema);  // the option table, for api.mjs
}
