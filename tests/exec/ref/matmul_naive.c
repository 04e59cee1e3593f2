/*
 * matmul_naive.c — references for tests/kernels/matmul_naive.cu (one output
 * per thread, over the part of C the 2-D grid covers; the double kernel
 * uses fma, so the reference does too).
 */
#include "ref.h"

static void matmulNaive(RefArgs *r) {
  int M = SI32(3), N = SI32(4), K = SI32(5);
  int rows = (int)(r->grid[1] * r->block[1]), cols = (int)(r->grid[0] * r->block[0]);
  for (int i = 0; i < M && i < rows; i++)
    for (int j = 0; j < N && j < cols; j++) {
      float acc = 0.0f;
      for (int k = 0; k < K; k++) acc += BF32(0)[i * K + k] * BF32(1)[k * N + j];
      BF32(2)[i * N + j] = acc;
    }
}

static void matmulNaiveDouble(RefArgs *r) {
  int M = SI32(3), N = SI32(4), K = SI32(5);
  int rows = (int)(r->grid[1] * r->block[1]), cols = (int)(r->grid[0] * r->block[0]);
  for (int i = 0; i < M && i < rows; i++)
    for (int j = 0; j < N && j < cols; j++) {
      double acc = 0.0;
      for (int k = 0; k < K; k++) acc = fma(BF64(0)[i * K + k], BF64(1)[k * N + j], acc);
      BF64(2)[i * N + j] = acc;
    }
}

const RefEntry ref_matmul_naive[] = {
    {"matmulNaive", matmulNaive, NULL},
    {"matmulNaiveDouble", matmulNaiveDouble, NULL},
    {NULL, NULL, NULL}};
