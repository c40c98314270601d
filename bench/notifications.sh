#!/usr/bin/env bash
# Builds the server and the notification benchmark in Release and runs it: event-to-frame latency of
# WebSocket telephony notifications (receive time - body.eventTime) on loopback at the target event rate,
# with 1 and with many subscribers, side by side with a minimal Kestrel WebSocket server pushing frames of
# the same size at the same rate to the same number of clients (the loopback floor).
# Arguments pass through: rate seconds subscribers warmup (defaults 1000 15 100 3).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release src/Switchboard.Server/Switchboard.Server.csproj -v quiet -nologo >/dev/null
dotnet build -c Release bench/Switchboard.NotifyBench/Switchboard.NotifyBench.csproj -v quiet -nologo >/dev/null
out=$(SWITCHBOARD_DLL="$PWD/src/Switchboard.Server/bin/Release/net10.0/switchboard.dll" \
  dotnet bench/Switchboard.NotifyBench/bin/Release/net10.0/Switchboard.NotifyBench.dll "$@")
grep '^Switchboard' <<<"$out"
printf '| %-48s | %14s |\n|%s|%s|\n' "measure" "value" "$(printf -- '-%.0s' {1..50})" "$(printf -- '-%.0s' {1..16})"
grep '^|' <<<"$out"
