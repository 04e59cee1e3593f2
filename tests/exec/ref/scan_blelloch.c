/*
 * scan_blelloch.c — references for tests/kernels/scan_blelloch.cu: the
 * up-sweep/down-sweep mirrored step by step (bit-exact), and the block-sum
 * add.
 */
#include "ref.h"

static void blellochScan(RefArgs *r) {
  int n = SI32(3);
  float t[4096];
  for (unsigned b = 0; b < r->grid[0]; b++) {
    memcpy(t, BF32(0) + b * n, (size_t)n * sizeof(float));
    int off = 1;
    for (int d = n >> 1; d > 0; d >>= 1, off *= 2)
      for (int i = 0; i < d; i++) t[off * (2 * i + 2) - 1] += t[off * (2 * i + 1) - 1];
    BF32(2)[b] = t[n - 1];
    t[n - 1] = 0.0f;
    for (int d = 1; d < n; d *= 2) {
      off >>= 1;
      for (int i = 0; i < d; i++) {
        int ai = off * (2 * i + 1) - 1, bi = off * (2 * i + 2) - 1;
        float x = t[ai];
        t[ai] = t[bi];
        t[bi] += x;
      }
    }
    memcpy(BF32(1) + b * n, t, (size_t)n * sizeof(float));
  }
}

static void addBlockSums(RefArgs *r) {
  int n = SI32(2);
  for (unsigned b = 0; b < r->grid[0]; b++)
    for (int t = 0; t < n && t < (int)r->block[0]; t++) BF32(0)[b * n + t] += BF32(1)[b];
}

const RefEntry ref_scan_blelloch[] = {
    {"blellochScan", blellochScan, NULL},
    {"addBlockSums", addBlockSums, NULL},
    {NULL, NULL, NULL}};
