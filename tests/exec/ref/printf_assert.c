/*
 * printf_assert.c — references for tests/kernels/printf_assert.cu.  The
 * runner does not capture the device's printf output, so `hello` (no
 * buffers) has nothing to check and printStats checks only that it leaves
 * its input alone.
 */
#include "ref.h"

static void checkedDivide(RefArgs *r) {
  for (unsigned i = 0; i < r->block[0]; i++) BF32(2)[i] = BF32(0)[i] / BF32(1)[i];
}

static void printStats(RefArgs *r) { (void)r; /* prints only: the input must be untouched */ }

const RefEntry ref_printf_assert[] = {
    {"hello", NULL, "prints only and has no buffer: stdout is not captured by the runner"},
    {"checkedDivide", checkedDivide, NULL},
    {"printStats", printStats, NULL},
    {NULL, NULL, NULL}};
