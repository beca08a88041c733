#!/usr/bin/env bash
# End-to-end checks of the qvet CLI: exit codes, compiler-style text, JSON, batch mode, stdin.
set -u
: "${QVET:?path to the qvet binary}" "${SRC:?project root}"
# No run here reads a terminal: a command that wanted stdin by mistake gets EOF instead of waiting.
exec < /dev/null
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

"$QVET" validate --format qasm4 "$SRC/examples/bell.qasm" > "$tmp/out" 2>&1; rc=$?
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

# simulate: a Bell pair gives about 50/50 and the same counts for the same seed.
"$QVET" simulate --no-color --shots 2000 --seed 11 "$SRC/examples/bell.qasm" > "$tmp/sim1"; rc=$?
check "simulate exits 0" test $rc -eq 0
"$QVET" simulate --no-color --shots 2000 --seed 11 "$SRC/examples/bell.qasm" > "$tmp/sim2"
check "same seed, same output" cmp -s "$tmp/sim1" "$tmp/sim2"
c00=$(awk '$1 == "00" {print $2}' "$tmp/sim1"); c11=$(awk '$1 == "11" {print $2}' "$tmp/sim1")
check "bell counts add up" test $((c00 + c11)) -eq 2000
check "bell about 50/50" test "$c00" -gt 900 -a "$c11" -gt 900
check "histogram bars" contains "$tmp/sim1" "####"
"$QVET" simulate --json --shots 100 --seed 1 --statevector "$SRC/examples/bell.qasm" > "$tmp/out"
check "simulate json section" contains "$tmp/out" '"simulation": {'
check "statevector in json" contains "$tmp/out" '"statevector": ['

# 24 qubits run natively; 29 qubits is refused before anything is allocated.
{ printf 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[24];\ncreg c[24];\nh q[0];\n'
  for i in $(seq 0 22); do printf 'cx q[%d], q[%d];\n' "$i" $((i + 1)); done
  printf 'measure q -> c;\n'; } > "$tmp/ghz24.qasm"
"$QVET" simulate --no-color --shots 100 "$tmp/ghz24.qasm" > "$tmp/out"; rc=$?
check "24-qubit GHZ simulates" test $rc -eq 0
check "24-qubit GHZ outcomes" contains "$tmp/out" "111111111111111111111111"
printf 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[29];\nh q;\n' > "$tmp/big.qasm"
"$QVET" simulate --no-color "$tmp/big.qasm" > "$tmp/out"; rc=$?
check "29 qubits exits 1" test $rc -eq 1
check "29 qubits error" contains "$tmp/out" "error[E502]: the circuit has 29 qubits; simulation is capped at 28"

# equivalent: a rewrite that keeps the unitary, and one that does not.
printf 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\ncx q[0], q[1];\n' > "$tmp/a.qasm"
printf 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\nh q[1];\ncz q[0], q[1];\nh q[1];\n' > "$tmp/b.qasm"
printf 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\ncx q[1], q[0];\n' > "$tmp/c.qasm"
"$QVET" equivalent "$tmp/a.qasm" "$tmp/b.qasm" > "$tmp/out"; rc=$?
check "equivalent exits 0" test $rc -eq 0
check "equivalent text" contains "$tmp/out" "equivalent (global phase"
"$QVET" equivalent "$tmp/a.qasm" "$tmp/c.qasm" > "$tmp/out"; rc=$?
check "not equivalent exits 1" test $rc -eq 1

