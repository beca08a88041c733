#!/usr/bin/env bash
# Installs what building and testing qvet needs on Debian 12, and nothing that is already there.
# Run as root (CI and the dev machines are root); uses only Debian's packages.
#   --page      only what building the page needs (Dockerfile.nginx's build stage): Emscripten,
#               CMake, the header-only libraries, zopfli, Node.js; no test or benchmark tools
#   --apt-only  the Debian packages alone, not npm ci (the image installs them in a layer of its
#               own, before package*.json is copied)
set -euo pipefail
page=0 npm=1
for arg in "$@"; do
  case "$arg" in
    --page) page=1 ;;
    --apt-only) npm=0 ;;
    *) echo "setup: unknown argument $arg (--page, --apt-only)" >&2; exit 2 ;;
  esac
done

# The page: Emscripten and CMake build the module, Node.js runs Vite (npm fetches over TLS:
# ca-certificates), zopfli precompresses; Node.js and npm only where the machine has none.
PKGS=(cmake make emscripten libeigen3-dev nlohmann-json3-dev zopfli ca-certificates)
if ((!page)); then
  # Native core, CLI, tests, sanitizer build and benchmark (libssl-dev: SHA-256 with the CPU's SHA
  # extensions); brotli for the size figures; clang-format and clang-tidy for scripts/lint.sh.
  PKGS+=(build-essential catch2 libbenchmark-dev libssl-dev brotli clang-format clang-tidy)
  # clang with its sanitizer and libFuzzer runtimes: the sanitizer test run and the fuzz targets.
  PKGS+=(clang libclang-rt-14-dev)
  # nginx serves the page in its tests, Debian's Chromium runs the browser tests (playwright-core).
  command -v nginx > /dev/null || PKGS+=(nginx)
  command -v chromium > /dev/null || PKGS+=(chromium)
fi
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
((npm)) || exit 0
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
