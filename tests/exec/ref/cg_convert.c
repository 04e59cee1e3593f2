/*
 * cg_convert.c — reference for tests/kernels/cg_convert.cu: each block
 * tree-reduces its slice and one thread per block adds it to sum[0], so
 * sum[0] ends as the total of the first n inputs (integers: exact).
 */
#include "ref.h"

static void sum_kernel(RefArgs *r) {
  int n = SI32(2);
  int32_t total = BI32(0)[0];
  size_t threads = NTHREADS(r);
  for (size_t i = 0; i < threads; i++)
    if ((int64_t)i < n) total = (int32_t)((uint32_t)total + (uint32_t)BI32(1)[i]);
  BI32(0)[0] = total;
}

const RefEntry ref_cg_convert[] = {
    {"sum_kernel", sum_kernel, NULL},
    {NULL, NULL, NULL}};
