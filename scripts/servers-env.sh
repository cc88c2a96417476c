# Sourced by the server scripts: where the throw-away servers live and listen. Override any of these.
SESSIONS_STATE_DIR="${SESSIONS_STATE_DIR:-/tmp/sessions-servers}"
SESSIONS_PG_PORT="${SESSIONS_PG_PORT:-54329}"
SESSIONS_RABBIT_PORT="${SESSIONS_RABBIT_PORT:-5672}"
SESSIONS_RABBIT_MGMT_PORT="${SESSIONS_RABBIT_MGMT_PORT:-15672}"
SESSIONS_RABBIT_DIST_PORT="${SESSIONS_RABBIT_DIST_PORT:-25673}"
SESSIONS_EPMD_PORT="${SESSIONS_EPMD_PORT:-4369}"

PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
PG_DIR="$SESSIONS_STATE_DIR/postgres"

RABBIT_DIR="$SESSIONS_STATE_DIR/rabbitmq"
export RABBITMQ_NODENAME="sessions@localhost"
export RABBITMQ_MNESIA_BASE="$RABBIT_DIR/mnesia"
export RABBITMQ_LOG_BASE="$RABBIT_DIR/log"
export RABBITMQ_CONFIG_FILE="$RABBIT_DIR/rabbitmq.conf"
export RABBITMQ_ENABLED_PLUGINS_FILE="$RABBIT_DIR/enabled_plugins"
export RABBITMQ_PID_FILE="$RABBIT_DIR/rabbitmq.pid"
export RABBITMQ_DIST_PORT="$SESSIONS_RABBIT_DIST_PORT"
export ERL_EPMD_ADDRESS=127.0.0.1
# The Erlang distribution port listens on loopback too, not on every interface.
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
export ERL_EPMD_PORT="$SESSIONS_EPMD_PORT"

# Runs a command as the given system user when we are root (the servers refuse or dislike running as root).
as_user() {
  local user=$1; shift
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u "$user" -- env HOME="${RUN_HOME:-/tmp}" "$@"
  else
    "$@"
  fi
}

# rabbitmqctl and rabbitmq-diagnostics for this node: `source scripts/servers-env.sh && rabbitmq_cli rabbitmqctl list_queues`
rabbitmq_cli() {
  local tool=$1; shift
  RUN_HOME="$RABBIT_DIR/home" as_user rabbitmq "/usr/lib/rabbitmq/bin/$tool" -n "$RABBITMQ_NODENAME" "$@"
}
