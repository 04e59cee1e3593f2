/*
 * bitonic_sort.c — references for tests/kernels/bitonic_sort.cu: each
 * 512-element slice sorted ascending (a sort has one answer), and one
 * global compare-exchange step (its pairs are disjoint, so a sequential
 * pass over the threads gives the kernel's result).
 */
#include "ref.h"
#include <stdlib.h>

static int cmpf(const void *a, const void *b) {
  float x = *(const float *)a, y = *(const float *)b;
  return (x > y) - (x < y);
}

static void bitonicSortShared(RefArgs *r) {
  for (unsigned b = 0; b < r->grid[0]; b++) qsort(BF32(0) + b * 512, 512, sizeof(float), cmpf);
}

static void bitonicStep(RefArgs *r) {
  int *d = BI32(0);
  unsigned j = (unsigned)SI32(1), k = (unsigned)SI32(2);
  for (unsigned i = 0; i < NTHREADS(r); i++) {
    unsigned ixj = i ^ j;
    if (ixj <= i) continue;
    int a = d[i], b = d[ixj];
    if ((i & k) == 0 ? a > b : a < b) { d[i] = b; d[ixj] = a; }
  }
}

const RefEntry ref_bitonic_sort[] = {
    {"bitonicSortShared", bitonicSortShared, NULL},
    {"bitonicStep", bitonicStep, NULL},
    {NULL, NULL, NULL}};
