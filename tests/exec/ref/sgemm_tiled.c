/*
 * sgemm_tiled.c — reference for sgemmTiled of tests/kernels/sgemm_tiled.cu:
 * C = alpha·A·B + beta·C with M×K and K×N operands, summed over k in
 * ascending order (the tiles add zeros past K, which changes nothing).
 */
#include "ref.h"

static void sgemmTiled(RefArgs *r) {
  int M = SI32(0), N = SI32(1), K = SI32(2);
  float alpha = SF32(3), beta = SF32(6);
  for (int i = 0; i < M && i < (int)(r->grid[1] * 16); i++)
    for (int j = 0; j < N && j < (int)(r->grid[0] * 16); j++) {
      float acc = 0.0f;
      for (int k = 0; k < K; k++) acc += BF32(4)[i * K + k] * BF32(5)[k * N + j];
      BF32(7)[i * N + j] = alpha * acc + beta * BF32(7)[i * N + j];
    }
}

const RefEntry ref_sgemm_tiled[] = {
    {"sgemmTiled", sgemmTiled, NULL},
    {NULL, NULL, NULL}};
