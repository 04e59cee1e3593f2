/*
 * host_reduce.c — reference for partialSums of tests/kernels/host_reduce.cu:
 * each thread's grid-stride partial sum, then the block's shared-memory
 * tree, in the kernel's order (so the result is bit-exact).
 */
#include "ref.h"

static void partialSums(RefArgs *r) {
  int n = SI32(2), bs = (int)r->block[0], nb = (int)r->grid[0];
  float buf[1024];
  for (int b = 0; b < nb; b++) {
    for (int t = 0; t < bs; t++) {
      float v = 0.0f;
      for (int i = b * bs + t; i < n; i += bs * nb) v += BF32(0)[i];
      buf[t] = v;
    }
    for (int s = bs / 2; s > 0; s >>= 1)
      for (int t = 0; t < s; t++) buf[t] += buf[t + s];
    BF32(1)[b] = buf[0];
  }
}

const RefEntry ref_host_reduce[] = {
    {"partialSums", partialSums, NULL},
    {NULL, NULL, NULL}};
