/*
 * layernorm.c — reference for tests/kernels/layernorm.cu: mean and
 * (population) variance of each row in double, then the affine normalisation.
 * The kernel merges float Welford states across a warp and uses rsqrtf, so
 * the comparison is loosened.
 */
#include "ref.h"

static void layerNorm(RefArgs *r) {
  int cols = SI32(4);
  double eps = SF32(5);
  for (unsigned row = 0; row < r->grid[0]; row++) {
    const float *x = BF32(0) + (size_t)row * cols;
    double mean = 0.0, m2 = 0.0;
    for (int c = 0; c < cols; c++) mean += x[c];
    mean /= cols;
    for (int c = 0; c < cols; c++) m2 += (x[c] - mean) * (x[c] - mean);
    double inv = 1.0 / sqrt(m2 / cols + eps);
    for (int c = 0; c < cols; c++)
      BF32(3)[(size_t)row * cols + c] = (float)((x[c] - mean) * inv * BF32(1)[c] + BF32(2)[c]);
  }
  ref_set(r, 3, CHK_TOL, 1e-4);
}

const RefEntry ref_layernorm[] = {
    {"layerNorm", layerNorm, NULL},
    {NULL, NULL, NULL}};
