#!/usr/bin/env bash
# Business-time arithmetic benchmark (on demand, never a test):
#  1. JMH: deadline computations per second on one core for each SLA target of the default plan;
#  2. the same cases side by side with Perl's Business::Hours (Request Tracker's engine): throughput
#     ratio and disagreements with their reason.
# Usage: bench/business-time.sh [STARTS]   (STARTS creation instants x 7 targets for the comparison;
# default 2000). Extra JMH options: JMH_OPTS="-f 1 -wi 2 -i 3" bench/business-time.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
starts="${1:-2000}"
# shellcheck source=../scripts/java-home.sh
. scripts/java-home.sh
desk_pick_java
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"

if ! perl -MBusiness::Hours -e 1 2>/dev/null; then
  echo "installing libbusiness-hours-perl…" >&2
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq libbusiness-hours-perl >&2
  else sudo apt-get update -qq && sudo apt-get install -y -qq libbusiness-hours-perl >&2; fi
fi

./mvnw -B -q -Pbench -DskipTests test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
cp="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"

echo "## machine ($(date -u +%FT%TZ), load average $(cut -d" " -f1-3 /proc/loadavg))"
echo "nproc: $(nproc); $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
"$JAVA_HOME/bin/java" -version 2>&1 | head -1
echo "perl $(perl -e 'print $^V'), Business::Hours $(perl -MBusiness::Hours -e 'print $Business::Hours::VERSION')"

echo "## JMH (one thread)"
# shellcheck disable=SC2086
"$JAVA_HOME/bin/java" -cp "$cp" org.openjdk.jmh.Main 'bench\..*Benchmark' -t 1 ${JMH_OPTS:-} \
  -rf json -rff target/business-time-jmh.json 2>&1 \
  | grep --line-buffered -v -e 'sun.misc.Unsafe' -e 'consider reporting this'   # JMH 1.37 on JDK 24+

echo "## Business::Hours comparison ($starts starts x 7 targets)"
work="target/business-hours"
mkdir -p "$work"
"$JAVA_HOME/bin/java" -cp "$cp" bench.BusinessHoursComparison cases "$work" "$starts"
TZ=Europe/Paris perl bench/business-hours.pl "$work"
# one core for the Java side too, like the Perl interpreter
taskset -c 0 "$JAVA_HOME/bin/java" -XX:ActiveProcessorCount=1 -cp "$cp" bench.BusinessHoursComparison compute "$work"
"$JAVA_HOME/bin/java" -cp "$cp" bench.BusinessHoursComparison compare "$work"
