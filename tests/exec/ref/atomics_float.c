/*
 * atomics_float.c — references for tests/kernels/atomics_float.cu.
 * Float atomicAdd from many threads sums in whatever order the threads
 * arrive, so those sums are compared with relative 1e-4 (f32; 1024
 * summands) and 1e-12 (f64).  Max and a product of equal factors do not
 * depend on the order and are compared exactly / by default.
 */
#include "ref.h"

static void floatAtomics(RefArgs *r) {
  for (size_t i = 0; i < NTHREADS(r); i++) {
    BF32(1)[0] += BF32(0)[i];
    BF32(1)[1] += -BF32(0)[i];
    BF32(1)[2] = 1.0f;
    BF64(2)[0] += (double)BF32(0)[i];
  }
  ref_set(r, 1, CHK_TOL, 1e-4);
  ref_set(r, 2, CHK_TOL, 1e-12);
}

static void casFloatMax(RefArgs *r) {
  for (size_t i = 0; i < NTHREADS(r); i++)
    if (BF32(0)[i] > BF32(1)[0]) BF32(1)[0] = BF32(0)[i];
}

static void casDoubleMul(RefArgs *r) {
  for (size_t i = 0; i < NTHREADS(r); i++) BF64(1)[0] *= BF64(0)[i];
}

static void halfAtomics(RefArgs *r) {
  for (size_t i = 0; i < NTHREADS(r); i++)
    for (int c = 0; c < 2; c++)
      BF16(1)[c] = ref_f32_to_f16(ref_f16_to_f32(BF16(1)[c]) + ref_f16_to_f32(BF16(0)[2 * i + c]));
}

const RefEntry ref_atomics_float[] = {
    {"floatAtomics", floatAtomics, NULL},
    {"casFloatMax", casFloatMax, NULL},
    {"casDoubleMul", casDoubleMul, NULL},
    {"halfAtomics", halfAtomics, NULL},
    {NULL, NULL, NULL}};
