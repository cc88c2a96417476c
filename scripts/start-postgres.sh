#!/usr/bin/env bash
# Starts a throw-away PostgreSQL for the tests and local development, listening on 127.0.0.1 only, with a
# login role and a database of its own (local development only: fsync off):
#   Host=127.0.0.1;Port=54329;Username=sessions;Password=sessions;Database=sessions
# Everything lives in $SESSIONS_STATE_DIR/postgres (/tmp/sessions-servers/postgres): data/ (the cluster),
# run/ (its unix socket), server.log. Runs as user postgres when started by root (initdb refuses root).
# Idempotent: a running server is left alone; an existing cluster is started again as it is.
#
# Honours: SESSIONS_STATE_DIR, SESSIONS_PG_PORT (54329), SESSIONS_PG_BIN (/usr/lib/postgresql/15/bin),
#   SESSIONS_PG_USER / SESSIONS_PG_PASSWORD / SESSIONS_PG_DATABASE (sessions / sessions / sessions),
#   SESSIONS_PG_OS_USER (postgres; the system user the server runs as when started by root),
#   SESSIONS_PG_START_TIMEOUT (60 s).
# The connection string is printed on stdout. Stop: scripts/stop-postgres.sh [--purge].
set -euo pipefail

log() { printf 'start-postgres: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

state_dir="$(realpath -m -- "${SESSIONS_STATE_DIR:-/tmp/sessions-servers}")"
pg_dir="$state_dir/postgres"
data="$pg_dir/data"
socket_dir="$pg_dir/run"
server_log="$pg_dir/server.log"
port="${SESSIONS_PG_PORT:-54329}"
bin="${SESSIONS_PG_BIN:-/usr/lib/postgresql/15/bin}"
db_user="${SESSIONS_PG_USER:-sessions}"
db_password="${SESSIONS_PG_PASSWORD:-sessions}"
db_name="${SESSIONS_PG_DATABASE:-sessions}"
start_timeout="${SESSIONS_PG_START_TIMEOUT:-60}"
if [ "$(id -u)" -eq 0 ]; then os_user="${SESSIONS_PG_OS_USER:-postgres}"; else os_user="$(id -un)"; fi
connection="Host=127.0.0.1;Port=$port;Username=$db_user;Password=$db_password;Database=$db_name"

# Runs a command as the server's system user, from a directory it can enter.
as_os_user() {
  if [ "$(id -u)" -eq 0 ] && [ "$os_user" != root ]; then
    (cd / && exec runuser -u "$os_user" -- "$@")
  else
    (cd / && exec "$@")
  fi
}
running() { [ -f "$data/PG_VERSION" ] && as_os_user "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
conf_value() { printf "'%s'" "${1//\'/\'\'}"; }

[[ "$port" =~ ^[0-9]+$ ]] || die "SESSIONS_PG_PORT must be a port number, not '$port'"
[ -x "$bin/initdb" ] || die "no PostgreSQL in $bin (set SESSIONS_PG_BIN, or install postgresql-15)"

if running; then
  log "PostgreSQL already running in $data"
  echo "$connection"
  exit 0
fi
port_open "$port" && die "port 127.0.0.1:$port is already in use (see: ss -ltnp 'sport = :$port'); set SESSIONS_PG_PORT"
id -u "$os_user" >/dev/null 2>&1 || die "no system user $os_user (set SESSIONS_PG_OS_USER)"

if [ ! -d "$state_dir" ]; then
  mkdir -p "$state_dir"
  chmod 755 "$state_dir"
elif [ "$(id -u)" -eq 0 ] && ! as_os_user test -x "$state_dir"; then
  # e.g. a folder from mktemp -d (mode 700): the server's user must be able to enter it.
  chmod a+x "$state_dir"
  log "made $state_dir enterable by $os_user (chmod a+x)"
fi
mkdir -p "$data" "$socket_dir"
[ "$(id -u)" -eq 0 ] && chown -R "$os_user:" "$pg_dir"
chmod 700 "$data"
as_os_user test -w "$data" \
  || die "user $os_user cannot write $data — are $state_dir and its parents traversable by it? (or set SESSIONS_STATE_DIR)"

if [ ! -f "$data/PG_VERSION" ]; then
  [ -z "$(ls -A "$data")" ] || die "$data is neither empty nor a PostgreSQL cluster; delete it (scripts/stop-postgres.sh --purge)"
  log "creating a cluster in $data"
  # Unix socket: trust (only this user can enter run/... and the scripts use it); TCP: passwords.
  as_os_user "$bin/initdb" -D "$data" -U postgres -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 > "$pg_dir/initdb.log" 2>&1 \
    || { tail -n 20 "$pg_dir/initdb.log" >&2; die "initdb failed (log: $pg_dir/initdb.log)"; }
  echo "include_if_exists = 'sessions.conf'" >> "$data/postgresql.conf"
fi

# Settings, rewritten on every start (the port may have changed).
cat > "$data/sessions.conf" <<CONF
# Written by scripts/start-postgres.sh on every start; edit that script instead.
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = $(conf_value "$socket_dir")
max_connections = 300
# A throw-away server: durability is not needed, speed is.
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
[ "$(id -u)" -eq 0 ] && chown "$os_user:" "$data/sessions.conf"
[ "$(id -u)" -eq 0 ] && touch "$server_log" && chown "$os_user:" "$server_log"

log "starting PostgreSQL on 127.0.0.1:$port ($data)"
if ! as_os_user "$bin/pg_ctl" -D "$data" -l "$server_log" -w -t "$start_timeout" start >/dev/null; then
  tail -n 20 "$server_log" >&2 || true
  die "PostgreSQL did not start (log: $server_log)"
fi

# The role and database (created once; password and CREATEDB made right on every start).
as_os_user "$bin/psql" -h "$socket_dir" -p "$port" -U postgres -d postgres -X -q -v ON_ERROR_STOP=1 \
  -v user="$db_user" -v password="$db_password" -v db="$db_name" > /dev/null <<'SQL'
SELECT format('CREATE ROLE %I', :'user') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'user') \gexec
SELECT format('ALTER ROLE %I LOGIN CREATEDB PASSWORD %L', :'user', :'password') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'user') WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
-- Tests drop their databases WITH (FORCE); a background worker (autovacuum) on one is not the role's own process.
SELECT format('GRANT pg_signal_backend TO %I', :'user') \gexec
SQL
log "PostgreSQL ready: role $db_user, database $db_name, log $server_log"
echo "$connection"
