#!/usr/bin/env bash
# Every test: the Catch2 suite and the CLI checks through ctest in a release build and again under
# AddressSanitizer + UndefinedBehaviorSanitizer (clang); every fuzz target for a few seconds; the
# same Catch2 suite compiled to WebAssembly and run by Node; then the npm package's tests
# (node --test). Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
[ -d ../shared/corpus ] || echo "note: ../shared is absent; the corpus tests will skip"

echo "== release build"
bash scripts/build.sh
(cd build && ctest --output-on-failure --no-tests=error -j2)

echo "== lint: clang-format and clang-tidy on the C++ files the last commit changed"
bash scripts/lint.sh

echo "== sanitizer build (clang: ASan + UBSan, with the libFuzzer targets)"
# clang, as the fuzz targets need it, and because its AddressSanitizer saw a read before the gate
# table that gcc's build of the same suite did not. -g1: line tables and function names, all a
# sanitizer's stack trace needs, at a fraction of -g's compile and link time (this build is the
# longest step of CI). A build-asan/ configured with another compiler is made again.
grep -qs 'CMAKE_CXX_COMPILER:[A-Z]*=.*clang' build-asan/CMakeCache.txt || rm -rf build-asan
CC=clang CXX=clang++ cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" -DQVET_FUZZ=ON -DQVET_BUILD_BENCH=OFF > /dev/null
cmake --build build-asan -j"$(nproc)"
(cd build-asan && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --output-on-failure --no-tests=error -j2)

echo "== fuzz: every target for a few seconds on its seeds (what fails is kept in tests/fuzz/regressions/)"
QVET_FUZZ_BUILD=build-asan bash scripts/fuzz.sh 8

echo "== WebAssembly build: the Catch2 suite under Node, then the package"
bash scripts/build-wasm.sh
NODE_PATH=/usr/share/nodejs cmake --build build-wasm -j"$(nproc)"
(cd build-wasm && ctest --output-on-failure --no-tests=error -j2)

echo "== the page (Vite), then every node --test suite: package, parity, browser (Chromium + nginx), deploy"
bash scripts/build-web.sh
# package.json's "test": node --test with --test-timeout, which in Node 20 bounds each test file
# as a whole (the slowest, robustness, takes about 165 s here), so no suite can hang this script.
npm test
