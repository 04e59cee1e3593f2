/*
 * dynamic_shared.c — references for tests/kernels/dynamic_shared.cu.
 */
#include "ref.h"

static void reverseDynamic(RefArgs *r) {
  int n = SI32(1), bs = (int)r->block[0];
  int s[1024];
  for (unsigned b = 0; b < r->grid[0]; b++) {
    int base = (int)b * bs;
    for (int t = 0; t < bs; t++) s[t] = base + t < n ? BI32(0)[base + t] : 0;
    for (int t = 0; t < bs; t++)
      if (base + t < n) BI32(0)[base + t] = s[bs - 1 - t];
  }
}

static void carvedShared(RefArgs *r) {
  int bs = (int)r->block[0];
  float acc[1024];
  for (unsigned b = 0; b < r->grid[0]; b++) {
    const float *x = BF32(0) + b * bs;
    const int *idx = BI32(1) + b * bs;
    for (int t = 0; t < bs; t++) acc[t] = x[idx[bs - 1 - t] % bs];
    for (int t = 0; t < bs; t++) BF32(2)[b * bs + t] = acc[t] + acc[(t + 1) % bs];
  }
}

static void shiftRows(RefArgs *r) {
  int bs = (int)r->block[0];
  for (unsigned b = 0; b < r->grid[0]; b++)
    for (int t = 0; t < bs; t++) BF32(1)[b * bs + t] = BF32(0)[b * bs + (t + SI32(2)) % bs];
}

const RefEntry ref_dynamic_shared[] = {
    {"reverseDynamic", reverseDynamic, NULL},
    {"carvedShared", carvedShared, NULL},
    {"shiftRows<float>", shiftRows, NULL},
    {NULL, NULL, NULL}};
