/*
 * warp_votes.c — references for tests/kernels/warp_votes.cu: votes per
 * warp, warp-aggregated compaction (each warp packs its kept values, in
 * lane order, at the start of its own 32 slots), and ballots under
 * divergent masks (a ballot only sees the lanes of its mask).
 */
#include "ref.h"

static void warpVotes(RefArgs *r) {
  for (size_t w = 0; w < NTHREADS(r) / 32; w++) {
    uint32_t b = 0;
    int any = 0;
    for (int l = 0; l < 32; l++) {
      int v = BI32(0)[w * 32 + l];
      if (v & 1) b |= 1u << l;
      if (v > 0) any = 1;
    }
    uint32_t *o = BU32(1) + 4 * w;
    o[0] = b;
    o[1] = b == 0xffffffffu;
    o[2] = (uint32_t)any;
    o[3] = (uint32_t)__builtin_popcount(b);
  }
}

static void aggregatedAppend(RefArgs *r) {
  int n = SI32(3);
  for (size_t w = 0; w < NTHREADS(r) / 32; w++) {
    int k = 0;
    for (int l = 0; l < 32; l++) {
      int i = (int)(w * 32) + l;
      if (i < n && BF32(0)[i] > 0.5f) {
        BF32(1)[w * 32 + k++] = BF32(0)[i];
        BU32(2)[0]++;
      }
    }
  }
}

static void divergentActive(RefArgs *r) {
  uint32_t thirds = 0;
  for (int l = 0; l < 32; l++)
    if (l % 3 == 0) thirds |= 1u << l;
  uint32_t odd_thirds = 0, bit2_others = 0;
  for (int l = 0; l < 32; l++) {
    if (l % 3 == 0 && (l & 1)) odd_thirds |= 1u << l;
    if (l % 3 != 0 && (l & 2)) bit2_others |= 1u << l;
  }
  for (int l = 0; l < 32; l++) {
    uint32_t m = l % 3 == 0 ? odd_thirds : (bit2_others | 0x80000000u);
    uint32_t up = (uint32_t)(l > 0 ? l - 1 : l);
    BU32(0)[l] = m ^ up;
  }
}

const RefEntry ref_warp_votes[] = {
    {"warpVotes", warpVotes, NULL},
    {"aggregatedAppend", aggregatedAppend, NULL},
    {"divergentActive", divergentActive, NULL},
    {NULL, NULL, NULL}};
