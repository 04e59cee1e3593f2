/*
 * nbody_float4.c — references for tests/kernels/nbody_float4.cu.  Forces
 * are summed in double over all bodies; the kernel sums in float with
 * rsqrtf, so its accelerations are compared with a loosened tolerance.
 */
#include "ref.h"

static void bodyForces(RefArgs *r) {
  int n = SI32(2);
  double soft2 = (double)(SF32(3) * SF32(3));
  const float *p = BF32(0);
  for (int i = 0; i < n; i++) {
    double acc[3] = {0, 0, 0};
    for (int j = 0; j < n; j++) {
      double d[3] = {(double)(p[4 * j] - p[4 * i]), (double)(p[4 * j + 1] - p[4 * i + 1]),
                     (double)(p[4 * j + 2] - p[4 * i + 2])};
      double dist2 = d[0] * d[0] + d[1] * d[1] + d[2] * d[2] + soft2;
      double s = p[4 * j + 3] / (dist2 * sqrt(dist2));
      for (int c = 0; c < 3; c++) acc[c] += d[c] * s;
    }
    for (int c = 0; c < 3; c++) BF32(1)[3 * i + c] = (float)acc[c];
  }
  ref_set(r, 1, CHK_TOL, 2e-4);
}

static void integrate(RefArgs *r) {
  int n = SI32(3);
  float dt = SF32(4), *pos = BF32(0), *vel = BF32(1);
  const float *acc = BF32(2);
  for (int i = 0; i < n; i++)
    for (int c = 0; c < 3; c++) {
      vel[3 * i + c] += acc[3 * i + c] * dt;
      pos[4 * i + c] += vel[3 * i + c] * dt; /* w (the mass) stays */
    }
}

const RefEntry ref_nbody_float4[] = {
    {"bodyForces", bodyForces, NULL},
    {"integrate", integrate, NULL},
    {NULL, NULL, NULL}};
