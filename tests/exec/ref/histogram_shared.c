/*
 * histogram_shared.c — references for tests/kernels/histogram_shared.cu:
 * plain counting histograms (integer counts do not depend on the order
 * the atomics land in, so they are compared exactly).
 */
#include "ref.h"

static void histogram256(RefArgs *r) {
  int n4 = SI32(2) / 4;
  for (int i = 0; i < 4 * n4; i++) BU32(1)[BU8(0)[i]]++;
}

static void histogramBinned(RefArgs *r) {
  int n = SI32(2), bins = SI32(3);
  float lo = SF32(4), hi = SF32(5), scale = (float)bins / (hi - lo);
  for (int i = 0; i < n; i++) {
    int b = (int)((BF32(0)[i] - lo) * scale);
    b = b < 0 ? 0 : b > bins - 1 ? bins - 1 : b;
    BU32(1)[b]++;
  }
}

const RefEntry ref_histogram_shared[] = {
    {"histogram256", histogram256, NULL},
    {"histogramBinned", histogramBinned, NULL},
    {NULL, NULL, NULL}};
