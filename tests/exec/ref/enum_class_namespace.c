/*
 * enum_class_namespace.c — references for tests/kernels/enum_class_namespace.cu.
 */
#include "ref.h"

static void activate(RefArgs *r) {
  int n = SI32(2), act = SI32(3);
  for (int i = 0; i < n; i++) {
    float x = BF32(0)[i] - 0.5f, y;
    switch (act) {
    case 1: y = x > 0.0f ? x : 0.0f; break;
    case 2: y = x > 0.0f ? x : 0.01f * x; break;
    case 3: y = tanhf(x); break;
    default: y = x; break;
    }
    BF32(1)[i] = y;
  }
}

static void countKinds(RefArgs *r) {
  for (unsigned t = 0; t < r->block[0]; t++) {
    int v = BI32(0)[t];
    int k = v == 0 ? 0 : v < 16 ? 1 : v < 128 ? 2 : 3;
    BU32(1)[k]++;
  }
}

const RefEntry ref_enum_class_namespace[] = {
    {"activate", activate, NULL},
    {"ml::kernels::countKinds", countKinds, NULL},
    {NULL, NULL, NULL}};
