/*
 * scan_hillis_steele.c — references for tests/kernels/scan_hillis_steele.cu,
 * mirroring the ping-pong passes (so float results are bit-exact).
 */
#include "ref.h"

static void scanHillisSteele(RefArgs *r) {
  int n = SI32(2), bs = (int)r->block[0];
  float a[1024], b[1024];
  for (int t = 0; t < bs; t++) a[t] = t < n ? BF32(0)[t] : 0.0f;
  for (int off = 1; off < n; off *= 2) {
    for (int t = 0; t < bs; t++) b[t] = t >= off ? a[t] + a[t - off] : a[t];
    memcpy(a, b, sizeof(float) * (size_t)bs);
  }
  for (int t = 0; t < n; t++) BF32(1)[t] = a[t];
}

static void exclusiveScanHS(RefArgs *r) {
  int n = SI32(2), s = 0;
  for (int t = 0; t < n; t++) {
    BI32(1)[t] = s;
    s += BI32(0)[t];
  }
}

const RefEntry ref_scan_hillis_steele[] = {
    {"scanHillisSteele", scanHillisSteele, NULL},
    {"exclusiveScanHS", exclusiveScanHS, NULL},
    {NULL, NULL, NULL}};
