/*
 * row_loops.c — references for tests/kernels/row_loops.cu.
 */
#include "ref.h"

static void tileProduct(RefArgs *r) {
  const float *a = BF32(0), *b = BF32(1);
  float *c = BF32(2);
  int n = SI32(3);
  for (int i = 0; i < n; i++)
    for (int j = 0; j < n; j++) {
      float acc = 0.0f;
      for (int k = 0; k < n; k++) acc += a[i * n + k] * b[k * n + j];
      c[i * n + j] = acc;
    }
}

static void strideSums(RefArgs *r) {
  const float *in = BF32(0);
  float *out = BF32(1);
  int count = SI32(2), step = SI32(3);
  int bx = (int)r->block[0], by = (int)r->block[1], nt = bx * by * (int)r->block[2];
  for (int b = 0; b < (int)r->grid[0]; b++)
    for (int t = 0; t < nt; t++) {
      int z = t / (bx * by);
      float sum = 0.0f;
      for (int j = 0; j < count * step; j += step) sum += in[b * nt + (t + j) % nt] * (float)(z + 1);
      out[b * nt + t] = sum;
    }
}

static void stepWrites(RefArgs *r) {
  const float *in = BF32(0);
  float *out = BF32(1);
  int steps = SI32(2), bx = (int)r->block[0], by = (int)r->block[1];
  for (int b = 0; b < (int)r->grid[0]; b++)
    for (int y = 0; y < by; y++)
      for (int x = 0; x < bx; x++) {
        int gid = b * bx * by + y * bx + x;
        for (int k = 0; k < steps; k++) out[gid * steps + k] = in[gid] * (float)k + (float)y;
        if (x == 0 && y == 0) out[gid * steps] = (float)steps;
      }
}

const RefEntry ref_row_loops[] = {
    {"tileProduct", tileProduct, NULL},
    {"strideSums", strideSums, NULL},
    {"stepWrites", stepWrites, NULL},
    {NULL, NULL, NULL}};
