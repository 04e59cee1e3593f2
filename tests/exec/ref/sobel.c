/*
 * sobel.c — reference for tests/kernels/sobel.cu: 3×3 Sobel gradients with
 * clamped borders, magnitude by hypotf.
 */
#include "ref.h"

static const int gx[3][3] = {{-1, 0, 1}, {-2, 0, 2}, {-1, 0, 1}};
static const int gy[3][3] = {{-1, -2, -1}, {0, 0, 0}, {1, 2, 1}};
static int clampi(int v, int lo, int hi) { return v < lo ? lo : v > hi ? hi : v; }

static void sobel(RefArgs *r) {
  int w = SI32(2), h = SI32(3);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++) {
      float sx = 0.0f, sy = 0.0f;
      for (int dy = 0; dy < 3; dy++)
        for (int dx = 0; dx < 3; dx++) {
          float p = BF32(0)[clampi(y + dy - 1, 0, h - 1) * w + clampi(x + dx - 1, 0, w - 1)];
          sx += (float)gx[dy][dx] * p;
          sy += (float)gy[dy][dx] * p;
        }
      BF32(1)[y * w + x] = hypotf(sx, sy);
    }
  ref_set(r, 1, CHK_TOL, 1e-5);
}

const RefEntry ref_sobel[] = {
    {"sobel", sobel, NULL},
    {NULL, NULL, NULL}};
