/*
 * half_compare.c — references for tests/kernels/half_compare.cu.  The
 * samples are exact in half, so the comparisons are done on floats, each
 * written out as CUDA documents it: the functions ordered, so false for
 * a NaN operand (__hne included, unlike C's !=); the != operator is
 * __hneu, unordered, as C's.
 */
#include <stdbool.h>

#include "ref.h"

static float sample(int k) {
  static const float v[8] = {NAN, -INFINITY, -1.5f, -0.0f, 0.0f, 1.5f, 2.0f, INFINITY};
  return v[k];
}

static void halfCompare(RefArgs *r) {
  int32_t *out = BI32(0);
  for (int i = 0; i < 64; i++) {
    float a = sample(i & 7), b = sample(i >> 3);
    bool ordered = !isnan(a) && !isnan(b);
    bool eq = ordered && a == b, ne = ordered && a != b, lt = ordered && a < b;
    bool le = ordered && a <= b, gt = ordered && a > b, ge = ordered && a >= b;
    bool neu = !eq; /* operator!=: __hneu */
    /* the __half2 operands' second lanes are 1 and 3: != and < hold there */
    out[i] = eq << 0 | ne << 1 | lt << 2 | le << 3 | gt << 4 | ge << 5 | eq << 6 | neu << 7 |
             lt << 8 | ge << 9 | neu << 10 | lt << 11 | isnan(a) << 12;
  }
}

const RefEntry ref_half_compare[] = {{"halfCompare", halfCompare, NULL}, {NULL, NULL, NULL}};
