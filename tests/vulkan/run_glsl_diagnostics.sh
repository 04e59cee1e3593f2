#!/usr/bin/env bash
# run_glsl_diagnostics.sh CUWASM — what the Vulkan target cannot express is
# rejected at the user's line: each tests/vulkan/rejected/*.cu names, in its
# first line `// expect: LINE:COL: error: MESSAGE`, the diagnostic that
# `cuwasm transpile --target glsl` must print (as FILE:LINE:COL: ...), with
# exit status 1 and nothing on stdout; a second line `// lacks: int64,...`
# writes the shaders for a device without those features
# (CUWASM_GLSL_LACKS, as the backend does for SwiftShader).  Needs no
# Vulkan device.
set -u
cw=$(realpath "${1:?usage: run_glsl_diagnostics.sh CUWASM}")
here=$(cd "$(dirname "$0")" && pwd)
pass=0 fail=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for f in "$here"/rejected/*.cu; do
  name=$(basename "$f")
  want=$(sed -n '1s|^// expect: ||p' "$f")
  lacks=$(sed -n '2s|^// lacks: ||p' "$f")
  (cd "$here/rejected" && CUWASM_GLSL_LACKS=$lacks "$cw" transpile "$name" --target glsl >"$work/out" 2>"$work/err")
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
