/*
 * pooling_matvec.c — references for tests/kernels/pooling_matvec.cu.  The
 * warp matrix-vector product mirrors the lanes' strided partial sums and
 * the xor butterfly, so it matches up to fma contraction.
 */
#include "ref.h"
#include "warp.h"

static void maxPool2x2(RefArgs *r) {
  int h = SI32(3), w = SI32(4), oh = h / 2, ow = w / 2;
  for (unsigned c = 0; c < r->grid[2]; c++) {
    const float *plane = BF32(0) + (size_t)c * h * w;
    for (int oy = 0; oy < oh; oy++)
      for (int ox = 0; ox < ow; ox++) {
        int best = 2 * oy * w + 2 * ox;
        float m = plane[best];
        for (int dy = 0; dy < 2; dy++)
          for (int dx = 0; dx < 2; dx++) {
            int idx = (2 * oy + dy) * w + 2 * ox + dx;
            if (plane[idx] > m) m = plane[idx], best = idx;
          }
        BF32(1)[(c * oh + oy) * ow + ox] = m;
        BI32(2)[(c * oh + oy) * ow + ox] = best;
      }
  }
}

static void avgPool2x2(RefArgs *r) {
  int h = SI32(2), w = SI32(3), oh = h / 2, ow = w / 2;
  for (unsigned c = 0; c < r->grid[2]; c++)
    for (int oy = 0; oy < oh; oy++)
      for (int ox = 0; ox < ow; ox++) {
        const float *p = BF32(0) + (size_t)c * h * w + 2 * oy * w + 2 * ox;
        BF32(1)[(c * oh + oy) * ow + ox] = 0.25f * (p[0] + p[1] + p[w] + p[w + 1]);
      }
}

static void matVecWarp(RefArgs *r) {
  int rows = SI32(3), cols = SI32(4);
  int warps = (int)(NTHREADS(r) / 32);
  for (int row = 0; row < rows && row < warps; row++) {
    float s[32];
    for (int l = 0; l < 32; l++) {
      s[l] = 0.0f;
      for (int c = l; c < cols; c += 32) s[l] += BF32(0)[row * cols + c] * BF32(1)[c];
    }
    for (int m = 16; m > 0; m >>= 1) WARP_SHFL_XOR_ADD(float, s, m);
    BF32(2)[row] = s[0];
  }
}

const RefEntry ref_pooling_matvec[] = {
    {"maxPool2x2", maxPool2x2, NULL},
    {"avgPool2x2", avgPool2x2, NULL},
    {"matVecWarp", matVecWarp, NULL},
    {NULL, NULL, NULL}};
