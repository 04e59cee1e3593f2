/*
 * cg_reduce.c — references for tests/kernels/cg_reduce.cu.  cgReduceSum's
 * per-block tree is mirrored, but blocks merge by float atomicAdd in any
 * order (relative 1e-6).  cg::reduce does not promise an order of
 * additions, so block sums are compared with relative 1e-5 against a
 * sequential sum; the max is exact.
 */
#include "ref.h"
#include "warp.h"

static void cgReduceSum(RefArgs *r) {
  int n = SI32(2), bs = (int)r->block[0], nb = (int)r->grid[0];
  for (int b = 0; b < nb; b++) {
    float part[32] = {0};
    for (int w = 0; w < bs / 32; w++) {
      float v[32];
      for (int l = 0; l < 32; l++) {
        v[l] = 0.0f;
        for (int i = b * bs + w * 32 + l; i < n; i += nb * bs) v[l] += BF32(0)[i];
      }
      WARP_REDUCE_DOWN(float, v);
      part[w] = v[0];
    }
    float v[32];
    for (int l = 0; l < 32; l++) v[l] = l < bs / 32 ? part[l] : 0.0f;
    WARP_REDUCE_DOWN(float, v);
    BF32(1)[0] += v[0];
  }
  ref_set(r, 1, CHK_TOL, 1e-6);
}

static void cgReduceBuiltin(RefArgs *r) {
  int n = SI32(3), bs = (int)r->block[0];
  for (unsigned b = 0; b < r->grid[0]; b++) {
    float total = 0.0f, best = -INFINITY;
    for (int t = 0; t < bs; t++) {
      int i = (int)b * bs + t;
      float v = i < n ? BF32(0)[i] : 0.0f;
      total += v;
      best = fmaxf(best, v);
    }
    BF32(1)[b] = total;
    BF32(2)[b] = best;
  }
  ref_set(r, 1, CHK_TOL, 1e-5);
}

const RefEntry ref_cg_reduce[] = {
    {"cgReduceSum", cgReduceSum, NULL},
    {"cgReduceBuiltin", cgReduceBuiltin, NULL},
    {NULL, NULL, NULL}};
