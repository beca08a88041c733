#!/usr/bin/env bash
# End-to-end checks of the qvet CLI: exit codes, compiler-style text, JSON, batch mode, stdin.
set -u
: "${QVET:?path to the qvet binary}" "${SRC:?project root}"
fails=0 passes=0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
check() {  # check NAME CONDITION...
  local name=$1; shift
  if "$@"; then passes=$((passes + 1)); else echo "FAIL: $name"; fails=$((fails + 1)); fi
}
contains() { grep -qF -- "$2" "$1"; }

printf 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\nx q[5];\nfoo q[0];\n' > "$tmp/bad.qasm"

"$QVET" validate --no-color "$SRC/examples/bell.qasm" > "$tmp/out" 2>&1; rc=$?
check "valid file exits 0" test $rc -eq 0
check "summary line" contains "$tmp/out" "bell.qasm: valid: 2 qubits, 2 clbits, depth 3, 4 instructions"

"$QVET" validate --no-color "$tmp/bad.qasm" > "$tmp/out" 2>&1; rc=$?
check "invalid file exits 1" test $rc -eq 1
check "compiler-style location" contains "$tmp/out" "bad.qasm:4:5: error[E204]: index 5 is out of range"
check "source line shown" contains "$tmp/out" "  x q[5];"
check "caret under the span" contains "$tmp/out" "      ^"
check "second error reported too" contains "$tmp/out" "bad.qasm:5:1: error[E305]: unknown gate 'foo'"

"$QVET" validate --json "$SRC/examples/bell.qasm" > "$tmp/out"; rc=$?
check "json exits 0" test $rc -eq 0
check "json has the old fields" contains "$tmp/out" '"estimated_execution_time": 0.34'
check "json is one object" test "$(head -c1 "$tmp/out")" = "{"

"$QVET" validate --json "$SRC/examples/bell.qasm" "$tmp/bad.qasm" "$SRC/examples/teleport.qasm" > "$tmp/out"; rc=$?
check "batch with an invalid file exits 1" test $rc -eq 1
check "batch json summary" contains "$tmp/out" '"summary":{"files":3,"valid":2,"invalid":1,"unreadable":0}'
check "batch json reports list" contains "$tmp/out" '"reports":['

"$QVET" validate --no-color "$SRC/examples/bell.qasm" "$SRC/examples/teleport.qasm" > "$tmp/out"; rc=$?
check "batch text summary" contains "$tmp/out" "2 files: 2 valid, 0 invalid"
check "batch valid exits 0" test $rc -eq 0

"$QVET" validate --json - < "$SRC/examples/bell.qasm" > "$tmp/out"; rc=$?
check "stdin" test $rc -eq 0
check "stdin json valid" contains "$tmp/out" '"valid": true'

"$QVET" validate "$tmp/does-not-exist.qasm" > "$tmp/out" 2>&1; rc=$?
check "unreadable file exits 2" test $rc -eq 2
check "unreadable file message" contains "$tmp/out" "cannot read"

"$QVET" validate --format qasm3 "$SRC/examples/bell.qasm" > "$tmp/out" 2>&1; rc=$?
check "unknown format exits 2" test $rc -eq 2
"$QVET" frobnicate > /dev/null 2>&1; rc=$?
check "unknown command exits 2" test $rc -eq 2
"$QVET" validate > /dev/null 2>&1; rc=$?
check "no files exits 2" test $rc -eq 2
"$QVET" --help > "$tmp/out"; rc=$?
check "help exits 0" test $rc -eq 0
check "help text" contains "$tmp/out" "usage: qvet validate"

printf 'include "qelib1.inc";\nqreg q[1];\nsx q[0];\n' > "$tmp/relaxed.qasm"
"$QVET" validate "$tmp/relaxed.qasm" > /dev/null; rc=$?
check "relaxed input is valid by default" test $rc -eq 0
"$QVET" validate --strict --no-color "$tmp/relaxed.qasm" > "$tmp/out"; rc=$?
check "strict makes it invalid" test $rc -eq 1
check "strict message" contains "$tmp/out" "(an error in strict mode)"

"$QVET" validate --json --ops "$SRC/examples/teleport.qasm" > "$tmp/out"
check "ops in json" contains "$tmp/out" '"condition": {'

echo "cli: $passes passed, $fails failed"
test $fails -eq 0
