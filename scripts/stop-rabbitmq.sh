#!/usr/bin/env bash
# Stops the RabbitMQ node of scripts/start-rabbitmq.sh (same environment: scripts/rabbitmq-env.sh):
# rabbitmqctl stop (at most $SESSIONS_RABBIT_STOP_TIMEOUT s, 60), then makes sure no process of that node
# is left — its beam (found by its data folder) and the epmd it started, unless another node still uses it.
#   scripts/stop-rabbitmq.sh            stop, keep the data folder
#   scripts/stop-rabbitmq.sh --purge    stop and delete $SESSIONS_STATE_DIR/rabbitmq
# Idempotent: nothing running is fine.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
log() { printf 'stop-rabbitmq: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

purge=false
for arg in "$@"; do
  case "$arg" in
    --purge) purge=true ;;
    -h|--help) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 0 ;;
    *) die "unknown argument: $arg (only --purge)" ;;
  esac
done

# shellcheck source=rabbitmq-env.sh
source "$here/rabbitmq-env.sh"
stop_timeout="${SESSIONS_RABBIT_STOP_TIMEOUT:-60}"
node="$RABBITMQ_NODENAME"
dir="$SESSIONS_RABBIT_DIR"

alive() { # PID: running (a zombie waiting for its parent to reap it counts as gone)
  local state
  state=$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null) || return 1
  [ -n "$state" ] && [ "$state" != Z ] && [ "$state" != X ]
}
wait_gone() { # SECONDS PID...
  local deadline=$((SECONDS + $1)); shift
  while [ "$SECONDS" -lt "$deadline" ]; do
    local any_alive=false pid
    for pid in "$@"; do alive "$pid" && any_alive=true; done
    $any_alive || return 0
    sleep 0.5
  done
  return 1
}

beams=$(sessions_rabbit_pids beam.smp)
if [ -f "$SESSIONS_RABBIT_HOME/.erlang.cookie" ] && sessions_rabbit_cli 30 rabbitmq-diagnostics -q ping >/dev/null 2>&1; then
  log "stopping RabbitMQ node $node ($dir)"
  sessions_rabbit_cli "$stop_timeout" rabbitmqctl -q stop >/dev/null 2>&1 \
    || log "rabbitmqctl stop did not finish within ${stop_timeout}s"
  stopped=true grace=15
elif [ -n "$beams" ]; then
  log "RabbitMQ node $node does not answer; terminating its processes"
  stopped=true grace=0
else
  log "RabbitMQ node $node is not running ($dir)"
  stopped=false grace=0
fi

# Whatever is left of the node: TERM, then KILL.
beams=$(sessions_rabbit_pids beam.smp)
if [ -n "$beams" ]; then
  # shellcheck disable=SC2086
  if ! wait_gone "$grace" $beams; then
    log "terminating leftover beam.smp: $(echo $beams)"
    # shellcheck disable=SC2086
    kill -TERM $beams 2>/dev/null || true
    # shellcheck disable=SC2086
    wait_gone 15 $beams || { kill -KILL $beams 2>/dev/null || true; wait_gone 5 $beams || true; }
  fi
fi
beams=$(sessions_rabbit_pids beam.smp)
[ -z "$beams" ] || die "beam.smp of $node still running: $(echo $beams)"

# The epmd our node (or its CLI tools) started goes too, unless another node is registered with it. Checked
# again after a pause: an "epmd -daemon" spawned by a CLI call may still be settling.
for _ in 1 2 3; do
  epmds=$(sessions_rabbit_pids epmd)
  [ -n "$epmds" ] || break
  names=$(ERL_EPMD_PORT="$SESSIONS_EPMD_PORT" epmd -names 2>/dev/null || true)
  if grep -q '^name ' <<< "$names"; then
    log "leaving epmd (port $SESSIONS_EPMD_PORT) running: other nodes are registered with it"
    break
  fi
  # shellcheck disable=SC2086
  kill -TERM $epmds 2>/dev/null || true
  # shellcheck disable=SC2086
  wait_gone 5 $epmds || kill -KILL $epmds 2>/dev/null || true
  sleep 1
done

rm -f "$RABBITMQ_PID_FILE"
$stopped && log "RabbitMQ node $node stopped"

if $purge; then
  rm -rf -- "$dir"
  rmdir -- "$SESSIONS_STATE_DIR" 2>/dev/null || true   # only when nothing else is left in it
  log "deleted $dir"
fi
exit 0
