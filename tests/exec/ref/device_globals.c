/*
 * device_globals.c — references for tests/kernels/device_globals.cu.  The
 * __device__/__managed__ globals themselves are not visible to the runner,
 * so accumulateManaged checks only that its input is left untouched.
 */
#include "ref.h"

/* callCount starts at 0 and this is the file's only launch of countCalls:
   the last ticket is threads - 1, and total[0] = threads. */
static void countCalls(RefArgs *r) { BI32(0)[0] = (int32_t)NTHREADS(r); }

static void lookupTable(RefArgs *r) {
  for (unsigned t = 0; t < r->block[0]; t++) {
    int k = BI32(0)[t] & 7;
    BF32(1)[t] = (float)(k * k); /* the table holds the squares 0..49 */
  }
}

static void accumulateManaged(RefArgs *r) { (void)r; /* writes only globals */ }

static void lastBlockSum(RefArgs *r) {
  int n = SI32(3);
  unsigned bs = r->block[0];
  float total = 0.0f, s[1024];
  for (unsigned b = 0; b < r->grid[0]; b++) {
    for (unsigned t = 0; t < bs; t++) {
      int i = (int)(b * bs + t);
      s[t] = i < n ? BF32(0)[i] : 0.0f;
    }
    for (unsigned k = bs / 2; k > 0; k >>= 1)
      for (unsigned t = 0; t < k; t++) s[t] += s[t + k];
    BF32(1)[b] = s[0];
  }
  for (unsigned b = 0; b < r->grid[0]; b++) total += BF32(1)[b];
  BF32(2)[0] = total;
}

const RefEntry ref_device_globals[] = {
    {"countCalls", countCalls, NULL},
    {"lookupTable", lookupTable, NULL},
    {"accumulateManaged", accumulateManaged, NULL},
    {"lastBlockSum", lastBlockSum, NULL},
    {NULL, NULL, NULL}};
