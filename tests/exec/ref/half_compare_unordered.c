/*
 * half_compare_unordered.c — references for
 * tests/kernels/half_compare_unordered.cu.  The samples are exact in half
 * and bfloat16, so each comparison is done on floats as CUDA documents
 * it: ordered ones false for a NaN operand, unordered ones true.
 */
#include <stdbool.h>

#include "ref.h"

static float sample(int k) {
  static const float v[8] = {NAN, -INFINITY, -1.5f, -0.0f, 0.0f, 1.5f, 2.0f, INFINITY};
  return v[k];
}

static bool o_eq(float a, float b) { return a == b; }
static bool o_ne(float a, float b) { return a < b || a > b; }
static bool u_eq(float a, float b) { return !o_ne(a, b); }
static bool u_ne(float a, float b) { return !(a == b); }
static bool u_lt(float a, float b) { return !(a >= b); }
static bool u_le(float a, float b) { return !(a > b); }
static bool u_gt(float a, float b) { return !(a <= b); }
static bool u_ge(float a, float b) { return !(a < b); }

static void halfUnordered(RefArgs *r) {
  int32_t *scalar = BI32(0), *lanes = BI32(1), *bf = BI32(2);
  for (int i = 0; i < 64; i++) {
    float a = sample(i & 7), b = sample(i >> 3);
    bool nan = isnan(a) || isnan(b);
    scalar[i] = u_eq(a, b) << 0 | u_ne(a, b) << 1 | u_lt(a, b) << 2 | u_le(a, b) << 3 |
                u_gt(a, b) << 4 | u_ge(a, b) << 5 | nan << 6 | (!nan && fminf(a, b) == fminf(a, b)) << 7;
    /* lane 0 compares (a, b), lane 1 (b, a) */
    lanes[i] = o_eq(a, b) << 0 | o_ne(b, a) << 1 | u_lt(a, b) << 2 | u_ge(b, a) << 3 |
               (a < b && !(b < a)) << 4 | (u_ne(a, b) && u_ne(b, a)) << 5 |
               (o_eq(a, b) && o_eq(b, a)) << 6 | (u_ne(a, b) && u_ne(b, a)) << 7 |
               (u_lt(a, b) && u_lt(b, a)) << 8 | (a <= b && b <= a) << 9 | isnan(a) << 10 |
               (u_ne(a, b) && u_ne(b, a)) << 11;
    bf[i] = u_eq(a, b) << 0 | o_ne(a, b) << 1 | u_ge(a, b) << 2 | (a <= b) << 3 | u_gt(a, b) << 4 |
            (!(a >= b) && b >= a) << 5 | (o_ne(a, b) && o_ne(b, a)) << 6 |
            (u_ge(a, b) && u_ge(b, a)) << 7 | isnan(b) << 8 | (u_ne(a, b) && u_ne(b, a)) << 9 |
            nan << 10;
  }
}

const RefEntry ref_half_compare_unordered[] = {{"halfUnordered", halfUnordered, NULL},
                                               {NULL, NULL, NULL}};
