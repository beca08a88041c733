#!/usr/bin/env bash
# The core's include graph, checked: front ends (qasm2/, qasm3/, python/) fill the circuit model; passes
# (analysis/, lint/, backend/, sim/, report/, export/, service/) read it and never include a front end, the driver
# (api/) or another pass; the model and the shared pieces (circuit/, diagnostics/, source/, util/)
# include neither; the public headers (include/) include only each other. Only api/ sees it all.
# Usage: include_graph.sh [CORE_DIR]; prints every offending #include and exits 1 if there is one.
set -euo pipefail
core="${1:-$(dirname "$0")/../../core}"
cd "$core"

shared="circuit diagnostics source util qvet"   # qvet/ = the public headers (core/include/qvet)
declare -A allowed=(
  [include]="qvet"
  [util]="util qvet"
  [diagnostics]="diagnostics qvet"
  [source]="source diagnostics qvet"
  [circuit]="circuit diagnostics source qvet"
  [qasm2]="qasm2 $shared"
  [qasm3]="qasm3 $shared"
  [python]="python $shared"
  [analysis]="analysis $shared"
  [lint]="lint $shared"
  [backend]="backend $shared"
  [sim]="sim $shared"
  [report]="report $shared"
  [export]="export $shared"
  [service]="service $shared"
  [api]="*"
)

bad=0
for dir in */; do
  dir="${dir%/}"
  if [ -z "${allowed[$dir]+x}" ]; then
    echo "include_graph: core/$dir is not a known layer: add it to ${BASH_SOURCE[0]}"
    bad=1
    continue
  fi
  [ "${allowed[$dir]}" = "*" ] && continue
  while IFS=: read -r file line text; do
    target=$(sed -E 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]([^">]+)[">].*/\1/' <<< "$text")
    top="${target%%/*}"
    # <...> names a system header unless its first folder is one of the core's (-I core makes
    # <qasm2/parser.hpp> work, so it must not slip past).
    if [[ "$text" =~ \<  ]] && { [ "$top" = "$target" ] || [ -z "${allowed[$top]+x}" ]; } && [ "$top" != "qvet" ]; then
      continue
    fi
    [ "$target" = "qvet.hpp" ] && top="qvet"     # the public API header
    [ "$top" = "$target" ] && top="$dir"         # a bare name: a file of the same folder
    ok=0
    for a in ${allowed[$dir]}; do [ "$a" = "$top" ] && ok=1; done
    if [ "$ok" = 0 ]; then
      echo "core/$file:$line: $dir/ must not include \"$target\" (allowed: ${allowed[$dir]})"
      bad=1
    fi
  done < <(grep -rnE --include='*.hpp' --include='*.cpp' '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]' "$dir")
done
[ "$bad" = 0 ] && echo "include_graph: every layer includes only what it may"
exit "$bad"
