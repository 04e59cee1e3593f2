/*
 * warp_handoff.c — references for tests/kernels/warp_handoff.cu: what each
 * hand-off computes when every write of the warp lands before its reader
 * reads, as on a GPU where the warp reconverges (the point of the file).
 * Integers: exact.
 */
#include "ref.h"

static void decodeChecksum(RefArgs *r) {
  int half = SI32(1) / 2;
  for (int b = 0; b < (int)r->grid[0]; b++) {
    uint32_t s = 0;
    for (int i = 0; i < half; i++) {
      uint8_t v = BU8(0)[b * half + i];
      uint8_t d = (uint8_t)((v & 15u) * 16u + (v >> 4));
      BU8(2)[b * half + i] = d;
      if (i < 32) s = s * 31u + d;
    }
    BU32(3)[b] = s;
  }
}

static void sliceChecksum(RefArgs *r) {
  for (unsigned b = 0; b < r->grid[0]; b++)
    for (unsigned w = 0; w < r->block[0] / 32; w++) {
      uint32_t s = 0;
      for (unsigned i = 0; i < 32; i++) s ^= (BU32(0)[i] * 3u + b) << (i % 7);
      BU32(1)[b * 4 + w] = s;
    }
}

static void stagedPrefix(RefArgs *r) {
  for (unsigned w = 0; w < r->block[0] / 32; w++) {
    int run = 0;
    for (unsigned i = 0; i < 32; i++) BI32(1)[w * 32 + i] = run += BI32(0)[w * 32 + i] % 1000;
  }
}

const RefEntry ref_warp_handoff[] = {
    {"decodeChecksum", decodeChecksum, NULL},
    {"sliceChecksum", sliceChecksum, NULL},
    {"stagedPrefix", stagedPrefix, NULL},
    {NULL, NULL, NULL}};
