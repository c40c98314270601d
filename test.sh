#!/usr/bin/env bash
# Runs every test: the C# suite on SQLite, its storage tests again on PostgreSQL, and the official
# RingCentral JS clients against the server (tests/compat). Installs what it needs, starts a
# throwaway PostgreSQL on 127.0.0.1, and ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)
logs=$(mktemp -d /tmp/switchboard-test.XXXXXX)
passed=0
failed=0
pg_pid=""

say() { printf '\n==> %s\n' "$*"; }

cleanup() {
  if [ -n "$pg_pid" ] && kill -0 "$pg_pid" 2>/dev/null; then
    kill -INT "$pg_pid" 2>/dev/null
    for _ in $(seq 50); do kill -0 "$pg_pid" 2>/dev/null || break; sleep 0.1; done
  fi
}
trap cleanup EXIT

# Sums dotnet's per-assembly summary lines ("Failed:     0, Passed:   150, ...") into the totals.
count_dotnet() {
  local line f p
  while IFS= read -r line; do
    f=$(sed -E 's/.*Failed: +([0-9]+).*/\1/' <<<"$line")
    p=$(sed -E 's/.*Passed: +([0-9]+).*/\1/' <<<"$line")
    passed=$((passed + p)); failed=$((failed + f))
  done < <(grep -E '(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+' "$1")
  grep -qE '(Passed|Failed)! +- Failed:' "$1" || failed=$((failed + 1)) # the run itself broke
}

start_postgres() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$bin" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "Installing PostgreSQL from Debian's packages"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >"$logs/apt.log" 2>&1 \
      || { apt-get update -q >>"$logs/apt.log" 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >>"$logs/apt.log" 2>&1; }
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  fi
  [ -n "$bin" ] || return 1
  local port=${SWITCHBOARD_PG_PORT:-55432}
  local data=$logs/pgdata
  local as=()
  mkdir -p "$data"
  if [ "$(id -u)" = 0 ]; then chown postgres "$data" "$logs"; as=(runuser -u postgres --); fi
  "${as[@]}" "$bin/initdb" -D "$data" -A trust -U postgres >"$logs/initdb.log" 2>&1 || return 1
  "${as[@]}" "$bin/pg_ctl" -D "$data" -l "$logs/postgres.log" -w start \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $data -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null || return 1
  pg_pid=$(head -n 1 "$data/postmaster.pid")
  export SWITCHBOARD_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true"
}

say "Building"
dotnet tool restore >/dev/null
if ! dotnet build -c Release "$root/Switchboard.slnx" >"$logs/build.log" 2>&1; then
  tail -n 40 "$logs/build.log"
  echo "0 passed, 1 failed"
  exit 1
fi

say "C# tests on SQLite"
SWITCHBOARD_TEST_POSTGRES= dotnet test "$root/Switchboard.slnx" -c Release --no-build 2>&1 | tee "$logs/sqlite.log" | grep -E '^\s+Failed |Error Message|(Passed|Failed)! '
count_dotnet "$logs/sqlite.log"

say "C# tests on PostgreSQL"
# Everything that touches storage runs again on PostgreSQL. Left out: the pure engine (Telephony) and
# the wire format (Wire), which never reach the database.
on_postgres='FullyQualifiedName!~Switchboard.Tests.Telephony.&FullyQualifiedName!~Switchboard.Tests.Wire.'
if start_postgres; then
  dotnet test "$root/Switchboard.slnx" -c Release --no-build --filter "$on_postgres" 2>&1 | tee "$logs/postgres.log" | grep -E '^\s+Failed |Error Message|(Passed|Failed)! '
  count_dotnet "$logs/postgres.log"
else
  echo "PostgreSQL could not be started (see $logs); the PostgreSQL run counts as failed."
  failed=$((failed + 1))
fi

say "Official RingCentral clients (tests/compat)"
(cd tests/compat && npm ci --no-audit --no-fund --loglevel=error >"$logs/npm.log" 2>&1) || { tail -n 20 "$logs/npm.log"; failed=$((failed + 1)); }
SWITCHBOARD_CONFIGURATION=Release node --test --test-reporter=tap tests/compat/ >"$logs/compat.tap" 2>&1
grep -E '^not ok|^# (pass|fail)' "$logs/compat.tap"
grep -B2 -A25 '^not ok' "$logs/compat.tap" | head -n 120
p=$(sed -nE 's/^# pass ([0-9]+)/\1/p' "$logs/compat.tap"); f=$(sed -nE 's/^# fail ([0-9]+)/\1/p' "$logs/compat.tap")
if [ -z "$p" ]; then failed=$((failed + 1)); else passed=$((passed + p)); failed=$((failed + f)); fi

echo
echo "Logs: $logs"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
