/*
 * guard_shapes.c — references for tests/kernels/guard_shapes.cu.
 */
#include "ref.h"

static void guard2d(RefArgs *r) {
  int w = SI32(1), h = SI32(2);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++) BI32(0)[y * w + x] = 1000 * y + x;
}

static void earlyExit2d(RefArgs *r) {
  int w = SI32(1), h = SI32(2);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++) BF32(0)[y * w + x] = 0.5f * (float)x + (float)y;
}

static void guard3d(RefArgs *r) {
  int nx = SI32(1), ny = SI32(2), nz = SI32(3);
  for (int z = 0; z < nz; z++)
    for (int y = 0; y < ny; y++)
      for (int x = 0; x < nx; x++) BI32(0)[(z * ny + y) * nx + x] = x + 10 * y + 100 * z;
}

static void mixedGuard(RefArgs *r) {
  int n = SI32(1);
  for (int y = 3; y < 16; y++)
    for (int x = 0; x < n && x < 16; x++) BI32(0)[y * 16 + x] = x * y + 1;
}

static void crossMark(RefArgs *r) {
  int cx = SI32(1), cy = SI32(2);
  for (int y = 0; y < 24; y++)
    for (int x = 0; x < 24; x++)
      BI32(0)[y * 24 + x] = (x == cx || y == cy) ? 1 : x != cx + 1 ? 2 : 0;
}

const RefEntry ref_guard_shapes[] = {
    {"guard2d", guard2d, NULL},
    {"earlyExit2d", earlyExit2d, NULL},
    {"guard3d", guard3d, NULL},
    {"mixedGuard", mixedGuard, NULL},
    {"crossMark", crossMark, NULL},
    {NULL, NULL, NULL}};
