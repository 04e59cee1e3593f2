#!/usr/bin/env bash
# run.sh — whole programs on a GPU: the public programs of the realworld
# corpus built by nvcc and by `cuwasm cc` (kernels on the CUDA backend),
# each run in the same staged folder with the same inputs, wall time of the
# process side by side:
#   nvcc    the nvcc-built binary, best of REPS runs
#   cold    the cuwasm-built binary with an empty JIT cache, one run: both
#           compilers get -arch=$ARCH, so `cuwasm cc` embeds cubins compiled
#           ahead of time as nvcc does (CUWASM_CC_AOT=0: NVRTC compiles
#           every kernel at its first launch instead)
#   warm    the same binary again, cache filled, best of REPS runs
#   jit     the same program built with CUWASM_CC_AOT=0 (no cubins ahead of
#           time), empty cache, one run: NVRTC compiles every kernel at its
#           first launch, as every cuwasm build did before cc_aot.c
# and the ratios nvcc/cold, nvcc/warm, nvcc/jit (1.0 = as fast as nvcc,
# above = faster) with their geometric means.  Programs that fail to build or run with
# either compiler are listed and left out of the means.
# Usage: bench/programs/run.sh REALWORLD_DIR [BUILD_DIR] [NAME ...]
#   REALWORLD_DIR: the corpus (programs.txt, src/, gen.sh)
# Environment: REPS (default 3), NVCC (default nvcc), ARCH (default native),
# JOBS (parallel builds, default nproc), PROFILE_DIR (each program's
# CUWASM_PROFILE table of one more warm run is written there).
set -u
rw=$(cd "${1:?usage: run.sh REALWORLD_DIR [BUILD_DIR] [NAME ...]}" && pwd); shift
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$root/build
if [ $# -gt 0 ] && [ -d "$1" ]; then build=$(cd "$1" && pwd); shift; fi
cw=$build/cuwasm
reps=${REPS:-3}
nvcc=${NVCC:-$(command -v nvcc || echo /usr/local/cuda/bin/nvcc)}
arch=${ARCH:-native}
"$cw" devices | grep -q '^cuda: [^u]' || { echo "SKIP: no CUDA device ($("$cw" devices | grep '^cuda'))"; exit 77; }
sel=("$@")
wanted() {
  [ ${#sel[@]} -eq 0 ] && return 0
  for s in "${sel[@]}"; do [ "$s" = "$1" ] || [ "$s" = "${1#*/}" ] && return 0; done
  return 1
}
# seconds one run of CMD... takes in the current folder, or "fail"
wall() {
  local t0 t1
  t0=$(date +%s.%N)
  timeout 300 "$@" >/dev/null 2>&1 < /dev/null || { echo fail; return; }
  t1=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.4f\n", b - a}'
}
best() { # N CMD...: the best of N runs
  local n=$1 b="" t; shift
  for ((r = 0; r < n; r++)); do
    t=$(wall "$@"); [ "$t" = fail ] && { echo fail; return; }
    if [ -z "$b" ] || awk -v t="$t" -v b="$b" 'BEGIN {exit !(t < b)}'; then b=$t; fi
  done
  echo "$b"
}
# Stage and build every program first, JOBS at a time (nvcc and `cuwasm cc`
# dominate the wall time of this script); then time them one by one on the
# otherwise idle machine.
stage() { # NAME SRCS FLAGS NVFLAGS: stages NAME under $work/NAME and builds both binaries
  local name=$1 srcs=$2 flags=$3 nvflags=$4 S=$work/$(printf '%s' "$1" | tr '/' '_')
  local W=$S/stage/$name suite=${name%%/*}
  mkdir -p "$S/stage/$suite" "$S/stage/cuda-samples"
  cp -R "$rw/src/$name" "$W"
  cp -R "$rw/src/cuda-samples/Common" "$S/stage/cuda-samples/Common"
  "$rw/gen.sh" "$S" "$name" >/dev/null 2>&1 < /dev/null || { echo gen > "$S/failed"; return; }
  (cd "$W" && "$nvcc" -arch="$arch" $flags $nvflags $srcs -o prog_nvcc) > "$S/nvcc.log" 2>&1 ||
    { echo nvcc > "$S/failed"; return; }
  (cd "$W" && "$cw" cc -arch="$arch" $srcs $flags -o prog_cw &&
    CUWASM_CC_AOT=0 "$cw" cc -arch="$arch" $srcs $flags -o prog_cwjit) > "$S/cw.log" 2>&1 ||
    echo "cuwasm cc" > "$S/failed"
}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
set -f
jobs_now=0
while IFS='|' read -r name srcs flags args verdict tags nvflags outputs <&3; do
  case $name in ''|'#'*) continue ;; esac
  wanted "$name" || continue
  stage "$name" "$srcs" "$flags" "$nvflags" &
  jobs_now=$((jobs_now + 1))
  if [ $jobs_now -ge "${JOBS:-$(nproc)}" ]; then wait -n; jobs_now=$((jobs_now - 1)); fi
done 3< "$rw/programs.txt"
wait
printf '%-36s %9s %9s %9s %9s %8s %8s %8s\n' program "nvcc (s)" "cold (s)" "warm (s)" "jit (s)" \
  cold× warm× jit×
lc=0 lw=0 lj=0 n=0 skipped=()
while IFS='|' read -r name srcs flags args verdict tags nvflags outputs <&3; do
  case $name in ''|'#'*) continue ;; esac
  wanted "$name" || continue
  S=$work/$(printf '%s' "$name" | tr '/' '_'); W=$S/stage/$name
  if [ -f "$S/failed" ]; then skipped+=("$name (build: $(cat "$S/failed"))"); continue; fi
  cd "$W" || exit 1
  tn=$(best "$reps" ./prog_nvcc $args)
  tc=$(wall env XDG_CACHE_HOME="$S/cache" CUWASM_BACKEND=cuda ./prog_cw $args)
  tw=$(best "$reps" env XDG_CACHE_HOME="$S/cache" CUWASM_BACKEND=cuda ./prog_cw $args)
  tj=$(wall env XDG_CACHE_HOME="$S/cachejit" CUWASM_BACKEND=cuda ./prog_cwjit $args)
  if [ -n "${PROFILE_DIR:-}" ]; then # one more warm run, with the runtime's own profile
    mkdir -p "$PROFILE_DIR"
    env XDG_CACHE_HOME="$S/cache" CUWASM_BACKEND=cuda CUWASM_PROFILE=1 ./prog_cw $args 2>&1 \
      >/dev/null < /dev/null | sed -n '/^cuwasm profile/,$p' > "$PROFILE_DIR/$(basename "$S").txt"
  fi
  cd "$root" || exit 1
  rm -rf "$S"
  if [ "$tn" = fail ] || [ "$tc" = fail ] || [ "$tw" = fail ] || [ "$tj" = fail ]; then
    skipped+=("$name (run: nvcc $tn, cold $tc, warm $tw, jit $tj)"); continue
  fi
  awk -v p="$name" -v n="$tn" -v c="$tc" -v w="$tw" -v j="$tj" \
    'BEGIN {printf "%-36s %9.3f %9.3f %9.3f %9.3f %8.2f %8.2f %8.2f\n", p, n, c, w, j, n / c, n / w, n / j}'
  lc=$(awk -v s="$lc" -v n="$tn" -v c="$tc" 'BEGIN {print s + log(n / c)}')
  lj=$(awk -v s="$lj" -v n="$tn" -v j="$tj" 'BEGIN {print s + log(n / j)}')
  lw=$(awk -v s="$lw" -v n="$tn" -v w="$tw" 'BEGIN {print s + log(n / w)}'); n=$((n + 1))
done 3< "$rw/programs.txt"
set +f
[ $n -gt 0 ] && awk -v n=$n -v c="$lc" -v w="$lw" -v j="$lj" \
  'BEGIN {printf "geomean of %d programs: cold %.2fx, warm %.2fx, jit %.2fx (nvcc time / cuwasm time)\n", n, exp(c / n), exp(w / n), exp(j / n)}'
for s in "${skipped[@]}"; do echo "left out: $s"; done
