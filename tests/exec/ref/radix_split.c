/*
 * radix_split.c — references for tests/kernels/radix_split.cu.  Thirty-two
 * stable split passes sort each block's keys ascending, so the reference
 * simply sorts each block's slice.
 */
#include "ref.h"

#include <stdlib.h>

static int cmp_u32(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return (x > y) - (x < y);
}

static void radixSortBlock(RefArgs *r) {
  unsigned bs = 256; /* RS_BLOCK: the slice each block sorts */
  for (unsigned b = 0; b < r->grid[0]; b++) qsort(BU32(0) + b * bs, bs, sizeof(uint32_t), cmp_u32);
}

static void digitCounts(RefArgs *r) {
  int n = SI32(2), shift = SI32(3);
  for (size_t i = 0; i < NTHREADS(r) && (int64_t)i < n; i++) BU32(1)[(BU32(0)[i] >> shift) & 0xfu]++;
}

const RefEntry ref_radix_split[] = {
    {"radixSortBlock", radixSortBlock, NULL},
    {"digitCounts", digitCounts, NULL},
    {NULL, NULL, NULL}};
