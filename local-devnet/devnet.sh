#!/usr/bin/env bash
# Local MilkyWay devnet: a mock Celestia DA, the sequencer and one full node
# that syncs from DA alone, each as its own milkywayd process.
#
#   local-devnet/devnet.sh up [--reset] [--supervise]
#                         start in the background whatever is not running (the rest is left alone),
#                         wait until both nodes produce/sync; --supervise also starts a background
#                         supervisor that restarts a crashed process (log: <DEVNET_HOME>/supervisor.log)
#   local-devnet/devnet.sh run [--reset] [--supervise]
#                         start in the foreground; Ctrl-C stops everything. A crashed process stops
#                         the devnet, or with --supervise is restarted
#   local-devnet/devnet.sh down            stop the supervisor and the processes
#   local-devnet/devnet.sh status          which processes run, both nodes' /sequencer_status, the DA height
#   local-devnet/devnet.sh logs [da|sequencer|fullnode] [-f]
#   local-devnet/devnet.sh reset           down, then delete all devnet state
#
# Environment: DEVNET_HOME (default local-devnet/.devnet), MILKYWAYD (default
# build/milkywayd, built with 'make build' when missing), BLOCK_TIME (1s),
# DA_BLOCK_TIME (1s), WAIT_TIMEOUT (seconds, 60), LOG_LEVEL (info).
# See local-devnet/README.md.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=supervise.sh
source "$ROOT/local-devnet/supervise.sh"

