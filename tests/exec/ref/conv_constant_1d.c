/*
 * conv_constant_1d.c — references for tests/kernels/conv_constant_1d.cu: a
 * 9-tap convolution with the kernel's __constant__ taps, zero outside.
 */
#include "ref.h"

static const float taps[9] = {0.02f, 0.05f, 0.10f, 0.15f, 0.36f, 0.15f, 0.10f, 0.05f, 0.02f};

static void convolve(RefArgs *r) {
  int n = SI32(2);
  for (int g = 0; g < n; g++) {
    float acc = 0.0f;
    for (int k = 0; k < 9; k++) {
      int s = g + k - 4;
      acc += taps[k] * (s >= 0 && s < n ? BF32(0)[s] : 0.0f);
    }
    BF32(1)[g] = acc;
  }
}

const RefEntry ref_conv_constant_1d[] = {
    {"convolve1d", convolve, NULL},
    {"convolve1dNaive", convolve, NULL},
    {NULL, NULL, NULL}};
