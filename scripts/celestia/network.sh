#!/usr/bin/env bash
# A local Celestia network for `make test-celestia`: a one-validator celestia-app
# chain ("test", ~1.5 s blocks) and a celestia-node bridge, every listener on
# 127.0.0.1, following the shared recipe (<repo>/../shared/celestia/scripts).
#
#   network.sh up      init from scratch and start both; fund the bridge's account
#                      (CELESTIA_FUND=0 leaves it unfunded); write network.env
#   network.sh fund    send utia from the validator to the bridge's account
#   network.sh status  the bridge's network head and account balance
#   network.sh down    stop the two processes this script started (by their pid files)
#   network.sh bridge-stop|bridge-start   stop / restart the bridge alone (a DA outage)
#   network.sh up-light   on a running network: init and start a celestia-node light node
#                      (trusted peer and bootstrapper: the bridge; state and submissions through
#                      the validator's gRPC); add LIGHT_RPC and its tokens to network.env
#   network.sh light-stop stop the light node alone (`down` stops it too)
#
# The bridge's RPC requires auth; network.env holds an admin and a read token.
# Environment:
#   CELESTIA_CACHE       binaries and state (default ${XDG_CACHE_HOME:-$HOME/.cache}/milkyway-rollup/celestia)
#   CELESTIA_NET         network dir (default $CELESTIA_CACHE/net)
#   CELESTIA_PORT_BASE   ports are BASE+657 (app RPC), +90 (app gRPC), +26 (bridge RPC), ... (default 46000)
#   CELESTIA_FUND        utia sent to the bridge by `up` (default 100000000000; 0 = none)
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CACHE=${CELESTIA_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/milkyway-rollup/celestia}
NET=${CELESTIA_NET:-$CACHE/net}
B=${CELESTIA_PORT_BASE:-46000}
APP_RPC=$((B + 657)) APP_P2P=$((B + 656)) APP_ABCI=$((B + 658)) APP_GRPC=$((B + 90)) CORE_GRPC=$((B + 98))
APP_PPROF=$((B + 60)) APP_PROM=$((B + 660)) APP_API=$((B + 317)) BRIDGE_RPC=$((B + 26)) BRIDGE_P2P=$((B + 121))
LIGHT_RPC=$((B + 27)) LIGHT_P2P=$((B + 122))
FUND=${CELESTIA_FUND:-100000000000}
CHAIN=test

log() { echo "[celestia-net] $*" >&2; }
die() { echo "[celestia-net] ERROR: $*" >&2; exit 1; }

bins() {
  local out
  out=$(bash "$HERE/build.sh") || die "building the Celestia binaries failed (scripts/celestia/build.sh)"
  APPD=$(sed -n 1p <<<"$out"); CEL=$(sed -n 2p <<<"$out")
}

appd() { "$APPD" "$@" --home "$NET/app-home"; }

# rpc METHOD [PARAMS-JSON]: a JSON-RPC call to the bridge with the admin token.
rpc() {
  curl -sf -m 10 -H 'Content-Type: application/json' -H "Authorization: Bearer $(cat "$NET/admin.token")" \
    --data "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"$1\",\"params\":${2:-[]}}" "http://127.0.0.1:$BRIDGE_RPC"
}

alive() { [[ -f $NET/$1.pid ]] && kill -0 "$(cat "$NET/$1.pid")" 2>/dev/null; }

