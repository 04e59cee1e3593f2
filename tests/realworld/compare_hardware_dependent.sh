#!/usr/bin/env bash
# compare_hardware_dependent.sh OUTDIR — judges the programs of
# hardware_dependent.txt from the corpus runner's logs in OUTDIR
# (OUTDIR/SUITE_NAME.out) against the corpus's references, with each
# program's rule (see that file).  Both sides are normalised the same way:
# device-identity lines ("Device", "GPU Device", "compute capability")
# and blank lines dropped, runs of blanks squeezed.  Prints PASS/FAIL per
# program with the first difference; exits 1 when one fails.
set -u
out=${1:?usage: compare_hardware_dependent.sh OUTDIR}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
corpus=${REALWORLD:-$root/../shared/realworld}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# normalise FILE RULE REGEX: apply the rule and print the comparable text
normalise() {
  LC_ALL=C tr -cd '\11\12\15\40-\176' <"$1" | awk -v rule="$2" -v re="$3" '
    { l = tolower($0) }
    l ~ /device|compute capability/ { next }
    { gsub(/[ \t\r]+/, " "); sub(/^ /, ""); sub(/ $/, "") }
    $0 == "" { next }
    $0 ~ re && rule == "ids" { gsub(re, "#"); moved[++n] = $0; next }
    $0 ~ re { if (rule == "order") moved[++n] = $0; next }
    { print }
    END {
      # the lines that may come in any order, sorted, after the rest
      for (i = 2; i <= n; i++) for (j = i; j > 1 && moved[j - 1] > moved[j]; j--) {
        t = moved[j]; moved[j] = moved[j - 1]; moved[j - 1] = t
      }
      for (i = 1; i <= n; i++) print "unordered: " moved[i]
    }'
}
bad=0
while IFS='|' read -r name rule regex why; do
  case $name in ''|'#'*) continue ;; esac
  key=$(printf '%s' "$name" | tr '/' '_' | tr -c 'A-Za-z0-9._-' '_')
  got=$out/$key.out ref=$corpus/ref/$key.out
  if [ ! -f "$got" ]; then echo "FAIL $name (no output in $out)"; bad=1; continue; fi
  if [ ! -f "$ref" ]; then echo "FAIL $name (no reference $ref)"; bad=1; continue; fi
  case $rule in order|drop|ids) ;; *) echo "FAIL $name (unknown rule '$rule')"; bad=1; continue ;; esac
  normalise "$ref" "$rule" "$regex" >"$work/ref"
  normalise "$got" "$rule" "$regex" >"$work/got"
  if d=$(diff "$work/ref" "$work/got" | head -4) && [ -z "$d" ]; then
    echo "PASS $name ($rule: $why)"
  else
    echo "FAIL $name ($rule): $(printf '%s' "$d" | tr '\n' ' ' | cut -c1-300)"; bad=1
  fi
done <"$here/hardware_dependent.txt"
exit $bad
