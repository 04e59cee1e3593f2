#!/usr/bin/env bash
# run_glsl_diagnostics.sh CUWASM — what the Vulkan target cannot express is
# rejected at the user's line: each tests/vulkan/rejected/*.cu names, in its
# first line `// expect: LINE:COL: error: MESSAGE`, the diagnostic that
# `cuwasm transpile --target glsl` must print (as FILE:LINE:COL: ...), with
# exit status 1 and nothing on stdout.  Needs no Vulkan device.
set -u
cw=$(realpath "${1:?usage: run_glsl_diagnostics.sh CUWASM}")
here=$(cd "$(dirname "$0")" && pwd)
pass=0 fail=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for f in "$here"/rejected/*.cu; do
  name=$(basename "$f")
  want=$(sed -n '1s|^// expect: ||p' "$f")
  (cd "$here/rejected" && "$cw" transpile "$name" --target glsl >"$work/out" 2>"$work/err")
  rc=$?
  if [ $rc -eq 1 ] && [ ! -s "$work/out" ] && grep -qF "$name:$want" "$work/err"; then
    echo "PASS $name"; pass=$((pass + 1))
  else
    echo "FAIL $name (exit $rc): want '$name:$want', got:"; sed 's/^/    /' "$work/err" | head -6
    fail=$((fail + 1))
  fi
done
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
