#!/usr/bin/env bash
# check_nvcc.sh — confirms that every program of tests/programs also
# compiles, unchanged, with NVIDIA's nvcc (-arch=sm_80 -std=c++17 -c).
# Prints SKIP and exits 77 (CTest's SKIP_RETURN_CODE) when nvcc is not
# installed, so CTest reports the test as skipped, never as passed.
set -u
nvcc=${NVCC:-/usr/local/cuda/bin/nvcc}
if [ ! -x "$nvcc" ]; then
  echo "SKIP: $nvcc not found"
  exit 77
fi
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
for f in "$here"/*.cu "$here"/*/*.cu; do
  flags=$(sed -n 's|^// FLAGS: *||p' "$f" | head -1)
  # a file of a multi-file program: the program's flags (-rdc=true …) are
  # on whichever of its files carries them
  if [ -z "$flags" ] && [ "$(dirname "$f")" != "$here" ]; then
    flags=$(sed -n 's|^// FLAGS: *||p' "$(dirname "$f")"/*.cu | head -1)
  fi
  if "$nvcc" -arch=sm_80 -std=c++17 $flags -c "$f" -o "$tmp/out.o" 2>"$tmp/log"; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAIL ${f#$here/}"
    tail -5 "$tmp/log" | sed 's/^/     /'
  fi
done
echo "nvcc: $pass compiled, $fail failed"
[ $fail -eq 0 ]
