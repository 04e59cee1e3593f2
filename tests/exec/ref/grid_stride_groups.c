/*
 * grid_stride_groups.c — references for tests/kernels/grid_stride_groups.cu.
 */
#include "ref.h"

static void groupSums(RefArgs *r) {
  const int32_t *x = BI32(0);
  int32_t *out = BI32(1);
  int n = SI32(2), bd = (int)r->block[0], grid = (int)(r->block[0] * r->grid[0]);
  for (int b = 0; b < (int)r->grid[0]; b++) {
    int total = 0;
    for (int t = 0; t < bd; t++)
      for (int i = b * bd + t; i < n; i += grid) total += (x[i] & 1023) * (b + 1);
    out[b] = total + 7 * 3; /* the other counter stays 0 */
  }
}

static void groupDyn(RefArgs *r) {
  const int32_t *x = BI32(0);
  int32_t *out = BI32(1);
  int n = SI32(2), limit = SI32(3), bd = (int)r->block[0], grid = (int)(r->block[0] * r->grid[0]);
  for (int b = 0; b < (int)r->grid[0]; b++)
    for (int t = 0; t < bd && t < limit; t++) {
      int c = 0;
      for (int i = b * bd + t; i < n; i += grid) c += x[i] & 7;
      out[b * bd + t] = c + b * 100;
    }
}

const RefEntry ref_grid_stride_groups[] = {
    {"groupSums", groupSums, NULL},
    {"groupDyn", groupDyn, NULL},
    {NULL, NULL, NULL}};
