# Sourced by ./desk and ./scripts/test: sets JAVA_HOME to a JDK >= 21.
# The machine's default java may be older (17 here), so look in JAVA_HOME, then on PATH, then /usr/lib/jvm.
desk_java_major() {
  # The JDK's release file answers without starting a JVM (~0.1 s each under load, at every ./desk run).
  local v=""
  [ -f "$1/release" ] && v=$(sed -n 's/^JAVA_VERSION="\(1\.\)\{0,1\}\([0-9]*\).*/\2/p' "$1/release" | head -n 1)
  if [ -n "$v" ]; then echo "$v"; return; fi
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}
desk_pick_java() {
  local candidate best="" best_major=0 major
  for candidate in "${JAVA_HOME:-}" "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")" /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(desk_java_major "$candidate")
    [ -n "$major" ] || continue
    if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best=$candidate; best_major=$major; fi
  done
  if [ -z "$best" ]; then
    echo "desk: no JDK 21 or newer found (looked at JAVA_HOME, PATH and /usr/lib/jvm); install one, e.g. apt-get install openjdk-21-jdk" >&2
    return 1
  fi
  export JAVA_HOME="$best"
  export PATH="$JAVA_HOME/bin:$PATH"
  # Maven 3.9's Guice touches sun.misc.Unsafe; JDK 24+ warns about it on every build. Quiet, not hidden:
  # the option only allows what JDK 21-23 allowed by default.
  if [ "$best_major" -ge 24 ]; then
    case " ${MAVEN_OPTS:-} " in *sun-misc-unsafe-memory-access*) ;; *)
      export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;; esac
  fi
}
