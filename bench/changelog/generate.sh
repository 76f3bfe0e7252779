#!/usr/bin/env bash
# Generates a repository of N Conventional Commits (default 50,000) with a tag every 500, through git fast-import.
set -euo pipefail
dir=${1:?usage: generate.sh DIR [COMMITS]}
n=${2:-50000}
rm -rf "$dir" && git init -q -b main "$dir"
types=(feat fix chore docs refactor security perf test)
{
  t=1700000000
  for ((i = 1; i <= n; i++)); do
    ty=${types[$((i % 8))]}
    msg="$ty(mod$((i % 17))): change number $i"
    if ((i % 97 == 0)); then msg="$msg (#$i)"; fi
    body=""
    if ((i % 7 == 0)); then body=$'\n\nSome body text for change '"$i"$'.\n\nRefs: #'"$((i % 900 + 1))"; fi
    if ((i % 1999 == 0)); then body="$body"$'\nBREAKING CHANGE: interface '"$i"' changed'; fi
    full="$msg$body"
    echo "commit refs/heads/main"
    echo "mark :$i"
    echo "committer Dev <dev@example.org> $((t + i * 60)) +0000"
    echo "data ${#full}"
    printf '%s\n' "$full"
    ((i > 1)) && echo "from :$((i - 1))"
    echo "M 644 inline file$((i % 50)).txt"
    echo "data ${#i}"
    printf '%s\n' "$i"
    if ((i % 500 == 0)); then
      echo "reset refs/tags/v$((i / 500)).0.0"
      echo "from :$i"
    fi
  done
} | LC_ALL=C git -C "$dir" fast-import --quiet
git -C "$dir" reset -q --hard main
