/*
 * reduce_add_sync.c — references for tests/kernels/reduce_add_sync.cu: the
 * per-warp reductions folded into the outputs with the kernel's atomics
 * (all commutative, so order-free).  Note out[1] starts at 0, so the
 * atomicMin keeps 0.
 */
#include "ref.h"

static void warpReduceIntrinsics(RefArgs *r) {
  int n = SI32(2);
  uint32_t *out = BU32(1);
  for (size_t i = 0; i < NTHREADS(r); i++) {
    uint32_t v = (int64_t)i < n ? (uint32_t)BI32(0)[i] : 0u;
    uint32_t vmin = (int64_t)i < n ? (uint32_t)BI32(0)[i] : 0xffffffffu;
    out[0] += v;
    if (vmin < out[1]) out[1] = vmin;
    if (v > out[2]) out[2] = v;
    out[3] |= v;
  }
}

static void countOdd(RefArgs *r) {
  int n = SI32(2);
  for (size_t i = 0; i < NTHREADS(r) && (int64_t)i < n; i++) BU32(1)[0] += BU32(0)[i] & 1u;
}

const RefEntry ref_reduce_add_sync[] = {
    {"warpReduceIntrinsics", warpReduceIntrinsics, NULL},
    {"countOdd", countOdd, NULL},
    {NULL, NULL, NULL}};
