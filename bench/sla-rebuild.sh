#!/usr/bin/env bash
# Benchmark (on demand): rebuilding the SLA clocks of 1,000,000 tickets from their histories, one core,
# in memory (the history rows already read). JMH, single-shot: 2 warm-up and 3 measured rebuilds.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
. scripts/java-home.sh
desk_pick_java
./mvnw -B -q -Pbench -DskipTests test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
cp="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
echo "nproc: $(nproc); load average $(cut -d' ' -f1-3 /proc/loadavg); $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
"$JAVA_HOME/bin/java" -cp "$cp" org.openjdk.jmh.Main 'SlaRebuildBenchmark' 2>&1 \
  | grep --line-buffered -v -e 'sun.misc.Unsafe' -e 'consider reporting this'
