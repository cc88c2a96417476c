#!/usr/bin/env bash
# The README's test command: installs what is missing (Debian packages), starts PostgreSQL and RabbitMQ on
# loopback in throw-away data folders, runs every test, stops the servers (also when interrupted), and ends
# with the line "N passed, N failed".
#
#   scripts/test.sh              everything (what CI runs)
#   scripts/test.sh --embedded   the unit and SQLite/in-memory tests, no servers
#   scripts/test.sh --quick      the unit tests only: pure logic, no servers (a developer's loop, a few minutes)
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-}
case "$mode" in
  ""|--embedded|--quick) ;;
  *) echo "usage: scripts/test.sh [--embedded|--quick]" >&2; exit 2 ;;
esac

target=Sessions.sln
filter=()
if [ "$mode" = "--quick" ]; then
  target=tests/Sessions.UnitTests
elif [ "$mode" = "--embedded" ]; then
  # Whole names (namespace or class and a dot), so that "Faults" does not also drop tests named "..._defaults_...".
  servers=(
    "Sessions.IntegrationTests.Faults."
    "_on_Postgres."
    "Sessions.IntegrationTests.SqliteWriteGateTests.PostgreSQL_"
    "Sessions.IntegrationTests.RabbitMqPipelineTests."
    "Sessions.IntegrationTests.EndToEndTests."
    "Sessions.IntegrationTests.StatusCommandTests."
    "Sessions.IntegrationTests.TelemetryTests."
    "Sessions.IntegrationTests.MigrationTests."
    "Sessions.AspireTests."
  )
  expression=$(printf 'FullyQualifiedName!~%s&' "${servers[@]}")
  filter=(--filter "${expression%&}")
else
  scripts/install-prerequisites.sh
  export SESSIONS_STATE_DIR="${SESSIONS_STATE_DIR:-$(mktemp -d /tmp/sessions-test-servers.XXXXXX)}"
  stop_servers() {
    scripts/stop-rabbitmq.sh --purge >/dev/null 2>&1 || true
    scripts/stop-postgres.sh --purge >/dev/null 2>&1 || true
  }
  trap stop_servers EXIT
  trap 'exit 130' INT TERM
  scripts/start-postgres.sh
  scripts/start-rabbitmq.sh
fi

dotnet build "$target" -c Release -nologo -clp:ErrorsOnly
log=$(mktemp /tmp/sessions-test-log.XXXXXX)
export SESSIONS_TEST_REPORTS=$(mktemp -d /tmp/sessions-test-reports.XXXXXX)
set +e
dotnet test "$target" -c Release --no-build -nologo "${filter[@]}" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# Figures some tests measure (precision/recall and the like), printed with the results.
if [ -d "$SESSIONS_TEST_REPORTS" ]; then
  for report in "$SESSIONS_TEST_REPORTS"/*.txt; do [ -f "$report" ] && cat "$report"; done
  rm -rf "$SESSIONS_TEST_REPORTS"
fi

# One summary line per test assembly ("Passed!  - Failed: 0, Passed: 34, ..."); add them up.
read -r passed failed < <(grep -E '(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+' "$log" \
  | sed -E 's/.*Failed: +([0-9]+), Passed: +([0-9]+).*/\2 \1/' \
  | awk '{p+=$1; f+=$2} END {print p+0, f+0}')
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1 # the run broke before counting (a build or host crash): never report it as green
fi
echo "$passed passed, $failed failed"
exit "$status"
