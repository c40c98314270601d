#!/usr/bin/env bash
# Builds the call engine benchmark in Release and runs it: full calls/s and events/s with a
# subscriber, the bare-loop floor for the same events, and memory per idle (ringing) session.
# Arguments pass through: calls concurrency idle users (defaults 200000 1000 100000 2000).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release bench/Switchboard.Bench/Switchboard.Bench.csproj -v quiet -nologo >/dev/null
out=$(dotnet bench/Switchboard.Bench/bin/Release/net10.0/Switchboard.Bench.dll "$@")
grep '^Switchboard' <<<"$out"
printf '| %-48s | %14s |\n|%s|%s|\n' "measure" "value" "$(printf -- '-%.0s' {1..50})" "$(printf -- '-%.0s' {1..16})"
grep '^|' <<<"$out"
