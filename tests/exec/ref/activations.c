/*
 * activations.c — references for tests/kernels/activations.cu, in the
 * same precision as the kernels (float libm for the float ones; __expf is
 * compared with expf under the default f32 tolerance loosened to 1e-4,
 * since CUDA documents __expf as an approximation).
 */
#include "ref.h"

static void geluErf(RefArgs *r) {
  for (int i = 0; i < SI32(2); i++) {
    float v = BF32(0)[i] * 6.0f - 3.0f;
    BF32(1)[i] = 0.5f * v * (1.0f + erff(v * 0.70710678f));
  }
  ref_set(r, 1, CHK_TOL, 1e-5);
}

static void geluTanh(RefArgs *r) {
  const float k0 = 0.7978845608f, k1 = 0.044715f;
  for (int i = 0; i < SI32(2); i++) {
    float v = BF32(0)[i] * 6.0f - 3.0f;
    BF32(1)[i] = 0.5f * v * (1.0f + tanhf(k0 * (v + k1 * v * v * v)));
  }
}

static void miscActivations(RefArgs *r) {
  for (int i = 0; i < SI32(2); i++) {
    float v = BF32(0)[i] * 8.0f - 4.0f;
    float *y = BF32(1) + 4 * i;
    y[0] = v / (1.0f + expf(-v));
    y[1] = log1pf(expf(v));
    y[2] = v > 0.0f ? v : expm1f(v);
    y[3] = 1.0f / (1.0f + expf(-v));
  }
  ref_set(r, 1, CHK_TOL, 1e-4);
}

static void geluBackward(RefArgs *r) {
  for (int i = 0; i < SI32(3); i++) {
    double v = BF64(0)[i] * 6.0 - 3.0;
    double cdf = 0.5 * (1.0 + erf(v / sqrt(2.0)));
    double pdf = exp(-0.5 * v * v) / sqrt(2.0 * 3.14159265358979323846);
    BF64(2)[i] = BF64(1)[i] * (cdf + v * pdf);
  }
}

const RefEntry ref_activations[] = {
    {"geluErf", geluErf, NULL},
    {"geluTanh", geluTanh, NULL},
    {"miscActivations", miscActivations, NULL},
    {"geluBackward", geluBackward, NULL},
    {NULL, NULL, NULL}};
