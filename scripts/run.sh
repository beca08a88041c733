#!/usr/bin/env bash
# The main job: install what is missing, build, and validate the bundled example circuits.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
echo "== qvet validate examples/*.qasm"
build/qvet validate examples/*.qasm
