/*
 * warp_scan.c — references for tests/kernels/warp_scan.cu: block inclusive
 * and exclusive scans and a segmented warp scan (integer-valued inputs, so
 * the float variant is exact too).
 */
#include "ref.h"

static void blockInclusiveScan(RefArgs *r) {
  unsigned bs = r->block[0];
  for (unsigned b = 0; b < r->grid[0]; b++) {
    int s = 0;
    for (unsigned t = 0; t < bs; t++) BI32(1)[b * bs + t] = s += BI32(0)[b * bs + t];
    BI32(2)[b] = s;
  }
}

static void blockExclusiveScanF(RefArgs *r) {
  unsigned bs = r->block[0];
  for (unsigned b = 0; b < r->grid[0]; b++) {
    float s = 0.0f;
    for (unsigned t = 0; t < bs; t++) {
      BF32(1)[b * bs + t] = s;
      s += BF32(0)[b * bs + t];
    }
  }
}

/* Sum over the lane's segment up to the lane; a segment starts at lane 0
 * and wherever (flag & 3) == 0. */
static void segmentedWarpScan(RefArgs *r) {
  int s = 0;
  for (unsigned t = 0; t < r->block[0]; t++) {
    if ((t & 31) == 0 || (BU8(1)[t] & 3) == 0) s = 0;
    BI32(2)[t] = s += BI32(0)[t];
  }
}

const RefEntry ref_warp_scan[] = {
    {"blockInclusiveScan", blockInclusiveScan, NULL},
    {"blockExclusiveScanF", blockExclusiveScanF, NULL},
    {"segmentedWarpScan", segmentedWarpScan, NULL},
    {NULL, NULL, NULL}};
