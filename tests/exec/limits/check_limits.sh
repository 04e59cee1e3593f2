#!/usr/bin/env bash
# check_limits.sh — runs run_exec on exec_limits.cu and checks that every
# launch line is seen (20 copies pass) and that the lines beyond the
# runner's limits fail with the limit and the source line named.
#   bash check_limits.sh RUN_EXEC
set -u
here=$(cd "$(dirname "$0")" && pwd)
out=$("${1:?usage: check_limits.sh RUN_EXEC}" --kernels "$here" 2>&1)
echo "$out"
bad=0
want() { grep -q -- "$1" <<<"$out" || { echo "MISSING: $1"; bad=1; }; }
[ "$(grep -c '^ok   exec_limits:copy' <<<"$out")" -eq 20 ] || { echo "MISSING: 20 passing copies"; bad=1; }
want "^FAIL exec_limits:copy  exec_limits.cu:26: more kernel arguments than REF_MAX_ARGS"
want "^FAIL exec_limits:globals .*ref_expect_global: more than REF_MAX_GLOBALS globals"
want "^20 passed, 2 failed"
[ $bad -eq 0 ] && echo "limits: every line seen, the two beyond limits named"
exit $bad
