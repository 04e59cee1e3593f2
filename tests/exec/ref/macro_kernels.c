/*
 * macro_kernels.c — references for tests/kernels/macro_kernels.cu: the
 * four DEFINE_OP element-wise kernels and the clamp-of-square scalers.
 */
#include "ref.h"

#define OP(name, expr)                                  \
  static void name(RefArgs *r) {                        \
    for (int i = 0; i < SI32(3); i++) {                 \
      float x = BF32(0)[i], y = BF32(1)[i];             \
      BF32(2)[i] = (expr);                              \
    }                                                   \
  }
OP(addOp, x + y)
OP(mulOp, x * y)
OP(maxOp, x > y ? x : y)
OP(hypotOp, sqrtf(x * x + y * y))

#define CLAMP(v, lo, hi) ((v) < (lo) ? (lo) : ((v) > (hi) ? (hi) : (v)))
static void scale_int(RefArgs *r) {
  for (int i = 0; i < SI32(1) && i < (int)r->block[0]; i++)
    BI32(0)[i] = CLAMP(BI32(0)[i] * BI32(0)[i], 0, 1000);
}
static void scale_float(RefArgs *r) {
  for (int i = 0; i < SI32(1) && i < (int)r->block[0]; i++)
    BF32(0)[i] = CLAMP(BF32(0)[i] * BF32(0)[i], 0.0f, 1000.0f);
}

const RefEntry ref_macro_kernels[] = {
    {"addOp", addOp, NULL},
    {"mulOp", mulOp, NULL},
    {"maxOp", maxOp, NULL},
    {"hypotOp", hypotOp, NULL},
    {"scale_int", scale_int, NULL},
    {"scale_float", scale_float, NULL},
    {NULL, NULL, NULL}};