# Qiskit Python: read statically; hostile code is refused and has no effect.
"$QVET" validate --no-color "$SRC/examples/bell.py" > "$tmp/out" 2>&1; rc=$?
check "python file exits 0" test $rc -eq 0
check "python summary" contains "$tmp/out" "bell.py: valid: 2 qubits, 2 clbits, depth 3, 4 instructions"
"$QVET" validate --json "$SRC/examples/qaoa.py" > "$tmp/out"; rc=$?
check "python json" contains "$tmp/out" '"format": "python"'
check "python parameters" contains "$tmp/out" '"beta0"'
printf 'from qiskit import QuantumCircuit\nqc = QuantumCircuit(1)\nimport os\nos.system("touch %s/pwned")\n' "$tmp" > "$tmp/evil.py"
"$QVET" validate --no-color "$tmp/evil.py" > "$tmp/out" 2>&1; rc=$?
check "hostile python exits 1" test $rc -eq 1
check "hostile python refused at its place" contains "$tmp/out" "evil.py:3:8: error[E603]: importing 'os'"
check "hostile python left no trace" test ! -e "$tmp/pwned"
printf 'qc = QuantumCircuit(2)\n' > "$tmp/frag.txt"
"$QVET" validate --no-color --format python "$tmp/frag.txt" > "$tmp/out" 2>&1; rc=$?
check "--format python reads any file as Python" contains "$tmp/out" "error[E604]: name 'QuantumCircuit' is not defined (import it: from qiskit import QuantumCircuit)"
printf 'from qiskit import QuantumCircuit\na = QuantumCircuit(1)\nb = QuantumCircuit(3)\n' > "$tmp/two.py"
"$QVET" validate --json --circuit a "$tmp/two.py" > "$tmp/out"; rc=$?
check "--circuit picks the variable" contains "$tmp/out" '"qubits": 1,'
"$QVET" simulate --no-color --seed 1 "$SRC/examples/qaoa.py" > "$tmp/out" 2>&1; rc=$?
check "unbound parameters refuse to simulate" contains "$tmp/out" "error[E509]"
"$QVET" simulate --no-color --seed 1 --param gamma0=0.8 --param gamma1=0.4 --param beta0=0.4 --param beta1=0.2 \
  "$SRC/examples/qaoa.py" > "$tmp/out" 2>&1; rc=$?
check "bound parameters simulate" test $rc -eq 0
"$QVET" simulate --param theta "$SRC/examples/qaoa.py" > "$tmp/out" 2>&1; rc=$?
check "bad --param is a usage error" test $rc -eq 2

# Backends: a named device, the profile list, a JSON file, and bad ones.
"$QVET" validate --no-color --backend ibm_brisbane "$SRC/examples/star.py" > "$tmp/out" 2>&1; rc=$?
check "backend warnings keep exit 0" test $rc -eq 0
check "backend fit line" contains "$tmp/out" "fit: yes (5 of 127 qubits)"
check "backend translations" contains "$tmp/out" "translated: h x1 (3 each) cx x4 (4 each)"
check "backend no layout" contains "$tmp/out" "no SWAP-free layout (a qubit interacts with 4 others"
check "backend estimates" contains "$tmp/out" "estimated duration: 3.05 us; estimated success probability: 0.8710"
check "backend finding at its gate" contains "$tmp/out" "star.py:7:1: warning[W702]"
"$QVET" validate --json --backend heron-r2 "$SRC/examples/bell.qasm" > "$tmp/out"; rc=$?
check "backend json section" contains "$tmp/out" '"layout_status": "as written"'
check "backend duration replaces the old formula" contains "$tmp/out" '"estimated_execution_time": 1.64e-07'
"$QVET" backends > "$tmp/out"; rc=$?
check "backends lists the profiles" contains "$tmp/out" "eagle-r3  Eagle r3, 127 qubits, 144 couplers, basis ecr id rz sx x"
printf '{"backend_name": "pair", "n_qubits": 2, "basis_gates": ["cx", "rz", "sx", "x"], "coupling_map": [[0, 1], [1, 0]]}\n' > "$tmp/pair.json"
"$QVET" validate --no-color --backend "$tmp/pair.json" "$SRC/examples/bell.qasm" > "$tmp/out" 2>&1; rc=$?
check "backend from a file" contains "$tmp/out" "backend pair: 2 qubits, basis cx rz sx x"
"$QVET" validate --no-color --backend line-1 "$SRC/examples/bell.qasm" > "$tmp/out" 2>&1; rc=$?
check "too few qubits exits 1" test $rc -eq 1
check "too few qubits error" contains "$tmp/out" "error[E701]: the circuit has 2 qubits; line-1 has 1"
printf '{"backend_name": "x",\n "n_qubits": 2,,}\n' > "$tmp/bad.json"
"$QVET" validate --backend "$tmp/bad.json" "$SRC/examples/bell.qasm" > "$tmp/out" 2>&1; rc=$?
check "bad backend file exits 2" test $rc -eq 2
check "bad backend file says where" contains "$tmp/out" "bad.json: backend file: line 2, column 16: not valid JSON"
"$QVET" validate --backend ibm_nowhere "$SRC/examples/bell.qasm" > "$tmp/out" 2>&1; rc=$?
check "unknown backend exits 2" test $rc -eq 2

