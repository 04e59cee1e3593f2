/*
 * volatile_warp_reduce.c — references for tests/kernels/volatile_warp_reduce.cu.
 * The float reduction mirrors the kernel's tree (shared-memory halving down
 * to 64 entries, then the warp stage where every lane reads before any lane
 * writes), so it compares bit-exact; the integer one is the plain block sum.
 */
#include "ref.h"

static void reduceVolatile(RefArgs *r) {
  int n = SI32(2);
  unsigned bs = r->block[0];
  float s[1024];
  for (unsigned b = 0; b < r->grid[0]; b++) {
    for (unsigned t = 0; t < bs; t++) {
      unsigned i = b * bs * 2 + t;
      s[t] = ((int64_t)i < n ? BF32(0)[i] : 0.0f) + ((int64_t)(i + bs) < n ? BF32(0)[i + bs] : 0.0f);
    }
    for (unsigned k = bs / 2; k > 32; k >>= 1)
      for (unsigned t = 0; t < k; t++) s[t] += s[t + k];
    float v[32];
    for (int l = 0; l < 32; l++) v[l] = s[l];
    for (int off = 32; off > 0; off >>= 1) {
      for (int l = 0; l < 32; l++) v[l] += s[l + off];
      for (int l = 0; l < 32; l++) s[l] = v[l];
    }
    BF32(1)[b] = s[0];
  }
}

static void reduceVolatileInt(RefArgs *r) {
  for (unsigned b = 0; b < r->grid[0]; b++) {
    int32_t sum = 0;
    for (int t = 0; t < 64; t++) sum += BI32(0)[b * 64 + t];
    BI32(1)[b] = sum;
  }
}

const RefEntry ref_volatile_warp_reduce[] = {
    {"reduceVolatile", reduceVolatile, NULL},
    {"reduceVolatileInt", reduceVolatileInt, NULL},
    {NULL, NULL, NULL}};
