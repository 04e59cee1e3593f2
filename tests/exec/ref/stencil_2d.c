/*
 * stencil_2d.c — reference for laplace2d of tests/kernels/stencil_2d.cu
 * (5-point Laplacian, coordinates clamped at the border).
 */
#include "ref.h"

static int clampi(int v, int lo, int hi) { return v < lo ? lo : v > hi ? hi : v; }

static void laplace2d(RefArgs *r) {
  int w = SI32(2), h = SI32(3);
  const float *in = BF32(0);
#define AT(x, y) in[clampi(y, 0, h - 1) * w + clampi(x, 0, w - 1)]
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      BF32(1)[y * w + x] = AT(x, y - 1) + AT(x, y + 1) + AT(x - 1, y) + AT(x + 1, y) - 4.0f * AT(x, y);
#undef AT
  ref_set(r, 1, CHK_TOL, 1e-5);
}

const RefEntry ref_stencil_2d[] = {
    {"laplace2d", laplace2d, NULL},
    {NULL, NULL, NULL}};
