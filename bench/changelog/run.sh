#!/usr/bin/env bash
# Side by side, in one run: desk vs git-cliff 2.14 on a generated repository of 50,000 Conventional Commits
# (tag every 500): (a) the full CHANGELOG, (b) the notes of the last release range, and the commit-msg
# hook. Each case runs RUNS times (default 5) after one warm-up; printed: median and min wall time, and the
# largest maximum resident set size, from /usr/bin/time -v. The load average is printed too: on a shared
# machine it says how much the figures are worth.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work=${BENCH_DIR:-/tmp/desk-bench-changelog}
runs=${RUNS:-5}
mkdir -p "$work"
[ -d "$work/repo/.git" ] || "$here/bench/changelog/generate.sh" "$work/repo" 50000
[ -x "$work/cliff/node_modules/.bin/git-cliff" ] || (mkdir -p "$work/cliff" && cd "$work/cliff" && npm install --silent git-cliff@2.14)
cliff="$work/cliff/node_modules/.bin/git-cliff"
(cd "$work/repo" && [ -f cliff.toml ] || "$cliff" --init >/dev/null)
"$here/desk" --version >/dev/null   # builds the jar, extracts it and trains the AOT cache / AppCDS archive once
printf 'fix(api): hook benchmark\n\nRefs: #12\n' > "$work/message.txt"
measure() { # label runs command...
  local label=$1 n=$2 i walls="" rss=0 r
  shift 2
  "$@" >/dev/null 2>&1 || true
  for ((i = 0; i < n; i++)); do
    /usr/bin/time -v "$@" >/dev/null 2>"$work/time.txt" || true
    walls="$walls $(sed -n 's/.*Elapsed (wall clock) time.*: \(.*\)/\1/p' "$work/time.txt" | awk -F: '{ print ($1 * 60) + $2 }')"
    r=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")
    ((r > rss)) && rss=$r
  done
  printf '%-32s median %6.2f s  min %6.2f s  max RSS %4d MB  (%d runs)\n' "$label" \
    "$(echo $walls | tr ' ' '\n' | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')" \
    "$(echo $walls | tr ' ' '\n' | sort -g | head -n 1)" "$((rss / 1024))" "$n"
}
cd "$work/repo"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) CPUs)"
measure "(a) desk changelog" "$runs" "$here/desk" changelog --repo . --lang en
measure "(a) git-cliff" "$(( runs < 3 ? runs : 3 ))" "$cliff"
measure "(b) desk release notes" "$((runs * 2))" "$here/desk" release notes --repo . --lang en
measure "(b) git-cliff --latest" "$((runs * 2))" "$cliff" --latest
measure "desk commits lint --message-file" "$((runs * 2))" "$here/desk" commits lint --message-file "$work/message.txt"
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
