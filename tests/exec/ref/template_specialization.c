/*
 * template_specialization.c — references for
 * tests/kernels/template_specialization.cu: block sums of iota, the traits
 * each instance must pick (spelled out digit by digit), and the two modes.
 */
#include "ref.h"

static void sumF(RefArgs *r) {
  for (int b = 0; b < 2; b++) {
    float s = 0;
    for (int i = 0; i < 64; i++) s += BF32(0)[b * 64 + i];
    BF32(1)[b] = s;
  }
}
static void sumD(RefArgs *r) {
  for (int b = 0; b < 2; b++) {
    double s = 0;
    for (int i = 0; i < 64; i++) s += BF64(0)[b * 64 + i];
    BF64(1)[b] = s;
  }
}
/* Kind: 0, 1, 2; Pair<T,T>: 5 for int, 4 otherwise; Pair<T,int>: 5 / 3;
 * is_same<T,int>; numeric_limits<T>::is_specialized; 5! = 120; bump: +100 / +1 */
static void traitsI(RefArgs *r) {
  for (int i = 0; i < 32; i++) BI32(0)[i] = 210 + 5000 + 50000 + 100000 + 1000000 + 1200000000 + i + 100;
}
static void traitsF(RefArgs *r) {
  for (int i = 0; i < 32; i++)
    BF32(0)[i] = (float)(210 + 4000 + 30000 + 200000 + 1000000 + 1200000000) + (float)(i + 1);
}
static void twice(RefArgs *r) {
  for (int i = 0; i < 32; i++) BI32(0)[i] *= 2;
}
static void square(RefArgs *r) {
  for (int i = 0; i < 32; i++) BI32(0)[i] *= BI32(0)[i];
}

/* (1 + 4i) * 10 + (2 + 4i) */
static void window(RefArgs *r) {
  for (int i = 0; i < 32; i++) BI32(1)[i] = (1 + 4 * BI32(0)[i]) * 10 + 2 + 4 * BI32(0)[i];
}

const RefEntry ref_template_specialization[] = {
    {"windowKernel<4>", window, NULL},
    {"blockSum<float>", sumF, NULL},
    {"blockSum<double>", sumD, NULL},
    {"traitsKernel<int>", traitsI, NULL},
    {"traitsKernel<float>", traitsF, NULL},
    {"modeKernel<Mode::Twice>", twice, NULL},
    {"modeKernel<Mode::Square>", square, NULL},
    {NULL, NULL, NULL}};
