/*
 * exec_limits.c — references for tests/exec/limits/exec_limits.cu, the
 * runner's limit test: `copy` is a plain copy; `globals` expects one more
 * global than ref.h keeps (REF_MAX_GLOBALS), so the launch must fail with
 * the limit named instead of dropping the last expectation.
 */
#include "ref.h"

static void copy(RefArgs *r) {
  for (size_t i = 0; i < NEL(0); i++) BI32(1)[i] = BI32(0)[i];
}

static void globals(RefArgs *r) {
  for (int k = 0; k <= REF_MAX_GLOBALS; k++) {
    int32_t v = k;
    ref_expect_global(r, "g", (size_t)k * 4, TY_I32, 1, &v);
  }
}

const RefEntry ref_exec_limits[] = {
    {"copy", copy, NULL}, {"globals", globals, NULL}, {NULL, NULL, NULL}};
