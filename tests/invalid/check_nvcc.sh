#!/bin/sh
# Check that nvcc rejects every invalid program here (the corpus must be
# invalid CUDA, not just invalid for cuwasm). Files listed in STRICTER are
# ones where cuwasm is deliberately stricter than nvcc (see README.md): nvcc
# must accept those. Prints "SKIP: nvcc not found" and exits 0 without nvcc.
dir=$(cd "$(dirname "$0")" && pwd)
if [ -x /usr/local/cuda/bin/nvcc ]; then
    NVCC=/usr/local/cuda/bin/nvcc
elif command -v nvcc >/dev/null 2>&1; then
    NVCC=$(command -v nvcc)
else
    echo "SKIP: nvcc not found"
    exit 0
fi
STRICTER="nonvoid_missing_return_value.cu"
if [ $# -eq 0 ]; then set -- "$dir"/*.cu; fi
pass=0
fail=0
for f in "$@"; do
    name=$(basename "$f")
    want=rejected
    case " $STRICTER " in *" $name "*) want=accepted ;; esac
    if (cd "$(dirname "$f")" && "$NVCC" -arch=sm_80 -std=c++17 -c "$name" -o /dev/null >/dev/null 2>&1); then
        got=accepted
    else
        got=rejected
    fi
    if [ "$got" = "$want" ]; then
        echo "PASS $name (nvcc: $got)"
        pass=$((pass + 1))
    else
        echo "FAIL $name (nvcc: $got, want $want)"
        fail=$((fail + 1))
    fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
