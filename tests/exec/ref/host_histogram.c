/*
 * host_histogram.c — reference for the kernel of tests/kernels/host_histogram.cu
 * (a byte histogram; exact counts).
 */
#include "ref.h"

static void histogramKernel(RefArgs *r) {
  for (int i = 0; i < SI32(2); i++) BU32(1)[BU8(0)[i]]++;
}

const RefEntry ref_host_histogram[] = {
    {"histogramKernel", histogramKernel, NULL},
    {NULL, NULL, NULL}};
