#!/usr/bin/env bash
# Runs the end-to-end suite while busy loops compete for every core, to show
# that the tests wait on chain state rather than on time.
#
#   scripts/e2e-under-load.sh [RUNS] [go test args...]
#
# RUNS (default 2) suite runs, each with one busy loop per core (LOAD_LOOPS
# overrides the count) at normal priority. Prints each run's result and wall
# time; exits non-zero if any run failed. Logs: $LOG_DIR (default a temp dir).
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${1:-2}"
[[ $# -gt 0 ]] && shift
loops="${LOAD_LOOPS:-$(nproc)}"
log_dir="${LOG_DIR:-$(mktemp -d)}"
pids=()
stop_load() { ((${#pids[@]})) && kill "${pids[@]}" 2>/dev/null; pids=(); }
trap stop_load EXIT

go test -c -o /dev/null ./tests/e2e/ # compile first, outside the timed runs
failed=0
for ((r = 1; r <= runs; r++)); do
  for ((i = 0; i < loops; i++)); do
    (while :; do :; done) &
    pids+=($!)
  done
  start=$(date +%s)
  if go test -p 1 -count=1 -timeout 40m ./tests/e2e/ "$@" >"$log_dir/run$r.log" 2>&1; then result=PASS; else result=FAIL; failed=1; fi
  stop_load
  printf 'run %d: %s in %ds with %d busy loops on %d cores (log %s)\n' \
    "$r" "$result" $(($(date +%s) - start)) "$loops" "$(nproc)" "$log_dir/run$r.log"
done
exit "$failed"
