#!/bin/sh
# cc_rolled_scalar_loops.sh — a CUWASM_CC for A/B runs: compiles the JIT's C
# with the small scalar per-thread loops (CW_FOR_EACH_THREAD_UNROLLED,
# c_independent.c's ce_ptl_small) kept rolled, as before they were unrolled
# four times, by turning the prelude's `GCC unroll 4` into `GCC unroll 1`
# in the C file before running cc with the same arguments.  The JIT keys
# its cache by the compiler command, so its objects do not mix with cc's.
#   CUWASM_CC=$PWD/bench/cpu/cc_rolled_scalar_loops.sh build/bench/bench_cpu --only histogram
for a in "$@"; do
  case "$a" in *.c) sed -i 's/_Pragma("GCC unroll 4")/_Pragma("GCC unroll 1")/' "$a" ;; esac
done
exec "${CC:-cc}" "$@"
