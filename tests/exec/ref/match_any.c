/*
 * match_any.c — references for tests/kernels/match_any.cu.  The grouped
 * histogram adds each group's size once per distinct key and warp, which
 * totals to the plain histogram of the keys.
 */
#include "ref.h"

static void groupedHistogram(RefArgs *r) {
  int n = SI32(2);
  size_t threads = NTHREADS(r);
  for (size_t i = 0; i < threads && (int64_t)i < n; i++) BU32(1)[BI32(0)[i] & 15]++;
}

static void matchAll(RefArgs *r) {
  unsigned bs = r->block[0];
  for (unsigned w = 0; w * 32 < bs; w++) {
    const int32_t *v = BI32(0) + 32 * w;
    unsigned lanes = bs - 32 * w < 32 ? bs - 32 * w : 32;
    int all = 1;
    for (unsigned l = 1; l < lanes; l++) all &= v[l] == v[0];
    uint32_t full = lanes == 32 ? 0xffffffffu : (1u << lanes) - 1u;
    uint32_t m = all ? full : 0u; /* __match_all_sync: the mask, or 0 */
    uint32_t m64 = 0;             /* lane 0's __match_any_sync on v << 33 */
    for (unsigned l = 0; l < lanes; l++)
      if (((uint64_t)(int64_t)v[l] << 33) == ((uint64_t)(int64_t)v[0] << 33)) m64 |= 1u << l;
    BI32(1)[2 * w] = all;
    BI32(1)[2 * w + 1] = m == m64;
  }
}

const RefEntry ref_match_any[] = {
    {"groupedHistogram", groupedHistogram, NULL},
    {"matchAll", matchAll, NULL},
    {NULL, NULL, NULL}};
