#!/usr/bin/env bash
# Starts a throw-away RabbitMQ node (Debian's rabbitmq-server; installed by scripts/install-prerequisites.sh
# when missing) for the tests and local development, on loopback only:
#   AMQP              127.0.0.1:$SESSIONS_RABBIT_PORT       (5672)   guest/guest (guest works on loopback only)
#   management API    127.0.0.1:$SESSIONS_RABBIT_MGMT_PORT  (15672)
#   distribution      127.0.0.1:$SESSIONS_RABBIT_DIST_PORT  (25673), epmd on 127.0.0.1:$SESSIONS_EPMD_PORT (4369)
# node $SESSIONS_RABBIT_NODENAME (sessions@localhost), data, logs, config and cookie in
# $SESSIONS_STATE_DIR/rabbitmq (/tmp/sessions-servers/rabbitmq). Runs as user rabbitmq when started by root.
# Waits (at most $SESSIONS_RABBIT_START_TIMEOUT s, 90) until the node has booted and AMQP and the
# management API answer. Idempotent: a running node is left alone. All settings: scripts/rabbitmq-env.sh.
# Talk to the node: source scripts/rabbitmq-env.sh && rabbitmqctl list_queues. Stop: scripts/stop-rabbitmq.sh.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
log() { printf 'start-rabbitmq: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

if [ ! -x "${SESSIONS_RABBIT_BIN:-/usr/lib/rabbitmq/bin}/rabbitmq-server" ]; then
  log "RabbitMQ is not installed; installing the prerequisites"
  "$here/install-prerequisites.sh"
fi
# shellcheck source=rabbitmq-env.sh
source "$here/rabbitmq-env.sh"
[ -x "$SESSIONS_RABBIT_BIN/rabbitmq-server" ] || die "no $SESSIONS_RABBIT_BIN/rabbitmq-server after installing"
start_timeout="${SESSIONS_RABBIT_START_TIMEOUT:-90}"
for setting in SESSIONS_RABBIT_PORT SESSIONS_RABBIT_MGMT_PORT SESSIONS_RABBIT_DIST_PORT SESSIONS_EPMD_PORT; do
  [[ "${!setting}" =~ ^[0-9]+$ ]] || die "$setting must be a port number, not '${!setting}'"
done
[[ "$start_timeout" =~ ^[0-9]+$ ]] || die "SESSIONS_RABBIT_START_TIMEOUT must be a number of seconds"
node="$RABBITMQ_NODENAME"
dir="$SESSIONS_RABBIT_DIR"
amqp_url="amqp://guest:guest@127.0.0.1:$SESSIONS_RABBIT_PORT/"
mgmt_url="http://127.0.0.1:$SESSIONS_RABBIT_MGMT_PORT/"

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
mgmt_ok() { curl -sf -m 5 -u guest:guest "${mgmt_url}api/overview" >/dev/null 2>&1; }
epmd_has_node() {
  local names
  names=$(ERL_EPMD_PORT="$SESSIONS_EPMD_PORT" epmd -names 2>/dev/null) || return 1
  grep -q "^name ${node%@*} at port " <<< "$names"
}

# Already running (this state folder's cookie answers)?
if [ -f "$dir/home/.erlang.cookie" ] && sessions_rabbit_cli 30 rabbitmq-diagnostics -q ping >/dev/null 2>&1; then
  log "RabbitMQ node $node already running in $dir"
  echo "RabbitMQ ready: $amqp_url (management $mgmt_url)"
  exit 0
fi

# Something else in the way?
if [ -n "$(sessions_rabbit_pids beam.smp)" ]; then
  die "RabbitMQ of $dir is running but does not answer (still booting, or hung): wait, or stop it with $here/stop-rabbitmq.sh"
fi
if epmd_has_node; then
  die "a node named $node is already registered with epmd on port $SESSIONS_EPMD_PORT but does not answer with the cookie of $dir — another state folder's node? Stop it with SESSIONS_STATE_DIR=<its folder> $here/stop-rabbitmq.sh, or set SESSIONS_RABBIT_NODENAME"
fi
for port in "$SESSIONS_RABBIT_PORT" "$SESSIONS_RABBIT_MGMT_PORT" "$SESSIONS_RABBIT_DIST_PORT"; do
  port_open "$port" && die "port 127.0.0.1:$port is already in use (see: ss -ltnp 'sport = :$port'); set SESSIONS_RABBIT_PORT / SESSIONS_RABBIT_MGMT_PORT / SESSIONS_RABBIT_DIST_PORT"
done
id -u "$SESSIONS_RABBIT_USER" >/dev/null 2>&1 || die "no system user $SESSIONS_RABBIT_USER (set SESSIONS_RABBIT_USER)"

# The state folder: config, plugins, cookie. Regenerated on every start (ports may have changed).
if [ ! -d "$SESSIONS_STATE_DIR" ]; then
  mkdir -p "$SESSIONS_STATE_DIR"
  chmod 755 "$SESSIONS_STATE_DIR"
elif [ "$(id -u)" -eq 0 ] && ! sessions_rabbit_run 10 test -x "$SESSIONS_STATE_DIR"; then
  # e.g. a folder from mktemp -d (mode 700): the server's user must be able to enter it.
  chmod a+x "$SESSIONS_STATE_DIR"
  log "made $SESSIONS_STATE_DIR enterable by $SESSIONS_RABBIT_USER (chmod a+x)"
fi
mkdir -p "$dir/home" "$dir/mnesia" "$dir/log"
cat > "$RABBITMQ_CONFIG_FILE" <<CONF
# Written by scripts/start-rabbitmq.sh on every start; edit that script instead.
listeners.tcp.default = 127.0.0.1:$SESSIONS_RABBIT_PORT
management.tcp.ip = 127.0.0.1
management.tcp.port = $SESSIONS_RABBIT_MGMT_PORT
# guest may log in from loopback only (RabbitMQ's default, stated for clarity).
loopback_users.guest = true
# A throw-away node in /tmp: do not refuse publishes on a small disk.
disk_free_limit.absolute = 50MB
log.console = false
log.file.level = info
CONF
echo '[rabbitmq_management].' > "$RABBITMQ_ENABLED_PLUGINS_FILE"
cookie="$SESSIONS_RABBIT_HOME/.erlang.cookie"
if [ ! -s "$cookie" ]; then
  rm -f "$cookie"
  (umask 077; head -c 30 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' > "$cookie")
fi
if [ "$(id -u)" -eq 0 ]; then
  chown -R "$SESSIONS_RABBIT_USER:" "$dir"
fi
chmod 400 "$cookie"
chmod 700 "$SESSIONS_RABBIT_HOME"
sessions_rabbit_run 10 test -w "$dir/mnesia" \
  || die "user $SESSIONS_RABBIT_USER cannot write $dir/mnesia — are $SESSIONS_STATE_DIR and its parents traversable by it? (or set SESSIONS_STATE_DIR)"

# Start detached: its own session (no terminal, no signals from ours), output into the log folder.
startup_log="$RABBITMQ_LOG_BASE/startup.log"
: > "$startup_log"
[ "$(id -u)" -eq 0 ] && chown "$SESSIONS_RABBIT_USER:" "$startup_log"
log "starting RabbitMQ node $node in $dir (AMQP 127.0.0.1:$SESSIONS_RABBIT_PORT, management 127.0.0.1:$SESSIONS_RABBIT_MGMT_PORT)"
setsid bash -c 'source "$1" && sessions_rabbit_run 0 "$SESSIONS_RABBIT_BIN/rabbitmq-server"' \
  start-rabbitmq "$here/rabbitmq-env.sh" < /dev/null >> "$startup_log" 2>&1 &
server_pid=$!

show_logs() {
  log "startup output ($startup_log), errors and end:"
  { grep -F '[error]' "$startup_log" | head -n 15; tail -n 5 "$startup_log"; } >&2 2>/dev/null || true
  local node_log="$RABBITMQ_LOG_BASE/$node.log"
  if [ -f "$node_log" ]; then
    log "node log ($node_log):"
    tail -n 30 "$node_log" >&2 || true
  fi
}

deadline=$((SECONDS + start_timeout))
booted=false
while [ "$SECONDS" -lt "$deadline" ]; do
  if ! kill -0 "$server_pid" 2>/dev/null; then
    wait "$server_pid" || true
    show_logs
    die "RabbitMQ exited during startup"
  fi
  if ! $booted; then
    remaining=$((deadline - SECONDS)); [ "$remaining" -ge 1 ] || remaining=1
    if sessions_rabbit_cli $((remaining + 10)) rabbitmqctl -q await_startup --timeout "$remaining" >/dev/null 2>&1; then
      booted=true
    else
      sleep 1
      continue
    fi
  fi
  if sessions_rabbit_cli 30 rabbitmq-diagnostics -q check_port_connectivity >/dev/null 2>&1 \
    && port_open "$SESSIONS_RABBIT_PORT" && mgmt_ok; then
    log "RabbitMQ node $node is up (pid $(cat "$RABBITMQ_PID_FILE" 2>/dev/null || echo '?'); logs in $RABBITMQ_LOG_BASE)"
    echo "RabbitMQ ready: $amqp_url (management $mgmt_url)"
    exit 0
  fi
  sleep 1
done

show_logs
log "RabbitMQ did not become ready within ${start_timeout}s; stopping what was started"
"$here/stop-rabbitmq.sh" >/dev/null 2>&1 || true
kill -TERM -- "-$server_pid" 2>/dev/null || true
exit 1
