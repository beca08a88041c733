#!/usr/bin/env bash
# The command line of action.yml's step (and of tests/js/ci_tools.test.mjs, which runs it here):
# expands QVET_PATHS, runs qvet validate with the asked output, writes the SARIF log when it is
# to be uploaded, and exits as the step should: 0, or 1 for an invalid circuit (unless
# QVET_FAIL=false), or 2 for a usage or I/O error. QVET_CLI overrides the command (the tests run
# the package built here instead of fetching it from npm). QVET_CACHE=false turns off the cache of
# unchanged files (action.yml keeps .qvet_cache between runs with actions/cache).
set -uo pipefail
shopt -s globstar nullglob
read -ra patterns <<< "${QVET_PATHS:-**/*.qasm}"
files=()
for pattern in "${patterns[@]}"; do
  for f in $pattern; do [ -f "$f" ] && files+=("$f"); done
done
if [ ${#files[@]} -eq 0 ]; then
  echo "::warning title=qvet::no file matches '${QVET_PATHS:-**/*.qasm}'"
  exit 0
fi
read -ra qvet <<< "${QVET_CLI:-npx --yes qvet@${QVET_VERSION:-latest}}"
args=(validate)
[ -n "${QVET_CONFIG:-}" ] && args+=(--config "$QVET_CONFIG")
[ "${QVET_CACHE:-true}" = false ] && args+=(--no-cache)
output="${QVET_OUTPUT:-github}"
status=0
if [ "${QVET_UPLOAD:-false}" = true ] || [ "$output" = sarif ]; then
  "${qvet[@]}" "${args[@]}" --output sarif "${files[@]}" > "${QVET_SARIF:-qvet.sarif}" || status=$?
  [ "$output" = sarif ] && cat "${QVET_SARIF:-qvet.sarif}"
fi
if [ "$output" != sarif ]; then
  "${qvet[@]}" "${args[@]}" --output "$output" "${files[@]}" || status=$?
fi
if [ "$status" -eq 1 ] && [ "${QVET_FAIL:-true}" = false ]; then status=0; fi
exit "$status"
