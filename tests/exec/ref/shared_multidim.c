/*
 * shared_multidim.c — references for tests/kernels/shared_multidim.cu.
 */
#include "ref.h"

/* Block b sums its 64 values plane by plane (z = 0, then z = 1), each plane
   in row order, as the kernel's two summing threads do. */
static void blockSum3d(RefArgs *r) {
  unsigned per = r->block[0] * r->block[1] * r->block[2], plane = r->block[0] * r->block[1];
  for (unsigned b = 0; b < r->grid[0]; b++) {
    float p[2] = {0.0f, 0.0f};
    for (unsigned z = 0; z < 2; z++)
      for (unsigned k = 0; k < plane; k++) p[z] += BF32(0)[b * per + z * plane + k];
    BF32(1)[b] = p[0] + p[1];
  }
}

static void rowColSums(RefArgs *r) {
  const int side = 16;
  for (int k = 0; k < side; k++) {
    int32_t rs = 0, cs = 0;
    for (int j = 0; j < side; j++) {
      rs += BI32(0)[k * side + j];
      cs += BI32(0)[j * side + k];
    }
    BI32(1)[k] = rs;
    BI32(1)[side + k] = cs;
  }
}

const RefEntry ref_shared_multidim[] = {
    {"blockSum3d", blockSum3d, NULL},
    {"rowColSums", rowColSums, NULL},
    {NULL, NULL, NULL}};
