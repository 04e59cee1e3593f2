/*
 * reduce_warp_shuffle.c — references for tests/kernels/reduce_warp_shuffle.cu,
 * emulating the shuffles lane by lane (bit-exact).
 */
#include "ref.h"
#include "warp.h"

static void reduceShuffle(RefArgs *r) {
  int n = SI32(2), bs = (int)r->block[0], nb = (int)r->grid[0];
  for (int b = 0; b < nb; b++) {
    float sums[32] = {0};
    for (int w = 0; w < bs / 32; w++) {
      float v[32];
      for (int l = 0; l < 32; l++) {
        v[l] = 0.0f;
        for (int i = b * bs + w * 32 + l; i < n; i += bs * nb) v[l] += BF32(0)[i];
      }
      WARP_REDUCE_DOWN(float, v);
      sums[w] = v[0];
    }
    float v[32];
    for (int l = 0; l < 32; l++) v[l] = l < bs / 32 ? sums[l] : 0.0f;
    WARP_REDUCE_DOWN(float, v);
    BF32(1)[b] = v[0];
  }
}

static void allReduceXor(RefArgs *r) {
  size_t nt = NTHREADS(r);
  for (size_t w = 0; w < nt / 32; w++) {
    float *v = BF32(1) + w * 32;
    memcpy(v, BF32(0) + w * 32, 32 * sizeof(float));
    for (int m = 16; m >= 1; m >>= 1) WARP_SHFL_XOR_ADD(float, v, m);
  }
}

const RefEntry ref_reduce_warp_shuffle[] = {
    {"reduceShuffle", reduceShuffle, NULL},
    {"allReduceXor", allReduceXor, NULL},
    {NULL, NULL, NULL}};