wait_for() { # wait_for SECONDS WHAT CMD...
  local limit=$1 what=$2; shift 2
  local end=$((SECONDS + limit))
  until "$@" >/dev/null 2>&1; do
    ((SECONDS < end)) || die "timed out after ${limit}s waiting for $what (logs: $NET/*.log)"
    sleep 1
  done
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

balance_above() { (($(balance) > $1)); }
head_ok() { rpc header.NetworkHead | grep -q '"height"'; }
block2() { curl -sf "http://127.0.0.1:$APP_RPC/block?height=2" | grep -q block_id; }

balance() { rpc state.Balance | python3 -c 'import json,sys; print(json.load(sys.stdin)["result"]["amount"])'; }

fund() {
  local amount=${1:-$FUND} addr before
  addr=$(rpc state.AccountAddress | python3 -c 'import json,sys; print(json.load(sys.stdin)["result"])')
  before=$(balance)
  log "funding the bridge's account $addr with ${amount}utia"
  appd tx bank send validator "$addr" "${amount}utia" --fees 10000utia --chain-id $CHAIN \
    --keyring-backend test --node "tcp://127.0.0.1:$APP_RPC" -y -o json >"$NET/fund.json" \
    || die "bank send failed: $(cat "$NET/fund.json")"
  wait_for 60 "the bridge's balance to rise above $before" balance_above "$before"
  log "bridge balance: $(balance)utia"
}

up() {
  bins
  if alive app || alive bridge; then die "a network is already running in $NET: run '$0 down' first"; fi
  for p in $APP_RPC $APP_P2P $APP_ABCI $APP_GRPC $CORE_GRPC $APP_PPROF $APP_PROM $APP_API $BRIDGE_RPC $BRIDGE_P2P; do
    port_free "$p" || die "port 127.0.0.1:$p is in use: set CELESTIA_PORT_BASE to another base (now $B)"
  done
  rm -rf "$NET"; mkdir -p "$NET"
  # On any failure from here on, stop what this run started (logs stay in $NET).
  trap 'rc=$?; if ((rc)); then log "up failed; stopping what it started (logs in $NET)"; stop_one bridge "$CEL"; stop_one app "$APPD"; fi' EXIT
  local H=$NET/app-home
  log "init celestia-app chain $CHAIN in $H"
  appd init milkyway-test --chain-id $CHAIN >/dev/null 2>&1
  appd keys add validator --keyring-backend test >/dev/null 2>&1
  appd genesis add-genesis-account "$(appd keys show validator -a --keyring-backend test)" 1000000000000000utia
  appd genesis gentx validator 5000000000utia --fees 500utia --keyring-backend test --chain-id $CHAIN \
    --commission-rate=0.05 --commission-max-rate=1.0 --commission-max-change-rate=1.0 >/dev/null 2>&1
  appd genesis collect-gentxs >/dev/null 2>&1
  local C=$H/config/config.toml A=$H/config/app.toml
  sed -i "s#^proxy_app = .*#proxy_app = \"tcp://127.0.0.1:$APP_ABCI\"#" "$C"
  sed -i 's#^priv_validator_grpc_laddr = .*#priv_validator_grpc_laddr = ""#' "$C"
  sed -i "s#^laddr = \"tcp://127.0.0.1:26657\"#laddr = \"tcp://127.0.0.1:$APP_RPC\"#" "$C"
  sed -i "s#^grpc_laddr = .*#grpc_laddr = \"tcp://127.0.0.1:$CORE_GRPC\"#" "$C"
  sed -i "s#^pprof_laddr = .*#pprof_laddr = \"127.0.0.1:$APP_PPROF\"#" "$C"
  sed -i "s#^laddr = \"tcp://0.0.0.0:26656\"#laddr = \"tcp://127.0.0.1:$APP_P2P\"#" "$C"
  sed -i "s#^prometheus_listen_addr = .*#prometheus_listen_addr = \"127.0.0.1:$APP_PROM\"#" "$C"
  sed -i 's#^indexer = "null"#indexer = "kv"#' "$C"
  sed -i 's#discard_abci_responses = true#discard_abci_responses = false#' "$C"
  sed -i "s#^address = \"tcp://localhost:1317\"#address = \"tcp://127.0.0.1:$APP_API\"#" "$A"
  sed -i "s#^address = \"localhost:9090\"#address = \"127.0.0.1:$APP_GRPC\"#" "$A"
  sed -i '/^\[grpc\]/,/^\[/ s#^enable = false#enable = true#' "$A"
  for want in "127.0.0.1:$APP_RPC" "127.0.0.1:$APP_P2P" "127.0.0.1:$APP_ABCI"; do
    grep -q "$want" "$C" || die "could not set $want in $C (config layout changed?)"
  done
  grep -q "127.0.0.1:$APP_GRPC" "$A" || die "could not set the gRPC address in $A"

  log "starting celestia-appd (log $NET/app.log)"
  nohup "$APPD" start --home "$H" --grpc.enable --delayed-precommit-timeout 1s >"$NET/app.log" 2>&1 </dev/null &
  echo $! >"$NET/app.pid"
  wait_for 120 "celestia-app block 2" block2

  local hash
  hash=$(curl -sf "http://127.0.0.1:$APP_RPC/block?height=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["result"]["block_id"]["hash"])')
  export CELESTIA_CUSTOM="$CHAIN:$hash"
  echo "$CELESTIA_CUSTOM" >"$NET/celestia-custom.txt"
  local BH=$NET/bridge-home
  log "init celestia-node bridge in $BH (CELESTIA_CUSTOM=$CELESTIA_CUSTOM)"
  "$CEL" bridge init --core.ip 127.0.0.1 --core.port "$APP_GRPC" --node.store "$BH" >"$NET/bridge-init.log" 2>&1 \
    || die "celestia bridge init failed: $(tail -5 "$NET/bridge-init.log")"
  python3 - "$BH/config.toml" "$BRIDGE_P2P" "$BRIDGE_RPC" <<'PY'
import re, sys
p, p2p, rpc = sys.argv[1], sys.argv[2], sys.argv[3]
s = open(p).read()
s, n1 = re.subn(r'(?m)^  ListenAddresses = .*$', f'  ListenAddresses = ["/ip4/127.0.0.1/tcp/{p2p}", "/ip4/127.0.0.1/udp/{p2p}/quic-v1"]', s)
s, n2 = re.subn(r'(?m)^  NoAnnounceAddresses = .*$', '  NoAnnounceAddresses = []', s)
s, n3 = re.subn(r'\[RPC\]\n  Address = "localhost"\n  Port = "26658"', f'[RPC]\n  Address = "127.0.0.1"\n  Port = "{rpc}"', s)
if (n1, n2, n3) != (1, 1, 1):
    sys.exit(f"bridge config.toml layout changed: {(n1, n2, n3)}")
open(p, 'w').write(s)
PY
  "$CEL" bridge auth admin --node.store "$BH" 2>/dev/null | tail -1 >"$NET/admin.token"
  "$CEL" bridge auth read --node.store "$BH" 2>/dev/null | tail -1 >"$NET/read.token"
  [[ -s $NET/admin.token && -s $NET/read.token ]] || die "celestia bridge auth gave no token"

  start_bridge

  if [[ $FUND != 0 ]]; then fund "$FUND"; else log "bridge left unfunded (CELESTIA_FUND=0)"; fi

  cat >"$NET/network.env" <<ENV
CELESTIA_RPC=http://127.0.0.1:$BRIDGE_RPC
CELESTIA_ADMIN_TOKEN=$(cat "$NET/admin.token")
CELESTIA_READ_TOKEN=$(cat "$NET/read.token")
CELESTIA_APP_RPC=http://127.0.0.1:$APP_RPC
CELESTIA_NET=$NET
CELESTIA_NETWORK_SCRIPT=$HERE/network.sh
ENV
  log "up: bridge http://127.0.0.1:$BRIDGE_RPC, head $(status_head); env in $NET/network.env"
}

start_bridge() {
  alive bridge && die "the bridge is already running (pid $(cat "$NET/bridge.pid"))"
  CELESTIA_CUSTOM=$(cat "$NET/celestia-custom.txt")
  export CELESTIA_CUSTOM
  log "starting celestia bridge, RPC http://127.0.0.1:$BRIDGE_RPC with auth (log $NET/bridge.log)"
  nohup "$CEL" bridge start --core.ip 127.0.0.1 --core.port "$APP_GRPC" --node.store "$NET/bridge-home" \
    --rpc.addr 127.0.0.1 --rpc.port "$BRIDGE_RPC" >>"$NET/bridge.log" 2>&1 </dev/null &
  echo $! >"$NET/bridge.pid"
  wait_for 180 "the bridge to answer header.NetworkHead" head_ok
}

# up_light starts a light node next to the bridge. CELESTIA_CUSTOM's third
# field makes the bridge the network's bootstrapper, so the light node finds
# it for headers (trusted peer) and for shares (shrex, bitswap).
up_light() {
  bins
  alive app && alive bridge || die "no running network in $NET: run '$0 up' first"
  alive light && die "the light node is already running (pid $(cat "$NET/light.pid"))"
  for p in $LIGHT_RPC $LIGHT_P2P; do
    port_free "$p" || die "port 127.0.0.1:$p is in use: set CELESTIA_PORT_BASE to another base (now $B)"
  done
  local id peer LH=$NET/light-home
  id=$(rpc p2p.Info | python3 -c 'import json,sys; print(json.load(sys.stdin)["result"]["ID"])') \
    || die "could not read the bridge's peer id (p2p.Info)"
  peer=/ip4/127.0.0.1/tcp/$BRIDGE_P2P/p2p/$id
  echo "$(cat "$NET/celestia-custom.txt"):$peer" >"$NET/light-custom.txt"
  rm -rf "$LH"
  CELESTIA_CUSTOM=$(cat "$NET/light-custom.txt")
  export CELESTIA_CUSTOM
  log "init celestia-node light node in $LH (trusted peer $peer)"
  "$CEL" light init --p2p.network $CHAIN --node.store "$LH" >"$NET/light-init.log" 2>&1 \
    || die "celestia light init failed: $(tail -5 "$NET/light-init.log")"
  python3 - "$LH/config.toml" "$LIGHT_P2P" "$peer" <<'PY'
import re, sys
p, p2p, peer = sys.argv[1], sys.argv[2], sys.argv[3]
s = open(p).read()
s, n1 = re.subn(r'(?m)^  ListenAddresses = .*$', f'  ListenAddresses = ["/ip4/127.0.0.1/tcp/{p2p}", "/ip4/127.0.0.1/udp/{p2p}/quic-v1"]', s)
s, n2 = re.subn(r'(?m)^  NoAnnounceAddresses = .*$', '  NoAnnounceAddresses = []', s)
s, n3 = re.subn(r'(?m)^  TrustedPeers = \[\]$', f'  TrustedPeers = ["{peer}"]', s)
if (n1, n2, n3) != (1, 1, 1):
    sys.exit(f"light config.toml layout changed: {(n1, n2, n3)}")
open(p, 'w').write(s)
PY
  "$CEL" light auth admin --p2p.network $CHAIN --node.store "$LH" 2>/dev/null | tail -1 >"$NET/light-admin.token"
  "$CEL" light auth read --p2p.network $CHAIN --node.store "$LH" 2>/dev/null | tail -1 >"$NET/light-read.token"
  [[ -s $NET/light-admin.token && -s $NET/light-read.token ]] || die "celestia light auth gave no token"
  log "starting celestia light node, RPC http://127.0.0.1:$LIGHT_RPC with auth (log $NET/light.log)"
  nohup "$CEL" light start --p2p.network $CHAIN --core.ip 127.0.0.1 --core.port "$APP_GRPC" --node.store "$LH" \
    --headers.trusted-peers "$peer" --rpc.addr 127.0.0.1 --rpc.port "$LIGHT_RPC" >>"$NET/light.log" 2>&1 </dev/null &
  echo $! >"$NET/light.pid"
  wait_for 180 "the light node to answer header.NetworkHead" light_head_ok
  sed -i '/^LIGHT_/d' "$NET/network.env"
  cat >>"$NET/network.env" <<ENV
LIGHT_RPC=http://127.0.0.1:$LIGHT_RPC
LIGHT_ADMIN_TOKEN=$(cat "$NET/light-admin.token")
LIGHT_READ_TOKEN=$(cat "$NET/light-read.token")
ENV
  log "light node up: http://127.0.0.1:$LIGHT_RPC, head $(light_rpc header.NetworkHead | python3 -c 'import json,sys; print(json.load(sys.stdin)["result"]["header"]["height"])')"
}

light_rpc() {
  curl -sf -m 10 -H 'Content-Type: application/json' -H "Authorization: Bearer $(cat "$NET/light-admin.token")" \
    --data "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"$1\",\"params\":${2:-[]}}" "http://127.0.0.1:$LIGHT_RPC"
}
light_head_ok() { alive light && light_rpc header.NetworkHead | grep -q '"height"'; }

status_head() { rpc header.NetworkHead | python3 -c 'import json,sys; print(json.load(sys.stdin)["result"]["header"]["height"])'; }

stop_one() {
  local name=$1 bin=$2 pid
  [[ -f $NET/$name.pid ]] || return 0
  pid=$(cat "$NET/$name.pid")
  if kill -0 "$pid" 2>/dev/null && [[ $(readlink "/proc/$pid/exe" 2>/dev/null) == "$bin"* ]]; then
    kill "$pid"
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    log "stopped $name (pid $pid)"
  fi
  rm -f "$NET/$name.pid"
}

case ${1:-} in
  up) up ;;
  fund) bins; fund "${2:-$FUND}" ;;
  status) echo "head $(status_head), bridge balance $(balance)utia" ;;
  down) bins; stop_one light "$CEL"; stop_one bridge "$CEL"; stop_one app "$APPD" ;;
  up-light) up_light ;;
  light-stop) bins; stop_one light "$CEL" ;;
  bridge-stop) bins; stop_one bridge "$CEL" ;;
  bridge-start) bins; start_bridge ;;
  *) echo "usage: $0 up|fund [utia]|status|down|bridge-stop|bridge-start|up-light|light-stop" >&2; exit 2 ;;
esac
