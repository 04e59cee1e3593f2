/*
 * spmv_csr.c — references for tests/kernels/spmv_csr.cu.  The spmv
 * references read whatever CSR arrays the launch passes (rowPtr from
 * iota:0:K, random columns and values) and cover the rows that the launch
 * has threads (scalar) or warps (vector) for.
 */
#include "ref.h"

static void buildBanded(RefArgs *r) {
  int n = SI32(3);
  for (int row = 0; row < n && (size_t)row < NTHREADS(r); row++) {
    BI32(0)[row] = 3 * row;
    if (row == n - 1) BI32(0)[n] = 3 * n;
    for (int k = 0; k < 3; k++) {
      int c = row + k - 1, ok = c >= 0 && c < n;
      BI32(1)[3 * row + k] = ok ? c : row;
      BF32(2)[3 * row + k] = ok ? (k == 1 ? 2.0f : -1.0f) : 0.0f;
    }
  }
}

static void spmv(RefArgs *r, size_t rows_covered) {
  int rows = SI32(0);
  const int32_t *ptr = BI32(1), *cols = BI32(2);
  for (int row = 0; row < rows && (size_t)row < rows_covered; row++) {
    double dot = 0.0;
    for (int j = ptr[row]; j < ptr[row + 1]; j++) dot += (double)BF32(3)[j] * BF32(4)[cols[j]];
    BF32(5)[row] = (float)dot;
  }
}

static void spmvScalar(RefArgs *r) { spmv(r, NTHREADS(r)); }
static void spmvVector(RefArgs *r) { spmv(r, NTHREADS(r) / 32); }

const RefEntry ref_spmv_csr[] = {
    {"buildBanded", buildBanded, NULL},
    {"spmvScalar", spmvScalar, NULL},
    {"spmvVector", spmvVector, NULL},
    {NULL, NULL, NULL}};
