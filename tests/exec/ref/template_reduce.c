/*
 * template_reduce.c — references for reduce<T,BLOCK> of
 * tests/kernels/template_reduce.cu: the unrolled shared stages and the
 * final warp shuffle, mirrored exactly for each T.
 */
#include "ref.h"
#include "warp.h"

#define REDUCE(T, NAME, BLOCK, B)                                              \
  static void NAME(RefArgs *r) {                                               \
    unsigned n = (unsigned)SI32(2), grid = r->grid[0];                          \
    T sum[BLOCK], sdata[BLOCK];                                                \
    for (unsigned b = 0; b < grid; b++) {                                      \
      for (unsigned t = 0; t < BLOCK; t++) {                                   \
        T s = (T)0;                                                            \
        for (unsigned i = b * (BLOCK * 2) + t; i < n; i += BLOCK * 2 * grid) { \
          s += B(0)[i];                                                        \
          if (i + BLOCK < n) s += B(0)[i + BLOCK];                             \
        }                                                                      \
        sum[t] = sdata[t] = s;                                                 \
      }                                                                        \
      for (unsigned h = 256; h >= 32; h >>= 1) {                               \
        if (BLOCK < 2 * h) continue;                                           \
        for (unsigned t = 0; t < h; t++) sdata[t] = sum[t] = sum[t] + sdata[t + h]; \
      }                                                                        \
      WARP_REDUCE_DOWN(T, sum);                                                \
      B(1)[b] = sum[0];                                                        \
    }                                                                          \
  }
REDUCE(float, reduce_f256, 256, BF32)
REDUCE(int32_t, reduce_i128, 128, BI32)
REDUCE(double, reduce_d64, 64, BF64)

const RefEntry ref_template_reduce[] = {
    {"reduce<float,256>", reduce_f256, NULL},
    {"reduce<int,128>", reduce_i128, NULL},
    {"reduce<double,64>", reduce_d64, NULL},
    {NULL, NULL, NULL}};
