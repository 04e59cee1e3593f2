/*
 * float3_ops.c — references for tests/kernels/float3_ops.cu, in float with
 * the kernel's operation order; rsqrtf may be an approximation on a GPU, so
 * the reflections get a slightly looser tolerance.
 */
#include "ref.h"

static void reflectRays(RefArgs *r) {
  int n = SI32(3);
  for (int i = 0; i < n; i++) {
    const float *d = BF32(0) + 3 * i, *q = BF32(1) + 3 * i;
    float m[3] = {q[0] - 0.5f, q[1] - 0.5f, q[2] - 0.5f};
    float inv = 1.0f / sqrtf(m[0] * m[0] + m[1] * m[1] + m[2] * m[2] + 1e-12f);
    for (int c = 0; c < 3; c++) m[c] *= inv;
    float dd = d[0] * m[0] + d[1] * m[1] + d[2] * m[2];
    /* the cross product term is scaled by zero and adds nothing */
    for (int c = 0; c < 3; c++) BF32(2)[3 * i + c] = d[c] - (2.0f * dd) * m[c];
  }
  ref_set(r, 2, CHK_TOL, 1e-4);
}

static void rotate2d(RefArgs *r) {
  int n = SI32(2);
  float c = cosf(SF32(3)), s = sinf(SF32(3));
  for (int i = 0; i < n; i++) {
    float x = BF32(0)[2 * i], y = BF32(0)[2 * i + 1];
    BF32(1)[2 * i] = x * c - y * s;
    BF32(1)[2 * i + 1] = x * s + y * c;
  }
  ref_set(r, 1, CHK_TOL, 1e-5);
}

const RefEntry ref_float3_ops[] = {
    {"reflectRays", reflectRays, NULL},
    {"rotate2d", rotate2d, NULL},
    {NULL, NULL, NULL}};
