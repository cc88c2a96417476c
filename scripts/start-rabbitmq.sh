#!/usr/bin/env bash
# Starts RabbitMQ (Debian's rabbitmq-server) as node sessions@localhost on 127.0.0.1:$SESSIONS_RABBIT_PORT
# (5672), with the management API on 127.0.0.1:$SESSIONS_RABBIT_MGMT_PORT (15672), in
# $SESSIONS_STATE_DIR/rabbitmq. guest/guest works on loopback only (local development). Idempotent.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || "$here/install-prerequisites.sh"
source "$here/servers-env.sh"

if rabbitmq_cli rabbitmq-diagnostics -q ping >/dev/null 2>&1; then
  echo "RabbitMQ already running as $RABBITMQ_NODENAME" >&2
  exit 0
fi

mkdir -p "$SESSIONS_STATE_DIR" "$RABBIT_DIR/home" "$RABBIT_DIR/mnesia" "$RABBIT_DIR/log"
chmod 755 "$SESSIONS_STATE_DIR"
cat > "$RABBITMQ_CONFIG_FILE" <<CONF
listeners.tcp.default = 127.0.0.1:$SESSIONS_RABBIT_PORT
management.tcp.ip = 127.0.0.1
management.tcp.port = $SESSIONS_RABBIT_MGMT_PORT
loopback_users.guest = true
disk_free_limit.absolute = 50MB
log.console = false
CONF
echo "[rabbitmq_management]." > "$RABBITMQ_ENABLED_PLUGINS_FILE"
cookie="$RABBIT_DIR/home/.erlang.cookie"
[ -f "$cookie" ] || { head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$cookie"; }
[ "$(id -u)" -eq 0 ] && chown -R rabbitmq "$RABBIT_DIR"
chmod 400 "$cookie"

RUN_HOME="$RABBIT_DIR/home" as_user rabbitmq nohup /usr/lib/rabbitmq/bin/rabbitmq-server \
  > "$RABBIT_DIR/log/startup.log" 2>&1 &

for _ in $(seq 1 120); do
  if rabbitmq_cli rabbitmq-diagnostics -q check_port_connectivity >/dev/null 2>&1; then
    rabbitmq_cli rabbitmqctl -q await_startup --timeout 60 >/dev/null
    if curl -sf -u guest:guest "http://127.0.0.1:$SESSIONS_RABBIT_MGMT_PORT/api/overview" >/dev/null; then
      echo "RabbitMQ ready: amqp://guest:guest@127.0.0.1:$SESSIONS_RABBIT_PORT/ (management http://127.0.0.1:$SESSIONS_RABBIT_MGMT_PORT/)"
      exit 0
    fi
  fi
  sleep 1
done
echo "RabbitMQ did not start within 120 s; see $RABBIT_DIR/log:" >&2
tail -30 "$RABBIT_DIR/log/startup.log" >&2 || true
exit 1
