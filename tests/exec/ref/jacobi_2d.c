/*
 * jacobi_2d.c — references for tests/kernels/jacobi_2d.cu.  The residual is
 * a maximum (order-free); it is loosened slightly because |v - u| amplifies
 * a one-ulp difference in v (a*b+c may be contracted to an fma).
 */
#include "ref.h"

static void setBoundary(RefArgs *r) {
  int n = SI32(1);
  float value = SF32(2), *u = BF32(0);
  for (int i = 0; i < n && i < (int)r->block[0]; i++) {
    u[i] = value;
    u[(n - 1) * n + i] = 0.0f;
    if (i > 0) {
      u[i * n] = 0.0f;
      u[i * n + n - 1] = 0.0f;
    }
  }
}

static void jacobiStep(RefArgs *r) {
  int n = SI32(4);
  const float *u = BF32(0), *f = BF32(2);
  float *un = BF32(1), *res = BF32(3);
  int w = (int)(r->grid[0] * r->block[0]), h = (int)(r->grid[1] * r->block[1]);
  float h2 = 1.0f / (float)((n - 1) * (n - 1)), mx = res[0];
  for (int y = 0; y < h && y < n; y++)
    for (int x = 0; x < w && x < n; x++) {
      if (x > 0 && y > 0 && x < n - 1 && y < n - 1) {
        float s = u[(y - 1) * n + x] + u[(y + 1) * n + x];
        s += u[y * n + x - 1];
        s += u[y * n + x + 1];
        float v = 0.25f * (s + h2 * f[y * n + x]);
        un[y * n + x] = v;
        float d = fabsf(v - u[y * n + x]);
        if (d > mx) mx = d;
      } else {
        un[y * n + x] = u[y * n + x];
      }
    }
  res[0] = mx;
  ref_set(r, 3, CHK_TOL, 1e-5);
}

const RefEntry ref_jacobi_2d[] = {
    {"setBoundary", setBoundary, NULL},
    {"jacobiStep", jacobiStep, NULL},
    {NULL, NULL, NULL}};
