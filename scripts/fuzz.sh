#!/usr/bin/env bash
# Runs every go fuzz target in x/ and da/ for FUZZTIME (default 10s) each.
# Used by CI to exercise message validation, share math and the DA blob
# decoder briefly on every run; run with a longer FUZZTIME locally to search
# harder.
set -euo pipefail
cd "$(dirname "$0")/.."
FUZZTIME="${FUZZTIME:-10s}"
grep -rl --include='*_test.go' '^func Fuzz' x da | sort | while read -r file; do
  pkg="./$(dirname "$file")"
  for target in $(grep -o '^func Fuzz[A-Za-z0-9_]*' "$file" | sed 's/^func //'); do
    echo "fuzz $pkg $target ($FUZZTIME)"
    go test -run '^$' -fuzz "^${target}\$" -fuzztime "$FUZZTIME" "$pkg"
  done
done
