/*
 * host_matmul.c — reference for matmulTiled<T> of tests/kernels/host_matmul.cu:
 * C = A·B for square n×n, summed over k in ascending order like the tiled
 * kernel (so only contraction into fma can make a difference).
 */
#include "ref.h"

static void matmul(RefArgs *r) {
  int n = SI32(3);
  for (int i = 0; i < n; i++)
    for (int j = 0; j < n; j++) {
      float s = 0.0f;
      for (int k = 0; k < n; k++) s += BF32(0)[i * n + k] * BF32(1)[k * n + j];
      BF32(2)[i * n + j] = s;
    }
}

const RefEntry ref_host_matmul[] = {
    {"matmulTiled<16>", matmul, NULL},
    {"matmulTiled<8>", matmul, NULL},
    {NULL, NULL, NULL}};
