/*
 * softmax.c — references for tests/kernels/softmax.cu: softmax of each row
 * in double.  The kernels sum exponentials in float in a tree order (and
 * the warp variant uses the __expf approximation), hence the tolerances.
 */
#include "ref.h"

static void softmax_row(const float *x, float *y, int cols) {
  double m = -INFINITY, s = 0.0;
  for (int c = 0; c < cols; c++) m = x[c] > m ? x[c] : m;
  for (int c = 0; c < cols; c++) s += exp(x[c] - m);
  for (int c = 0; c < cols; c++) y[c] = (float)(exp(x[c] - m) / s);
}

static void softmaxRows(RefArgs *r) {
  int cols = SI32(2);
  for (unsigned b = 0; b < r->grid[0]; b++)
    softmax_row(BF32(0) + (size_t)b * cols, BF32(1) + (size_t)b * cols, cols);
  ref_set(r, 1, CHK_TOL, 2e-5);
}

static void softmaxWarpPerRow(RefArgs *r) {
  int rows = SI32(2), cols = SI32(3);
  int warps = (int)(NTHREADS(r) / 32);
  for (int w = 0; w < rows && w < warps; w++)
    softmax_row(BF32(0) + (size_t)w * cols, BF32(1) + (size_t)w * cols, cols);
  ref_set(r, 1, CHK_TOL, 1e-4);
}

const RefEntry ref_softmax[] = {
    {"softmaxRows", softmaxRows, NULL},
    {"softmaxWarpPerRow", softmaxWarpPerRow, NULL},
    {NULL, NULL, NULL}};
