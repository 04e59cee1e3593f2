/*
 * launch_bounds_restrict.c — references for tests/kernels/launch_bounds_restrict.cu.
 */
#include "ref.h"

static void boundedSaxpy(RefArgs *r) {
  int n = SI32(3);
  for (int i = 0; i < n; i++) BF32(1)[i] = SF32(2) * BF32(0)[i] + BF32(1)[i];
}

static void boundedBlend(RefArgs *r) {
  int n = SI32(4);
  float t = SF32(3);
  for (int i = 0; i < n; i++) {
    float a = BF32(0)[i], b = BF32(1)[i];
    float v = fmaf(t, b - a, a);
    BF32(2)[i] = v < 0.0f ? 0.0f : v > 1.0f ? 1.0f : v;
  }
}

const RefEntry ref_launch_bounds_restrict[] = {
    {"boundedSaxpy", boundedSaxpy, NULL},
    {"boundedBlend", boundedBlend, NULL},
    {NULL, NULL, NULL}};
