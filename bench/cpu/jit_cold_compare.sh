#!/bin/bash
# jit_cold_compare.sh — the cold JIT of bench/cpu/jit100.cu by two or more
# cuwasm binaries, interleaved, so that every binary sees the same load.
#
# On a shared machine one cold load swings by 2x in wall time, and a
# before/after taken minutes apart compares two load periods, not two
# builds.  Here each round runs every binary once, in turn, each into a
# new empty XDG_CACHE_HOME (`cuwasm launch jit100.cu analyse …`, the load
# jit_breakdown.sh times), under `perf stat -e task-clock,duration_time`;
# after N rounds (default 9) it prints, per binary, the least and the
# median CPU time (user + sys of the process and the C compiler) and wall
# time, in ms.  Copy the old binary aside before rebuilding:
#
#   cp build/cuwasm /tmp/cuwasm-old   # ... rebuild ...
#   N=11 bash bench/cpu/jit_cold_compare.sh /tmp/cuwasm-old build/cuwasm
set -eu
[ $# -ge 1 ] || { echo "usage: jit_cold_compare.sh CUWASM [CUWASM...]" >&2; exit 2; }
command -v perf >/dev/null || { echo "jit_cold_compare.sh: needs perf (linux-perf)" >&2; exit 2; }
N=${N:-9}
src=$(cd "$(dirname "$0")" && pwd)/jit100.cu
args=(analyse --grid 4 --block 256 --backend cpu "f32[1024]=iota" "f32[1024]=zeros"
      "f32[17]=zeros" i32:1024 i32:1 i32:3)
bins=()
for b in "$@"; do bins+=("$(realpath "$b")"); done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for ((r = 0; r < N; r++)); do
  for i in "${!bins[@]}"; do
    cache=$work/cache-$r-$i
    mkdir "$cache"
    out=$(XDG_CACHE_HOME=$cache perf stat -x, -e task-clock,duration_time "${bins[$i]}" launch \
            "$src" "${args[@]}" 2>&1 >/dev/null) || { echo "failed: ${bins[$i]}" >&2; exit 1; }
    echo "$out" | awk -F, '/task-clock/ {print $1}' >> "$work/cpu-$i"
    echo "$out" | awk -F, '/duration_time/ {print $1 / 1e6}' >> "$work/wall-$i"
    rm -rf "$cache"
  done
done
stats() { sort -n "$1" | awk '{a[NR] = $1} END {printf "least %6.1f  median %6.1f", a[1], a[int((NR + 1) / 2)]}'; }
echo "cold JIT of jit100.cu, $N interleaved rounds, ms"
for i in "${!bins[@]}"; do
  echo "${bins[$i]}"
  echo "  CPU  $(stats "$work/cpu-$i")"
  echo "  wall $(stats "$work/wall-$i")"
done
