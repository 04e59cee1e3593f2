#!/usr/bin/env bash
# Golden-file test for `cuwasm transpile`: for each input X.cu, the output of
# `cuwasm transpile X.cu --target T` must equal tests/golden/T/X.T exactly.
#
# Inputs are every tests/kernels/*.cu plus any target-specific cases kept
# next to their expected output as tests/golden/T/*.cu.  A missing or stale
# golden file is a failure.  `--update` rewrites the expected files from the
# current compiler (do this only on purpose, and review the diff).
#
# For --target c, the fixed prelude every C file starts with (line 2 up to
# "end of the fixed prelude") is cut out of each output and compared once,
# with tests/golden/c/_prelude.txt, so that a change to the prelude shows
# as one diff and a change to a kernel's code as a diff of that kernel.
#
# Usage: tests/golden/run_golden.sh CUWASM [--target T] [--update] [X.cu ...]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tests=$(dirname "$here")
root=$(dirname "$tests")
source "$tests/lib.sh"
cuwasm=$(realpath "${1:-}" 2>/dev/null || true)
require_cuwasm "$cuwasm"
shift

target=kir update=0 files=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --target) target=${2:?--target needs a value}; shift 2 ;;
    --target=*) target=${1#--target=}; shift ;;
    --update) update=1; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    -*) echo "error: unknown option $1" >&2; exit 2 ;;
    *) files+=("$(realpath "$1")"); shift ;;
  esac
done
gdir="$here/$target"
explicit=${#files[@]}
if [[ $explicit -eq 0 ]]; then
  shopt -s nullglob
  files=("$tests"/kernels/*.cu "$gdir"/*.cu)
  shopt -u nullglob
fi
if [[ ${#files[@]} -eq 0 ]]; then
  echo "error: no inputs (tests/kernels/*.cu, $gdir/*.cu)" >&2
  exit 1
fi
mkdir -p "$gdir"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# cut_prelude FILE NAME: moves FILE's prelude (line 2 to the end marker)
# into $tmp/prelude and leaves a one-line reference in its place; the
# first prelude seen is kept as $tmp/prelude.first, and every later one
# must equal it.
prelude_marker='/* ---- end of the fixed prelude ---- */'
cut_prelude() {
  local n
  n=$(grep -nxF "$prelude_marker" "$1" | head -1 | cut -d: -f1)
  if [[ -z $n ]]; then
    echo "FAIL $2: no \"$prelude_marker\" line in the C output"
    return 1
  fi
  sed -n "2,${n}p" "$1" >"$tmp/prelude"
  { head -1 "$1"; echo "/* [the fixed prelude: tests/golden/c/_prelude.txt] */"
    tail -n +"$((n + 1))" "$1"; } >"$tmp/cut" && mv "$tmp/cut" "$1"
  if [[ ! -f $tmp/prelude.first ]]; then
    cp "$tmp/prelude" "$tmp/prelude.first"
  elif ! cmp -s "$tmp/prelude" "$tmp/prelude.first"; then
    echo "FAIL $2: its prelude differs from the other files' (it must be fixed text)"
    return 1
  fi
}
pass=0 fail=0 updated=0
declare -A seen=()
for f in "${files[@]}"; do
  name=$(basename "$f")
  stem=${name%.cu}
  want="$gdir/$stem.$target"
  if [[ -n ${seen[$stem]:-} ]]; then
    echo "FAIL $name: two inputs named $stem map to the same golden file"
    fail=$((fail + 1)); continue
  fi
  seen[$stem]=1
  # Relative name from the file's folder: output must not depend on where
  # the tree lives.
  run_in "$(dirname "$f")" "$tmp/out" "$tmp/err" \
    "$cuwasm" transpile "$name" --target "$target"
  why=$(describe_status "$rc" "$tmp/err")
  # wgsl: kernels the target rejects make transpile exit 1; their
  # diagnostics are part of the golden output, as comments.
  [[ $target == wgsl && $rc -eq 1 && -s $tmp/out ]] && rc=0
  if [[ $rc -ne 0 || -n $why ]]; then
    echo "FAIL $name: transpile ${why:-exited $rc}"
    indent "$tmp/err"
    fail=$((fail + 1)); continue
  fi
  if [[ $target == c ]] && ! cut_prelude "$tmp/out" "$name"; then
    fail=$((fail + 1)); continue
  fi
  if [[ $update -eq 1 ]]; then
    if ! cmp -s "$tmp/out" "$want"; then
      cp "$tmp/out" "$want"
      echo "updated ${want#"$root"/}"
      updated=$((updated + 1))
    fi
    pass=$((pass + 1))
  elif [[ ! -f $want ]]; then
    echo "FAIL $name: no golden file ${want#"$root"/}"
    echo "    hint: review the output, then run"
    echo "    bash tests/golden/run_golden.sh $cuwasm --target $target --update $f"
    fail=$((fail + 1))
  elif cmp -s "$tmp/out" "$want"; then
    pass=$((pass + 1))
  else
    echo "FAIL $name: output differs from ${want#"$root"/} (- expected, + actual)"
    diff -u "$want" "$tmp/out" | tail -n +3 | head -n 60 | sed 's/^/    /' || true
    fail=$((fail + 1))
  fi
done

# Golden files whose input is gone would silently stop being checked.
if [[ $explicit -eq 0 ]]; then
  shopt -s nullglob
  for g in "$gdir"/*."$target"; do
    stem=$(basename "$g" ".$target")
    [[ -n ${seen[$stem]:-} ]] && continue
    if [[ $update -eq 1 ]]; then
      rm -f "$g"
      echo "removed stale ${g#"$root"/}"
    else
      echo "FAIL stale golden ${g#"$root"/}: no tests/kernels/$stem.cu or ${gdir#"$root"/}/$stem.cu"
      fail=$((fail + 1))
    fi
  done
  shopt -u nullglob
fi

# The prelude, once.
if [[ $target == c && -f $tmp/prelude.first ]]; then
  pwant="$gdir/_prelude.txt"
  if [[ $update -eq 1 ]]; then
    cmp -s "$tmp/prelude.first" "$pwant" || { cp "$tmp/prelude.first" "$pwant"; echo "updated ${pwant#"$root"/}"; }
  elif ! cmp -s "$tmp/prelude.first" "$pwant"; then
    echo "FAIL prelude: differs from ${pwant#"$root"/} (- expected, + actual)"
    diff -u "$pwant" "$tmp/prelude.first" 2>&1 | tail -n +3 | head -n 60 | sed 's/^/    /' || true
    fail=$((fail + 1))
  fi
fi

[[ $update -eq 1 ]] && echo "$updated golden file(s) rewritten"
echo "$pass passed, $fail failed"
[[ $fail -eq 0 ]]
