#!/usr/bin/env bash
# programs.sh — whole CUDA programs (bench/web/programs/*.cu) built with
# `cuwasm cc --target web` and run in Node on the WebAssembly device,
# against the same programs built natively (the CPU backend), in one run:
#   native   `cuwasm cc` (CPU backend, all cores)
#   web N    APP.mjs, a launch's blocks on N Web Workers (default: every
#            hardware thread; CUWASM_THREADS)
#   web 1    the same APP.mjs with CUWASM_THREADS=1
# Each figure is the program's own "kernel ms:" line (CUDA events), the
# best of REPS runs; the ratios are native/web N (1.0: as fast as native)
# and web 1/web N (what the threads bring), with geometric means.  Every
# run's other lines (checksums, PASSED) must equal the native run's, or
# the row says so.
# Usage: bench/web/programs.sh [BUILD_DIR] [--prebuilt DIR] [--keep DIR]
#   --prebuilt DIR  take NAME.mjs from DIR instead of building it (for a
#                   machine without emscripten: build them elsewhere with
#                   --keep DIR)
#   --keep DIR      build the web programs into DIR and keep them
# Environment: REPS (default 3), THREADS (web N's N; default all).
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$root/build prebuilt= keep=
while [ $# -gt 0 ]; do
  case $1 in
    --prebuilt) prebuilt=$(cd "$2" && pwd); shift 2 ;;
    --keep) mkdir -p "$2"; keep=$(cd "$2" && pwd); shift 2 ;;
    *) build=$(cd "$1" && pwd); shift ;;
  esac
done
cw=$build/cuwasm
reps=${REPS:-3}
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
out=${keep:-$tmp}
threads=${THREADS:-$(node -e "console.log(require('os').availableParallelism?.() ?? require('os').cpus().length)")}

# best "kernel ms:" of $reps runs of the command; the other lines of the last run in $tmp/lines
best() {
  local b= ms
  for _ in $(seq "$reps"); do
    "$@" > "$tmp/run.out" 2>&1 || { echo FAIL; return; }
    ms=$(sed -n 's/^kernel ms: //p' "$tmp/run.out")
    [ -n "$ms" ] || { echo FAIL; return; }
    b=$(awk -v a="${b:-1e30}" -v m="$ms" 'BEGIN { print (m < a ? m : a) }')
  done
  grep -v '^kernel ms:' "$tmp/run.out" > "$tmp/lines"
  echo "$b"
}

printf '%-12s %10s %10s %10s %14s %12s  %s\n' program native "web $threads" "web 1" "native/web$threads" "web1/web$threads" check
logs=() ; logt=()
for src in "$root"/bench/web/programs/*.cu; do
  name=$(basename "$src" .cu)
  "$cw" cc "$src" -O2 -o "$tmp/$name" > "$tmp/build.log" 2>&1 || { echo "$name: native build failed"; cat "$tmp/build.log"; continue; }
  mjs=$out/$name.mjs
  if [ -n "$prebuilt" ]; then mjs=$prebuilt/$name.mjs
  elif ! "$cw" cc "$src" -O2 --target web -o "$mjs" > "$tmp/build.log" 2>&1; then
    echo "$name: web build failed"; cat "$tmp/build.log"; continue
  fi
  nat=$(CUWASM_BACKEND=cpu CUWASM_QUIET=1 best "$tmp/$name"); cp "$tmp/lines" "$tmp/native.lines"
  wn=$(CUWASM_BACKEND=wasm CUWASM_THREADS=$threads best node "$mjs"); cp "$tmp/lines" "$tmp/webn.lines"
  w1=$(CUWASM_BACKEND=wasm CUWASM_THREADS=1 best node "$mjs")
  check=same
  cmp -s "$tmp/native.lines" "$tmp/webn.lines" && cmp -s "$tmp/native.lines" "$tmp/lines" || check="OUTPUT DIFFERS"
  if [ "$nat" = FAIL ] || [ "$wn" = FAIL ] || [ "$w1" = FAIL ]; then
    printf '%-12s %10s %10s %10s\n' "$name" "$nat" "$wn" "$w1"; continue
  fi
  r=$(awk -v a="$nat" -v b="$wn" 'BEGIN { printf "%.2f", a / b }')
  t=$(awk -v a="$w1" -v b="$wn" 'BEGIN { printf "%.2f", a / b }')
  logs+=("$r"); logt+=("$t")
  printf '%-12s %10.3f %10.3f %10.3f %13s× %11s×  %s\n' "$name" "$nat" "$wn" "$w1" "$r" "$t" "$check"
done
geo() { printf '%s\n' "$@" | awk '{ s += log($1); n++ } END { if (n) printf "%.2f", exp(s / n) }'; }
[ ${#logs[@]} -gt 0 ] && printf '%-12s %10s %10s %10s %13s× %11s×\n' geomean "" "" "" "$(geo "${logs[@]}")" "$(geo "${logt[@]}")"
echo "(kernel ms, best of $reps; $(nproc) cores, $threads web threads; $(node --version))"
