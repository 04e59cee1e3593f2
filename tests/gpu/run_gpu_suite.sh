#!/usr/bin/env bash
# run_gpu_suite.sh — the GPU suite of the native CUDA backend, for a
# machine with an NVIDIA GPU: builds cuwasm, then
#   1. runs every `// launch:` line of tests/kernels/*.cu on the CPU backend,
#      on the CUDA backend (NVRTC), and on the CUDA backend with the kernels
#      built by nvcc (CUWASM_CUDA_COMPILER=nvcc), and compares every output
#      buffer (tests/gpu/compare_bins.c: exact for integers, 1e-4 relative
#      for f32);
#   2. runs every self-checking program in tests/programs/ (a top-level .cu
#      file, or a folder of .cu/.c/.cpp files, as run_programs.sh counts
#      them) built by nvcc and through `cuwasm run` on the CUDA backend, and
#      requires both to pass.
# Prints one line per case with its seconds and "N passed, N failed";
# exits 77 (skip) when there is no usable GPU, non-zero on any failure.
# Usage: tests/gpu/run_gpu_suite.sh [BUILD_DIR]
# GPU_SUITE_PART=kernels|programs runs one part; GPU_SUITE_SHARD=I/N runs
# the I-th of N shares of the cases (kernel files and programs, 0-based).
# Without a shard the suite runs GPU_SUITE_JOBS shards side by side itself
# (default: half the cores), each in its own process, and prints their
# lines in order: on the 16-core GPU machine that is 8 shards (of the last
# run's 6, started by hand beside the other suites, one ran out of time).
# Every
# command of a case is limited to GPU_SUITE_TIMEOUT seconds (default 120),
# so one hang fails its case instead of the shard.
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
part=${GPU_SUITE_PART:-all}
limit=${GPU_SUITE_TIMEOUT:-120}

