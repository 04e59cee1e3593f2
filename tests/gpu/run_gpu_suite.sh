#!/usr/bin/env bash
# run_gpu_suite.sh — the GPU suite of the native CUDA backend, for a
# machine with an NVIDIA GPU: builds cuwasm, then
#   1. runs every `// launch:` line of tests/kernels/*.cu on the CPU backend,
#      on the CUDA backend (NVRTC), and on the CUDA backend with the kernels
#      built by nvcc (CUWASM_CUDA_COMPILER=nvcc), and compares every output
#      buffer (tests/gpu/compare_bins.c: exact for integers, 1e-4 relative
#      for f32);
#   2. runs every self-checking program in tests/programs/ built by nvcc and
#      through `cuwasm run` on the CUDA backend, and requires both to pass.
# Prints one line per case and "N passed, N failed"; exits 77 (skip) when
# there is no usable GPU, non-zero on any failure.
# Usage: tests/gpu/run_gpu_suite.sh [BUILD_DIR]
# GPU_SUITE_PART=kernels|programs runs one part; GPU_SUITE_SHARD=I/N runs
# the I-th of N shares of the files (0-based), so shards run side by side.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build}
if [ ! -x "$build/cuwasm" ]; then
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$build" -j"$(nproc)" >/dev/null
fi
cw="$(cd "$build" && pwd)/cuwasm"
if ! "$cw" devices | grep -q '^cuda: [^u]'; then
  echo "SKIP: $("$cw" devices | grep '^cuda')"
  exit 77
fi
"$cw" devices | grep '^cuda'
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cc -O2 -o "$work/compare_bins" "$root/tests/gpu/compare_bins.c" -lm
pass=0 fail=0
part=${GPU_SUITE_PART:-all}
shard=${GPU_SUITE_SHARD:-0/1}
file_index=0
# whether this run takes the next file: its share of the files
mine() { local i=$file_index; file_index=$((file_index + 1)); [ $((i % ${shard#*/})) = "${shard%/*}" ]; }
for f in "$root"/tests/kernels/*.cu; do
  [ "$part" != programs ] || break
  mine || continue
  n=0
  while IFS= read -r line; do
    n=$((n + 1))
    read -r -a words <<<"${line#// launch: }"
    kernel=${words[0]}
    args=("${words[@]:1}")
    # options with values do not count as kernel arguments
    k=0; types=(); skip=0
    for a in "${args[@]}"; do
      if [ $skip = 1 ]; then skip=0; continue; fi
      case "$a" in --grid|--block|--shared) skip=1; continue ;; esac
      if [[ "$a" == *"["*"]="* ]]; then types+=("$k:${a%%[*}"); fi
      k=$((k + 1))
    done
    name="$(basename "$f") $kernel #$n"
    rm -rf "$work/cpu" "$work/cuda"
    mkdir -p "$work/cpu" "$work/cuda"
    if ! CUWASM_BACKEND=cpu "$cw" launch "$f" "$kernel" "${args[@]}" --backend cpu --out "$work/cpu" >/dev/null 2>"$work/err"; then
      echo "FAIL $name (cpu: $(head -c 300 "$work/err"))"; fail=$((fail + 1)); continue
    fi
    if ! "$cw" launch "$f" "$kernel" "${args[@]}" --backend cuda --out "$work/cuda" >/dev/null 2>"$work/err"; then
      echo "FAIL $name (cuda: $(head -c 600 "$work/err"))"; fail=$((fail + 1)); continue
    fi
    # the same source with the kernels' code built by nvcc instead of NVRTC
    rm -rf "$work/nvcc"; mkdir -p "$work/nvcc"
    if ! CUWASM_CUDA_COMPILER=nvcc "$cw" launch "$f" "$kernel" "${args[@]}" --backend cuda --out "$work/nvcc" >/dev/null 2>"$work/err"; then
      echo "FAIL $name (nvcc-built: $(head -c 600 "$work/err"))"; fail=$((fail + 1)); continue
    fi
    if "$work/compare_bins" "$work/cpu" "$work/cuda" "${types[@]}" 2>"$work/err" &&
       "$work/compare_bins" "$work/cuda" "$work/nvcc" "${types[@]}" 2>>"$work/err"; then
      echo "PASS $name"; pass=$((pass + 1))
    else
      echo "FAIL $name (results differ)"; cat "$work/err"; fail=$((fail + 1))
    fi
  done < <(grep '^// launch: ' "$f" || true)
done
if [ -d "$root/tests/programs" ] && command -v nvcc >/dev/null 2>&1 || [ -x /usr/local/cuda/bin/nvcc ]; then
  nvcc=$(command -v nvcc || echo /usr/local/cuda/bin/nvcc)
  for p in "$root"/tests/programs/*.cu; do
    [ -f "$p" ] && [ "$part" != kernels ] || continue
    mine || continue
    name="program $(basename "$p")"
    flags=$(sed -n 's|^// FLAGS: *||p' "$p" | head -1)
    pargs=$(sed -n 's|^// ARGS: *||p' "$p" | head -1)
    # shellcheck disable=SC2086
    if ! "$nvcc" -arch=native -std=c++17 $flags -o "$work/nv" "$p" >"$work/err" 2>&1; then
      echo "FAIL $name (nvcc build: $(head -c 300 "$work/err"))"; fail=$((fail + 1)); continue
    fi
    # shellcheck disable=SC2086
    if ! (cd "$(dirname "$p")" && "$work/nv" $pargs) >"$work/out_nv" 2>&1; then
      echo "FAIL $name (nvcc-built binary failed)"; fail=$((fail + 1)); continue
    fi
    # shellcheck disable=SC2086
    if (cd "$(dirname "$p")" && CUWASM_BACKEND=cuda "$cw" run "$p" $flags -- $pargs) >"$work/out_cw" 2>&1; then
      echo "PASS $name"; pass=$((pass + 1))
    else
      echo "FAIL $name (cuwasm run on cuda: $(tail -c 300 "$work/out_cw"))"; fail=$((fail + 1))
    fi
  done
fi
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
