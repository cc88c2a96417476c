#!/usr/bin/env bash
# End-to-end throughput benchmark: generated sessions (20 messages, a fraction invalid) published to RabbitMQ,
# the three services as separate processes against PostgreSQL and then SQLite, plus the transport ceiling
# (publish + consume with no work) and the embedded configuration (aspire-host). Starts the servers if needed
# (in $SESSIONS_STATE_DIR, default /tmp/sessions-servers) and leaves them running. Prints a Markdown table.
#   scripts/benchmark-pipeline.sh                       5,000 sessions, everything
#   scripts/benchmark-pipeline.sh --sessions 20000 --providers postgres --no-embedded
#   scripts/benchmark-pipeline.sh --warmup 600 --sessions 800 --rate 16 --providers sqlite --no-ceiling --no-embedded
#                                                       latency at a given rate, services and corpus warmed up first
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/start-postgres.sh >/dev/null
scripts/start-rabbitmq.sh >/dev/null
dotnet build Sessions.sln -c Release -nologo -clp:ErrorsOnly
exec dotnet tests/Sessions.PipelineBenchmark/bin/Release/net10.0/Sessions.PipelineBenchmark.dll "$@"