# no shard asked for: run the shards in parallel and gather their lines
if [ -z "${GPU_SUITE_SHARD:-}" ]; then
  jobs=${GPU_SUITE_JOBS:-$(( $(nproc) / 2 ))}
  [ "$jobs" -ge 1 ] || jobs=1
  "$cw" devices | grep '^cuda'
  logs=$(mktemp -d)
  trap 'rm -rf "$logs"' EXIT
  for ((i = 0; i < jobs; i++)); do
    GPU_SUITE_SHARD=$i/$jobs bash "$0" "$build" >"$logs/$i" 2>&1 &
  done
  wait || true
  pass=0 fail=0
  for ((i = 0; i < jobs; i++)); do
    grep -v '^cuda: \|passed, .* failed$' "$logs/$i" || true
    line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$logs/$i" || echo "0 passed, 1 failed")
    pass=$((pass + ${line%% *}))
    f=${line#*, }; fail=$((fail + ${f%% *}))
  done
  echo "$pass passed, $fail failed"
  [ "$fail" = 0 ]
  exit
fi

"$cw" devices | grep '^cuda'
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cc -O2 -o "$work/compare_bins" "$root/tests/gpu/compare_bins.c" -lm
pass=0 fail=0
shard=$GPU_SUITE_SHARD
case_index=0
# whether this shard takes the next case: its share of the cases
mine() { local i=$case_index; case_index=$((case_index + 1)); [ $((i % ${shard#*/})) = "${shard%/*}" ]; }
# seconds since the case began
t0=0
took() { echo "$(( $(date +%s) - t0 )) s"; }
# a command under the case's time limit; why_rc says when it ran out
limited() { timeout -k 5 "$limit" "$@"; }
why_rc() { if [ "$1" = 124 ] || [ "$1" = 137 ]; then echo "timed out after $limit s: "; fi; }

# kernels: whole files per shard, so that each file's NVRTC, nvcc and C
# builds happen in one shard (the others would only repeat them)
for f in "$root"/tests/kernels/*.cu; do
  [ "$part" != programs ] || break
  mine || continue
  n=0
  while IFS= read -r line; do
    n=$((n + 1))
    t0=$(date +%s)
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
    rm -rf "$work/cpu" "$work/cuda" "$work/nvcc"
    mkdir -p "$work/cpu" "$work/cuda" "$work/nvcc"
    rc=0
    CUWASM_BACKEND=cpu limited "$cw" launch "$f" "$kernel" "${args[@]}" --backend cpu --out "$work/cpu" >/dev/null 2>"$work/err" || rc=$?
    if [ $rc != 0 ]; then
      echo "FAIL $name (cpu: $(why_rc $rc)$(head -c 300 "$work/err"))"; fail=$((fail + 1)); continue
    fi
    limited "$cw" launch "$f" "$kernel" "${args[@]}" --backend cuda --out "$work/cuda" >/dev/null 2>"$work/err" || rc=$?
    if [ $rc != 0 ]; then
      echo "FAIL $name (cuda: $(why_rc $rc)$(head -c 600 "$work/err"))"; fail=$((fail + 1)); continue
    fi
    # the same source with the kernels' code built by nvcc instead of NVRTC
    CUWASM_CUDA_COMPILER=nvcc limited "$cw" launch "$f" "$kernel" "${args[@]}" --backend cuda --out "$work/nvcc" >/dev/null 2>"$work/err" || rc=$?
    if [ $rc != 0 ]; then
      echo "FAIL $name (nvcc-built: $(why_rc $rc)$(head -c 600 "$work/err"))"; fail=$((fail + 1)); continue
    fi
    if "$work/compare_bins" "$work/cpu" "$work/cuda" "${types[@]}" 2>"$work/err" &&
       "$work/compare_bins" "$work/cuda" "$work/nvcc" "${types[@]}" 2>>"$work/err"; then
      echo "PASS $name ($(took))"; pass=$((pass + 1))
    else
      echo "FAIL $name (results differ)"; head -20 "$work/err"; fail=$((fail + 1))
    fi
  done < <(grep '^// launch: ' "$f" || true)
done

nvcc=$(command -v nvcc || echo /usr/local/cuda/bin/nvcc)
# run_program NAME MAIN FILES...: nvcc's build and cuwasm's run of one program
run_program() {
  local name="program $1" main=$2 dir flags pargs rc=0
  shift 2
  dir=$(dirname "$main")
  flags=$(sed -n 's|^// FLAGS: *||p' "$main" | head -1)
  pargs=$(sed -n 's|^// ARGS: *||p' "$main" | head -1)
  # shellcheck disable=SC2086
  limited "$nvcc" -arch=native -std=c++17 $flags -o "$work/nv" "$@" >"$work/err" 2>&1 || rc=$?
  if [ $rc != 0 ]; then
    echo "FAIL $name (nvcc build: $(why_rc $rc)$(grep -v 'warning' "$work/err" | head -c 400))"; fail=$((fail + 1)); return
  fi
  # shellcheck disable=SC2086
  (cd "$dir" && limited "$work/nv" $pargs) >"$work/out_nv" 2>&1 || rc=$?
  if [ $rc != 0 ]; then
    echo "FAIL $name (nvcc-built binary failed: $(why_rc $rc)exit $rc: $(tail -c 400 "$work/out_nv"))"
    fail=$((fail + 1)); return
  fi
  # shellcheck disable=SC2086
  (cd "$dir" && CUWASM_BACKEND=cuda limited "$cw" run "$@" $flags -- $pargs) >"$work/out_cw" 2>&1 || rc=$?
  if [ $rc = 0 ]; then
    echo "PASS $name ($(took))"; pass=$((pass + 1))
  else
    echo "FAIL $name (cuwasm run on cuda: $(why_rc $rc)$(tail -c 400 "$work/out_cw"))"; fail=$((fail + 1))
  fi
}

if [ "$part" != kernels ] && [ -x "$nvcc" ]; then
  for p in "$root"/tests/programs/*.cu; do
    mine || continue
    t0=$(date +%s)
    run_program "$(basename "$p")" "$p" "$p"
  done
  for d in "$root"/tests/programs/*/; do
    files=$(ls "$d"*.cu "$d"*.c "$d"*.cpp 2>/dev/null || true)
    [ -n "$files" ] || continue
    mine || continue
    t0=$(date +%s)
    main=$(ls "$d"main.* 2>/dev/null | head -1)
    # shellcheck disable=SC2086
    run_program "$(basename "$d")" "${main:-${files%%$'\n'*}}" $files
  done
fi
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
