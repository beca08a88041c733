#!/usr/bin/env bash
# Builds the WebAssembly module with Debian's Emscripten and assembles the npm package in dist/.
#   --page  only the modules the page loads, without the test suite (Dockerfile.nginx's build
#           stage, which has no Catch2): no qvet-cli module in dist/
set -euo pipefail
cd "$(dirname "$0")/.."
page=0
for arg in "$@"; do
  case "$arg" in
    --page) page=1 ;;
    *) echo "build-wasm: unknown argument $arg (--page)" >&2; exit 2 ;;
  esac
done
export NODE_PATH=/usr/share/nodejs   # emcc's JS optimizer (acorn) at -O2 and above
targets=(qvet_wasm qvet_lean_wasm qvet_threads_wasm)
tests=ON
if ((page)); then tests=OFF; else targets+=(qvet_cli_wasm); fi
emcmake cmake -S . -B build-wasm -DCMAKE_BUILD_TYPE=Release -DQVET_BUILD_BENCH=OFF -DQVET_BUILD_TESTS=$tests > /dev/null
cmake --build build-wasm -j"$(nproc)" --target "${targets[@]}"
rm -rf dist && mkdir -p dist
cp build-wasm/wasm/qvet.mjs build-wasm/wasm/qvet.wasm build-wasm/wasm/qvet-lean.mjs build-wasm/wasm/qvet-lean.wasm dist/
cp build-wasm/wasm/qvet-threads.mjs build-wasm/wasm/qvet-threads.wasm build-wasm/wasm/qvet-threads.worker.js dist/
((page)) || cp build-wasm/wasm/qvet-cli.cjs build-wasm/wasm/qvet-cli.wasm dist/
cp wasm/js/*.mjs wasm/js/*.cjs wasm/js/*.d.ts docs/report.schema.json dist/
chmod +x dist/cli.cjs
echo "dist/: $(ls dist | tr '\n' ' ')"
