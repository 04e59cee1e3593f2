#!/bin/sh
# cc_wide_vectors.sh — a CUWASM_CC for A/B runs: compiles the JIT's C with
# every kernel at the compiler's default vector width, by deleting the
# CW_NARROW_VECTORS_BEGIN lines (src/emit/c_vector_width.c) from the C
# file before running cc with the same arguments.  The JIT keys its cache
# by the compiler command, so its objects do not mix with cc's.
#   CUWASM_CC=$PWD/bench/cpu/cc_wide_vectors.sh build/bench/bench_cpu --only scan --steps
for a in "$@"; do
  case "$a" in *.c) sed -i 's/^CW_NARROW_VECTORS_BEGIN$//' "$a" ;; esac
done
exec "${CC:-cc}" "$@"
