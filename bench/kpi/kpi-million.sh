#!/usr/bin/env bash
# Benchmark: GET /api/v1/kpis for a year and GET /api/v1/conformance for a month over TICKETS tickets
# (spread over ten years, 2017–2026: a year of KPIs reads a tenth of them) with EVENTS history events
# per ticket, in a scratch PostgreSQL database. Starts the real jar, bulk-loads with generate_series
# (tickets, ticket_events, the KPI tables), then times the requests over loopback with curl.
# Usage: bench/kpi/kpi-million.sh [TICKETS=1000000] [EVENTS_PER_TICKET=10] [REQUESTS=100]
# Needs: PostgreSQL on 127.0.0.1:5432 (user postgres), curl, python3. Writes nothing outside a scratch DB.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$here"
tickets=${1:-1000000}
per_ticket=${2:-10}
requests=${3:-100}
db=desk_kpi_bench_$$
port=${BENCH_PORT:-18081}
token=mdk_bench_token_0123456789abcdefghijklmnop
. bench/lib.sh
DESK_ADMIN_PASSWORD=bench-password DESK_ADMIN_TOKEN=$token bench_start "$db" "$port" /tmp/desk-kpi-bench-server.log

echo "loading $tickets tickets and $(( tickets * per_ticket )) history events…" >&2
load_start=$(date +%s)
psql_ -d "$db" <<SQL
-- ten years of tickets, 2 % P1, 20 % P2
INSERT INTO tickets (number, title, description, type, priority, state, reporter, assignee, api_impact, docs_updated,
  changelog_updated, version, created_at, updated_at)
SELECT n, 'Ticket ' || n, 'Generated for the benchmark',
  (ARRAY['CORRECTIVE','EVOLUTIVE','PREVENTIVE','ADAPTIVE'])[1 + n % 4],
  CASE WHEN n % 50 = 0 THEN 'P1' WHEN n % 5 = 0 THEN 'P2' WHEN n % 2 = 0 THEN 'P3' ELSE 'P4' END,
  (ARRAY['NEW','TRIAGED','ASSIGNED','IN_PROGRESS','IN_REVIEW','MERGED','CLOSED','CLOSED','CLOSED','REJECTED'])[1 + n % 10],
  'admin', CASE WHEN n % 3 = 0 THEN 'admin' END, n % 40 = 0, n % 40 = 0, n % 80 = 0, 0,
  TIMESTAMPTZ '2017-01-01 00:00:00+00' + (n * (315360000.0 / $tickets)) * INTERVAL '1 second', now()
FROM generate_series(1, $tickets) AS n;
SELECT setval('ticket_number_seq', $tickets);
-- the typed history: $per_ticket events a ticket
INSERT INTO ticket_events (ticket_number, occurred_at, actor, action, field, before_value, after_value)
SELECT t.number, t.created_at + k * INTERVAL '7 minutes', 'admin',
  CASE WHEN k = 1 THEN 'CREATED' WHEN k % 3 = 0 THEN 'UPDATED' ELSE 'TRANSITIONED' END,
  CASE WHEN k % 3 = 0 THEN 'TITLE' ELSE 'STATE' END, NULL, 'IN_PROGRESS'
FROM tickets t CROSS JOIN generate_series(1, $per_ticket) AS k;
-- what the kpi module keeps from each ticket's events
INSERT INTO kpi_ticket_facts (ticket_number, type, priority, state, incident, postmortem_required, created_at,
  created_month, take_charge_state, take_charge_month, resolution_state, resolved_at, resolved_month,
  business_minutes, wall_minutes, merged_month, tests_exempt, with_tests, closed_month, updated_at)