# The cache of unchanged files: a second run reads the reports the first stored (the same output in
# every format), a change to the file or to the options is a new entry, a broken entry is a miss,
# and nothing about the cache ever fails a run.
c="$tmp/cache"
printf 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[1];\ncreg c[1];\nmeasure q -> c;\nh q[0];\n' > "$tmp/warn.qasm"
cp "$SRC/examples/bell.qasm" "$tmp/bell.qasm"
entries() { find "$c" -type f ! -name .gitignore ! -name '*.tmp.*' 2>/dev/null | wc -l; }
for out in text json sarif github; do
  "$QVET" validate --no-color --cache-dir "$c" --output "$out" "$tmp/bell.qasm" "$tmp/warn.qasm" > "$tmp/cold.$out" 2>&1
  "$QVET" validate --no-color --cache-dir "$c" --output "$out" "$tmp/bell.qasm" "$tmp/warn.qasm" > "$tmp/warm.$out" 2>&1
  check "cache: warm $out output is the cold one" cmp -s "$tmp/cold.$out" "$tmp/warm.$out"
done
check "cache: one entry per file and options" test "$(entries)" -eq 2
check "cache: kept out of git" contains "$c/.gitignore" "*"
"$QVET" validate --no-color --cache-dir "$c" --disable W204 "$tmp/warn.qasm" > "$tmp/out" 2>&1
check "cache: other options, another entry" test "$(entries)" -eq 3
check "cache: other options, their own report" sh -c "! grep -q W204 '$tmp/out'"
printf 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[1];\nx q[3];\n' > "$tmp/warn.qasm"
"$QVET" validate --no-color --cache-dir "$c" "$tmp/warn.qasm" > "$tmp/out" 2>&1; rc=$?
check "cache: an edited file is validated again" test $rc -eq 1
check "cache: the edit's error" contains "$tmp/out" "error[E204]"
# A hit is the stored report, not a new validation: bell's entry holding another report shows it.
c2="$tmp/cache2"
"$QVET" validate --json --cache-dir "$c2" "$tmp/bell.qasm" > /dev/null
bell_entry=$(find "$c2" -type f ! -name .gitignore)
"$QVET" validate --json --no-cache "$SRC/examples/teleport.qasm" > "$tmp/teleport.json"
rm -rf "$tmp/cache3"; "$QVET" validate --json --cache-dir "$tmp/cache3" "$SRC/examples/teleport.qasm" > /dev/null
cp "$(find "$tmp/cache3" -type f ! -name .gitignore)" "$bell_entry"
"$QVET" validate --json --cache-dir "$c2" "$tmp/bell.qasm" > "$tmp/out"
check "cache: a hit is read, not recomputed" cmp -s "$tmp/out" "$tmp/teleport.json"
# Torn entries are misses: the run validates and stores them again.
for f in $(find "$c" -type f ! -name .gitignore); do head -c 20 "$f" > "$f.cut" && mv "$f.cut" "$f"; done
"$QVET" validate --no-color --cache-dir "$c" --output text "$tmp/bell.qasm" > "$tmp/out" 2>&1
"$QVET" validate --no-color --no-cache --output text "$tmp/bell.qasm" > "$tmp/out2" 2>&1
check "cache: a torn entry is a miss" cmp -s "$tmp/out" "$tmp/out2"
# Off, elsewhere, or unwritable.
(cd "$tmp" && mkdir -p nocache && cd nocache && "$QVET" validate --no-cache ../bell.qasm > /dev/null)
check "cache: --no-cache writes nothing" test ! -e "$tmp/nocache/.qvet_cache"
(cd "$tmp/nocache" && "$QVET" validate ../bell.qasm > /dev/null)
check "cache: .qvet_cache by default" test -f "$tmp/nocache/.qvet_cache/.gitignore"
QVET_CACHE_DIR="$tmp/envcache" "$QVET" validate "$tmp/bell.qasm" > /dev/null
check "cache: QVET_CACHE_DIR" test -f "$tmp/envcache/.gitignore"
touch "$tmp/afile"
"$QVET" validate --no-color --cache-dir "$tmp/afile/sub" "$tmp/bell.qasm" > "$tmp/out" 2>&1; rc=$?
check "cache: an unwritable cache changes nothing" test $rc -eq 0
check "cache: an unwritable cache, the same output" cmp -s "$tmp/out" "$tmp/out2"
# An entry that is not a regular file (a link to an endless device) is a miss, at once.
c4="$tmp/cache4"
"$QVET" validate --cache-dir "$c4" "$tmp/bell.qasm" > /dev/null
e4=$(find "$c4" -type f ! -name .gitignore)
rm -f "$e4" && ln -s /dev/zero "$e4"
timeout 20 "$QVET" validate --no-color --cache-dir "$c4" --output text "$tmp/bell.qasm" > "$tmp/out" 2>&1; rc=$?
check "cache: a link to /dev/zero is a miss" test $rc -eq 0
check "cache: ... with the right report" cmp -s "$tmp/out" "$tmp/out2"
"$QVET" validate --cache-dir > "$tmp/out" 2>&1; rc=$?
check "cache: --cache-dir without a folder exits 2" test $rc -eq 2

