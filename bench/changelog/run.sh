#!/usr/bin/env bash
# Side by side, in one run: desk vs git-cliff 2.14 on a generated repository of 50,000 Conventional Commits
# (tag every 500): (a) the full CHANGELOG, (b) the notes of the last release range. Memory from /usr/bin/time -v.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work=${BENCH_DIR:-/tmp/desk-bench-changelog}
mkdir -p "$work"
[ -d "$work/repo/.git" ] || "$here/bench/changelog/generate.sh" "$work/repo" 50000
[ -x "$work/cliff/node_modules/.bin/git-cliff" ] || (mkdir -p "$work/cliff" && cd "$work/cliff" && npm install --silent git-cliff@2.14)
cliff="$work/cliff/node_modules/.bin/git-cliff"
(cd "$work/repo" && [ -f cliff.toml ] || "$cliff" --init >/dev/null)
"$here/desk" --version >/dev/null   # builds the jar and the class-data archive once
measure() { # label command...
  /usr/bin/time -v "${@:2}" >/dev/null 2>"$work/time.txt" || true
  printf '%-28s %8s s %8s MB\n' "$1" "$(sed -n 's/.*Elapsed (wall clock) time.*: \(.*\)/\1/p' "$work/time.txt")" \
    "$(( $(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt") / 1024 ))"
}
cd "$work/repo"
measure "(a) desk changelog" "$here/desk" changelog --repo . --lang en
measure "(a) git-cliff" "$cliff"
measure "(b) desk release notes" "$here/desk" release notes --repo . --lang en
measure "(b) git-cliff --latest" "$cliff" --latest
