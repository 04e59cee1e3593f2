/*
 * template_elementwise.c — references for tests/kernels/template_elementwise.cu.
 */
#include "ref.h"

static void squareF(RefArgs *r) {
  for (int i = 0; i < SI32(2); i++) BF32(1)[i] = BF32(0)[i] * BF32(0)[i];
}
static void negateI(RefArgs *r) {
  for (int i = 0; i < SI32(2); i++) BI32(1)[i] = -BI32(0)[i];
}
/* ITEMS elements per thread; only those below n and covered by the grid. */
static void scaleF4(RefArgs *r) {
  for (int i = 0; i < SI32(2) && (size_t)i < 4 * NTHREADS(r); i++) BF32(0)[i] *= SF32(1);
}
static void scaleD2(RefArgs *r) {
  for (int i = 0; i < SI32(2) && (size_t)i < 2 * NTHREADS(r); i++) BF64(0)[i] *= SF64(1);
}

const RefEntry ref_template_elementwise[] = {
    {"transformKernel<float,Square>", squareF, NULL},
    {"transformKernel<int,Negate>", negateI, NULL},
    {"scaleMany<float,4>", scaleF4, NULL},
    {"scaleMany<double,2>", scaleD2, NULL},
    {NULL, NULL, NULL}};
