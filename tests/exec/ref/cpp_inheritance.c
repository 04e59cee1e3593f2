/*
 * cpp_inheritance.c — reference for tests/kernels/cpp_inheritance.cu:
 * area = 2*2 + 2*id + 3 in the thousands, plus id and 2*id in the
 * millions; the writer's value (next = i%5, end = 4 + i%5 + 1, stride = 4).
 */
#include "ref.h"

static void inheritKernel(RefArgs *r) {
  for (size_t i = 0; i < NTHREADS(r); i++) {
    uint32_t id = (uint32_t)BI32(0)[i];
    uint32_t area = 4 + 2 * id + 3;
    uint32_t f = (uint32_t)(i % 5);
    uint32_t value = f * 100 + (4 + f + 1) * 10 + 4;
    BI32(1)[i] = (int32_t)(area * 1000 + id + 2 * id * 1000000);
    BI32(2)[i] = (int32_t)value;
  }
}

const RefEntry ref_cpp_inheritance[] = {
    {"inheritKernel", inheritKernel, NULL},
    {NULL, NULL, NULL}};
