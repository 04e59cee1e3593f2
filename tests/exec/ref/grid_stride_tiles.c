/*
 * grid_stride_tiles.c — references for tests/kernels/grid_stride_tiles.cu.
 */
#include "ref.h"

#include <math.h>

static void tileSums(RefArgs *r) {
  const float *x = BF32(0);
  float *sums = BF32(1);
  int n = SI32(2), grid = (int)(r->block[0] * r->grid[0]);
  for (int tid = 0; tid < grid; tid++) {
    float s = 0.0f, m = -1.0f;
    for (int i = tid; i < n; i += grid) {
      s += x[i];
      m = fmaxf(m, x[i]);
    }
    sums[tid] = s + m;
  }
}

static void tileScaleLe(RefArgs *r) {
  float *y = BF32(0), a = SF32(2);
  int last = SI32(1), grid = (int)(r->block[0] * r->grid[0]);
  for (int tid = 0; tid < grid; tid++) {
    float c = 1.0f;
    for (int i = tid; i <= last; i += grid) {
      y[i] = a * y[i] + c;
      c += 1.0f;
    }
  }
}

static void tileSums2d(RefArgs *r) {
  const float *x = BF32(0);
  float *sums = BF32(1);
  int n = SI32(2), grid = (int)(r->block[0] * r->block[1] * r->grid[0]);
  for (int tid = 0; tid < grid; tid++) {
    float s = 0.0f;
    for (int i = tid; i < n; i += grid) s += x[i];
    sums[tid] = s;
  }
}

const RefEntry ref_grid_stride_tiles[] = {
    {"tileSums", tileSums, NULL},
    {"tileScaleLe", tileScaleLe, NULL},
    {"tileSums2d", tileSums2d, NULL},
    {NULL, NULL, NULL}};
