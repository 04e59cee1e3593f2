/*
 * gather_scatter.c — references for tests/kernels/gather_scatter.cu.  The
 * scatter adds whole numbers (1.0) with float atomics, which is exact in
 * any order.
 */
#include "ref.h"

static void gather(RefArgs *r) {
  int n = SI32(3);
  for (int i = 0; i < n; i++) BF32(2)[i] = BF32(0)[(BI32(1)[i] & 0x7fffffff) % n];
}

static void scatterAdd(RefArgs *r) {
  int n = SI32(3), m = SI32(4);
  for (int i = 0; i < n; i++) BF32(2)[(uint32_t)BI32(1)[i] % (uint32_t)m] += BF32(0)[i];
}

static void permute(RefArgs *r) {
  int n = SI32(2);
  for (int i = 0; i < n; i++) {
    uint32_t j = ((uint32_t)i * 2654435761u) & (uint32_t)(n - 1);
    BI16(1)[j] = BI16(0)[i];
  }
}

static void gatherBytes(RefArgs *r) {
  int n = SI32(3);
  for (int i = 0; i < n && i < (int)r->block[0]; i++) {
    int64_t k = BI64(1)[i] % n;
    if (k < 0) k += n;
    BU8(2)[i] = BU8(0)[k];
  }
}

const RefEntry ref_gather_scatter[] = {
    {"gather", gather, NULL},
    {"scatterAdd", scatterAdd, NULL},
    {"permute", permute, NULL},
    {"gatherBytes", gatherBytes, NULL},
    {NULL, NULL, NULL}};
