/*
 * half_minmax.c — references for tests/kernels/half_minmax.cu: CUDA's
 * __hmax/__hmin on the bits of eight exact half values.  A NaN operand
 * gives the other (both NaN: the canonical NaN 0x7fff), +0 > -0.
 */
#include <stdbool.h>

#include "ref.h"

static const uint16_t bits[8] = {0x7fff, 0xfc00, 0xbe00, 0x8000, 0x0000, 0x3e00, 0x4000, 0x7c00};
static const float value[8] = {NAN, -INFINITY, -1.5f, -0.0f, 0.0f, 1.5f, 2.0f, INFINITY};

static uint16_t pick(int a, int b, bool max) {
  if (isnan(value[a])) return bits[b];
  if (isnan(value[b])) return bits[a];
  if (value[a] == value[b]) /* equal, or zeros of both signs: + for max, - for min */
    return (bits[a] & 0x8000) == (max ? 0 : 0x8000) ? bits[a] : bits[b];
  return (value[a] > value[b]) == max ? bits[a] : bits[b];
}

static void halfMinMax(RefArgs *r) {
  uint16_t *out = (uint16_t *)r->a[0].p;
  for (int i = 0; i < 64; i++) {
    int a = i & 7, b = i >> 3;
    out[4 * i + 0] = pick(a, b, true);
    out[4 * i + 1] = pick(a, b, false);
    out[4 * i + 2] = pick(b, a, true);
    out[4 * i + 3] = pick(b, a, false);
  }
}

const RefEntry ref_half_minmax[] = {{"halfMinMax", halfMinMax, NULL}, {NULL, NULL, NULL}};
