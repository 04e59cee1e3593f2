/*
 * divergent_turns.c — references for tests/kernels/divergent_turns.cu.
 */
#include "ref.h"

static void borderStencil(RefArgs *r) {
  const float *in = BF32(0);
  float *out = BF32(1);
  int w = SI32(2), h = SI32(3);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++) {
      int i = y * w + x;
      if (x == 0 || y == 0 || x == w - 1 || y == h - 1) out[i] = in[i];
      else out[i] = 0.25f * (in[i - 1] + in[i + 1] + in[i - w] + in[i + w]) - in[i];
    }
}

static void everyEighth(RefArgs *r) {
  const float *in = BF32(0);
  float *out = BF32(1);
  int n = SI32(2);
  for (int i = 0; i < n; i++) out[i] = (i & 7) == 5 ? -1.0f : 3.0f * in[i] + 1.0f;
}

static void stepSums(RefArgs *r) {
  const float *in = BF32(0);
  float *out = BF32(1);
  for (int b = 0; b < (int)r->grid[0]; b++) {
    float buf[2][64];
    int cur = 0;
    for (int t = 0; t < 64; t++) buf[0][t] = in[b * 64 + t];
    for (int s = 1; s < 64; s *= 2) {
      for (int t = 0; t < 64; t++) buf[1 - cur][t] = buf[cur][t] + (t >= s ? buf[cur][t - s] : 0.0f);
      cur = 1 - cur;
    }
    for (int t = 0; t < 64; t++) out[b * 64 + t] = buf[cur][t];
  }
}

const RefEntry ref_divergent_turns[] = {
    {"borderStencil", borderStencil, NULL},
    {"everyEighth", everyEighth, NULL},
    {"stepSums", stepSums, NULL},
    {NULL, NULL, NULL}};
