#!/usr/bin/env bash
# The C++ checks CI runs: clang-format (.clang-format) must leave every C++ file as it is (a
# fraction of a second for the whole tree), and clang-tidy (.clang-tidy, with
# build/compile_commands.json) must find nothing in the changed files (a few seconds a file, so
# only those: each changed source, and every source that includes a changed header).
#   bash scripts/lint.sh            clang-tidy on the files changed in the last commit (what CI checks)
#   bash scripts/lint.sh BASE       ... changed since BASE (a commit or a branch)
#   bash scripts/lint.sh --all      ... on every source
# QVET_LINT_BASE sets BASE too. Needs a configured build/ (made by scripts/build.sh if absent).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v clang-format > /dev/null || ! command -v clang-tidy > /dev/null; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends clang-format clang-tidy > /dev/null
fi

# Fixtures that exist to break rules are not project code.
project_files() { grep -v '^tests/structure/fixture' || true; }

all=$(git ls-files '*.cpp' '*.hpp' | project_files)
echo "lint: clang-format on $(echo "$all" | wc -l) files"
if ! echo "$all" | xargs clang-format --dry-run --Werror; then
  echo "lint: some files are not formatted (above): run clang-format -i on them"
  exit 1
fi

if [ "${1:-}" = "--all" ]; then
  changed="$all"
else
  base="${1:-${QVET_LINT_BASE:-HEAD~1}}"
  # A first commit, or a shallow clone without the parent: compare with the empty tree.
  git rev-parse -q --verify "$base^{commit}" > /dev/null || base=$(git hash-object -t tree /dev/null)
  changed=$(git diff --name-only --diff-filter=ACMR "$base" -- '*.cpp' '*.hpp' | project_files)
fi

[ -f build/compile_commands.json ] || bash scripts/build.sh > /dev/null
in_database() { grep -q "\"file\": \"$PWD/$1\"" build/compile_commands.json; }
sources=$(
  for f in $changed; do
    [ -f "$f" ] || continue
    case "$f" in
      *.cpp) if in_database "$f"; then echo "$f"; fi ;;
      *.hpp)  # a header is checked through the sources that include it (HeaderFilterRegex)
        name="${f#core/}"; name="${name#include/}"
        for user in $(git grep -l -e "#include \"$name\"" -e "#include \"$(basename "$f")\"" -- '*.cpp' | project_files); do
          if in_database "$user"; then echo "$user"; fi
        done ;;
    esac
  done | sort -u
)
if [ -z "$sources" ]; then
  echo "lint: clang-tidy has no changed sources to check"
  echo "lint: clean"
  exit 0
fi
echo "lint: clang-tidy on $(echo "$sources" | wc -l) sources"
out=$(mktemp)
status=0
echo "$sources" | xargs -P "$(nproc)" -n 4 clang-tidy -p build --quiet > "$out" 2>&1 || status=$?
grep -v "warnings generated" "$out" || true
rm -f "$out"
if [ "$status" != 0 ]; then
  echo "lint: clang-tidy found problems (above)"
  exit 1
fi
echo "lint: clean"