SELECT number, type, priority, state, type = 'CORRECTIVE' AND priority IN ('P1', 'P2'), priority = 'P1', created_at,
  to_char(created_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM'),
  CASE WHEN state NOT IN ('NEW', 'TRIAGED') THEN CASE WHEN number % 10 = 0 THEN 'BREACHED' ELSE 'MET' END END,
  CASE WHEN state NOT IN ('NEW', 'TRIAGED') THEN to_char(created_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM') END,
  CASE WHEN state IN ('MERGED', 'CLOSED', 'REJECTED') THEN CASE WHEN number % 7 = 0 THEN 'BREACHED' ELSE 'MET' END END,
  CASE WHEN state IN ('MERGED', 'CLOSED', 'REJECTED') THEN created_at + (number % 600) * INTERVAL '1 minute' END,
  CASE WHEN state IN ('MERGED', 'CLOSED', 'REJECTED')
       THEN to_char((created_at + (number % 600) * INTERVAL '1 minute') AT TIME ZONE 'Europe/Paris', 'YYYY-MM') END,
  CASE WHEN state IN ('MERGED', 'CLOSED', 'REJECTED') THEN number % 900 END,
  CASE WHEN state IN ('MERGED', 'CLOSED', 'REJECTED') THEN 2 * (number % 900) END,
  CASE WHEN state IN ('MERGED', 'CLOSED') THEN to_char(created_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM') END,
  number % 50 = 0, number % 20 <> 0,
  CASE WHEN state = 'CLOSED' THEN to_char(created_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM') END, now()
FROM tickets;
-- about 20 production deployments a week for ten years, 1 in 25 failed, 1 in 100 rolled back; some staging
INSERT INTO kpi_deployments (environment, version, commit_sha, status, started_at, finished_at, first_commit_at,
  finished_month, reported_by, reported_at)
SELECT CASE WHEN n % 5 = 0 THEN 'staging' ELSE 'production' END, '1.' || (n / 100) || '.' || (n % 100), md5(n::text),
  CASE WHEN n % 25 = 0 THEN 'FAILURE' WHEN n % 100 = 1 THEN 'ROLLED_BACK' ELSE 'SUCCESS' END,
  d - INTERVAL '6 minutes', d, CASE WHEN n % 2 = 0 THEN d - (n % 72) * INTERVAL '1 hour' END,
  to_char(d AT TIME ZONE 'Europe/Paris', 'YYYY-MM'), 'ci', d
FROM (SELECT n, TIMESTAMPTZ '2017-01-01 00:00:00+00' + n * INTERVAL '6 hours 18 minutes' AS d
      FROM generate_series(1, 13000) AS n) s;
-- coverage reports of five components, one every two days each
INSERT INTO kpi_coverage (component, commit_sha, format, lines_covered, lines_total, percent, reported_month,
  reported_by, reported_at)
SELECT c, md5(n::text || c), 'COBERTURA', 7000 + (n % 300), 10000, (7000 + (n % 300)) / 100.0,
  to_char(d AT TIME ZONE 'Europe/Paris', 'YYYY-MM'), 'ci', d
FROM (SELECT n, c, TIMESTAMPTZ '2017-01-01 00:00:00+00' + n * INTERVAL '2 days' AS d
      FROM generate_series(1, 1825) AS n CROSS JOIN unnest(ARRAY['api','web','mobile','worker','admin']) AS c) s;
VACUUM ANALYZE tickets; VACUUM ANALYZE ticket_events; VACUUM ANALYZE kpi_ticket_facts; VACUUM ANALYZE kpi_deployments;
VACUUM ANALYZE kpi_coverage;
SQL
echo "loaded in $(( $(date +%s) - load_start )) s" >&2
psql_ -d "$db" -At -c "SELECT 'tickets ' || (SELECT COUNT(*) FROM tickets) || ', events ' || (SELECT COUNT(*) FROM ticket_events)
  || ', facts of 2026 ' || (SELECT COUNT(*) FROM kpi_ticket_facts WHERE created_month LIKE '2026-%')" >&2

time_requests() { # label, path: prints "label median p95 max" in ms after a warm-up pass
  local label=$1 path=$2 i
  for i in $(seq 1 10); do curl -s -o /dev/null -H "Authorization: Bearer $token" "http://127.0.0.1:$port$path"; done
  for i in $(seq 1 "$requests"); do
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $token" "http://127.0.0.1:$port$path"
  done | python3 -c "
import sys, statistics
rows = [line.split() for line in sys.stdin]
assert all(code == '200' for code, _ in rows), 'a request failed'
t = sorted(float(s) * 1000 for _, s in rows)
print(f'| $label | \`$path\` | {statistics.median(t):.1f} | {t[int(len(t) * 0.95) - 1]:.1f} | {t[-1]:.1f} |')"
}

{
  echo "| request | path | median ms | p95 ms | max ms |"
  echo "|---|---|---|---|---|"
  time_requests "KPIs, a year (12 monthly points × 17 series)" "/api/v1/kpis?from=2026-01&to=2026-12"
  time_requests "plan conformance, a month" "/api/v1/conformance?month=2026-06"
  time_requests "KPIs, one month" "/api/v1/kpis?from=2026-06&to=2026-06"
} | tee /tmp/desk-kpi-bench-result.md
