#!/usr/bin/env bash
# Benchmark (issue 5): server time to render the web pages (ticket list, ticket page with its SLA clocks,
# clocks fragment, home, board) with 10,000 tickets in PostgreSQL. Starts the real jar on a scratch
# database, bulk-loads tickets with generate_series together with a consistent history in ticket_events
# (creation, priority, every workflow step up to the ticket's state, pauses, rejections) and two comments
# each, logs in through the login form (cookie jar + CSRF token), then times each page over loopback
# with curl. Usage: bench/ui-render.sh [TICKETS] [REQUESTS]
# Needs: PostgreSQL on 127.0.0.1:5432 (user postgres), curl, python3. Writes nothing outside a scratch DB.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
tickets=${1:-10000}
requests=${2:-200}
db=desk_bench_ui_$$
port=${BENCH_PORT:-18081}
password=bench-password-0123456789
bench_tmp=$(mktemp -d)
cookies="$bench_tmp/cookies"
. bench/lib.sh
DESK_ADMIN_PASSWORD=$password bench_start "$db" "$port" /tmp/desk-bench-ui-server.log

echo "loading $tickets tickets with their history…" >&2
load_start=$(date +%s)
psql_ -d "$db" <<SQL
-- One ticket every 7 minutes back from now: the oldest are weeks old (clocks met or long breached),
-- the newest still counting. States cycle through the workflow; a third are assigned to admin.
INSERT INTO tickets (number, title, description, type, priority, state, waiting_from, reporter, assignee, api_impact,
  docs_updated, changelog_updated, version, created_at, updated_at)
SELECT n, 'Ticket ' || n || CASE WHEN n % 1000 = 0 THEN ' login timeout' ELSE '' END,
  E'## Contexte\n\nGénéré pour le benchmark : **' || n || E'**.\n\n- étape 1\n- étape 2\n\n\`\`\`\nstack trace\n\`\`\`',
  (ARRAY['CORRECTIVE','EVOLUTIVE','PREVENTIVE','ADAPTIVE'])[1 + n % 4],
  (ARRAY['P1','P2','P3','P4'])[1 + (n / 10) % 4],
  (ARRAY['NEW','TRIAGED','ASSIGNED','IN_PROGRESS','IN_REVIEW','MERGED','CLOSED','CLOSED','WAITING','REJECTED'])[1 + n % 10],
  CASE WHEN n % 10 = 8 THEN 'IN_PROGRESS' END,
  'admin', CASE WHEN n % 3 = 0 OR n % 10 BETWEEN 2 AND 8 THEN 'admin' END, false, false, false, 0,
  now() - (($tickets - n) * 7 || ' minutes')::interval, now()
FROM generate_series(1, $tickets) AS n;
INSERT INTO ticket_labels (ticket_number, label)
SELECT n, (ARRAY['bug','feature','security','documentation','performance','tech-debt'])[1 + n % 6]
FROM generate_series(1, $tickets) AS n;
SELECT setval('ticket_number_seq', $tickets);

-- The history the clocks are computed from: created, priority set, then each step of the workflow
-- 40 minutes apart up to the ticket's state (WAITING after IN_PROGRESS, REJECTED straight from NEW).
INSERT INTO ticket_events (ticket_number, occurred_at, actor, action, field, before_value, after_value, reason)
SELECT number, created_at, 'admin', 'CREATED', NULL, NULL, NULL, NULL FROM tickets;
INSERT INTO ticket_events (ticket_number, occurred_at, actor, action, field, before_value, after_value, reason)
SELECT number, created_at, 'admin', 'UPDATED', 'PRIORITY', NULL, priority, NULL FROM tickets;
INSERT INTO ticket_events (ticket_number, occurred_at, actor, action, field, before_value, after_value, reason)
SELECT t.number, t.created_at + s.i * interval '40 minutes', 'admin', 'TRANSITIONED', 'STATE', p.path[s.i], p.path[s.i + 1], NULL
FROM tickets t
CROSS JOIN (SELECT ARRAY['NEW','TRIAGED','ASSIGNED','IN_PROGRESS','IN_REVIEW','MERGED','CLOSED'] AS path) p
CROSS JOIN LATERAL generate_series(1, CASE t.state WHEN 'WAITING' THEN 3 WHEN 'REJECTED' THEN 0
  ELSE array_position(p.path, t.state::text) - 1 END) AS s(i);
