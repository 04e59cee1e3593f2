/*
 * cg_tiles.c — references for tests/kernels/cg_tiles.cu: sums over aligned
 * tiles of 16, any/all per tile of 4 and a warp ballot, and the leader of
 * each tile of 8 broadcast plus the rank in a 32-thread group.
 */
#include "ref.h"

static void segmentedSums(RefArgs *r) {
  for (size_t g = 0; g < NTHREADS(r); g += 16) {
    int s = 0;
    for (int l = 0; l < 16; l++) s += BI32(0)[g + l];
    for (int l = 0; l < 16; l++) BI32(1)[g + l] = s;
  }
}

static void tileVotes(RefArgs *r) {
  uint32_t ballot = 0;
  for (unsigned q = 0; q < r->block[0] / 4; q++) {
    int any = 0, all = 1;
    for (int l = 0; l < 4; l++) {
      int big = BF32(0)[4 * q + l] > 0.5f;
      any |= big;
      all &= big;
      if (4 * q + l < 32 && big) ballot |= 1u << (4 * q + l);
    }
    BU32(1)[q] = (uint32_t)any | ((uint32_t)all << 1);
  }
  BU32(1)[16] = ballot;
}

static void broadcastLeader(RefArgs *r) {
  for (size_t i = 0; i < NTHREADS(r); i++)
    BF32(1)[i] = BF32(0)[i & ~(size_t)7] + (float)((i % r->block[0]) % 32);
}

const RefEntry ref_cg_tiles[] = {
    {"segmentedSums", segmentedSums, NULL},
    {"tileVotes", tileVotes, NULL},
    {"broadcastLeader", broadcastLeader, NULL},
    {NULL, NULL, NULL}};