# Relative paths given by the caller are relative to their working directory;
# the defaults are relative to the repository.
abspath() { case "$1" in /*) printf '%s\n' "$1" ;; *) printf '%s/%s\n' "$PWD" "$1" ;; esac; }
DEVNET_HOME="$(abspath "${DEVNET_HOME:-$ROOT/local-devnet/.devnet}")"
MILKYWAYD="$(abspath "${MILKYWAYD:-$ROOT/build/milkywayd}")"
BLOCK_TIME="${BLOCK_TIME:-1s}"
DA_BLOCK_TIME="${DA_BLOCK_TIME:-1s}"
WAIT_TIMEOUT="${WAIT_TIMEOUT:-60}"
LOG_LEVEL="${LOG_LEVEL:-info}"

CHAIN_ID="milkyway-devnet-1"
KEYS=(alice bob carol)
GENESIS_COINS="1000000000000umilk,1000000000umilktia"

DA_HOME="$DEVNET_HOME/da"
SEQ_HOME="$DEVNET_HOME/sequencer"
FN_HOME="$DEVNET_HOME/fullnode"
INIT_MARKER="$DEVNET_HOME/.initialized"

DA_ADDR="127.0.0.1:7980"
SEQ_RPC=26657 SEQ_P2P=26656 SEQ_GRPC=9090 SEQ_API=1317 SEQ_METRICS=26660 SEQ_PPROF=6060
FN_RPC=26757 FN_P2P=26756 FN_GRPC=9190 FN_API=1417 FN_METRICS=26760 FN_PPROF=6160
# Stop order: full node first, the DA last (the nodes talk to it).
NODES=(fullnode sequencer da)

log() { printf '[devnet] %s\n' "$*"; }
warn() { printf '[devnet] %s\n' "$*" >&2; }
die() { printf '[devnet] error: %s\n' "$*" >&2; exit 1; }

home_of() {
  case "$1" in
    da) echo "$DA_HOME" ;; sequencer) echo "$SEQ_HOME" ;; fullnode) echo "$FN_HOME" ;;
    *) die "unknown process '$1' (expected da, sequencer or fullnode)" ;;
  esac
}
pidfile_of() { echo "$(home_of "$1")/$1.pid"; }
logfile_of() { echo "$(home_of "$1")/$1.log"; }

# pid_of NAME prints the pid of our running process NAME, or fails. The pid
# must be alive and its command line must name our home directory, so a
# recycled pid is never mistaken for ours.
pid_of() {
  local file pid args
  file="$(pidfile_of "$1")"
  [[ -f "$file" ]] || return 1
  pid="$(cat "$file" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  args="$(ps -p "$pid" -o args= 2>/dev/null || true)"
  [[ "$args" == *"--home $(home_of "$1")"* ]] || return 1
  echo "$pid"
}

need() { command -v "$1" >/dev/null 2>&1 || die "'$1' is required but not installed"; }

ensure_binary() {
  if [[ ! -x "$MILKYWAYD" ]]; then
    if [[ "$MILKYWAYD" != "$ROOT/build/milkywayd" ]]; then
      die "MILKYWAYD=$MILKYWAYD does not exist or is not executable"
    fi
    log "$MILKYWAYD not found; running 'make build' (the first build takes several minutes)"
    make -C "$ROOT" build
  fi
}

port_busy() { # host port: true when something accepts connections there
  (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

# ports_of NAME lists "port (what)" entries of a process.
ports_of() {
  case "$1" in
    da) echo "7980:da JSON-RPC" ;;
    sequencer) printf '%s\n' "$SEQ_RPC:sequencer RPC" "$SEQ_P2P:sequencer P2P" "$SEQ_GRPC:sequencer gRPC" "$SEQ_API:sequencer REST" "$SEQ_METRICS:sequencer metrics" "$SEQ_PPROF:sequencer pprof" ;;
    fullnode) printf '%s\n' "$FN_RPC:full node RPC" "$FN_P2P:full node P2P" "$FN_GRPC:full node gRPC" "$FN_API:full node REST" "$FN_METRICS:full node metrics" "$FN_PPROF:full node pprof" ;;
  esac
}

# check_ports NAME... fails when a port of these processes is taken.
check_ports() {
  local busy=() entry n
  for n in "$@"; do
    while IFS= read -r entry; do
      if port_busy 127.0.0.1 "${entry%%:*}"; then busy+=("  ${entry%%:*} (${entry#*:})"); fi
    done < <(ports_of "$n")
  done
  if ((${#busy[@]})); then
    warn "these ports are already in use:"
    printf '%s\n' "${busy[@]}" >&2
    warn "another devnet or node is running; stop it (e.g. '$0 down' with its DEVNET_HOME) and retry"
    exit 1
  fi
}

any_running() {
  local n
  for n in "${NODES[@]}"; do pid_of "$n" >/dev/null && return 0; done
  return 1
}

# not_running prints the processes that are down, in start order.
not_running() {
  local n
  for n in da sequencer fullnode; do pid_of "$n" >/dev/null || echo "$n"; done
}

# ---------------------------------------------------------------- init

init_devnet() {
  if [[ -f "$INIT_MARKER" ]]; then
    log "reusing the devnet state in $DEVNET_HOME"
    return
  fi
  if [[ -e "$SEQ_HOME" || -e "$FN_HOME" || -e "$DA_HOME" ]]; then
    log "found an incomplete devnet in $DEVNET_HOME; initialising it again"
    wipe_state
  fi
  log "initialising a new devnet in $DEVNET_HOME (chain id $CHAIN_ID)"
  mkdir -p "$DA_HOME" "$SEQ_HOME" "$FN_HOME"
  local out="$DEVNET_HOME/init.log"
  : >"$out"
  run_init() { "$@" >>"$out" 2>&1 || { tail -n 20 "$out" >&2; die "initialisation failed: $*"; }; }

  run_init "$MILKYWAYD" init sequencer --chain-id "$CHAIN_ID" --home "$SEQ_HOME"
  mkdir -p "$SEQ_HOME/devnet-keys"
  local name addr
  for name in "${KEYS[@]}"; do
    # The JSON output holds the mnemonic; kept for convenience (test keys only).
    "$MILKYWAYD" keys add "$name" --keyring-backend test --home "$SEQ_HOME" --output json \
      >"$SEQ_HOME/devnet-keys/$name.json" 2>&1 || die "keys add $name failed (see $SEQ_HOME/devnet-keys/$name.json)"
    addr="$("$MILKYWAYD" keys show "$name" -a --keyring-backend test --home "$SEQ_HOME")"
    run_init "$MILKYWAYD" genesis add-genesis-account "$addr" "$GENESIS_COINS" \
      --home "$SEQ_HOME" --keyring-backend test
    log "  key $name: $addr ($GENESIS_COINS)"
  done
  devnet_genesis "$SEQ_HOME/config/genesis.json" \
    "$("$MILKYWAYD" keys show alice -a --keyring-backend test --home "$SEQ_HOME")"
  run_init "$MILKYWAYD" genesis validate --home "$SEQ_HOME"

  run_init "$MILKYWAYD" init fullnode --chain-id "$CHAIN_ID" --home "$FN_HOME"
  cp "$SEQ_HOME/config/genesis.json" "$FN_HOME/config/genesis.json"
  set_app_ports "$SEQ_HOME" "$SEQ_API" "$SEQ_GRPC"
  set_app_ports "$FN_HOME" "$FN_API" "$FN_GRPC"
  set_client "$SEQ_HOME" "$SEQ_RPC"
  set_client "$FN_HOME" "$FN_RPC"
  date -u +%Y-%m-%dT%H:%M:%SZ >"$INIT_MARKER"
}

# set_app_ports HOME API GRPC writes the REST and gRPC ports into app.toml
# (the start command also passes them as flags).
# devnet_genesis makes the genesis convenient for trying the chain: gov
# periods of a minute (params proposals finish while you watch), umilk and
# umilktia registered as assets, alice as the price feeder, and services'
# slashing rules in force after a minute instead of 72h.
devnet_genesis() {
  local gen="$1" feeder="$2"
  sed -i \
    -e 's/"voting_period": *"[0-9]*s"/"voting_period": "60s"/' \
    -e 's/"expedited_voting_period": *"[0-9]*s"/"expedited_voting_period": "30s"/' \
    -e 's/"max_deposit_period": *"[0-9]*s"/"max_deposit_period": "60s"/' \
    -e 's/"rules_activation_delay": *"[0-9]*s"/"rules_activation_delay": "60s"/' \
    -e "s/\"feeders\": *\[\]/\"feeders\": [\"$feeder\"]/" \
    -e 's/"assets": *\[\]/"assets": [{"denom": "umilk", "ticker": "MILK", "exponent": 6}, {"denom": "umilktia", "ticker": "MILKTIA", "exponent": 6}]/' \
    "$gen"
}

set_app_ports() {
  local f="$1/config/app.toml"
  sed -e "s#^address = \"tcp://127.0.0.1:1317\"#address = \"tcp://127.0.0.1:$2\"#" \
    -e "s#^address = \"127.0.0.1:9090\"#address = \"127.0.0.1:$3\"#" "$f" >"$f.tmp"
  mv "$f.tmp" "$f"
}

# set_client HOME RPC makes CLI commands with --home HOME default to this
# chain, the test keyring and this node's RPC.
set_client() {
  local f="$1/config/client.toml"
  sed -e "s#^chain-id = .*#chain-id = \"$CHAIN_ID\"#" \
    -e "s#^keyring-backend = .*#keyring-backend = \"test\"#" \
    -e "s#^node = .*#node = \"tcp://127.0.0.1:$2\"#" "$f" >"$f.tmp"
  mv "$f.tmp" "$f"
}

# Deletes only what this script creates, so a mistaken DEVNET_HOME such as
# $HOME loses nothing else.
wipe_state() {
  rm -rf "$DA_HOME" "$SEQ_HOME" "$FN_HOME" "$INIT_MARKER" "$DEVNET_HOME/init.log"
  rmdir "$DEVNET_HOME" 2>/dev/null || true
}

# ---------------------------------------------------------------- processes

# spawn NAME ARGS... starts milkywayd ARGS in its own session (so a Ctrl-C in
# the terminal reaches only this script, which then stops the processes in
# order), appends its output to the log and records its pid.
spawn() {
  local name="$1"; shift
  local logf; logf="$(logfile_of "$name")"
  printf '\n===== %s start %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$name" >>"$logf"
  if command -v setsid >/dev/null 2>&1; then
    setsid "$MILKYWAYD" "$@" >>"$logf" 2>&1 </dev/null &
  else
    nohup "$MILKYWAYD" "$@" >>"$logf" 2>&1 </dev/null &
  fi
  echo $! >"$(pidfile_of "$name")"
  log "started $name (pid $!, log $logf)"
}

# start_one NAME starts one process with its devnet command line (the
# supervisor restarts crashed processes with it too).
start_one() {
  local common=(--log_level "$LOG_LEVEL" --log_no_color)
  # Logs go to files: no colour codes, also from loggers that ignore --log_no_color.
  export NO_COLOR=1
  case "$1" in
    da)
      spawn da da serve --home "$DA_HOME" --da.address "$DA_ADDR" --da.block-time "$DA_BLOCK_TIME" "${common[@]}" ;;
    sequencer)
      spawn sequencer start --home "$SEQ_HOME" \
        --rollkit.aggregator --rollkit.block_time "$BLOCK_TIME" --rollkit.da_block_time "$DA_BLOCK_TIME" \
        --rollkit.da_address "http://$DA_ADDR" \
        --rpc.laddr "tcp://127.0.0.1:$SEQ_RPC" --p2p.laddr "tcp://0.0.0.0:$SEQ_P2P" \
        --grpc.address "127.0.0.1:$SEQ_GRPC" --api.address "tcp://127.0.0.1:$SEQ_API" \
        --instrumentation.prometheus --instrumentation.prometheus_listen_addr "127.0.0.1:$SEQ_METRICS" \
        --rpc.pprof_laddr "127.0.0.1:$SEQ_PPROF" "${common[@]}" ;;
    fullnode)
      spawn fullnode start --home "$FN_HOME" \
        --rollkit.da_block_time "$DA_BLOCK_TIME" --rollkit.da_address "http://$DA_ADDR" \
        --rollup.sequencer_rpc "tcp://127.0.0.1:$SEQ_RPC" \
        --rpc.laddr "tcp://127.0.0.1:$FN_RPC" --p2p.laddr "tcp://127.0.0.1:$FN_P2P" \
        --grpc.address "127.0.0.1:$FN_GRPC" --api.address "tcp://127.0.0.1:$FN_API" \
        --instrumentation.prometheus --instrumentation.prometheus_listen_addr "127.0.0.1:$FN_METRICS" \
        --rpc.pprof_laddr "127.0.0.1:$FN_PPROF" "${common[@]}" ;;
  esac
}

fail_start() {
  local n
  warn "$1"
  for n in da sequencer fullnode; do
    warn "----- last lines of $(logfile_of "$n")"
    tail -n 25 "$(logfile_of "$n")" >&2 2>/dev/null || true
  done
  stop_all
  die "the devnet did not start (logs kept in $DEVNET_HOME)"
}

wait_port() { # name host port seconds
  local i
  for ((i = 0; i < $4 * 5; i++)); do
    port_busy "$2" "$3" && return 0
    pid_of "$1" >/dev/null || fail_start "$1 exited during start-up"
    sleep 0.2
  done
  fail_start "$1 is not listening on $2:$3 after $4s"
}

# status_json PORT prints a node's /sequencer_status, or fails.
status_json() { curl -fsS --max-time 3 "http://127.0.0.1:$1/sequencer_status" 2>/dev/null; }
json_uint() { # key json
  local v
  v="$(printf '%s' "$2" | grep -o "\"$1\": *[0-9]*" | grep -o '[0-9]*$' || true)"
  echo "${v:-0}"
}

wait_ready() {
  local deadline=$((SECONDS + WAIT_TIMEOUT)) n port h
  log "waiting up to ${WAIT_TIMEOUT}s for both nodes to reach height >= 1"
  while :; do
    for n in "${NODES[@]}"; do
      pid_of "$n" >/dev/null || fail_start "$n exited during start-up"
    done
    local ready=1
    for port in "$SEQ_RPC" "$FN_RPC"; do
      h="$(json_uint latest_height "$(status_json "$port" || true)")"
      ((h >= 1)) || ready=0
    done
    ((ready)) && return 0
    ((SECONDS < deadline)) || fail_start "nodes did not reach height 1 within ${WAIT_TIMEOUT}s (WAIT_TIMEOUT)"
    sleep 1
  done
}

stop_one() {
  local name="$1" pid i
  pid="$(pid_of "$name")" || { rm -f "$(pidfile_of "$name")"; return 0; }
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 150; i++)); do # 30s
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  if kill -0 "$pid" 2>/dev/null; then
    warn "$name (pid $pid) did not stop within 30s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$(pidfile_of "$name")"
  log "stopped $name (pid $pid)"
}

stop_all() {
  local n
  for n in "${NODES[@]}"; do stop_one "$n"; done
}

# ---------------------------------------------------------------- commands

# start_devnet starts whatever is not running and leaves the rest alone,
# so one crashed process can be brought back without stopping the others.
start_devnet() {
  need curl
  ensure_binary
  local down=() n
  mapfile -t down < <(not_running)
  if ((${#down[@]} == 0)); then
    log "the devnet in $DEVNET_HOME is already running ('$0 status', '$0 down')"
    return 0
  fi
  if ((${#down[@]} < 3)); then
    log "some processes are running; starting only: ${down[*]}"
  else
    init_devnet
  fi
  check_ports "${down[@]}"
  for n in "${down[@]}"; do
    start_one "$n"
    # the nodes fail at start when the DA does not answer
    if [[ "$n" == da ]]; then wait_port da 127.0.0.1 7980 20; fi
  done
  wait_ready
}

summary() {
  cat <<EOF
[devnet] MilkyWay devnet is up ($CHAIN_ID, block time $BLOCK_TIME, DA block time $DA_BLOCK_TIME)
  mock DA     http://$DA_ADDR
  sequencer   RPC http://127.0.0.1:$SEQ_RPC  gRPC 127.0.0.1:$SEQ_GRPC  REST http://127.0.0.1:$SEQ_API  metrics http://127.0.0.1:$SEQ_METRICS/metrics  home $SEQ_HOME
  full node   RPC http://127.0.0.1:$FN_RPC  gRPC 127.0.0.1:$FN_GRPC  REST http://127.0.0.1:$FN_API  metrics http://127.0.0.1:$FN_METRICS/metrics  home $FN_HOME
  keys        ${KEYS[*]} (keyring-backend test, --home $SEQ_HOME)
  try         $MILKYWAYD tx bank send alice \$($MILKYWAYD keys show bob -a --keyring-backend test --home $SEQ_HOME) 1000umilk \\
                --keyring-backend test --home $SEQ_HOME --chain-id $CHAIN_ID --fees 1000umilk -y --node tcp://127.0.0.1:$SEQ_RPC
EOF
}

# start_args ARGS handles the options of up and run.
SUPERVISE=0
start_args() {
  local a
  for a in "$@"; do
    case "$a" in
      --reset) cmd_reset ;;
      --supervise) SUPERVISE=1 ;;
      *) die "unknown option '$a' (expected --reset or --supervise)" ;;
    esac
  done
}

cmd_up() {
  start_args "$@"
  start_devnet
  summary
  if ((SUPERVISE)); then start_supervisor; fi
  log "running in the background; '$0 status', '$0 logs', '$0 down'"
}

cmd_run() {
  start_args "$@"
  local stopping=0
  on_signal() {
    ((stopping)) && return
    stopping=1
    echo
    log "stopping"
    stop_all
    exit 0
  }
  trap on_signal INT TERM
  trap 'stop_all' EXIT
  start_devnet
  summary
  log "running in the foreground; press Ctrl-C to stop"
  if ((SUPERVISE)); then
    supervise_loop
    return
  fi
  local n
  while :; do
    for n in "${NODES[@]}"; do
      if ! pid_of "$n" >/dev/null; then
        warn "$n exited unexpectedly; last lines of $(logfile_of "$n"):"
        tail -n 25 "$(logfile_of "$n")" >&2 || true
        warn "(run with --supervise to have crashed processes restarted)"
        stopping=1
        stop_all
        exit 1
      fi
    done
    sleep 1 &
    wait $! || true
  done
}

cmd_down() {
  stop_supervisor
  if ! any_running; then
    log "nothing is running in $DEVNET_HOME"
    local n; for n in "${NODES[@]}"; do rm -f "$(pidfile_of "$n")"; done
    return 0
  fi
  stop_all
}

# da_height asks the mock DA for its latest block (header.NetworkHead, as
# on celestia-node; integers in headers are JSON strings).
da_height() {
  curl -sS --max-time 3 -H 'Content-Type: application/json' "http://$DA_ADDR" \
    -d '{"jsonrpc":"2.0","id":1,"method":"header.NetworkHead","params":[]}' 2>/dev/null |
    grep -o '"height":"[0-9]*"' | head -n 1 | grep -o '[0-9][0-9]*'
}

cmd_status() {
  local rc=0 n pid j h
  for n in "${NODES[@]}"; do
    if pid="$(pid_of "$n")"; then printf '%-10s running (pid %s)\n' "$n" "$pid"; else printf '%-10s DOWN: not running (see %s; %s up starts it)\n' "$n" "$(logfile_of "$n")" "$0"; rc=1; fi
  done
  if pid="$(supervisor_pid)"; then printf '%-10s running (pid %s, log %s)\n' supervisor "$pid" "$(supervisor_log)"; fi
  if j="$(status_json "$SEQ_RPC")"; then printf 'sequencer  %s\n' "$j"; else echo "sequencer  no answer on http://127.0.0.1:$SEQ_RPC/sequencer_status"; rc=1; fi
  if j="$(status_json "$FN_RPC")"; then printf 'fullnode   %s\n' "$j"; else echo "fullnode   no answer on http://127.0.0.1:$FN_RPC/sequencer_status"; rc=1; fi
  if h="$(da_height)" && [[ -n "$h" ]]; then echo "da         latest DA height $h"; else echo "da         no answer on http://$DA_ADDR"; rc=1; fi
  return "$rc"
}

cmd_logs() {
  local follow=0 names=() a
  for a in "$@"; do
    case "$a" in
      -f | --follow) follow=1 ;;
      da | sequencer | fullnode) names+=("$a") ;;
      *) die "usage: $0 logs [da|sequencer|fullnode] [-f]" ;;
    esac
  done
  ((${#names[@]})) || names=(da sequencer fullnode)
  local files=()
  for a in "${names[@]}"; do
    [[ -f "$(logfile_of "$a")" ]] && files+=("$(logfile_of "$a")")
  done
  ((${#files[@]})) || die "no logs in $DEVNET_HOME yet"
  if ((follow)); then exec tail -n 20 -F "${files[@]}"; fi
  tail -n 40 "${files[@]}"
}

cmd_reset() {
  cmd_down
  wipe_state
  log "deleted the devnet state in $DEVNET_HOME"
}

usage() {
  sed -n '2,21p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

main() {
  local cmd="${1:-}"
  [[ $# -gt 0 ]] && shift
  case "$cmd" in
    up) cmd_up "$@" ;;
    run) cmd_run "$@" ;;
    down | stop) cmd_down ;;
    status) cmd_status ;;
    logs) cmd_logs "$@" ;;
    reset) cmd_reset ;;
    supervise) supervise_loop ;;
    -h | --help | help) usage ;;
    *) usage >&2; exit 2 ;;
  esac
}

main "$@"
