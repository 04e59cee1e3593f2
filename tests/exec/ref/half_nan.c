/*
 * half_nan.c — references for tests/kernels/half_nan.cu.  Every NaN made
 * as a half is CUDA's canonical 0x7fff; h - h of a finite half is +0;
 * an infinity converted to half keeps its sign.
 */
#include "ref.h"

static void halfNaN(RefArgs *r) {
  int n = SI32(1);
  for (int i = 0; i < n; i++) {
    uint16_t *o = (uint16_t *)r->a[0].p + 10 * i;
    for (int k = 0; k < 8; k++) o[k] = 0x7fff;
    o[8] = 0x0000;
    o[9] = (i & 1) ? 0xfc00 : 0x7c00;
  }
}

const RefEntry ref_half_nan[] = {{"halfNaN", halfNaN, NULL}, {NULL, NULL, NULL}};
