/*
 * reduce_atomic_block.c — references for tests/kernels/reduce_atomic_block.cu.
 * Block partial sums are exact mirrors; the float atomicAdd that merges
 * blocks lands in any order, hence relative 1e-6 on the float total.
 */
#include "ref.h"

#define BLOCK_SUM(T, NAME, LOAD, OUT)                                         \
  static void NAME(RefArgs *r) {                                              \
    int n = SI32(2), bs = (int)r->block[0], nb = (int)r->grid[0];             \
    T s[1024];                                                                \
    for (int b = 0; b < nb; b++) {                                            \
      for (int t = 0; t < bs; t++) {                                          \
        T v = 0;                                                              \
        for (int i = b * bs + t; i < n; i += bs * nb) v += LOAD;              \
        s[t] = v;                                                             \
      }                                                                       \
      for (int k = bs / 2; k > 0; k >>= 1)                                    \
        for (int t = 0; t < k; t++) s[t] += s[t + k];                         \
      OUT[0] += s[0];                                                         \
    }                                                                         \
  }
BLOCK_SUM(float, sumAtomic, BF32(0)[i], BF32(1))
BLOCK_SUM(uint64_t, sumSquaresU64, (uint64_t)BU32(0)[i] * BU32(0)[i], BU64(1))

static void sumAtomicRef(RefArgs *r) {
  sumAtomic(r);
  ref_set(r, 1, CHK_TOL, 1e-6);
}

const RefEntry ref_reduce_atomic_block[] = {
    {"sumAtomic", sumAtomicRef, NULL},
    {"sumSquaresU64", sumSquaresU64, NULL},
    {NULL, NULL, NULL}};
