/*
 * cpp_classes.c — reference for tests/kernels/cpp_classes.cu: each thread
 * writes a sum of the values its objects must hold (spelled out in the
 * kernel's comments) plus 2 * in[i] + 10 + 1 + 3; the range-for sums.
 */
#include "ref.h"

static void classKernel(RefArgs *r) {
  uint32_t n = SU32(2);
  for (uint32_t i = 0; i < n && i < NTHREADS(r); i++)
    BI32(1)[i] = 27 + 2100 + 10000 + 10300000 + 140 + 2 * BI32(0)[i] + 10 + 1 + 3;
}

static void rangeKernel(RefArgs *r) {
  for (int i = 0; i < 64; i++) BI32(1)[i] = 11 * (BI32(0)[i] + 6) + 100 * (3 * i + 6);
}

/* Packed is 12 bytes, as gcc and nvcc lay it out */
static void bitsKernel(RefArgs *r) {
  for (int i = 0; i < 64; i++)
    BI32(1)[i] = (i % 8) * 1000 + 100 - (i % 8) + 1200000 + i * 10000000 + 150 + 7;
}

const RefEntry ref_cpp_classes[] = {
    {"bitsKernel", bitsKernel, NULL},
    {"classKernel", classKernel, NULL},
    {"rangeKernel", rangeKernel, NULL},
    {NULL, NULL, NULL}};
