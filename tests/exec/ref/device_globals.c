/*
 * device_globals.c — references for tests/kernels/device_globals.cu.  The
 * globals the kernels leave behind are checked too (read back from the
 * module); they persist between the file's launches, each of which runs once.
 */
#include "ref.h"

/* callCount starts at 0 and this is the file's only launch of countCalls:
   the last ticket is threads - 1, and total[0] = threads. */
static void countCalls(RefArgs *r) {
  int32_t calls = (int32_t)NTHREADS(r);
  BI32(0)[0] = calls;
  ref_expect_global(r, "callCount", 0, TY_I32, 1, &calls);
}

static void lookupTable(RefArgs *r) {
  for (unsigned t = 0; t < r->block[0]; t++) {
    int k = BI32(0)[t] & 7;
    BF32(1)[t] = (float)(k * k); /* the table holds the squares 0..49 */
  }
}

/* Every thread adds its x (whole numbers: exact in any order) and 1. */
static void accumulateManaged(RefArgs *r) {
  float sum = 0.0f;
  int32_t hits = 0;
  for (size_t i = 0; i < NTHREADS(r); i++) sum += BF32(0)[i], hits++;
  ref_expect_global(r, "managedTotal", 0, TY_F32, 1, &sum);
  ref_expect_global(r, "managedHits", 0, TY_I32, 1, &hits);
  ref_expect_global(r, "globalStats", 0, TY_F32, 1, &sum);  /* .sum */
  ref_expect_global(r, "globalStats", 4, TY_I32, 1, &hits); /* .count */
}

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
  uint32_t zero = 0; /* the last block resets the ticket counter */
  ref_expect_global(r, "blocksDone", 0, TY_U32, 1, &zero);
}

const RefEntry ref_device_globals[] = {
    {"countCalls", countCalls, NULL},
    {"lookupTable", lookupTable, NULL},
    {"accumulateManaged", accumulateManaged, NULL},
    {"lastBlockSum", lastBlockSum, NULL},
    {NULL, NULL, NULL}};
