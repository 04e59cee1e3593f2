#!/usr/bin/env bash
# compare_kir.sh — what a change to the front end does to its output: every
# .cu file of the repository (and of ../shared/realworld when present, and
# any FILE given) through two cuwasm binaries as `transpile --target kir`,
# stdout and diagnostics compared byte for byte.  A front-end change that
# only saves memory or time must print nothing but the count.
#   scripts/compare_kir.sh OLD_CUWASM NEW_CUWASM [FILE...]
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
old=$(realpath "${1:?usage: compare_kir.sh OLD_CUWASM NEW_CUWASM [FILE...]}")
new=$(realpath "${2:?usage: compare_kir.sh OLD_CUWASM NEW_CUWASM [FILE...]}")
shift 2
cd "$root"
files=$(git ls-files '*.cu')
if [[ -d ../shared/realworld ]]; then files+=$'\n'$(find ../shared/realworld -name '*.cu' | sort); fi
for f in "$@"; do files+=$'\n'$f; done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0 bad=0
while IFS= read -r f; do
  [[ -f $f ]] || continue
  n=$((n + 1))
  "$old" transpile --target kir "$f" > "$tmp/old" 2>&1; echo "rc $?" >> "$tmp/old"
  "$new" transpile --target kir "$f" > "$tmp/new" 2>&1; echo "rc $?" >> "$tmp/new"
  if ! cmp -s "$tmp/old" "$tmp/new"; then
    echo "DIFFERS: $f"
    bad=$((bad + 1))
  fi
done <<< "$files"
echo "compare_kir: $n files, $bad differ"
[[ $bad == 0 ]]
