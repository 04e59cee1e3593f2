#!/bin/sh
# Compile every kernel file in this folder with nvcc (device pass, sm_80) to
# prove the corpus is real CUDA. No GPU is needed. Files run one at a time.
# Usage: tests/kernels/check_nvcc.sh [FILE.cu ...]
dir=$(cd "$(dirname "$0")" && pwd)
if [ -x /usr/local/cuda/bin/nvcc ]; then
    NVCC=/usr/local/cuda/bin/nvcc
elif command -v nvcc >/dev/null 2>&1; then
    NVCC=$(command -v nvcc)
else
    echo "SKIP: nvcc not found"
    exit 0
fi
if [ $# -eq 0 ]; then set -- "$dir"/*.cu; fi
pass=0
fail=0
for f in "$@"; do
    name=$(basename "$f")
    if out=$("$NVCC" -arch=sm_80 -std=c++17 -c "$f" -o /dev/null 2>&1); then
        echo "PASS $name"
        pass=$((pass + 1))
    else
        echo "FAIL $name"
        printf '%s\n' "$out" | sed 's/^/    /'
        fail=$((fail + 1))
    fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
