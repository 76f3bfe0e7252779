#!/usr/bin/env bash
# Benchmark: the ticket list API over 1,000,000 tickets in PostgreSQL (keyset pagination + indexes).
# Starts the real jar on a scratch database, bulk-loads tickets with generate_series, then times the
# list queries over loopback with curl. Usage: bench/ticket-list-million.sh [TICKETS] [REQUESTS]
# Needs: PostgreSQL on 127.0.0.1:5432 (user postgres), curl, python3. Writes nothing outside a scratch DB.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
tickets=${1:-1000000}
requests=${2:-200}
db=desk_bench_$$
port=${BENCH_PORT:-18080}
token=mdk_bench_token_0123456789abcdefghijklmnop
. bench/lib.sh
DESK_ADMIN_PASSWORD=bench-password DESK_ADMIN_TOKEN=$token bench_start "$db" "$port" /tmp/desk-bench-server.log

echo "loading $tickets tickets…" >&2
load_start=$(date +%s)
psql_ -d "$db" <<SQL
INSERT INTO tickets (number, title, description, type, priority, state, reporter, assignee, api_impact, docs_updated,
  changelog_updated, version, created_at, updated_at, labels)
SELECT n, 'Ticket ' || n || CASE WHEN n % 1000 = 0 THEN ' login timeout' ELSE '' END, 'Generated for the benchmark',
  (ARRAY['CORRECTIVE','EVOLUTIVE','PREVENTIVE','ADAPTIVE'])[1 + n % 4],
  (ARRAY['P1','P2','P3','P4'])[1 + (n / 7) % 4],
  (ARRAY['NEW','TRIAGED','ASSIGNED','IN_PROGRESS','IN_REVIEW','MERGED','CLOSED','CLOSED','CLOSED','REJECTED'])[1 + n % 10],
  'admin', CASE WHEN n % 3 = 0 THEN 'admin' END, false, false, false, 0,
  now() - (($tickets - n) || ' minutes')::interval, now(),
  ARRAY[(ARRAY['bug','feature','security','documentation','performance','tech-debt'])[1 + n % 6]]
FROM generate_series(1, $tickets) AS n;
INSERT INTO ticket_labels (ticket_number, label)
SELECT n, (ARRAY['bug','feature','security','documentation','performance','tech-debt'])[1 + n % 6]
FROM generate_series(1, $tickets) AS n;
SELECT setval('ticket_number_seq', $tickets);
ANALYZE tickets; ANALYZE ticket_labels;
SQL
echo "loaded in $(( $(date +%s) - load_start )) s" >&2

time_requests() { # label, path: prints "label median p95 max" in ms after one warm-up pass
  local label=$1 path=$2 i
  for i in $(seq 1 20); do curl -s -o /dev/null -H "Authorization: Bearer $token" "http://127.0.0.1:$port$path"; done
  for i in $(seq 1 "$requests"); do
    curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $token" "http://127.0.0.1:$port$path"
  done | python3 -c "
import sys, statistics
t = sorted(float(x) * 1000 for x in sys.stdin)
print(f'| $label | \`$path\` | {statistics.median(t):.1f} | {t[int(len(t) * 0.95) - 1]:.1f} | {t[-1]:.1f} |')"
}

deep=$(( tickets / 2 ))
{
  echo "| query | request | median ms | p95 ms | max ms |"
  echo "|---|---|---|---|---|"
  time_requests "first page, newest first" "/api/v1/tickets?limit=50"
  time_requests "page deep in the list (keyset)" "/api/v1/tickets?limit=50&after=$deep"
  time_requests "filter state" "/api/v1/tickets?state=IN_REVIEW&limit=50"
  time_requests "filter priority + deep" "/api/v1/tickets?priority=P1&limit=50&after=$deep"
  time_requests "filter label" "/api/v1/tickets?label=security&limit=50"
  time_requests "filter assignee + type" "/api/v1/tickets?assignee=admin&type=EVOLUTIVE&limit=50"
  time_requests "one ticket" "/api/v1/tickets/$deep"
  time_requests "title text search (1 title in 1000)" "/api/v1/tickets?text=timeout&limit=50"
  time_requests "title text search (no match)" "/api/v1/tickets?text=zzz-nothing&limit=50"
} | tee /tmp/desk-bench-result.md
