# shellcheck shell=bash
# Environment of the throw-away RabbitMQ node of scripts/start-rabbitmq.sh and scripts/stop-rabbitmq.sh.
# Source it to talk to that node yourself (bash):
#
#   source scripts/rabbitmq-env.sh && rabbitmqctl list_queues
#
# It defines rabbitmqctl, rabbitmq-diagnostics, rabbitmq-plugins and rabbitmq-queues as shell functions
# that run the real tools (in $SESSIONS_RABBIT_BIN) with this node's cookie (HOME=$state/home) as the
# user the node runs as (rabbitmq when you are root, yourself otherwise). It changes no shell option.
#
# Honours (set them before sourcing, the same way for start, stop and this file):
#   SESSIONS_STATE_DIR         parent of the data folder (default /tmp/sessions-servers; node in .../rabbitmq)
#   SESSIONS_RABBIT_PORT       AMQP port on 127.0.0.1 (5672)
#   SESSIONS_RABBIT_MGMT_PORT  management HTTP API port on 127.0.0.1 (15672)
#   SESSIONS_RABBIT_DIST_PORT  Erlang distribution port on 127.0.0.1 (25673)
#   SESSIONS_EPMD_PORT         epmd port, epmd bound to 127.0.0.1 (4369)
#   SESSIONS_RABBIT_NODENAME   node name (sessions@localhost)
#   SESSIONS_RABBIT_USER       system user the node runs as when started by root (rabbitmq)
#   SESSIONS_RABBIT_BIN        RabbitMQ's own scripts (/usr/lib/rabbitmq/bin; not Debian's /usr/sbin wrappers,
#                              which switch to /var/lib/rabbitmq and its cookie)

SESSIONS_STATE_DIR="$(realpath -m -- "${SESSIONS_STATE_DIR:-/tmp/sessions-servers}")"
SESSIONS_RABBIT_PORT="${SESSIONS_RABBIT_PORT:-5672}"
SESSIONS_RABBIT_MGMT_PORT="${SESSIONS_RABBIT_MGMT_PORT:-15672}"
SESSIONS_RABBIT_DIST_PORT="${SESSIONS_RABBIT_DIST_PORT:-25673}"
SESSIONS_EPMD_PORT="${SESSIONS_EPMD_PORT:-4369}"
SESSIONS_RABBIT_NODENAME="${SESSIONS_RABBIT_NODENAME:-sessions@localhost}"
SESSIONS_RABBIT_BIN="${SESSIONS_RABBIT_BIN:-/usr/lib/rabbitmq/bin}"
if [ "$(id -u)" -eq 0 ]; then
  SESSIONS_RABBIT_USER="${SESSIONS_RABBIT_USER:-rabbitmq}"
else
  SESSIONS_RABBIT_USER="$(id -un)"
fi
SESSIONS_RABBIT_DIR="$SESSIONS_STATE_DIR/rabbitmq"
SESSIONS_RABBIT_HOME="$SESSIONS_RABBIT_DIR/home"   # HOME of the node and of the CLI tools: .erlang.cookie

export RABBITMQ_NODENAME="$SESSIONS_RABBIT_NODENAME"
export RABBITMQ_MNESIA_BASE="$SESSIONS_RABBIT_DIR/mnesia"
export RABBITMQ_LOG_BASE="$SESSIONS_RABBIT_DIR/log"
export RABBITMQ_CONFIG_FILE="$SESSIONS_RABBIT_DIR/rabbitmq.conf"
export RABBITMQ_ADVANCED_CONFIG_FILE="$SESSIONS_RABBIT_DIR/advanced.config"   # not created; keeps /etc out
export RABBITMQ_CONF_ENV_FILE="$SESSIONS_RABBIT_DIR/rabbitmq-env.conf"          # not created; keeps /etc out
export RABBITMQ_ENABLED_PLUGINS_FILE="$SESSIONS_RABBIT_DIR/enabled_plugins"
export RABBITMQ_PID_FILE="$SESSIONS_RABBIT_DIR/rabbitmq.pid"
export RABBITMQ_DIST_PORT="$SESSIONS_RABBIT_DIST_PORT"
# Distribution (node and CLI tools) and epmd listen on loopback only.
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
export RABBITMQ_CTL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
export ERL_EPMD_ADDRESS=127.0.0.1
export ERL_EPMD_PORT="$SESSIONS_EPMD_PORT"

# sessions_rabbit_run SECONDS COMMAND [ARGS...]: runs COMMAND with this node's HOME, in its folder, as its
# user; SECONDS > 0 bounds it (timeout), 0 does not.
sessions_rabbit_run() {
  local seconds=$1; shift
  local dir="$SESSIONS_RABBIT_DIR"
  [ -d "$dir" ] || dir=/
  local run=()
  if [ "$(id -u)" -eq 0 ] && [ "$SESSIONS_RABBIT_USER" != root ]; then
    run=(runuser -u "$SESSIONS_RABBIT_USER" --)
  fi
  run+=(env HOME="$SESSIONS_RABBIT_HOME")
  [ "$seconds" -gt 0 ] && run+=(timeout -k 5 "$seconds")
  (cd "$dir" && exec "${run[@]}" "$@")
}

# sessions_rabbit_cli SECONDS TOOL [ARGS...]: one of RabbitMQ's CLI tools against this node.
sessions_rabbit_cli() {
  local seconds=$1 tool=$2; shift 2
  sessions_rabbit_run "$seconds" "$SESSIONS_RABBIT_BIN/$tool" -n "$RABBITMQ_NODENAME" "$@"
}

# sessions_rabbit_pids NAME: processes named NAME (beam.smp, epmd) started for this node's data folder — found
# by RABBITMQ_MNESIA_BASE in their environment (epmd inherits it from the beam that spawned it); the CLI tools'
# own beams (escript) left out.
sessions_rabbit_pids() {
  local name=$1 pid
  for pid in $(pgrep -x "$name" 2>/dev/null); do
    # grep -z reads the NUL-separated files itself (no pipe: no SIGPIPE under pipefail)
    grep -qzxF "RABBITMQ_MNESIA_BASE=$RABBITMQ_MNESIA_BASE" "/proc/$pid/environ" 2>/dev/null || continue
    grep -qzxF escript "/proc/$pid/cmdline" 2>/dev/null && continue
    echo "$pid"
  done
  return 0
}

rabbitmqctl() { sessions_rabbit_run 0 "$SESSIONS_RABBIT_BIN/rabbitmqctl" "$@"; }
rabbitmq-diagnostics() { sessions_rabbit_run 0 "$SESSIONS_RABBIT_BIN/rabbitmq-diagnostics" "$@"; }
rabbitmq-plugins() { sessions_rabbit_run 0 "$SESSIONS_RABBIT_BIN/rabbitmq-plugins" "$@"; }
rabbitmq-queues() { sessions_rabbit_run 0 "$SESSIONS_RABBIT_BIN/rabbitmq-queues" "$@"; }
