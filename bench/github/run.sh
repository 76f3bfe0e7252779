#!/usr/bin/env bash
# Benchmark: signed GitHub webhook deliveries on loopback (issue 10). Starts the real jar on a scratch
# PostgreSQL database, posts `issues` deliveries signed with X-Hub-Signature-256 for DURATION seconds
# with wrk (each with its own X-GitHub-Delivery id; bodies are the real @octokit/webhooks-examples
# payload for 200 issues), then checks stored = acknowledged and waits for the processing backlog to drain.
# Usage: bench/github/run.sh [DURATION_S] [CONNECTIONS]. Needs PostgreSQL on 127.0.0.1:5432, wrk, python3.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$here"
duration=${1:-60}
connections=${2:-32}
db=desk_bench_github_$$
port=${BENCH_PORT:-18090}
secret=bench-webhook-secret
run=bench$$
. bench/lib.sh
bench_tmp=$(mktemp -d)
python3 - "$bench_tmp" "$secret" <<'PY'
import hashlib, hmac, json, sys
out, secret = sys.argv[1], sys.argv[2].encode()
base = json.load(open("src/test/resources/github/webhooks/issues.opened.json"))
for i in range(1, 201):
    p = json.loads(json.dumps(base))
    p["issue"]["number"] = i
    p["issue"]["title"] = "Bench issue %d" % i
    body = json.dumps(p, separators=(",", ":")).encode()
    open("%s/body-%d.json" % (out, i), "wb").write(body)
    open("%s/sig-%d" % (out, i), "w").write("sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest() + "\n")
PY
DESK_GITHUB_WEBHOOK_SECRET=$secret DESK_GITHUB_REPOSITORY=Codertocat/Hello-World DESK_ADMIN_PASSWORD=bench-password \
  bench_start "$db" "$port" /tmp/desk-bench-github.log

echo "warm-up (5 s)…" >&2
wrk -t2 -c8 -d5s -s bench/github/deliveries.lua "http://127.0.0.1:$port" -- "$bench_tmp" 200 "warm$$" >/dev/null
echo "posting signed deliveries for $duration s over $connections connections…" >&2
out=$(wrk -t2 -c"$connections" -d"${duration}s" --latency -s bench/github/deliveries.lua "http://127.0.0.1:$port" \
  -- "$bench_tmp" 200 "$run")
echo "$out"
accepted=$(echo "$out" | awk '/^ACCEPTED/ {print $2}')
refused=$(echo "$out" | awk '/^REFUSED/ {print $2}')
stored=$(psql_ -d "$db" -tA -c "SELECT COUNT(*) FROM github_deliveries WHERE id LIKE '$run-%'")
echo "acknowledged (202): $accepted, refused: $refused, stored: $stored, per second: $(( accepted / duration ))"
start=$(date +%s)
while :; do
  pending=$(psql_ -d "$db" -tA -c "SELECT COUNT(*) FROM github_deliveries WHERE status = 'PENDING'")
  [ "$pending" = 0 ] && break
  [ $(( $(date +%s) - start )) -gt 1800 ] && { echo "backlog not drained after 30 min: $pending pending" >&2; exit 1; }
  sleep 2
done
drain=$(( $(date +%s) - start ))
psql_ -d "$db" -tA -F ' ' -c "SELECT status, COUNT(*) FROM github_deliveries GROUP BY status ORDER BY status"
tickets=$(psql_ -d "$db" -tA -c "SELECT COUNT(*) FROM tickets")
echo "backlog drained $drain s after the load ended; tickets opened: $tickets (one per issue)"
# Every acknowledged delivery is stored; a few more may be stored than counted: requests in flight when wrk
# stops (or past its timeout) are stored by the server but not counted as answered.
[ "$stored" -ge "$accepted" ] || { echo "LOST: acknowledged $accepted but stored $stored" >&2; exit 1; }
echo "zero lost: stored ($stored) >= acknowledged ($accepted); $(( stored - accepted )) stored while wrk stopped waiting"
