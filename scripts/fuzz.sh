#!/usr/bin/env bash
# Runs the libFuzzer targets (tests/fuzz/harness.cpp: one per entry point of the core) under
# AddressSanitizer and UndefinedBehaviorSanitizer, each for SECONDS on its seeds
# (tests/fuzz/corpus/T, and examples/ for every target) and what earlier runs here found
# (BUILD/fuzz-found/T), with its dictionary.
#   bash scripts/fuzz.sh [SECONDS] [TARGET...]      default: 8 seconds each, every target
#   QVET_FUZZ_BUILD=DIR  the clang build to use or make (default build-fuzz; test.sh passes its
#                        sanitizer build, which has the targets too)
#   QVET_FUZZ_SEEDS=1    merge what the run found, minimised (-merge=1), into tests/fuzz/corpus/T
# An input that breaks an invariant, crashes, leaks, times out (10 s) or takes more than 2 GB is
# copied to tests/fuzz/regressions/T/, where the ordinary test suite runs it from then on
# (tests/cpp/test_fuzz.cpp), and the script fails. Prints each target's runs and runs per second.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-8}"
shift || true
build="${QVET_FUZZ_BUILD:-build-fuzz}"
all=(qasm2 qasm3 python auto simulate backend options export language codec)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")

if [ ! -x "$build/tests/fuzz/qvet_fuzz_qasm2" ]; then
  CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" -DQVET_FUZZ=ON -DQVET_BUILD_BENCH=OFF > /dev/null
fi
cmake --build "$build" -j"$(nproc)" --target $(printf 'qvet_fuzz_%s ' "${targets[@]}") > /dev/null

failed=0
for t in "${targets[@]}"; do
  found="$build/fuzz-found/$t" work="$build/fuzz-work/$t" artifacts="$build/fuzz-artifacts/$t/"
  mkdir -p "$found" "$artifacts"
  rm -rf "$work" && mkdir -p "$work"
  log="$build/fuzz-$t.log"
  # -rss_limit_mb: the core's bounds keep far below it; -timeout: one input, seconds.
  # A shorter allocation stack and a smaller quarantine: several times the inputs a second, and
  # still the stack of every bad access.
  if ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:malloc_context_size=6:quarantine_size_mb=32 \
    UBSAN_OPTIONS=print_stacktrace=1 \
    "$build/tests/fuzz/qvet_fuzz_$t" "$work" "$found" "tests/fuzz/corpus/$t" examples \
    -dict="tests/fuzz/dict/$t.dict" -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$artifacts" > "$log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    echo "fuzz $t: ${runs:-?} inputs in ${seconds} s, ${rate:-?} a second, nothing found"
  else
    failed=1
    echo "fuzz $t: FAILED (log: $log)"
    grep -E "ERROR|invariant broken|SUMMARY" "$log" | head -5 || true
    mkdir -p "tests/fuzz/regressions/$t"
    for a in "$artifacts"*; do
      [ -f "$a" ] || continue
      name="$(basename "$a")"
      cp "$a" "tests/fuzz/regressions/$t/$name"
      echo "  kept as tests/fuzz/regressions/$t/$name"
    done
  fi
  # What this run found joins the found corpus, minimised.
  "$build/tests/fuzz/qvet_fuzz_$t" -merge=1 "$found" "$work" > /dev/null 2>&1 || true
  if [ "${QVET_FUZZ_SEEDS:-0}" = 1 ]; then
    "$build/tests/fuzz/qvet_fuzz_$t" -merge=1 "tests/fuzz/corpus/$t" "$found" > /dev/null 2>&1 || true
  fi
done
exit "$failed"
