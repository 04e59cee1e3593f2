/*
 * host_vector_add.c — reference for vecAddKernel of tests/kernels/host_vector_add.cu.
 */
#include "ref.h"

static void vecAddKernel(RefArgs *r) {
  for (int i = 0; i < SI32(3); i++) BF32(2)[i] = BF32(0)[i] + BF32(1)[i];
}

const RefEntry ref_host_vector_add[] = {
    {"vecAddKernel", vecAddKernel, NULL},
    {NULL, NULL, NULL}};
