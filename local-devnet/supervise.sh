# Supervision for devnet.sh (sourced by it): restart a devnet process that
# crashed, with the same command line, and log each restart.
#
# A process that keeps dying is not restarted in a tight loop: after
# SUPERVISE_MAX_RESTARTS restarts within SUPERVISE_WINDOW seconds the
# supervisor gives up on it and says so (its log then shows why it dies).

SUPERVISE_MAX_RESTARTS="${SUPERVISE_MAX_RESTARTS:-5}"
SUPERVISE_WINDOW="${SUPERVISE_WINDOW:-60}"

supervisor_pidfile() { echo "$DEVNET_HOME/supervisor.pid"; }
supervisor_log() { echo "$DEVNET_HOME/supervisor.log"; }

# supervisor_pid prints the pid of the running background supervisor.
supervisor_pid() {
  local pid args
  pid="$(cat "$(supervisor_pidfile)" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  args="$(ps -p "$pid" -o args= 2>/dev/null || true)"
  [[ "$args" == *devnet.sh*supervise* ]] || return 1
  echo "$pid"
}

start_supervisor() {
  local pid
  if pid="$(supervisor_pid)"; then
    log "the supervisor is already running (pid $pid)"
    return 0
  fi
  DEVNET_HOME="$DEVNET_HOME" MILKYWAYD="$MILKYWAYD" setsid bash "${BASH_SOURCE[0]%/*}/devnet.sh" supervise \
    >>"$(supervisor_log)" 2>&1 </dev/null &
  echo $! >"$(supervisor_pidfile)"
  log "started the supervisor (pid $!, log $(supervisor_log)): crashed processes are restarted"
}

stop_supervisor() {
  local pid
  if pid="$(supervisor_pid)"; then
    kill -TERM "$pid" 2>/dev/null || true
    log "stopped the supervisor (pid $pid)"
  fi
  rm -f "$(supervisor_pidfile)"
}

# supervise_loop checks every second that each process runs and restarts
# the ones that do not.
supervise_loop() {
  declare -A restarts=()
  local n now
  log "supervising ${NODES[*]} in $DEVNET_HOME"
  trap 'log "supervisor stopping"; exit 0' TERM
  while :; do
    for n in da sequencer fullnode; do
      pid_of "$n" >/dev/null && continue
      [[ "${restarts[$n]:-}" == gave-up ]] && continue
      now="$(date +%s)"
      # keep only the restarts inside the window
      local recent=() t
      for t in ${restarts[$n]:-}; do ((now - t < SUPERVISE_WINDOW)) && recent+=("$t"); done
      if ((${#recent[@]} >= SUPERVISE_MAX_RESTARTS)); then
        warn "$n died ${#recent[@]} times in ${SUPERVISE_WINDOW}s; not restarting it again (see $(logfile_of "$n"))"
        restarts[$n]=gave-up
        continue
      fi
      warn "$(date -u +%Y-%m-%dT%H:%M:%SZ) $n is not running; restarting it (last lines of $(logfile_of "$n") follow)"
      tail -n 5 "$(logfile_of "$n")" >&2 2>/dev/null || true
      printf '\n===== %s supervisor restarts %s after a crash\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$n" >>"$(logfile_of "$n")"
      recent+=("$now")
      restarts[$n]="${recent[*]}"
      start_one "$n"
      if [[ "$n" == da ]]; then # the nodes fail at start while the DA does not answer
        for t in $(seq 50); do port_busy 127.0.0.1 7980 && break; sleep 0.2; done
      fi
    done
    sleep 1 &
    wait $! || true
  done
}
