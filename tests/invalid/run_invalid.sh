#!/usr/bin/env bash
# Invalid-program corpus: every tests/invalid/*.cu must be rejected by
# `cuwasm check` with exit code 1 (not 0, not a crash, not a hang), and for
# each line `// expect: L:C: SUBSTR` in the file, stderr must hold a
# diagnostic line that starts with `X.cu:L:C: error: ` and contains SUBSTR.
# Usage: tests/invalid/run_invalid.sh CUWASM [X.cu ...]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$(dirname "$here")/lib.sh"
cuwasm=$(realpath "${1:-}" 2>/dev/null || true)
require_cuwasm "$cuwasm"
shift

if [[ $# -eq 0 ]]; then
  shopt -s nullglob
  set -- "$here"/*.cu
  shopt -u nullglob
fi
if [[ $# -eq 0 ]]; then
  echo "error: no invalid programs found in $here" >&2
  exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
for f in "$@"; do
  name=$(basename "$f")
  problems=()
  expects=()
  while IFS= read -r line; do
    expects+=("$line")
  done < <(sed -n 's|^[[:space:]]*//[[:space:]]*expect:[[:space:]]*||p' "$f")
  [[ ${#expects[@]} -eq 0 ]] && problems+=("no '// expect: LINE:COL: SUBSTRING' line in the file")

  run_in "$(dirname "$f")" "$tmp/out" "$tmp/err" "$cuwasm" check "$name"
  why=$(describe_status "$rc" "$tmp/err")
  if [[ -n $why ]]; then
    problems+=("$why")
  elif [[ $rc -eq 0 ]]; then
    problems+=("accepted (exit 0); it must be rejected with exit 1")
  elif [[ $rc -ne 1 ]]; then
    problems+=("exit code $rc; expected 1")
  fi

  for e in "${expects[@]}"; do
    if [[ ! $e =~ ^([0-9]+):([0-9]+):[[:space:]]*(.*[^[:space:]])[[:space:]]*$ ]]; then
      problems+=("malformed expect line '$e' (want 'LINE:COL: SUBSTRING')")
      continue
    fi
    prefix="$name:${BASH_REMATCH[1]}:${BASH_REMATCH[2]}: error: "
    substr=${BASH_REMATCH[3]}
    found=0 at_pos=0
    while IFS= read -r d; do
      if [[ $d == "$prefix"* ]]; then
        at_pos=1
        [[ ${d#"$prefix"} == *"$substr"* ]] && { found=1; break; }
      fi
    done <"$tmp/err"
    if [[ $found -eq 0 ]]; then
      if [[ $at_pos -eq 1 ]]; then
        problems+=("error at ${BASH_REMATCH[1]}:${BASH_REMATCH[2]} does not contain '$substr'")
      else
        problems+=("no diagnostic starting with '$prefix' (containing '$substr')")
      fi
    fi
  done

  if [[ ${#problems[@]} -eq 0 ]]; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAIL $name"
    for p in "${problems[@]}"; do echo "  - $p"; done
    if [[ -s $tmp/err ]]; then
      echo "  stderr:"
      indent "$tmp/err" 20
    else
      echo "  stderr: (empty)"
    fi
  fi
done
echo "$pass passed, $fail failed"
[[ $fail -eq 0 ]]
