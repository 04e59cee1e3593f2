/*
 * cpp_lambdas.c — reference for tests/kernels/cpp_lambdas.cu: acc is
 * 6 + 10 + in[i]; the neighbour is the next thread's input in the block.
 */
#include "ref.h"

static void lambdaKernel(RefArgs *r) {
  for (int i = 0; i < 128; i++) {
    int b = i / 64, t = i % 64;
    int base = BI32(0)[i];
    BI32(1)[i] = (16 + base) * 1000 + 90 + BI32(0)[b * 64 + (t + 1) % 64] + 2 * base * 100000;
  }
}

const RefEntry ref_cpp_lambdas[] = {
    {"lambdaKernel", lambdaKernel, NULL},
    {NULL, NULL, NULL}};
