#!/usr/bin/env bash
# kill -9 crash-safety fault test (issue 14), on demand: it kills a server process, so it is not part of
# ./scripts/test. Builds the jar if the sources are newer, creates a scratch database on the PostgreSQL server
# at 127.0.0.1:5432 (dropped at the end), then bench/crash/crash.py starts `java -jar target/maintenance-desk.jar
# serve` on it with loopback stand-ins for GitHub and the chat webhook, runs a write load, kills the server with
# SIGKILL in the middle of it, starts it again and checks that every acknowledged write is there, nothing is
# half-written, and pending notifications and GitHub calls went out once. Prints the figures and PASS or FAIL.
#   bench/crash/run.sh                      # 16 clients, kill after 6–12 s of load (random, seed printed)
#   CRASH_CLIENTS=32 CRASH_SEED=42 bench/crash/run.sh
#   CRASH_ROUNDS=5 bench/crash/run.sh       # five runs, each on a fresh database; FAIL if any fails
#   CRASH_KEEP_DB=1 bench/crash/run.sh      # keep the database(s) to look into a failure
# Exit status: 0 PASS, 1 FAIL, 2 the run itself broke (server did not start, a wait ran out).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$here"
. scripts/java-home.sh
desk_pick_java
command -v psql >/dev/null || { echo "bench/crash/run.sh: psql is required" >&2; exit 2; }
command -v python3 >/dev/null || { echo "bench/crash/run.sh: python3 is required" >&2; exit 2; }
pg_isready -q -h 127.0.0.1 -p 5432 || { echo "bench/crash/run.sh: PostgreSQL is not reachable on 127.0.0.1:5432" >&2; exit 2; }
jar=target/maintenance-desk.jar
if [ ! -f "$jar" ] || [ -n "$(find src/main pom.xml -newer "$jar" -print -quit)" ]; then
  echo "bench/crash/run.sh: building $jar" >&2
  ./mvnw -B -o -q -DskipTests package
fi

rounds=${CRASH_ROUNDS:-1}
status=0
for round in $(seq 1 "$rounds"); do
  db=desk_crash_$$_$round
  psql -X -q -h 127.0.0.1 -U postgres -d postgres -c "CREATE DATABASE $db"
  trap 'psql -X -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS '"$db"' WITH (FORCE)" >/dev/null 2>&1 || true' EXIT
  seed_args=()
  [ -n "${CRASH_SEED:-}" ] && seed_args=(--seed "$((CRASH_SEED + round - 1))")
  set +e
  python3 bench/crash/crash.py --database "$db" --java "$JAVA_HOME/bin/java" --clients "${CRASH_CLIENTS:-16}" \
    --port "${CRASH_PORT:-18095}" --log "target/crash-bench-server-$round.log" "${seed_args[@]}"
  result=$?
  set -e
  if [ -n "${CRASH_KEEP_DB:-}" ]; then
    trap - EXIT
    echo "bench/crash/run.sh: database $db kept (CRASH_KEEP_DB)" >&2
  else
    psql -X -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  fi
  [ "$result" -gt "$status" ] && status=$result
done
exit "$status"
