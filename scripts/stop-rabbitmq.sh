#!/usr/bin/env bash
# Stops the RabbitMQ node started by start-rabbitmq.sh; --purge also deletes its data folder.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/servers-env.sh"
if [ -d "$RABBIT_DIR" ]; then
  timeout 60 bash -c "source '$here/servers-env.sh'; rabbitmq_cli rabbitmqctl -q stop" >/dev/null 2>&1 || true
  # Whatever is left of this node (its beam and epmd) goes too.
  pkill -f "beam.smp.*$RABBIT_DIR" >/dev/null 2>&1 || true
  pkill -u rabbitmq -x epmd >/dev/null 2>&1 || true
  echo "RabbitMQ stopped" >&2
fi
[ "${1:-}" = "--purge" ] && rm -rf "$RABBIT_DIR"
exit 0
