#!/usr/bin/env bash
# Contributed-data import benchmark: generates a JSON Lines file of ~1 KB chat rows (default 1 GB), imports it with
# `sessions-admin import` (Release) into SQLite and into PostgreSQL, and loads the same lines raw as the ceiling
# (sqlite3 .import into a one-column table; psql \copy). Prints MB/s, CPU seconds (user + system) and peak RSS (from
# /usr/bin/time -v) per run. The import commits rows with their embeddings pending; then the embedding backfill
# (`sessions-admin backfill`) is measured on the SQLite database beside the encoder alone on the same rows
# (`backfill --encoder-only`), and the same rows exported to Parquet are imported again.
#   scripts/benchmark-import.sh [--mb 1024] [--postgres "Host=127.0.0.1;Port=54329;Username=sessions;Password=sessions"]
#     [--admin path/to/sessions-admin] (a prebuilt tool, say an earlier commit's, instead of building this tree's)
#     [--backfill-rows N] (measure the backfill and the encoder on the first N waiting rows only: a real encoder is slow)
# PostgreSQL must be running (scripts/start-postgres.sh); a throw-away database is created and dropped.
set -euo pipefail
cd "$(dirname "$0")/.."
MB=1024
PG="Host=127.0.0.1;Port=54329;Username=sessions;Password=sessions"
ADMIN=""
BACKFILL=9223372036854775807
while [[ $# -gt 0 ]]; do
  case "$1" in
    --mb) MB="$2"; shift 2 ;;
    --postgres) PG="$2"; shift 2 ;;
    --admin) ADMIN="$2"; shift 2 ;;
    --backfill-rows) BACKFILL="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 1 ;;
  esac
done

WORK=$(mktemp -d /tmp/sessions-import-bench-XXXXXX)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/imports"
FILE="$WORK/imports/rows.jsonl"
python3 - "$FILE" "$MB" <<'PY'
import json, random, sys
path, mb = sys.argv[1], int(sys.argv[2])
words = ("the invoice storage volume billing account monthly charge support please update network server backup restore "
         "password reset email address plan upgrade thanks quota region latency cluster replica snapshot migrate").split()
rnd, target, row = random.Random(42), mb * 1024 * 1024, 0
with open(path, "w", encoding="utf-8") as f:
    while f.tell() < target:
        user = " ".join(rnd.choice(words) for _ in range(45))
        reply = " ".join(rnd.choice(words) for _ in range(110))
        f.write(json.dumps({"messages": [{"role": "system", "content": "You are a helpful support assistant."},
                                         {"role": "user", "content": f"ticket {row}: {user}"},
                                         {"role": "assistant", "content": reply}]}) + "\n")
        row += 1
PY
BYTES=$(stat -c %s "$FILE"); ROWS=$(wc -l < "$FILE")
echo "file: $FILE, $ROWS rows, $BYTES bytes"
if [[ -z "$ADMIN" ]]; then
  dotnet build -c Release services/Sessions.Admin -v q -nologo > /dev/null
  ADMIN="services/Sessions.Admin/bin/Release/net10.0/sessions-admin"
fi

measure() { # name, command...: prints MB/s and peak RSS
  local name="$1"; shift
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -v "$@" > "$WORK/out.txt" 2> "$WORK/time.txt" || { cat "$WORK/out.txt" "$WORK/time.txt" >&2; exit 1; }
  end=$(date +%s.%N)
  local rss; rss=$(awk '/Maximum resident set size/ {print $6}' "$WORK/time.txt")
  # CPU seconds too: on a shared machine the wall time follows the others' load, the CPU used by the run much less.
  local cpu; cpu=$(awk -F': ' '/User time|System time/ {t += $2} END {print t}' "$WORK/time.txt")
  awk -v n="$name" -v b="$BYTES" -v s="$start" -v e="$end" -v r="$rss" -v c="$cpu" \
    'BEGIN { printf "%-28s %8.1f s %8.1f MB/s  CPU %7.1f s  peak RSS %6.0f MB\n", n, e - s, b / 1048576 / (e - s), c, r / 1024 }'
}

export Datasets__Import__ImportRoots__0="$WORK/imports"
export Database__Provider=Sqlite Database__ConnectionString="Data Source=$WORK/sessions.db"
"$ADMIN" migrate > /dev/null
measure "import, SQLite" "$ADMIN" import "$FILE" --json
grep -E '"(accepted|rejected|embeddingsPending)"' "$WORK/out.txt" | tr -d ' \n'; echo
# The backfill behind it: the encoder alone on the waiting rows (nothing stored), then the backfill storing them.
measure "encoder alone (no store)" "$ADMIN" backfill --encoder-only --limit "$BACKFILL"
tail -1 "$WORK/out.txt"
measure "backfill, SQLite" "$ADMIN" backfill --limit "$BACKFILL"
tail -1 "$WORK/out.txt"
# Parquet: the accepted rows exported in the Hugging Face chat layout, imported into a fresh database.
"$ADMIN" export --format parquet --order id --output "$WORK/imports/rows.parquet" > /dev/null
PQBYTES=$(stat -c %s "$WORK/imports/rows.parquet")
export Database__ConnectionString="Data Source=$WORK/parquet.db"
"$ADMIN" migrate > /dev/null
BYTES_JSONL=$BYTES; BYTES=$PQBYTES
measure "import Parquet, SQLite" "$ADMIN" import "$WORK/imports/rows.parquet" --json
grep -E '"(accepted|rejected)"' "$WORK/out.txt" | tr -d ' \n'; echo " (Parquet file: $PQBYTES bytes; MB/s of the Parquet file)"
BYTES=$BYTES_JSONL

DB="sessions_bench_$$"
# psql's URL from the same connection string, so the ceiling runs against the server the import used.
pg_field() { tr ';' '\n' <<< "$PG" | awk -F= -v k="$1" -v d="$2" 'tolower($1) == tolower(k) { v = $2 } END { print (v == "" ? d : v) }'; }
PGURL="postgresql://$(pg_field Username sessions):$(pg_field Password sessions)@$(pg_field Host 127.0.0.1):$(pg_field Port 5432)"
psql "$PGURL/postgres" -qc "CREATE DATABASE $DB" > /dev/null
trap 'psql "$PGURL/postgres" -qc "DROP DATABASE IF EXISTS $DB" > /dev/null; rm -rf "$WORK"' EXIT
export Database__Provider=Postgres Database__ConnectionString="$PG;Database=$DB"
"$ADMIN" migrate > /dev/null
measure "import, PostgreSQL" "$ADMIN" import "$FILE" --json
grep -E '"(accepted|rejected)"' "$WORK/out.txt" | tr -d ' \n'; echo

# The ceiling: the same lines into a one-column table, no parsing, no validation, no indexes.
sqlite3 "$WORK/raw.db" "CREATE TABLE raw(line TEXT);"
measure "raw sqlite3 .import" sqlite3 "$WORK/raw.db" ".mode ascii" ".separator \"\\037\" \"\\n\"" ".import $FILE raw"
psql "$PGURL/$DB" -qc "CREATE TABLE raw(line text)"
measure "raw psql \\copy" psql "$PGURL/$DB" -qc "\\copy raw(line) from '$FILE' with (format csv, quote e'\\x01', delimiter e'\\x02')"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GB RAM"
