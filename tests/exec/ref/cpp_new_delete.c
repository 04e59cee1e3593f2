/*
 * cpp_new_delete.c — reference for tests/kernels/cpp_new_delete.cu:
 * data[3] = in[i] + 3, n = 5, *one = 7, pair = {4, 0}, raw = {1, 2}.
 */
#include "ref.h"

static void heapKernel(RefArgs *r) {
  for (int i = 0; i < 64; i++) BI32(1)[i] = (BI32(0)[i] + 3) * 1000 + 500 + 70 + 4 + 3;
}

const RefEntry ref_cpp_new_delete[] = {
    {"heapKernel", heapKernel, NULL},
    {NULL, NULL, NULL}};