# qvet fix: the certain fixes applied and written back; --dry-run prints the diff and writes nothing.
printf 'include "qelib1.inc";\nqreg q[2];\ncnot q[0], q[1];\nx q[3];\n' > "$tmp/fixme.qasm"
cp "$tmp/fixme.qasm" "$tmp/fixme.orig"
(cd "$tmp" && "$QVET" fix --dry-run fixme.qasm > diff 2> said); rc=$?
check "fix --dry-run exits 0 (valid once fixed)" test $rc -eq 0
check "fix --dry-run writes nothing" cmp -s "$tmp/fixme.qasm" "$tmp/fixme.orig"
check "fix --dry-run diff header" contains "$tmp/diff" "+++ b/fixme.qasm"
check "fix --dry-run adds the version line" contains "$tmp/diff" "+OPENQASM 2.0;"
check "fix --dry-run changes cnot" contains "$tmp/diff" "+cx q[0], q[1];"
check "fix --dry-run grows q" contains "$tmp/diff" "+qreg q[4];"
check "fix --dry-run says what" contains "$tmp/said" "would fix: Change 'cnot' to 'cx'"
if command -v patch > /dev/null; then
  (cd "$tmp" && patch -s -p1 --dry-run < diff > /dev/null 2>&1); rc=$?
  check "the diff applies with patch" test $rc -eq 0
fi
"$QVET" fix "$tmp/fixme.qasm" 2> "$tmp/said"; rc=$?
check "fix exits 0" test $rc -eq 0
check "fix wrote the file" contains "$tmp/fixme.qasm" "OPENQASM 2.0;"
"$QVET" validate --no-cache --no-color "$tmp/fixme.qasm" > "$tmp/out" 2>&1; rc=$?
check "the fixed file is valid" test $rc -eq 0
"$QVET" fix "$tmp/fixme.qasm" 2> "$tmp/said"; rc=$?
check "fix again changes nothing" test ! -s "$tmp/said"
printf 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[1];\nhh q[0];\n' > "$tmp/unsure.qasm"
"$QVET" fix "$tmp/unsure.qasm" 2> "$tmp/said"; rc=$?
check "fix without a certain remedy exits 1" test $rc -eq 1
check "fix without a certain remedy leaves the file" contains "$tmp/unsure.qasm" "hh q[0];"
"$QVET" fix > "$tmp/out" 2>&1; rc=$?
check "fix without files exits 2" test $rc -eq 2

echo "cli: $passes passed, $fails failed"
test $fails -eq 0
