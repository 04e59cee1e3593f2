#!/usr/bin/env bash
# CTest wrapper for tests/kernels/check_nvcc.sh (nvcc must accept every
# kernel of the corpus).  That script prints "SKIP: ..." and exits 0 when
# no nvcc is installed; we turn that into exit 77, which CTest is told
# (SKIP_RETURN_CODE) to show as "skipped" rather than "passed".
# Usage: tests/run_nvcc_check.sh [CUWASM]   (the argument is ignored)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
script="$here/kernels/check_nvcc.sh"
if [[ ! -f $script ]]; then
  echo "SKIP: $script does not exist yet"
  exit 77
fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
rc=0
bash "$script" 2>&1 | tee "$out" || rc=$?
if [[ $rc -eq 0 ]] && grep -q '^SKIP' "$out"; then
  exit 77
fi
exit "$rc"
