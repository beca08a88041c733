#!/usr/bin/env bash
# Builds the WebAssembly module with Debian's Emscripten and assembles the npm package in dist/.
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs   # emcc's JS optimizer (acorn) at -O2 and above
emcmake cmake -S . -B build-wasm -DCMAKE_BUILD_TYPE=Release -DQVET_BUILD_BENCH=OFF > /dev/null
cmake --build build-wasm -j"$(nproc)" --target qvet_wasm qvet_lean_wasm qvet_threads_wasm qvet_cli_wasm
rm -rf dist && mkdir -p dist
cp build-wasm/wasm/qvet.mjs build-wasm/wasm/qvet.wasm build-wasm/wasm/qvet-lean.mjs build-wasm/wasm/qvet-lean.wasm dist/
cp build-wasm/wasm/qvet-threads.mjs build-wasm/wasm/qvet-threads.wasm build-wasm/wasm/qvet-threads.worker.js dist/
cp build-wasm/wasm/qvet-cli.cjs build-wasm/wasm/qvet-cli.wasm dist/
cp wasm/js/*.mjs wasm/js/*.cjs wasm/js/*.d.ts docs/report.schema.json dist/
chmod +x dist/cli.cjs
echo "dist/: $(ls dist | tr '\n' ' ')"
