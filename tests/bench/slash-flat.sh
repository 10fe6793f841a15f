#!/usr/bin/env bash
# Slash cost vs trusting pool delegators (ADR 002, amendment 2): runs
# BenchmarkSlashExecution, BenchmarkSimulateSlashPage and the control
# BenchmarkStoreBaseline (one bank send per committed block)
# (x/slashing/keeper/bench_test.go) at each size in its own process (the
# 100k setup holds a lot of state), then prints ns/op and gas per size and
# the largest/smallest ratios, which must stay at or under 1.1.
# The 100k setup takes several minutes.
#
#   tests/bench/slash-flat.sh                 # 100 10000 100000
#   SLASH_BENCH_SIZES="100 10000" SLASH_BENCH_TIME=10x tests/bench/slash-flat.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
sizes=(${SLASH_BENCH_SIZES:-100 10000 100000})
benchtime="${SLASH_BENCH_TIME:-200x}"
out=$(mktemp)
trap 'rm -f "$out"' EXIT
for n in "${sizes[@]}"; do
  nice -n 19 go test -p 1 -run '^$' -bench "^Benchmark(SlashExecution|SimulateSlashPage|StoreBaseline)/delegators=${n}\$" \
    -benchtime "$benchtime" -timeout 60m ./x/slashing/keeper/ | tee -a "$out" | grep -E '^(Benchmark|FAIL|---)' >&2
done
# Benchmark<Name>/delegators=<n>-<procs>  <N>  <ns> ns/op  <gas> gas/<unit>
awk -v sizes="${sizes[*]}" '
  /^Benchmark/ {
    split($1, a, "/"); name = substr(a[1], 10); split(a[2], b, "[=-]"); n = b[2]
    ns[name, n] = $3; gas[name, n] = $5; unit[name] = $6
    if (!(name in seen)) { seen[name] = 1; order[++count] = name }
  }
  END {
    m = split(sizes, size, " ")
    printf "%-18s %10s %14s %14s\n", "benchmark", "delegators", "ns/op", "gas"
    for (i = 1; i <= count; i++) {
      name = order[i]
      for (j = 1; j <= m; j++) printf "%-18s %10s %14s %14s %s\n", name, size[j], ns[name, size[j]], gas[name, size[j]], unit[name]
      if (m > 1 && ns[name, size[1]] > 0 && ns[name, size[m]] > 0)
        printf "%-18s ratio %s/%s: time %.3f, gas %.3f\n", name, size[m], size[1], ns[name, size[m]] / ns[name, size[1]], gas[name, size[m]] / gas[name, size[1]]
    }
  }' "$out"
