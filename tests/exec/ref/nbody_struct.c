/*
 * nbody_struct.c — reference for tests/kernels/nbody_struct.cu: one
 * step of all-pairs gravity on 7-float bodies (pos, vel, mass), with the
 * accelerations summed in double (the kernel: float and rsqrtf, hence the
 * tolerance).
 */
#include "ref.h"

static void nbodyStep(RefArgs *r) {
  int n = SI32(2);
  float dt = SF32(3), eps = SF32(4);
  double eps2 = (double)(eps * eps);
  const float *in = BF32(0);
  for (int i = 0; i < n; i++) {
    const float *me = in + 7 * i;
    double acc[3] = {0, 0, 0};
    for (int j = 0; j < n; j++) {
      const float *o = in + 7 * j;
      double d[3] = {(double)(o[0] - me[0]), (double)(o[1] - me[1]), (double)(o[2] - me[2])};
      double r2 = d[0] * d[0] + d[1] * d[1] + d[2] * d[2] + eps2;
      double s = o[6] / (r2 * sqrt(r2));
      for (int c = 0; c < 3; c++) acc[c] += d[c] * s;
    }
    float *out = BF32(1) + 7 * i;
    for (int c = 0; c < 3; c++) {
      double v = me[3 + c] + acc[c] * dt;
      out[3 + c] = (float)v;
      out[c] = (float)(me[c] + v * dt);
    }
    out[6] = me[6];
  }
  ref_set(r, 1, CHK_TOL, 1e-4);
}

const RefEntry ref_nbody_struct[] = {
    {"nbodyStep", nbodyStep, NULL},
    {NULL, NULL, NULL}};
