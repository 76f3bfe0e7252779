# Sourced by the benchmarks that run the real jar on a scratch PostgreSQL database (never by tests).
# bench_start DB PORT LOG: builds the jar if needed, creates DB (a copy of BENCH_DB_TEMPLATE when set), starts
# `desk serve` on it with the DESK_* variables the caller exported and the JVM options of BENCH_JAVA_OPTS (default
# -Xmx1g), waits until it answers; the database is dropped and the server stopped when the script exits (also on
# failure). bench_serve starts the server again on the same database after bench_halt stopped it.
psql_() { psql -X -q -h 127.0.0.1 -U postgres "$@"; }

bench_start() {
  bench_db=$1
  bench_port=$2
  bench_log=$3
  : > "$bench_log"
  . scripts/java-home.sh
  desk_pick_java
  ./desk --version >/dev/null  # builds the jar if the sources are newer
  psql_ -d postgres -c "CREATE DATABASE $bench_db${BENCH_DB_TEMPLATE:+ TEMPLATE $BENCH_DB_TEMPLATE}"
  trap bench_stop EXIT
  bench_serve
}

# shellcheck disable=SC2086  # BENCH_JAVA_OPTS is a list of options
bench_serve() {
  DESK_DATABASE_URL="jdbc:postgresql://127.0.0.1:5432/$bench_db" DESK_DATABASE_USER=postgres DESK_PORT=$bench_port \
    "$JAVA_HOME/bin/java" ${BENCH_JAVA_OPTS:--Xmx1g} -jar "${BENCH_JAR:-target/maintenance-desk.jar}" serve >> "$bench_log" 2>&1 &
  bench_server=$!
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$bench_port/actuator/health" >/dev/null 2>&1 && return 0
    kill -0 "$bench_server" 2>/dev/null || { echo "the server did not start: see $bench_log" >&2; return 1; }
    sleep 1
  done
  echo "the server did not answer within 120 s: see $bench_log" >&2
  return 1
}

bench_halt() {
  kill "$bench_server" 2>/dev/null && wait "$bench_server" 2>/dev/null || true
  bench_server=
}

bench_stop() {
  [ -n "${bench_server:-}" ] && kill "$bench_server" 2>/dev/null && wait "$bench_server" 2>/dev/null || true
  psql_ -d postgres -c "DROP DATABASE IF EXISTS $bench_db WITH (FORCE)" || true
  [ -n "${bench_tmp:-}" ] && rm -rf "$bench_tmp"
  return 0
}
