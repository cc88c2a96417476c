#!/usr/bin/env bash
# Stops the PostgreSQL of scripts/start-postgres.sh (pg_ctl stop -m fast; -m immediate if that does not
# finish within $SESSIONS_PG_STOP_TIMEOUT s, 60).
#   scripts/stop-postgres.sh            stop, keep the data folder
#   scripts/stop-postgres.sh --purge    stop and delete $SESSIONS_STATE_DIR/postgres
# Honours SESSIONS_STATE_DIR, SESSIONS_PG_BIN, SESSIONS_PG_OS_USER like start-postgres.sh. Idempotent.
set -euo pipefail

log() { printf 'stop-postgres: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

purge=false
for arg in "$@"; do
  case "$arg" in
    --purge) purge=true ;;
    -h|--help) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 0 ;;
    *) die "unknown argument: $arg (only --purge)" ;;
  esac
done

state_dir="$(realpath -m -- "${SESSIONS_STATE_DIR:-/tmp/sessions-servers}")"
pg_dir="$state_dir/postgres"
data="$pg_dir/data"
bin="${SESSIONS_PG_BIN:-/usr/lib/postgresql/15/bin}"
stop_timeout="${SESSIONS_PG_STOP_TIMEOUT:-60}"
if [ "$(id -u)" -eq 0 ]; then os_user="${SESSIONS_PG_OS_USER:-postgres}"; else os_user="$(id -un)"; fi

as_os_user() {
  if [ "$(id -u)" -eq 0 ] && [ "$os_user" != root ]; then
    (cd / && exec runuser -u "$os_user" -- "$@")
  else
    (cd / && exec "$@")
  fi
}
running() { [ -f "$data/PG_VERSION" ] && as_os_user "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; }

if running; then
  log "stopping PostgreSQL ($data)"
  if ! as_os_user "$bin/pg_ctl" -D "$data" -m fast -w -t "$stop_timeout" stop >/dev/null; then
    log "fast shutdown did not finish within ${stop_timeout}s; shutting down immediately"
    as_os_user "$bin/pg_ctl" -D "$data" -m immediate -w -t 30 stop >/dev/null || true
  fi
  running && die "PostgreSQL in $data is still running"
  log "PostgreSQL stopped"
else
  log "PostgreSQL is not running ($data)"
fi

if $purge; then
  rm -rf -- "$pg_dir"
  rmdir -- "$state_dir" 2>/dev/null || true   # only when nothing else is left in it
  log "deleted $pg_dir"
fi
exit 0
