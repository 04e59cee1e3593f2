/*
 * libcudacxx.c — references for tests/kernels/libcudacxx.cu (libcu++):
 * the histogram and maximum are order-independent, so they are computed
 * sequentially and compared exactly; the library arithmetic is the same
 * float operations in the same order (complex product written out, its
 * modulus by hypotf), compared within a small relative tolerance.
 */
#include "ref.h"

static void atomicHistogram(RefArgs *r) {
  int32_t *bins = BI32(1), *stats = BI32(2);
  for (size_t i = 0; i < NTHREADS(r); i++) {
    int32_t x = BI32(0)[i];
    bins[x & 15]++;
    if ((x & 0xffff) > stats[0]) stats[0] = x & 0xffff;
  }
  stats[1] += (int32_t)r->grid[0]; /* one claim of the shared flag per block */
}

static int bit_width(uint32_t w) { return w ? 32 - __builtin_clz(w) : 0; }

static void libraryMath(RefArgs *r) {
  for (size_t i = 0; i < NTHREADS(r); i++) {
    float x = BF32(0)[i];
    float sum = 0.0f;
    sum += x;
    sum += 2.0f * x;
    sum += 0.5f;
    float re = x * x - 0.5f * 0.5f, im = x * 0.5f + 0.5f * x;
    re += 1.0f;
    im += 0.0f;
    float s = sqrtf(fabsf(x));
    BF32(2)[i] = (hypotf(re, im) + sum) + (s > 0.25f ? s : 0.25f) + 1.0f;
    uint32_t w = BU32(1)[i];
    BU32(3)[i] = (uint32_t)__builtin_popcount(w) | ((uint32_t)(w ? __builtin_clz(w) : 32) << 8) |
                 ((uint32_t)__builtin_ctz(w | 0x80000000u) << 16) |
                 ((w & 0xff) && !((w & 0xff) & ((w & 0xff) - 1)) ? 1u << 24 : 0u) |
                 ((uint32_t)bit_width(w & 0xffff) << 25);
  }
  ref_set(r, 2, CHK_TOL, 1e-5);
}

static void libraryViews(RefArgs *r) {
  for (size_t i = 0; i < NTHREADS(r); i++)
    BF32(1)[i] = BF32(0)[i] * (float)(2 * (int)i) + 1.5f + (float)r->block[0];
  ref_set(r, 1, CHK_TOL, 1e-6);
}

const RefEntry ref_libcudacxx[] = {
    {"atomicHistogram", atomicHistogram, NULL},
    {"libraryMath", libraryMath, NULL},
    {"libraryViews", libraryViews, NULL},
    {NULL, NULL, NULL}};
