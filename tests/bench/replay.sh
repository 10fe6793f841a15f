#!/usr/bin/env bash
# Replays a chain kept by the sustained bench with a fresh full node and
# prints how fast: the catch-up row of `make bench-sustained`, on its own.
#
#   SUSTAINED_KEEP=/tmp/kept make bench-sustained   # once: keeps the loaded chain
#   tests/bench/replay.sh /tmp/kept [kv|null] [path/to/milkywayd]
#
# The second argument is config.toml's [tx_index] indexer (default kv).
# The node's profiler listens on 127.0.0.1:$((PORT+4)) while it replays
# (PORT: REPLAY_PORT, default 37100). The replayed block must be the
# sequencer's; the work directory is removed unless REPLAY_KEEP_WORK=1.
set -euo pipefail

usage() { sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
[ $# -ge 1 ] && [ -f "$1/kept.env" ] || usage
kept=$(cd "$1" && pwd)
indexer=${2:-kv}
bin=${3:-milkywayd}
case "$indexer" in kv | null) ;; *) echo "indexer must be kv or null, not $indexer" >&2; exit 2 ;; esac
command -v "$bin" >/dev/null || { echo "no milkywayd at $bin: make install, or pass its path" >&2; exit 2; }
# shellcheck disable=SC1091
. "$kept/kept.env"
port=${REPLAY_PORT:-37100}
da=127.0.0.1:$port rpc=127.0.0.1:$((port + 1))

work=$(mktemp -d "${TMPDIR:-/tmp}/replay.XXXXXX")
pids=()
cleanup() {
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	wait 2>/dev/null || true
	[ "${REPLAY_KEEP_WORK:-}" = 1 ] && echo "work directory: $work" >&2 || rm -rf "$work"
}
trap cleanup EXIT

# A copy of the DA: the mock DA writes to its home.
cp -a "$kept/da" "$work/da"
"$bin" da serve --home "$work/da" --da.address "$da" --da.block-time 200ms >"$work/da.log" 2>&1 &
pids+=($!)
home=$work/node
"$bin" init catchup --chain-id "$CHAIN_ID" --home "$home" >/dev/null 2>&1
cp "$kept/sequencer/config/genesis.json" "$home/config/genesis.json"
sed -i 's/^enable = true/enable = false/' "$home/config/app.toml" # no gRPC/REST ports
sed -i "s/^indexer = .*/indexer = \"$indexer\"/" "$home/config/config.toml"
for _ in $(seq 100); do (exec 3<>"/dev/tcp/${da%:*}/${da#*:}") 2>/dev/null && break; sleep 0.1; done

start=$(date +%s.%N)
"$bin" start --home "$home" --rollkit.da_block_time 200ms --rollkit.da_address "http://$da" \
	--rpc.laddr "tcp://$rpc" --p2p.laddr "tcp://127.0.0.1:$((port + 2))" \
	--rpc.pprof_laddr "127.0.0.1:$((port + 4))" --log_no_color >"$work/node.log" 2>&1 &
node=$!
pids+=("$node")
# The block is stored just after its height shows: ask for the block itself.
until got=$(curl -sf "http://$rpc/block?height=$HEIGHT" 2>/dev/null | grep -o '"block_id":{"hash":"[0-9A-F]*"' | head -n 1 | grep -o '[0-9A-F]\{64\}'); do
	kill -0 "$node" 2>/dev/null || { echo "the node exited; its log's end:" >&2; tail -n 20 "$work/node.log" >&2; exit 1; }
	sleep 0.2
done
seconds=$(echo "$(date +%s.%N) - $start" | bc)
[ "$got" = "$BLOCK_HASH" ] || { echo "block $HEIGHT is $got, the sequencer's is $BLOCK_HASH" >&2; exit 1; }
awk -v s="$seconds" -v txs="$TXS" -v p="$PRODUCED_SECONDS" -v h="$HEIGHT" -v ix="$indexer" 'BEGIN {
	printf "indexer %s: replayed the chain to block %d (%d loaded txs) in %.1f s: %.0f tx/s replayed vs %.0f tx/s produced = %.1fx\n",
		ix, h, txs, s, txs / s, txs / p, (txs / s) / (txs / p) }'
