/*
 * vector_add.c — references for tests/kernels/vector_add.cu: element-wise
 * add, saxpy and the grid-stride add (every element, whatever the grid).
 */
#include "ref.h"

static void vectorAdd(RefArgs *r) {
  for (int i = 0; i < SI32(3) && (size_t)i < NTHREADS(r); i++) BF32(2)[i] = BF32(0)[i] + BF32(1)[i];
}

static void vectorAddGridStride(RefArgs *r) {
  for (int i = 0; i < SI32(3); i++) BF32(2)[i] = BF32(0)[i] + BF32(1)[i];
}

static void saxpy(RefArgs *r) {
  for (int i = 0; i < SI32(0) && (size_t)i < NTHREADS(r); i++)
    BF32(3)[i] = SF32(1) * BF32(2)[i] + BF32(3)[i];
}

const RefEntry ref_vector_add[] = {
    {"vectorAdd", vectorAdd, NULL},
    {"saxpy", saxpy, NULL},
    {"vectorAddGridStride", vectorAddGridStride, NULL},
    {NULL, NULL, NULL}};
