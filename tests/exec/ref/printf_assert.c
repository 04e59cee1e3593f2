/*
 * printf_assert.c — references for tests/kernels/printf_assert.cu.  The
 * runner captures the device printf output; the expected lines are made
 * here with the host's printf, whose conversions CUDA's device printf
 * follows.  Pointers (%p) are matched by the "{*}" wildcard.
 */
#include "ref.h"

static void hello(RefArgs *r) {
  int tag = SI32(0);
  for (unsigned b = 0; b < r->grid[0]; b++) {
    for (unsigned t = 0; t < r->block[0]; t++)
      ref_expect_printf(r, "hello from block %u thread %u tag=%d\n", b, t, tag);
    ref_expect_printf(r, "[%s] block %2u of %-3u %c hex=%#x\n", "blk", b, r->grid[0], 'B', 255);
  }
}

static void checkedDivide(RefArgs *r) {
  for (unsigned i = 0; i < r->block[0]; i++) BF32(2)[i] = BF32(0)[i] / BF32(1)[i];
  ref_expect_printf(r, "%s", ""); /* no assertion fires: nothing printed */
}

static void printStats(RefArgs *r) {
  long long id = (long long)SI64(1);
  for (unsigned t = 0; t < 2 && t < r->block[0]; t++) {
    double x = BF64(0)[t];
    ref_expect_printf(r, "id=%lld v=%f v=%e v=%.3g ptr={*}\n", id, x, x, x);
  }
  if (r->block[0] > 31) ref_expect_printf(r, "unsigned long long %llu, %5.2f%%\n", 18446744073709551615ull, 99.5);
}

const RefEntry ref_printf_assert[] = {
    {"hello", hello, NULL},
    {"checkedDivide", checkedDivide, NULL},
    {"printStats", printStats, NULL},
    {NULL, NULL, NULL}};
