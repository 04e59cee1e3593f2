/*
 * uniform_after_return.c — references for
 * tests/kernels/uniform_after_return.cu: each block's active threads pass
 * their value round a ring of shared memory `8 / step + 1` times (the
 * quotient only computed for a block that has an active thread, as on
 * the GPU); threads at or past n write -1 and return.
 */
#include "ref.h"

#include <stdlib.h>

static void exiting_rounds(RefArgs *r) {
  int n = SI32(2), step = SI32(3);
  int bd = (int)r->block[0];
  int32_t *s = calloc((size_t)bd, sizeof *s), *v = calloc((size_t)bd, sizeof *v);
  if (!s || !v) {
    free(s);
    free(v);
    r->ref_error = "out of memory";
    return;
  }
  for (int b = 0; b < (int)r->grid[0]; b++) {
    for (int t = 0; t < bd; t++)
      if (b * bd + t >= n) BI32(1)[b * bd + t] = -1;
    if (b * bd >= n) continue; /* every thread of the block returned */
    int rounds = 8 / step + 1;
    for (int t = 0; t < bd; t++) v[t] = b * bd + t < n ? BI32(0)[b * bd + t] : 0;
    for (int k = 0; k < rounds; k++) {
      for (int t = 0; t < bd; t++)
        if (b * bd + t < n) s[t] = v[t];
      for (int t = 0; t < bd; t++)
        if (b * bd + t < n) v[t] += s[(t + 1) % bd];
    }
    for (int t = 0; t < bd && b * bd + t < n; t++) BI32(1)[b * bd + t] = v[t];
  }
  free(s);
  free(v);
}

const RefEntry ref_uniform_after_return[] = {
    {"exitingRounds", exiting_rounds, NULL},
    {NULL, NULL, NULL}};
