#!/bin/bash
# jit_breakdown.sh — where the cold JIT of bench/cpu/jit100.cu spends its CPU time.
#
# Wall time on a shared machine swings by 2x, so every figure is CPU time
# (perf stat task-clock: user + sys of the command and its children), the
# least of RUNS runs.  It first records the exact C compiler command line
# the JIT runs (CUWASM_CC pointing at a wrapper that logs its argv and
# execs cc; the flags come from src/rt/cpu/jit.c, never copied here) and
# the C it compiles (left in the empty cache folder), then times each
# phase apart: the whole cold load + launch (`cuwasm launch` into an empty
# XDG_CACHE_HOME), a load from the cache, the front end + C emission
# (`cuwasm transpile --target c`), and the C compiler cut into pieces:
# compiler start-up, the system headers, the fixed prelude, the kernels'
# fast copies alone (exact copies dropped from the dispatch), everything
# to assembly, the assembler and the link; and the second object, of the
# kernels' exact copies, that the JIT builds only when a launch has more
# than 2^21 blocks in x (-DCW_EXACT_ONLY, src/rt/cpu/exact.c).
#
#   bash bench/cpu/jit_breakdown.sh [build/cuwasm]      (RUNS=5 by default)
set -eu
CUWASM=$(realpath "${1:-build/cuwasm}")
RUNS=${RUNS:-5}
here=$(cd "$(dirname "$0")" && pwd)
src=$here/jit100.cu
command -v perf >/dev/null || { echo "jit_breakdown.sh: needs perf (linux-perf)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
launch_args=(analyse --grid 4 --block 256 --backend cpu "f32[1024]=iota" "f32[1024]=zeros"
             "f32[17]=zeros" i32:1024 i32:1 i32:3)

# cpu_ms CMD...: the least task-clock (ms) over RUNS runs of CMD.
cpu_ms() {
  local best="" t
  for ((i = 0; i < RUNS; i++)); do
    t=$(perf stat -x, -e task-clock "$@" 2>&1 >/dev/null | awk -F, '/task-clock/ {print $1}')
    [ -n "$t" ] || { echo "jit_breakdown.sh: failed: $*" >&2; exit 1; }
    best=$(awk -v a="$t" -v b="$best" 'BEGIN {print (b == "" || a < b) ? a : b}')
  done
  printf '%.1f' "$best"
}

# 1. the compiler's argv and the C, from one cold load through a logging wrapper
printf '#!/bin/sh\nprintf "%%s\\n" "$@" > %s/argv\nexec cc "$@"\n' "$work" > "$work/cc-log"
chmod +x "$work/cc-log"
XDG_CACHE_HOME=$work/rec CUWASM_CC=$work/cc-log "$CUWASM" launch "$src" "${launch_args[@]}" >/dev/null
cfile=$(ls "$work"/rec/cuwasm/*.c)
cp "$cfile" "$work/k.c"
cflags=() libs=()
prev=""
while IFS= read -r a; do
  if [ "$prev" = "-o" ]; then prev=""; continue; fi
  case "$a" in
    -o) prev=-o ;;
    -shared) ;;
    -l*|-nostdlib) libs+=("$a") ;;
    "$cfile") ;;
    *) cflags+=("$a") ;;
  esac
done < "$work/argv"
echo "JIT compiler flags: ${cflags[*]} (-shared ${libs[*]})"

# 2. inputs for the pieces of the compile
echo 'int cw_empty;' > "$work/empty.c"
grep '^#include' "$work/k.c" > "$work/headers.c"
sed '/end of the fixed prelude/q' "$work/k.c" > "$work/prelude.c"
sed 's/else F##_exact(cw_ctx, cw_args);/else (void)0;/' "$work/k.c" > "$work/fast_only.c"
cmp -s "$work/k.c" "$work/fast_only.c" && echo "note: no exact-copy dispatch found in the C"
cc "${cflags[@]}" -S -o "$work/k.s" "$work/k.c"
cc -c -o "$work/k.o" "$work/k.s"

cold_runs() { # a cold load + launch in a new cache folder each run
  local best="" t
  for ((i = 0; i < RUNS; i++)); do
    t=$(XDG_CACHE_HOME=$work/cold$i perf stat -x, -e task-clock "$CUWASM" launch "$src" \
          "${launch_args[@]}" 2>&1 >/dev/null | awk -F, '/task-clock/ {print $1}')
    best=$(awk -v a="$t" -v b="$best" 'BEGIN {print (b == "" || a < b) ? a : b}')
  done
  printf '%.1f' "$best"
}

cold=$(cold_runs)
warm=$(XDG_CACHE_HOME=$work/cold0 cpu_ms "$CUWASM" launch "$src" "${launch_args[@]}")
front=$(cpu_ms "$CUWASM" transpile --target c "$src" -o "$work/t.c")
s_empty=$(cpu_ms cc "${cflags[@]}" -S -o "$work/x.s" "$work/empty.c")
s_headers=$(cpu_ms cc "${cflags[@]}" -S -o "$work/x.s" "$work/headers.c")
s_prelude=$(cpu_ms cc "${cflags[@]}" -S -o "$work/x.s" "$work/prelude.c")
s_fast=$(cpu_ms cc "${cflags[@]}" -S -o "$work/x.s" "$work/fast_only.c")
s_all=$(cpu_ms cc "${cflags[@]}" -S -o "$work/x.s" "$work/k.c")
as_ms=$(cpu_ms cc -c -o "$work/x.o" "$work/k.s")
ld_ms=$(cpu_ms cc -shared -o "$work/x.so" "$work/k.o" "${libs[@]}")
full=$(cpu_ms cc "${cflags[@]}" -shared -o "$work/x.so" "$work/k.c" "${libs[@]}")
exact=$(cpu_ms cc "${cflags[@]}" -DCW_EXACT_ONLY -shared -o "$work/x.so" "$work/k.c" "${libs[@]}")

d() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f", a - b}'; }
cat <<EOF
CPU ms, least of $RUNS runs (perf stat task-clock)
  cold load + launch (cuwasm launch, empty cache)   $cold
  load from the cache + launch                      $warm
  front end + C emission (transpile --target c)     $front
  cc, as the JIT runs it (to .so)                   $full
    compiler start-up (empty file, -S)              $s_empty
    system headers                                  $(d "$s_headers" "$s_empty")
    fixed prelude                                   $(d "$s_prelude" "$s_headers")
    kernels' fast copies (-O3)                      $(d "$s_fast" "$s_prelude")
    kernels' exact copies (-O1), if in this object  $(d "$s_all" "$s_fast")
    assembler                                       $as_ms
    link (-shared)                                  $ld_ms
  exact copies' object (first launch > 2^21 blocks) $exact
EOF
