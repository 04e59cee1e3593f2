/*
 * reduce_shared_tree.c — references for tests/kernels/reduce_shared_tree.cu,
 * mirroring each block's tree in the kernel's order (bit-exact).
 */
#include "ref.h"

static void reduceTree(RefArgs *r) {
  unsigned n = (unsigned)SI32(2), bs = r->block[0];
  float s[1024];
  for (unsigned b = 0; b < r->grid[0]; b++) {
    for (unsigned t = 0; t < bs; t++) {
      unsigned i = b * bs * 2 + t;
      float v = 0.0f;
      if (i < n) v = BF32(0)[i];
      if (i + bs < n) v += BF32(0)[i + bs];
      s[t] = v;
    }
    for (unsigned k = bs / 2; k > 0; k >>= 1)
      for (unsigned t = 0; t < k; t++) s[t] += s[t + k];
    BF32(1)[b] = s[0];
  }
}

static void reduceInterleaved(RefArgs *r) {
  unsigned n = (unsigned)SI32(2), bs = r->block[0];
  int s[1024];
  for (unsigned b = 0; b < r->grid[0]; b++) {
    for (unsigned t = 0; t < bs; t++) s[t] = b * bs + t < n ? BI32(0)[b * bs + t] : 0;
    for (unsigned k = 1; k < bs; k *= 2)
      for (unsigned t = 0; t < bs; t += 2 * k) s[t] += s[t + k];
    BI32(1)[b] = s[0];
  }
}

const RefEntry ref_reduce_shared_tree[] = {
    {"reduceTree", reduceTree, NULL},
    {"reduceInterleaved", reduceInterleaved, NULL},
    {NULL, NULL, NULL}};
