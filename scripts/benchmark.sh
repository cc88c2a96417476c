#!/usr/bin/env bash
# Runs the BenchmarkDotNet benchmarks in Release. Arguments go to BenchmarkDotNet, for example:
#   scripts/benchmark.sh --filter '*SessionProcessing*'
#   scripts/benchmark.sh --filter '*' --job short      # quicker, less precise
# Reports land in BenchmarkDotNet.Artifacts/results; the figures we keep are in docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
exec dotnet run -c Release --project tests/Sessions.Benchmarks -- "${@:---filter *}"
