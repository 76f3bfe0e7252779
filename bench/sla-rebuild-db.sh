#!/usr/bin/env bash
# Benchmark (issue 15): `desk sla rebuild` over TICKETS tickets in PostgreSQL. Creates a scratch database,
# migrates it (a first `desk sla rebuild` on the empty database), bulk-loads the tickets with their histories
# (bench/seed-history.sql: generate_series, one ticket a minute back from now, ~5 history events each), then
# times two rebuilds with the real CLI: the first stores every ticket's clocks (all missing: each one is a
# difference, exit 1), the second checks them all and must find no difference (exit 0).
# Usage: bench/sla-rebuild-db.sh [TICKETS=1000000]
# Needs: PostgreSQL on 127.0.0.1:5432 (user postgres), GNU time. Writes nothing outside a scratch DB and /tmp.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
tickets=${1:-1000000}
db=desk_sla_rebuild_$$
. bench/lib.sh
. scripts/java-home.sh
desk_pick_java
./desk --version >/dev/null  # builds the jar if the sources are newer
psql_ -d postgres -c "CREATE DATABASE $db"
trap 'psql_ -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null || true' EXIT
export DESK_DATABASE_URL="jdbc:postgresql://127.0.0.1:5432/$db" DESK_DATABASE_USER=postgres
./desk sla rebuild >/dev/null  # migrates the empty database

echo "loading $tickets tickets with their history…" >&2
load_start=$(date +%s)
psql_ -d "$db" -v ON_ERROR_STOP=1 -v tickets="$tickets" -v step=1 -v comments=0 -f bench/seed-history.sql >/dev/null
echo "loaded in $(( $(date +%s) - load_start )) s: $(psql_ -d "$db" -tA -c 'SELECT count(*) FROM ticket_events') events" >&2

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(psql_ -d "$db" -tA -c 'SHOW server_version'); $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
run() { # label: times one `desk sla rebuild`, prints its summary line, wall time, max RSS, load average
  local label=$1 code=0
  local out="/tmp/desk-sla-rebuild-$label.txt"
  local load_before; load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  /usr/bin/time -f '%e %M' -o /tmp/desk-sla-rebuild-time.txt ./desk sla rebuild > "$out" || code=$?
  read -r wall rss < <(tail -n 1 /tmp/desk-sla-rebuild-time.txt)
  echo "| $label | $(tail -n 1 "$out") | exit $code | ${wall} s | $(( rss / 1024 )) MB | $load_before → $(cut -d' ' -f1-3 /proc/loadavg) |"
}
echo "| run | summary (desk's last line) | exit | wall (JVM start included) | max RSS | load average before → after |"
echo "|---|---|---|---|---|---|"
run first
run again
echo "differences reported by the first run: $(( $(wc -l < /tmp/desk-sla-rebuild-first.txt) - 1 )) lines (in /tmp/desk-sla-rebuild-first.txt)" >&2
