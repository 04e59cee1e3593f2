/*
 * dot_double.c — references for tests/kernels/dot_double.cu.  The dot
 * product's blocks meet in a double atomicAdd (order not fixed), so it is
 * compared with a tolerance; the Kahan sums are per thread and mirrored
 * exactly.
 */
#include "ref.h"

static void dotDouble(RefArgs *r) {
  int64_t n = SI64(3);
  double s = BF64(2)[0];
  for (int64_t i = 0; i < n; i++) s += BF64(0)[i] * BF64(1)[i];
  BF64(2)[0] = s;
  ref_set(r, 2, CHK_TOL, 1e-11);
}

static void kahanSum(RefArgs *r) {
  int n = SI32(2);
  for (unsigned t = 0; t < r->block[0]; t++) {
    double sum = 0.0, c = 0.0;
    for (int i = (int)t; i < n; i += (int)r->block[0]) {
      double y = BF64(0)[i] - c;
      double u = sum + y;
      c = (u - sum) - y;
      sum = u;
    }
    BF64(1)[t] = sum;
  }
}

const RefEntry ref_dot_double[] = {
    {"dotDouble", dotDouble, NULL},
    {"kahanSum", kahanSum, NULL},
    {NULL, NULL, NULL}};
