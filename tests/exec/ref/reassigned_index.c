/*
 * reassigned_index.c — references for tests/kernels/reassigned_index.cu.
 */
#include "ref.h"

static void reverseTwice(RefArgs *r) {
  unsigned bs = r->block[0];
  for (unsigned b = 0; b < r->grid[0]; b++)
    for (unsigned t = 0; t < bs; t++) {
      BI32(1)[b * bs + (bs - 1 - t)] += BI32(0)[b * bs + t] * 3;
      BI32(1)[b * bs + t] += 1000;
    }
}

static void nestedAssign(RefArgs *r) {
  unsigned bs = r->block[0];
  for (unsigned b = 0; b < r->grid[0]; b++)
    for (unsigned t = 0; t < bs; t++) BI32(1)[b * bs + (31 - t)] = BI32(0)[b * bs + t] + 7;
}

const RefEntry ref_reassigned_index[] = {
    {"reverseTwice", reverseTwice, NULL},
    {"nestedAssign", nestedAssign, NULL},
    {NULL, NULL, NULL}};
