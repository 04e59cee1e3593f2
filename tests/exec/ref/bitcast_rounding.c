/*
 * bitcast_rounding.c — references for tests/kernels/bitcast_rounding.cu.
 * Bit casts are memcpy; the rounding-mode conversions use the C library's
 * rint/trunc/ceil/floor; __fmul_rz rounds the exact (double) product
 * toward zero.  Everything is exact, so results are compared bit for bit
 * (floatBits forms its value with an fma, as nvcc does by default).
 */
#include "ref.h"

static int32_t f2bits(float f) {
  int32_t b;
  memcpy(&b, &f, 4);
  return b;
}

static void floatBits(RefArgs *r) {
  int n = SI32(2);
  for (int i = 0; i < n; i++) {
    /* nvcc contracts a*b+c into one fma by default (-fmad=true), and so
       does the CPU backend's JIT; the bit pattern of v depends on it */
    float v = fmaf(BF32(0)[i], 200.0f, -100.0f);
    float av = fabsf(v);
    int32_t *o = BI32(1) + 8 * i;
    o[0] = f2bits(v);
    o[1] = f2bits(av) >> 23;
    o[2] = (int32_t)rintf(v);
    o[3] = (int32_t)truncf(v);
    o[4] = (int32_t)ceilf(v);
    o[5] = (int32_t)floorf(v);
    float v3 = v * 3.0f;
    o[6] = (int32_t)((uint32_t)rintf(av) + (uint32_t)(int64_t)rintf(v3));
    o[7] = f2bits(1.0f + (float)i);
  }
}

static void doubleBits(RefArgs *r) {
  int n = SI32(2);
  for (int i = 0; i < n; i++) {
    double d = BF64(0)[i] - 0.5;
    int64_t bits;
    memcpy(&bits, &d, 8);
    int64_t *o = BI64(1) + 4 * i;
    o[0] = bits;
    o[1] = bits; /* 1.0 * d == d */
    o[2] = bits; /* hi word << 32 | lo word rebuilds the same pattern */
    o[3] = (int64_t)(int32_t)rint(d * 1000.0) + (int64_t)trunc(d * 1e6);
  }
}

/* x*y rounded toward zero: the double product of two floats is exact. */
static float mul_rz(float x, float y) {
  double p = (double)x * (double)y;
  float f = (float)p;
  if (fabs((double)f) > fabs(p)) f = nextafterf(f, 0.0f);
  return f;
}

static void roundedArith(RefArgs *r) {
  int n = SI32(3);
  for (int i = 0; i < n; i++) {
    float x = BF32(0)[i], y = BF32(1)[i] + 0.5f;
    float *o = BF32(2) + 5 * i;
    o[0] = x + y;
    o[1] = mul_rz(x, y);
    o[2] = x / y;
    o[3] = 1.0f / y;
    o[4] = sqrtf(x) + fmaf(x, y, 1.0f);
  }
}

const RefEntry ref_bitcast_rounding[] = {
    {"floatBits", floatBits, NULL},
    {"doubleBits", doubleBits, NULL},
    {"roundedArith", roundedArith, NULL},
    {NULL, NULL, NULL}};
