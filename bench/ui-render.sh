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
psql_ -d "$db" -v ON_ERROR_STOP=1 -v tickets="$tickets" -v step=7 -v comments=2 -f bench/seed-history.sql >/dev/null
# The SLA clocks of the loaded tickets, as writes would have stored them (pages read them, not the histories):
# exit 1, every ticket's clocks were missing and are now stored.
DESK_DATABASE_URL="jdbc:postgresql://127.0.0.1:5432/$db" DESK_DATABASE_USER=postgres ./desk sla rebuild >/dev/null \
  || [ $? = 1 ]
echo "loaded in $(( $(date +%s) - load_start )) s: $(psql_ -d "$db" -tA -c 'SELECT count(*) FROM ticket_events') events" >&2

# The loaded tickets are mostly overdue: the server's SLA watcher (every 30 s) raises thousands of alerts, with
# their notifications and event publications, once it sees the clocks. Pages are timed after that burst, not
# during it (a one-off of loading 10,000 overdue tickets at once, not what a user's day looks like).
echo "waiting for the SLA watcher to raise the loaded tickets' alerts…" >&2
for _ in $(seq 1 150); do
  pending=$(psql_ -d "$db" -tA -c "SELECT (SELECT count(*) FROM sla_clocks WHERE counting AND ((deadline <= now()
      AND (alerted IS NULL OR alerted <> 'BREACHED')) OR (alerted IS NULL AND open_since IS NOT NULL AND at_risk_at <= now())))
    + (SELECT count(*) FROM event_publication WHERE completion_date IS NULL)")
  [ "$pending" = 0 ] && break
  sleep 2
done
[ "$pending" = 0 ] || echo "still $pending alerts or publications pending: the figures include that work" >&2

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
