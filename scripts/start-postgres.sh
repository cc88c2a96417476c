#!/usr/bin/env bash
# Starts PostgreSQL 15 on 127.0.0.1:$SESSIONS_PG_PORT (54329) in $SESSIONS_STATE_DIR/postgres, with a login
# role and database "sessions" (password "sessions"; local development only). Idempotent.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/servers-env.sh"
user=postgres; [ "$(id -u)" -eq 0 ] || user=$(id -un)

if [ -f "$PG_DIR/PG_VERSION" ] && as_user "$user" "$PG_BIN/pg_ctl" -D "$PG_DIR" status >/dev/null 2>&1; then
  echo "PostgreSQL already running in $PG_DIR" >&2
else
  mkdir -p "$PG_DIR"
  chmod 755 "$SESSIONS_STATE_DIR"
  [ "$(id -u)" -eq 0 ] && chown -R "$user" "$PG_DIR"
  chmod 700 "$PG_DIR"
  if [ ! -f "$PG_DIR/PG_VERSION" ]; then
    as_user "$user" "$PG_BIN/initdb" -D "$PG_DIR" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  as_user "$user" "$PG_BIN/pg_ctl" -D "$PG_DIR" -l "$PG_DIR/server.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -p $SESSIONS_PG_PORT -k $PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" >/dev/null \
    || { echo "PostgreSQL did not start; see $PG_DIR/server.log:" >&2; tail -20 "$PG_DIR/server.log" >&2; exit 1; }
fi

psql() { as_user "$user" /usr/bin/psql -h "$PG_DIR" -p "$SESSIONS_PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
if [ "$(psql -d postgres -c "SELECT 1 FROM pg_roles WHERE rolname = 'sessions'")" != "1" ]; then
  psql -d postgres -c "CREATE ROLE sessions LOGIN CREATEDB PASSWORD 'sessions'"
fi
if [ "$(psql -d postgres -c "SELECT 1 FROM pg_database WHERE datname = 'sessions'")" != "1" ]; then
  psql -d postgres -c "CREATE DATABASE sessions OWNER sessions"
fi
echo "PostgreSQL ready: Host=127.0.0.1;Port=$SESSIONS_PG_PORT;Username=sessions;Password=sessions;Database=sessions"
