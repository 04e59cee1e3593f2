/*
 * cg_partition.c — references for tests/kernels/cg_partition.cu: sums of
 * the even and odd values (low 10 bits) and the count of odd ones; sums
 * by value mod 4.  Integers: exact whatever the grouping.
 */
#include "ref.h"

static void oddEvenSums(RefArgs *r) {
  int n = SI32(3);
  for (int i = 0; i < n; i++) {
    int v = BI32(0)[i] & 1023;
    BI32(1)[v & 1] += v;
    BI32(2)[0] += v & 1;
  }
}

static void labelSums(RefArgs *r) {
  int n = SI32(2);
  for (int i = 0; i < n; i++) BI32(1)[BI32(0)[i] % 4] += BI32(0)[i];
}

static void tileAsGroup(RefArgs *r) {
  for (int i = 0; i < 64; i++) BI32(0)[i] = (i % 8) * 100 + 8 + (i * 100 + 64) * 1000;
}

const RefEntry ref_cg_partition[] = {
    {"tileAsGroup", tileAsGroup, NULL},
    {"oddEvenSums", oddEvenSums, NULL},
    {"labelSums", labelSums, NULL},
    {NULL, NULL, NULL}};
