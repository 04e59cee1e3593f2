/*
 * conv_constant_2d.c — references for tests/kernels/conv_constant_2d.cu.
 * The 5×5 __constant__ mask is initialised in the kernel file with
 * (k+1)/64 for tap k; convolve2d sums in the kernel's order; boxBlur uses the initialised __constant__
 * struct (radius 1, scale 1/9) with clamped coordinates.
 */
#include "ref.h"

static void convolve2d(RefArgs *r) {
  int w = SI32(2), h = SI32(3);
  for (int row = 0; row < h; row++)
    for (int col = 0; col < w; col++) {
      float acc = 0.0f;
      for (int i = 0; i < 5; i++)
        for (int j = 0; j < 5; j++) {
          int y = row - 2 + i, x = col - 2 + j;
          if (y >= 0 && y < h && x >= 0 && x < w)
            acc += BF32(0)[y * w + x] * ((float)(i * 5 + j + 1) / 64.0f);
        }
      BF32(1)[row * w + col] = acc;
    }
}

static int clampi(int v, int lo, int hi) { return v < lo ? lo : v > hi ? hi : v; }

static void boxBlur(RefArgs *r) {
  int w = SI32(2), h = SI32(3);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++) {
      float s = 0.0f;
      for (int dy = -1; dy <= 1; dy++)
        for (int dx = -1; dx <= 1; dx++)
          s += BF32(0)[clampi(y + dy, 0, h - 1) * w + clampi(x + dx, 0, w - 1)];
      BF32(1)[y * w + x] = s * (1.0f / 9.0f);
    }
}

const RefEntry ref_conv_constant_2d[] = {
    {"convolve2d", convolve2d, NULL},
    {"boxBlur", boxBlur, NULL},
    {NULL, NULL, NULL}};
