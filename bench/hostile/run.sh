#!/usr/bin/env bash
# The full hostile-input campaign of issue 8 (default 12,000 requests, seeded): the same test class as the
# shortened one in ./scripts/test, run alone through Maven against the app on real PostgreSQL (loopback).
# Prints the request count, the number of 5xx and every failure with its request; the whole report is
# also written to target/hostile-campaign.txt. Exit status: Maven's (non-zero while failures remain).
#   bench/hostile/run.sh            # 12,000 requests
#   bench/hostile/run.sh 20000      # another count
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$here"
. scripts/java-home.sh
desk_pick_java
export DESK_TEST_DATABASE_URL="${DESK_TEST_DATABASE_URL:-jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}"
requests="${1:-12000}"
./mvnw -B -o -q test -Dtest='HostileInputCampaignTest' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dhostile.requests="$requests" -Dhostile.maxSeconds="${HOSTILE_MAX_SECONDS:-3600}" >/dev/null 2>&1
status=$?
if [ -f target/hostile-campaign.txt ]; then
  cat target/hostile-campaign.txt
else
  echo "bench/hostile/run.sh: no report; see target/surefire-reports" >&2
fi
exit "$status"
