#!/usr/bin/env bash
# Stops the PostgreSQL started by start-postgres.sh; --purge also deletes its data folder.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/servers-env.sh"
user=postgres; [ "$(id -u)" -eq 0 ] || user=$(id -un)
if [ -f "$PG_DIR/PG_VERSION" ] && as_user "$user" "$PG_BIN/pg_ctl" -D "$PG_DIR" status >/dev/null 2>&1; then
  as_user "$user" "$PG_BIN/pg_ctl" -D "$PG_DIR" -m fast -w -t 60 stop >/dev/null
  echo "PostgreSQL stopped" >&2
fi
[ "${1:-}" = "--purge" ] && rm -rf "$PG_DIR"
exit 0
