/*
 * init_list_collective.c — reference for tests/kernels/init_list_collective.cu:
 * brace-list elements that are warp shuffles land at their own positions.
 */
#include "ref.h"

static void listCollective(RefArgs *r) {
  for (size_t i = 0; i < NTHREADS(r); i++) {
    size_t warp = i & ~(size_t)31;
    int32_t *o = BI32(1) + 5 * i;
    o[0] = (int32_t)(i % r->block[0]);
    o[1] = BI32(0)[warp + 3];
    o[2] = BI32(0)[i ^ 1];
    o[3] = o[0] + 1;
    o[4] = BI32(0)[warp + 5];
  }
}

const RefEntry ref_init_list_collective[] = {{"listCollective", listCollective, NULL}, {NULL, NULL, NULL}};
