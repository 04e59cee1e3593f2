/*
 * block_votes.c — references for tests/kernels/block_votes.cu: block-wide
 * count/and/or votes and a count kept both by vote and by shared atomics.
 */
#include "ref.h"

static void blockVotes(RefArgs *r) {
  float th = SF32(2);
  unsigned bs = r->block[0];
  for (unsigned b = 0; b < r->grid[0]; b++) {
    int count = 0, any = 0;
    for (unsigned t = 0; t < bs; t++) {
      float x = BF32(0)[b * bs + t];
      count += x > th;
      any |= x > 2.0f * th;
    }
    BI32(1)[3 * b] = count;
    BI32(1)[3 * b + 1] = count == (int)bs;
    BI32(1)[3 * b + 2] = any;
  }
}

static void compactCount(RefArgs *r) {
  unsigned bs = r->block[0];
  for (unsigned b = 0; b < r->grid[0]; b++) {
    int kept = 0;
    for (unsigned t = 0; t < bs; t++) {
      int v = BI32(0)[b * bs + t];
      kept += v % 2 == 0;
      BI32(1)[b * bs + t] = v % 2 == 0 ? v : -1;
    }
    BI32(2)[2 * b] = BI32(2)[2 * b + 1] = kept;
  }
}

const RefEntry ref_block_votes[] = {
    {"blockVotes", blockVotes, NULL},
    {"compactCount", compactCount, NULL},
    {NULL, NULL, NULL}};
