/*
 * single_thread_if.c — references for tests/kernels/single_thread_if.cu.
 */
#include "ref.h"

static void columnWrite(RefArgs *r) {
  int k = SI32(1);
  for (unsigned b = 0; b < r->grid[0]; b++)
    for (unsigned ty = 0; ty < 4; ty++)
      for (unsigned tx = 0; tx < 8; tx++) {
        unsigned t = ty * 8 + tx;
        /* threadIdx.x == k compares as unsigned: k = -1 matches no thread */
        BI32(0)[b * 32 + t] = (int)(31 - t) * 10 + (k >= 0 && tx == (unsigned)k ? 1000 + (int)ty : 0);
      }
}

const RefEntry ref_single_thread_if[] = {
    {"columnWrite", columnWrite, NULL},
    {NULL, NULL, NULL}};