INSERT INTO ticket_events (ticket_number, occurred_at, actor, action, field, before_value, after_value, reason)
SELECT number, created_at + interval '4 hours', 'admin', 'TRANSITIONED', 'STATE', 'IN_PROGRESS', 'WAITING', 'attente client'
FROM tickets WHERE state = 'WAITING';
INSERT INTO ticket_events (ticket_number, occurred_at, actor, action, field, before_value, after_value, reason)
SELECT number, created_at + interval '1 hour', 'admin', 'TRANSITIONED', 'STATE', 'NEW', 'REJECTED', 'doublon'
FROM tickets WHERE state = 'REJECTED';
INSERT INTO ticket_comments (ticket_number, author, body, created_at)
SELECT number, 'admin', 'Commentaire ' || c || E' avec du **Markdown** et un [lien](https://example.org).',
  created_at + c * interval '20 minutes'
FROM tickets CROSS JOIN generate_series(1, 2) AS c;
ANALYZE;
SQL
echo "loaded in $(( $(date +%s) - load_start )) s: $(psql_ -d "$db" -tA -c 'SELECT count(*) FROM ticket_events') events" >&2

# Log in as a browser does: the form's CSRF token, then the POST, keeping the session cookie.
base="http://127.0.0.1:$port"
csrf=$(curl -s -c "$cookies" -b "$cookies" "$base/login" | sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' | head -n 1)
[ -n "$csrf" ] || { echo "no CSRF token in /login" >&2; exit 1; }
location=$(curl -s -o /dev/null -w '%{redirect_url}' -c "$cookies" -b "$cookies" \
  --data-urlencode "username=admin" --data-urlencode "password=$password" --data-urlencode "_csrf=$csrf" "$base/login")
case "$location" in *login*) echo "login failed: $location" >&2; exit 1;; esac

time_requests() { # label, path: prints a Markdown row "label | path | median | p95 | max" in ms after warm-up
  local label=$1 path=$2 i status
  status=$(curl -s -o /dev/null -w '%{http_code}' -b "$cookies" "$base$path")
  [ "$status" = 200 ] || { echo "$path answered $status" >&2; exit 1; }
  for i in $(seq 1 30); do curl -s -o /dev/null -b "$cookies" "$base$path"; done
  for i in $(seq 1 "$requests"); do
    curl -s -o /dev/null -w '%{time_total}\n' -b "$cookies" "$base$path"
  done | python3 -c "
import sys, statistics
t = sorted(float(x) * 1000 for x in sys.stdin)
print(f'| $label | \`$path\` | {statistics.median(t):.1f} | {t[int(len(t) * 0.95) - 1]:.1f} | {t[-1]:.1f} |')"
}

mid=$(( tickets / 2 ))
in_progress=$(( mid - mid % 10 + 3 ))   # n % 10 == 3: IN_PROGRESS, with seven history events and two comments
{
  echo "| page | request | median ms | p95 ms | max ms |"
  echo "|---|---|---|---|---|"
  time_requests "ticket list, first page (25 rows, SLA badges)" "/tickets"
  time_requests "ticket list, keyset page deep in the list" "/tickets?order=newest&after=$mid"
  time_requests "ticket list, filtered (priority + label)" "/tickets?priority=P1&label=security"
  time_requests "ticket list, title search" "/tickets?text=timeout"
  time_requests "ticket page (clocks, history, comments)" "/tickets/$in_progress"
  time_requests "SLA clocks fragment (htmx polling)" "/tickets/$in_progress/sla"
  time_requests "home (my tickets, SLA lists, P1 banner)" "/"
  time_requests "board (9 columns × 20 cards)" "/board"
} | tee /tmp/desk-bench-ui-result.md
