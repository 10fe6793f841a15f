#!/usr/bin/env bash
# DA cost of the chain (ADR 003): bytes posted per transaction vs the raw
# transaction bytes under a bank send + MsgDelegatePool load at 1 s blocks,
# and the blobs and bytes per hour of an idle chain at 1 s blocks vs lazy
# mode. Runs BenchmarkDABytes (tests/e2e/da_bytes_bench_test.go): a mock
# DA and a sequencer as processes on free loopback ports, so it does not
# collide with a running devnet. Takes about 5 minutes.
#
#   tests/bench/da-bytes.sh
#   DA_BENCH_TXS=6000 DA_BENCH_IDLE=120s DA_BENCH_LAZY=300s tests/bench/da-bytes.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
export DA_BENCH_TXS="${DA_BENCH_TXS:-3000}" DA_BENCH_IDLE="${DA_BENCH_IDLE:-60s}" DA_BENCH_LAZY="${DA_BENCH_LAZY:-150s}"
go test -run '^$' -bench '^BenchmarkDABytes$' -benchtime 1x -timeout 30m -v ./tests/e2e \
  | grep -E 'under load|bytes posted per tx|idle,|posted/tx-bytes|^(ok|FAIL|---)|load:|bank send|delegate-pool|Error'
