/*
 * grid_stride_variants.c — references for tests/kernels/grid_stride_variants.cu.
 */
#include "ref.h"

static void strideVariants(RefArgs *r) {
  int n = SI32(1), step = SI32(2), *out = BI32(0);
  int grid = (int)(r->block[0] * r->grid[0]);
  for (int tid = 0; tid < grid; tid++) {
    for (int i = tid; i < n; i += grid) out[i] += 1;
    for (int i = tid; i <= n - 1; i += step * grid) out[i] += 10;
    for (int i = n - 1 - tid; i >= 0; i -= grid) out[i] += 100;
    for (int i = tid; i >= 0 && i < n; i -= step) out[i] += 1000;
  }
}

const RefEntry ref_grid_stride_variants[] = {
    {"strideVariants", strideVariants, NULL},
    {NULL, NULL, NULL}};
