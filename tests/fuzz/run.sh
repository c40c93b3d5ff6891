#!/usr/bin/env bash
# Runs each fuzz target for a fixed number of inputs from its seed corpus (the shipped
# scenarios, tests/data and every regression case), in a scratch corpus folder.
#   tests/fuzz/run.sh BUILD_DIR RUNS [SECONDS]
# Each target stops after RUNS inputs or SECONDS (default 50), whichever comes first: a scenario
# input loads a whole scenario (and its uncertainty end points), a few hundred a second at best.
# A crash, leak, sanitizer report or an input slower than 60 s fails the run (the seed
# uncertain-default.yaml loads the default scenario at each uncertainty end point and took 14 s
# under the sanitizers on a busy machine). libFuzzer writes the input as <target>-crash-* (or -timeout-*) in the
# scratch folder named in the message (kept on failure): copy it to
# tests/fuzz/regressions/<target>/ so that the suite replays it
# (tests/audit/fuzz_regressions_test.cpp), then fix the cause.
set -euo pipefail
cd "$(dirname "$0")/../.."
build="$(cd "${1:-build-fuzz}" && pwd)"  # relative to the repository
runs="${2:-20000}"
seconds="${3:-50}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

seed() {  # target, then seed files
  local target="$1"; shift
  mkdir -p "$work/$target"
  local f
  for f in "$@" tests/fuzz/regressions/"$target"/*; do  # flattened: names may repeat
    [ -f "$f" ] && cp "$f" "$work/$target/$(echo "$f" | tr / _)"
  done
}
seed scenario scenarios/*.yaml tests/data/scenario/*.yaml tests/data/compare/*.yaml
seed schools_csv scenarios/*.csv tests/data/scenario/*.csv
seed actuals scenarios/actuals-2013.csv tests/data/audit/*.csv

# The three targets run at the same time (each stops after its inputs or its seconds), so the
# stage takes about SECONDS of wall time instead of three times that. Relative paths in fuzzed
# scenarios (schools_csv:, extends:) resolve in scenarios/.
pids=()
for target in scenario schools_csv actuals; do
  echo "fuzz_$target: $runs runs or $seconds s"
  (cd scenarios && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
     "$build/fuzz_$target" -runs="$runs" -max_total_time="$seconds" -timeout=60 \
     -rss_limit_mb=2048 -max_len=65536 \
     -artifact_prefix="$work/$target-" "$work/$target" >"$work/$target.log" 2>&1) &
  pids+=($!)
done
failed=0
i=0
for target in scenario schools_csv actuals; do
  status=0
  wait "${pids[$i]}" || status=$?
  i=$((i + 1))
  echo "fuzz_$target:"; tail -n 3 "$work/$target.log"
  if [ "$status" -ne 0 ]; then
    echo "fuzz_$target failed (exit $status); its log and input are in $work (kept)"
    failed=1
  fi
done
if [ "$failed" -ne 0 ]; then trap - EXIT; exit 1; fi
