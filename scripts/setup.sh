#!/usr/bin/env bash
# Installs what building and testing qvet needs on Debian 12, and nothing that is already there.
# Run as root (CI and the dev machines are root); uses only Debian's packages.
set -euo pipefail

# Native core, CLI, tests, sanitizer build and benchmark (libssl-dev: SHA-256 with the CPU's SHA extensions); Emscripten for the WebAssembly package;
# brotli for the size figures, zopfli for the page's precompressed assets; clang-format and clang-tidy for scripts/lint.sh; Node.js and npm only where the machine has none.
PKGS=(build-essential cmake libeigen3-dev nlohmann-json3-dev catch2 libbenchmark-dev libssl-dev emscripten brotli zopfli clang-format clang-tidy)
# clang with its sanitizer and libFuzzer runtimes: the sanitizer test run and the fuzz targets.
PKGS+=(clang libclang-rt-14-dev)
# The page: nginx serves it, Debian's Chromium runs the browser tests (playwright-core drives it).
command -v nginx > /dev/null || PKGS+=(nginx)
command -v chromium > /dev/null || PKGS+=(chromium)
command -v node > /dev/null || PKGS+=(nodejs)
command -v npm > /dev/null || PKGS+=(npm)

missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# JavaScript dev dependencies (Vite for the bundler test, playwright-core, the benchmark's peer),
# pinned by package-lock.json.
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
