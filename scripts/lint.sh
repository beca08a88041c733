#!/usr/bin/env bash
# The C++ checks CI runs on changed files: clang-format (.clang-format) must leave each file as it
# is, and clang-tidy (.clang-tidy, with build/compile_commands.json) must find nothing.
#   bash scripts/lint.sh            files changed in the last commit (what CI checks)
#   bash scripts/lint.sh BASE       files changed since BASE (a commit, a branch)
#   bash scripts/lint.sh --all      every C++ file
# Needs a configured build/ (scripts/build.sh); exits 1 on the first kind of problem found.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v clang-format > /dev/null && command -v clang-tidy > /dev/null || {
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends clang-format clang-tidy > /dev/null
}

if [ "${1:-}" = "--all" ]; then
  files=$(git ls-files '*.cpp' '*.hpp')
else
  base="${1:-HEAD~1}"
  git rev-parse -q --verify "$base^{commit}" > /dev/null || base=$(git hash-object -t tree /dev/null)  # a first commit
  files=$(git diff --name-only --diff-filter=ACMR "$base" -- '*.cpp' '*.hpp')
fi
files=$(for f in $files; do if [ -f "$f" ]; then echo "$f"; fi; done)
# Fixtures that exist to break rules are not project code.
files=$(echo "$files" | grep -v '^tests/structure/fixture' || true)
if [ -z "$files" ]; then
  echo "lint: no C++ files changed"
  exit 0
fi
echo "lint: $(echo "$files" | wc -l) files"

bad=0
for f in $files; do
  if ! clang-format --dry-run --Werror "$f" 2> /dev/null; then
    echo "lint: $f is not formatted: run clang-format -i $f"
    bad=1
  fi
done
[ "$bad" = 0 ] || exit 1

[ -f build/compile_commands.json ] || bash scripts/build.sh > /dev/null
# clang-tidy reads translation units; a changed header is checked through the files that include
# it (HeaderFilterRegex), so only sources in the compilation database go on the command line.
sources=$(for f in $files; do
  case "$f" in *.cpp) if grep -q "\"file\": \"$PWD/$f\"" build/compile_commands.json; then echo "$f"; fi ;; esac
done)
if [ -n "$sources" ]; then
  out=$(mktemp)
  status=0
  echo "$sources" | xargs -P "$(nproc)" -n 4 clang-tidy -p build --quiet > "$out" 2>&1 || status=$?
  grep -v "warnings generated" "$out" || true
  rm -f "$out"
  if [ "$status" != 0 ]; then
    echo "lint: clang-tidy found problems (above)"
    exit 1
  fi
fi
echo "lint: clean"
