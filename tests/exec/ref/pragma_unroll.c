/*
 * pragma_unroll.c — references for tests/kernels/pragma_unroll.cu
 * (unrolling changes nothing: plain loops).
 */
#include "ref.h"

static void unrolledDot8(RefArgs *r) {
  for (size_t t = 0; t < NTHREADS(r); t++) {
    float acc = 0.0f;
    for (int k = 0; k < 8; k++) acc += BF32(0)[t * 8 + k] * BF32(1)[t * 8 + k];
    BF32(2)[t] = acc;
  }
}

static void horner(RefArgs *r) {
  static const float coeff[6] = {1.0f, -0.5f, 0.25f, -0.125f, 0.0625f, -0.03125f};
  int n = SI32(2);
  for (int i = 0; i < n; i++) {
    float v = BF32(0)[i], y = 0.0f;
    for (int k = 5; k >= 0; k--) y = y * v + coeff[k];
    BF32(1)[i] = y;
  }
}

/* Three passes of reg[k] += reg[k-1], k from 3 down to 1. */
static void registerTile(RefArgs *r) {
  for (unsigned t = 0; t < r->block[0]; t++) {
    float reg[4];
    for (int k = 0; k < 4; k++) reg[k] = BF32(0)[t * 4 + k];
    for (int pass = 0; pass < 3; pass++)
      for (int k = 3; k > 0; k--) reg[k] += reg[k - 1];
    for (int k = 0; k < 4; k++) BF32(1)[t * 4 + k] = reg[k];
  }
}

const RefEntry ref_pragma_unroll[] = {
    {"unrolledDot<8>", unrolledDot8, NULL},
    {"horner", horner, NULL},
    {"registerTile", registerTile, NULL},
    {NULL, NULL, NULL}};
