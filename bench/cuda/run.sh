#!/usr/bin/env bash
# run.sh — the CUDA backend benchmark on a GPU machine: builds bench_native
# with nvcc and bench_cw against libcuwasm, runs both on the same kernels
# (kernels.cu) and prints each figure side by side with the ratio
# native/cuwasm (above 1.0: cuwasm faster; for copies, bandwidth ratio).
# A cuwasm-only variant NAME_x (h2d_pageable_driver: the driver's own
# staging, CUWASM_CUDA_STAGING=0; h2d_pageable_Nthreads: ours on N memcpy
# threads) is compared with nvcc's NAME.
# Usage: bench/cuda/run.sh [BUILD_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build}
nvcc=$(command -v nvcc || echo /usr/local/cuda/bin/nvcc)
if [ ! -f "$build/libcuwasm.a" ]; then
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$build" -j"$(nproc)" --target cuwasm >/dev/null
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$nvcc" -O3 -arch=native -std=c++17 -o "$work/native" "$here/bench_native.cu"
cc -std=gnu11 -O2 -I"$root/include" -o "$work/cw" "$here/bench_cw.c" "$build/libcuwasm.a" -lpthread -ldl -lm
(cd "$here" && "$work/native") >"$work/native.txt"
(cd "$here" && XDG_CACHE_HOME="$work/cache" "$work/cw") >"$work/cw.txt"
printf '%-14s %12s %12s %8s\n' measure "nvcc (s)" "cuwasm (s)" ratio
while read -r name t; do
  n=$(awk -v k="$name" '$1 == k {print $2}' "$work/native.txt")
  [ -n "$n" ] || n=$(awk -v k="${name%_*}" '$1 == k {print $2}' "$work/native.txt")
  if [ -n "$n" ]; then
    awk -v k="$name" -v a="$n" -v b="$t" 'BEGIN {printf "%-14s %12.6f %12.6f %8.3f\n", k, a, b, a / b}'
  else
    awk -v k="$name" -v b="$t" 'BEGIN {printf "%-14s %12s %12.6f\n", k, "-", b}'
  fi
done <"$work/cw.txt"
