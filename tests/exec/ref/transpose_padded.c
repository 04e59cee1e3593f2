/*
 * transpose_padded.c — references for tests/kernels/transpose_padded.cu:
 * out (width×height) is the transpose of in (height×width), over the part
 * of the matrix the grid covers (32×32 tiles).
 */
#include "ref.h"

static void transpose(RefArgs *r) {
  int w = SI32(2), h = SI32(3);
  int cw = (int)r->grid[0] * 32, ch = (int)r->grid[1] * 32;
  for (int y = 0; y < h && y < ch; y++)
    for (int x = 0; x < w && x < cw; x++) BF32(1)[x * h + y] = BF32(0)[y * w + x];
}

const RefEntry ref_transpose_padded[] = {
    {"transposeCoalesced", transpose, NULL},
    {"transposeNaive", transpose, NULL},
    {NULL, NULL, NULL}};
