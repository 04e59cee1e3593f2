/*
 * cpp_features.c — references for tests/kernels/cpp_features.cu.
 */
#include "ref.h"

static void cppFeatures(RefArgs *r) {
  int n = SI32(3);
  for (int i = 0; i < n; i++) {
    /* x * scale + bias: contracted to one fma, as nvcc does by default
       (-fmad=true) and the CPU backend's JIT does too; the low bit of v
       and (int)(v * 16) are sensitive to that rounding */
    float v = fmaf(BF32(0)[i], 3.0f, 0.5f);
    int j = (int)(v * 16.0f);
    uint32_t bits;
    memcpy(&bits, &v, 4);
    float clamped = fminf(fmaxf(v, 0.0f), 10.0f);
    BF32(2)[i] = clamped + (float)(j % 7) + (float)(bits & 1u) + (BI32(1)[i] > 100 ? 1.0f : 0.0f);
  }
}

static void swapPairs(RefArgs *r) {
  for (unsigned t = 0; t < r->block[0]; t++) {
    int32_t x = BI32(0)[2 * t];
    BI32(0)[2 * t] = BI32(0)[2 * t + 1];
    BI32(0)[2 * t + 1] = x;
  }
}

const RefEntry ref_cpp_features[] = {
    {"cppFeatures", cppFeatures, NULL},
    {"swapPairs", swapPairs, NULL},
    {NULL, NULL, NULL}};
