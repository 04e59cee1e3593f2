#!/bin/bash
# compare_builds.sh — bench_cpu of two or more builds, interleaved, so that
# every build sees the same load: each round runs every binary once in
# turn (`bench_cpu --reps R`, plus any BENCH_ARGS), and after N rounds
# (default 5) it prints per kernel and binary the median of our time and of
# the ratio against OpenMP (> 1: we are faster), then the geomean line.
# A ratio is measured within one process, so it is steadier than the times
# when the machine is not idle.  Build the old commit in its own worktree:
#
#   git worktree add /tmp/cw-old OLD && cmake -S /tmp/cw-old -B /tmp/cw-old/build \
#     -DCMAKE_BUILD_TYPE=Release && cmake --build /tmp/cw-old/build -j --target bench_cpu
#   N=5 bash bench/cpu/compare_builds.sh /tmp/cw-old/build/bench/bench_cpu build/bench/bench_cpu
#
# One thread each on a loaded machine:
#   CUWASM_NUM_THREADS=1 OMP_NUM_THREADS=1 BENCH_ARGS=--cpu-time R=20 bash bench/cpu/compare_builds.sh A B
set -eu
[ $# -ge 1 ] || { echo "usage: compare_builds.sh BENCH_CPU [BENCH_CPU...]" >&2; exit 2; }
N=${N:-5}
R=${R:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for ((r = 0; r < N; r++)); do
  for i in $(seq 1 $#); do
    bin=${!i}
    # shellcheck disable=SC2086
    "$bin" --reps "$R" ${BENCH_ARGS:-} > "$work/out-$r-$i" || { echo "failed: $bin (round $r)" >&2; cat "$work/out-$r-$i" >&2; exit 1; }
  done
done
median() { sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
printf "%-10s" "kernel"
for i in $(seq 1 $#); do printf "  %22s" "build $i: ms / vs omp"; done
echo
for k in saxpy sgemm reduction histogram stencil2d transpose nbody scan geomean; do
  printf "%-10s" "$k"
  for i in $(seq 1 $#); do
    if [ $k = geomean ]; then
      ms=-; ratio=$(cat "$work"/out-*-"$i" | awk '$1 == "geomean" {sub("x", "", $2); print $2}' | median)
    else
      ms=$(cat "$work"/out-*-"$i" | awk -v k=$k '$1 == k && NF == 7 {print $2}' | median)
      ratio=$(cat "$work"/out-*-"$i" | awk -v k=$k '$1 == k && NF == 7 {sub("x", "", $5); print $5}' | median)
    fi
    printf "  %12s / %7sx" "$ms" "$ratio"
  done
  echo
done
echo "medians of $N interleaved rounds of bench_cpu --reps $R ${BENCH_ARGS:-}"
for i in $(seq 1 $#); do echo "build $i: ${!i}"; done
