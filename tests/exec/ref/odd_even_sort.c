/*
 * odd_even_sort.c — references for tests/kernels/odd_even_sort.cu: n
 * odd-even phases sort n elements (so: sorted), and one Batcher merge
 * step (disjoint pairs, applied sequentially).
 */
#include "ref.h"
#include <stdlib.h>

static int cmpi(const void *a, const void *b) {
  int x = *(const int *)a, y = *(const int *)b;
  return (x > y) - (x < y);
}

static void oddEvenTransposition(RefArgs *r) { qsort(BI32(0), (size_t)SI32(1), sizeof(int), cmpi); }

static void oddEvenMergeStep(RefArgs *r) {
  int n = SI32(1), p = SI32(2), k = SI32(3);
  float *a = BF32(0);
  for (int i = 0; i < (int)NTHREADS(r); i++) {
    int j = i % k + (i / k) * 2 * k, lo = j + k % p, hi = lo + k;
    if (hi < n && lo / (p * 2) == hi / (p * 2) && a[lo] > a[hi]) {
      float t = a[lo];
      a[lo] = a[hi];
      a[hi] = t;
    }
  }
}

const RefEntry ref_odd_even_sort[] = {
    {"oddEvenTransposition", oddEvenTransposition, NULL},
    {"oddEvenMergeStep", oddEvenMergeStep, NULL},
    {NULL, NULL, NULL}};
