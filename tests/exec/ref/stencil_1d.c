/*
 * stencil_1d.c — references for tests/kernels/stencil_1d.cu (radius-3 sum
 * with zero outside [0,n), summed left to right like the kernel; and the
 * clamped 3-point smoother).
 */
#include "ref.h"

static void stencil1d(RefArgs *r) {
  int n = SI32(2);
  for (int i = 0; i < n; i++) {
    float s = 0.0f;
    for (int o = -3; o <= 3; o++) s += (i + o >= 0 && i + o < n) ? BF32(0)[i + o] : 0.0f;
    BF32(1)[i] = s;
  }
}

static void smooth3(RefArgs *r) {
  int n = SI32(2);
  float w = SF32(3);
  for (int i = 0; i < n; i++) {
    float l = BF32(0)[i > 0 ? i - 1 : 0], rr = BF32(0)[i < n - 1 ? i + 1 : n - 1];
    BF32(1)[i] = w * l + (1.0f - 2.0f * w) * BF32(0)[i] + w * rr;
  }
}

const RefEntry ref_stencil_1d[] = {
    {"stencil1d", stencil1d, NULL},
    {"smooth3", smooth3, NULL},
    {NULL, NULL, NULL}};
