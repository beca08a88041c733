#!/usr/bin/env bash
# The main job: install what is missing, build everything (native CLI, WebAssembly package, page),
# validate the bundled examples with the CLI, then serve the page with nginx on 127.0.0.1:8080.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
echo "== qvet validate examples/*.qasm examples/*.py"
build/qvet validate examples/*.qasm examples/*.py
bash scripts/build-wasm.sh
bash scripts/build-web.sh
exec bash scripts/serve.sh
