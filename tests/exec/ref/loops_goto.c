/*
 * loops_goto.c — references for tests/kernels/loops_goto.cu, written with
 * structured loops.
 */
#include "ref.h"

static void collatzSteps(RefArgs *r) {
  int n = SI32(2);
  for (int i = 0; i < n; i++) {
    uint32_t v = BU32(0)[i] + 1u;
    int count = 0;
    do {
      v = (v & 1u) ? 3u * v + 1u : v >> 1;
      count++;
    } while (v != 1u && count < 1000);
    BI32(1)[i] = count;
  }
}

static void findFirst(RefArgs *r) {
  int cols = SI32(2), key = SI32(3);
  for (unsigned row = 0; row < r->block[0]; row++) {
    int found = -1;
    for (int c = 0; c < cols && found < 0; c++) {
      int v = BI32(0)[row * cols + c];
      int m = v % 64;
      if (m < 0) m += 64;
      if (m == key) found = c;
    }
    BI32(1)[row] = found;
  }
}

static void gcdKernel(RefArgs *r) {
  for (size_t i = 0; i < NTHREADS(r); i++) {
    uint32_t x = BU32(0)[i] | 1u, y = BU32(1)[i] | 1u;
    while (y) {
      uint32_t t = x % y;
      x = y;
      y = t;
    }
    BU32(2)[i] = x;
  }
}

static void digitSum(RefArgs *r) {
  for (unsigned t = 0; t < r->block[0]; t++) {
    int v = BI32(0)[t], s = 0;
    do {
      s += v % 10;
      v /= 10;
    } while (v);
    /* i and j step together (1 and 2) while i < 3 and j < 5: i = 3, j = 6 */
    BI32(1)[t] = s + 3 + 6;
  }
}

const RefEntry ref_loops_goto[] = {
    {"collatzSteps", collatzSteps, NULL},
    {"findFirst", findFirst, NULL},
    {"gcdKernel", gcdKernel, NULL},
    {"digitSum", digitSum, NULL},
    {NULL, NULL, NULL}};
