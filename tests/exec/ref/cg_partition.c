/*
 * cg_partition.c — references for tests/kernels/cg_partition.cu: sums of
 * the even and odd values (low 10 bits) and the count of odd ones; sums
 * by value mod 4; ranks in thread_groups (tiles of 64 and 4 threads, a
 * partition of a warp by threadIdx.x % 3 == 0) as CUDA defines them.
 * Integers: exact whatever the grouping.
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

static void groupRanks(RefArgs *r) {
  int nb = (int)r->block[0];
  for (int b = 0; b < (int)r->grid[0]; b++)
    for (int t = 0; t < nb; t++) {
      int warp = t / 32 * 32, rank = 0, size = 0;
      for (int l = warp; l < warp + 32 && l < nb; l++) {
        if ((l % 3 == 0) != (t % 3 == 0)) continue;
        size++;
        rank += l < t;
      }
      BI32(0)[b * nb + t] = t % 16 + 100 * (t % 4) + 1000 * rank + 100000 * 4 + 10000000 * (size & 1);
    }
}

const RefEntry ref_cg_partition[] = {
    {"groupRanks", groupRanks, NULL},
    {"tileAsGroup", tileAsGroup, NULL},
    {"oddEvenSums", oddEvenSums, NULL},
    {"labelSums", labelSums, NULL},
    {NULL, NULL, NULL}};
