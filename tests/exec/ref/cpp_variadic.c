/*
 * cpp_variadic.c — reference for tests/kernels/cpp_variadic.cu, from the
 * per-term comments of the kernel (v = in[i] % 7).
 */
#include "ref.h"

static void variadicKernel(RefArgs *r) {
  for (int i = 0; i < 128; i++) {
    int v = BI32(0)[i] % 7;
    BI32(1)[i] = (v + 3) * 1000000 + 4 * 100000 + 6 * v * 1000 + v + 101 + (v != 0) * 10 + 120 + v + (v > 5 ? v : 5) * 10000000 + 2;
  }
}

const RefEntry ref_cpp_variadic[] = {
    {"variadicKernel", variadicKernel, NULL},
    {NULL, NULL, NULL}};
