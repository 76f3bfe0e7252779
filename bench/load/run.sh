#!/usr/bin/env bash
# Benchmark (issue 15): the mixed API workload on PostgreSQL with wrk on loopback — 30 % first page of 50,
# 30 % a state + priority filter, 25 % one ticket, 10 % create, 5 % a NEW → TRIAGED transition.
# Starts the real jar on a scratch database (dropped at the end), seeds BENCH_TICKETS tickets through the API
# (bench/load/seed.py: every ticket with the history and SLA data the desk writes itself), then for each
# connection count a 10 s warm-up and the measured run (bench/load/mixed.lua). Compares the tickets each run
# created in the database with the creates acknowledged (201), title by title, and prints a Markdown table:
# requests/s, p50, p99, errors (any answer but 2xx, 409 and 503, plus socket errors), 409s, 503s (overload
# refusals), created rows = acknowledged creates, the CPU time the server (but its JIT compilers) and its
# PostgreSQL backends spent per request (less noisy than requests/s on a shared machine), the server's RSS
# (VmRSS, peak VmHWM), the load average and, when the cluster has pg_stat_statements loaded, the statements
# the database ran per request (all of this database's: the server's jobs included).
#
# Usage: bench/load/run.sh [CONNECTIONS] [SECONDS]   (defaults 50 and 30; CONNECTIONS may be a list,
#        "50,200,400": one run after the other on the same server and database)
# Environment: BENCH_TICKETS (10000), BENCH_THREADS (wrk threads, 2), BENCH_WARMUP (seconds, 10), BENCH_JAVA_OPTS (the server's JVM
#        options; default -Xmx1g), BENCH_SERVER_ENV ("NAME=value …": settings of the server),
#        BENCH_JFR=DIR (records each measured run with JDK Flight Recorder into DIR/load-C.jfr and writes
#        DIR/load-C.txt, the CPU samples by request phase and package: bench/load/profile.py),
#        BENCH_JAR (another build of the desk to run, e.g. a copy of an earlier one, for before/after figures),
#        BENCH_SEED_CACHE=1 (keeps the seeded database as the template desk_bench_load_seed_<hash> for the
#        next runs — the hash covers the migrations' names, the seeder and BENCH_TICKETS; drop it when done).
# Needs: PostgreSQL on 127.0.0.1:5432 (user postgres), wrk, python3, curl. Talks to loopback only.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$here"
connections_list=${1:-50}
seconds=${2:-30}
tickets=${BENCH_TICKETS:-10000}
threads=${BENCH_THREADS:-2}
warmup=${BENCH_WARMUP:-10}
db=desk_bench_load_$$
port=${BENCH_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
log=/tmp/desk-bench-load-$$.log
base="http://127.0.0.1:$port"
for tool in wrk python3 curl psql; do
  command -v "$tool" >/dev/null || { echo "bench/load: $tool is needed" >&2; exit 2; }
done
. scripts/java-home.sh
desk_pick_java
if [ ! -f target/maintenance-desk.jar ] || [ -n "$(find src/main pom.xml -newer target/maintenance-desk.jar -print -quit)" ]; then
  echo "building the jar…" >&2
  ./mvnw -B -o -q -DskipTests package >&2
fi
. bench/lib.sh
bench_tmp=$(mktemp -d)
# a bounded heap unless the caller chose otherwise (./desk serve leaves the JVM's default, a quarter of the RAM;
# docs/benchmarks.md's figures use BENCH_JAVA_OPTS=-Xmx384m, the heap that keeps the RSS under issue 15's 512 MB)
BENCH_JAVA_OPTS=${BENCH_JAVA_OPTS:--Xmx1g}
[ -n "${BENCH_JFR:-}" ] && BENCH_JAVA_OPTS="$BENCH_JAVA_OPTS -XX:FlightRecorderOptions=stackdepth=256"
export BENCH_JAVA_OPTS
# shellcheck disable=SC2086  # a list of NAME=value words
[ -n "${BENCH_SERVER_ENV:-}" ] && export ${BENCH_SERVER_ENV}
# The token the seeder and wrk use: the admin's, set at the first start (also when the database is a copy).
export DESK_ADMIN_TOKEN=mdk_bench_load_0123456789abcdef0123456789 DESK_ADMIN_PASSWORD=bench-password-0123456789
token=$DESK_ADMIN_TOKEN

seed_key=$( (ls src/main/resources/db/migration src/main/resources/db/vendor/postgresql; cat bench/load/seed.py; echo "$tickets") \
  | sha256sum | cut -c1-10)
template=desk_bench_load_seed_$seed_key
cached=$(psql_ -d postgres -tA -c "SELECT 1 FROM pg_database WHERE datname = '$template'")
if [ "${BENCH_SEED_CACHE:-0}" = 1 ] && [ "$cached" = 1 ]; then
  BENCH_DB_TEMPLATE=$template bench_start "$db" "$port" "$log"
  psql_ -d "$db" -tA -c "SELECT number FROM tickets WHERE title LIKE 'Seeded ticket %' AND state = 'NEW' ORDER BY number" \
    > "$bench_tmp/new"
  echo "seeded tickets copied from $template" >&2
else
  bench_start "$db" "$port" "$log"
  echo "seeding $tickets tickets through the API…" >&2
  seed_start=$(date +%s)
  python3 bench/load/seed.py "$base" "$token" "$tickets" "$bench_tmp/new" 4
  echo "seeded in $(( $(date +%s) - seed_start )) s" >&2
  if [ "${BENCH_SEED_CACHE:-0}" = 1 ]; then
    bench_halt
    psql_ -d postgres -c "CREATE DATABASE $template TEMPLATE $db"
    bench_serve
  fi
fi
psql_ -d "$db" -c 'VACUUM ANALYZE' >/dev/null
seeded=$(psql_ -d "$db" -tA -c 'SELECT max(number) FROM tickets')
new_count=$(wc -l < "$bench_tmp/new")
echo "server pid $bench_server on $base, JVM options: $BENCH_JAVA_OPTS; log $log" >&2
echo "$seeded tickets ($new_count NEW), $(psql_ -d "$db" -tA -c 'SELECT count(*) FROM ticket_events') history entries" >&2

field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$2" | head -n 1; }
vm() { sed -n "s/^$1:[[:space:]]*\([0-9]*\) kB/\1/p" "/proc/$bench_server/status"; }
# CPU time (clock ticks) of a process, or of the database's PostgreSQL backends (the pool keeps them)
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
# the server's, but for its JIT compiler threads: how much compiling is left after the warm-up varies with the
# machine's load, and it is no cost of the requests
desk_ticks() {
  local total=0 task
  for task in /proc/"$bench_server"/task/*; do
    case "$(cat "$task/comm" 2>/dev/null)" in C1\ Compiler*|C2\ Compiler*) continue ;; esac
    total=$(( total + $(awk '{ print $14 + $15 }' "$task/stat" 2>/dev/null || echo 0) ))
  done
  echo "$total"
}
# Statements the database ran for this database during a run, when pg_stat_statements is loaded in the cluster
# (shared_preload_libraries; its extension in the postgres database): the round trips per request, a figure the
# machine's speed does not move. "–" without it.
statements_available=$(psql_ -d postgres -tA -c 'SELECT 1 FROM pg_stat_statements LIMIT 1' 2>/dev/null || true)
statements_reset() {
  [ -n "$statements_available" ] || return 0
  psql_ -d postgres -tA -c "SELECT pg_stat_statements_reset(0, (SELECT oid FROM pg_database WHERE datname = '$db'), 0)" >/dev/null
}
statements() {
  [ -n "$statements_available" ] || { echo "–"; return; }
  psql_ -d postgres -tA -c "SELECT COALESCE(sum(calls), 0) FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = '$db')"
}
backend_ticks() {
  local total=0 pid
  for pid in $(psql_ -d postgres -tA -c "SELECT pid FROM pg_stat_activity WHERE datname = '$db' AND pid <> pg_backend_pid()"); do
    total=$(( total + $(ticks "$pid") ))
  done
  echo "$total"
}
# Each run's creates against the database, title by title: every acknowledged one must be there (else a write
# was lost) and nothing else of the run (else a create was written but never acknowledged).
check_creates() { # RUN ACKED_FILE → "rows acknowledged lost unacknowledged"
  psql_ -d "$db" -tA -F' ' <<SQL
CREATE TEMP TABLE acked (title text);
\copy acked FROM '$2'
SELECT (SELECT count(*) FROM tickets WHERE title LIKE 'Load $1 %'), (SELECT count(*) FROM acked),
  (SELECT count(*) FROM acked a WHERE NOT EXISTS (SELECT 1 FROM tickets t WHERE t.title = a.title)),
  (SELECT count(*) FROM tickets t WHERE t.title LIKE 'Load $1 %' AND NOT EXISTS (SELECT 1 FROM acked a WHERE a.title = t.title));
SQL
}
run_wrk() { # CONNECTIONS SECONDS RUN FROM → wrk's output
  BENCH_ACKED_FILE="$bench_tmp/acked-$3" wrk -t"$threads" -c"$1" -d"$2s" --timeout 10s --latency -s bench/load/mixed.lua \
    "$base" -- "$token" "$seeded" "$bench_tmp/new" "$4" $(( $4 + share - 1 )) "$3" "$threads" "$2"
}

rows=()
runs=$(wc -w <<<"${connections_list//,/ }")
share=$(( new_count / (2 * runs) ))  # the seeded NEW tickets, shared out between the warm-ups and runs
part=0
ok=true
for connections in ${connections_list//,/ }; do
  warm_run="w$$c$connections"
  echo "warm-up: $warmup s at $connections connections…" >&2
  from=$(( part * share + 1 )); part=$(( part + 1 ))
  result=$(run_wrk "$connections" "$warmup" "$warm_run" "$from" | grep '^RESULT')
  read -r c_rows c_acked c_lost c_extra <<<"$(check_creates "$warm_run" "$bench_tmp/acked-$warm_run")"
  echo "  warm-up: $(field rps "$result") requests/s; created rows $c_rows, acknowledged creates $c_acked," \
    "lost $c_lost, unacknowledged $c_extra" >&2
  run="m$$c$connections"
  load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  if [ -n "${BENCH_JFR:-}" ]; then
    mkdir -p "$BENCH_JFR"
    jcmd "$bench_server" JFR.start name=load settings=profile "jdk.ExecutionSample#period=2ms" duration="${seconds}s" \
      filename="$(cd "$BENCH_JFR" && pwd)/load-$connections.jfr" >/dev/null
  fi
  echo "measured run: $seconds s at $connections connections…" >&2
  statements_reset
  desk_before=$(desk_ticks); pg_before=$(backend_ticks); jit_before=$(ticks "$bench_server")
  from=$(( part * share + 1 )); part=$(( part + 1 ))
  result=$(run_wrk "$connections" "$seconds" "$run" "$from" | grep '^RESULT')
  desk_after=$(desk_ticks); pg_after=$(backend_ticks); jit_after=$(ticks "$bench_server")
  ran=$(statements)
  load_after=$(cut -d' ' -f1-3 /proc/loadavg)
  echo "$result" >&2
  requests=$(field requests "$result")
  echo "  the JIT compilers' share of the server's CPU: $(( (jit_after - jit_before) - (desk_after - desk_before) )) of $(( jit_after - jit_before )) ticks" >&2
  if [ -n "${BENCH_JFR:-}" ]; then
    sleep 3  # the recording is written when its duration ends
    python3 bench/load/profile.py "$BENCH_JFR/load-$connections.jfr" "$requests" > "$BENCH_JFR/load-$connections.txt" \
      || echo "profile.py failed on $BENCH_JFR/load-$connections.jfr" >&2
  fi
  read -r c_rows c_acked c_lost c_extra <<<"$(check_creates "$run" "$bench_tmp/acked-$run")"
  if [ "$c_rows" = "$c_acked" ] && [ "$c_lost" = 0 ] && [ "$c_extra" = 0 ]; then
    creates="$c_rows = $c_acked"
  else
    creates="$c_rows ≠ $c_acked ($c_lost lost, $c_extra unacknowledged)"; ok=false
  fi
  errors=$(( $(field failures "$result") + $(field socket_errors "$result") ))
  hz=$(getconf CLK_TCK)
  cpu() { awk -v t="$1" -v r="$requests" -v hz="$hz" 'BEGIN { printf "%.2f", t * 1000 / hz / r }'; }
  [ "$ran" = "–" ] || ran=$(awk -v n="$ran" -v r="$requests" 'BEGIN { printf "%.2f", n / r }')
  rows+=("| $connections | $(field rps "$result") | $(field p50_ms "$result") | $(field p99_ms "$result") | $errors \
| $(field conflicts "$result") | $(field overloaded "$result") | $creates \
| $(cpu $(( desk_after - desk_before ))) + $(cpu $(( pg_after - pg_before ))) | $ran \
| $(( $(vm VmRSS) / 1024 )) ($(( $(vm VmHWM) / 1024 ))) | $load_before → $load_after |")
done

echo
echo "$(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)); $("$JAVA_HOME/bin/java" -version 2>&1 \
  | head -n 1); PostgreSQL $(psql_ -d postgres -tA -c 'SHOW server_version'); $seeded tickets; $seconds s per run after \
$warmup s of warm-up; wrk -t$threads; server: $BENCH_JAVA_OPTS${BENCH_SERVER_ENV:+ $BENCH_SERVER_ENV}"
echo
echo "| connections | requests/s | p50 ms | p99 ms | errors | 409 | 503 | created rows = acknowledged creates | CPU ms/request: desk + PostgreSQL | statements/request | RSS MB (peak) | load average before → after |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
$ok
