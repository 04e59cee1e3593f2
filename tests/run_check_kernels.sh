#!/usr/bin/env bash
# Runs `cuwasm check` on every kernel in tests/kernels/ (or on the files
# given): each must be accepted (exit 0) without crashing or hanging.
# Usage: tests/run_check_kernels.sh CUWASM [FILE.cu ...]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
cuwasm=$(realpath "${1:-}" 2>/dev/null || true)
require_cuwasm "$cuwasm"
shift

kdir="$here/kernels"
if [[ $# -eq 0 ]]; then
  shopt -s nullglob
  set -- "$kdir"/*.cu
  shopt -u nullglob
fi
if [[ $# -eq 0 ]]; then
  echo "error: no kernels found in $kdir" >&2
  exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
for f in "$@"; do
  name=$(basename "$f")
  # Run from the file's folder with a relative name, so diagnostics and
  # __FILE__ do not depend on where the tree is checked out.
  run_in "$(dirname "$f")" "$tmp/out" "$tmp/err" "$cuwasm" check "$name"
  why=$(describe_status "$rc" "$tmp/err")
  if [[ $rc -eq 0 && -z $why ]]; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAIL $name: ${why:-exit $rc}"
    indent "$tmp/err"
  fi
done
echo "$pass passed, $fail failed"
[[ $fail -eq 0 ]]
