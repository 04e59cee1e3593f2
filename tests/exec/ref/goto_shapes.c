/*
 * goto_shapes.c — references for tests/kernels/goto_shapes.cu, written
 * with structured loops and flags instead of the kernel's gotos: a retry
 * is an outer loop that starts the two nested loops over (hits carries
 * over), `done` leaves the loops skipping the +100, and `top` is a while
 * loop entered with or without the first 3v+1 step.
 */
#include "ref.h"

/* One element of gotoShapes: the final value and steps * 1000 + hits. */
static void shapes_one(int32_t v, int32_t *v_out, int32_t *code_out) {
  int32_t steps = 0, hits = 0;
  int finished_early = 0;
  for (;;) {
    int restart = 0;
    for (int a = 0; a < 4 && !restart && !finished_early; a++) {
      for (int b = 0; b < 4; b++)
        if (((v + a * b) & 7) == 3 && steps < 20) {
          v += a + b + 1;
          steps++;
          restart = 1;
          break;
        }
      if (restart) break;
      int low = v & 3;
      if (low == 0) {
        hits += 1 + 10;
      } else if (low == 1) {
        if (hits > 2) finished_early = 1;
        else hits += 2 + 10;
      }
      /* low 2 and 3: on to the next a, no hits */
    }
    if (!restart) break;
  }
  if (!finished_early) hits += 100;
  *v_out = v;
  *code_out = steps * 1000 + hits;
}

static void gotoShapes(RefArgs *r) {
  int n = SI32(2);
  for (int i = 0; i < n && (size_t)i < NTHREADS(r); i++)
    shapes_one(BI32(0)[i], &BI32(1)[2 * i], &BI32(1)[2 * i + 1]);
}

static void gotoBothWays(RefArgs *r) {
  for (unsigned t = 0; t < r->block[0]; t++) {
    int32_t v = BI32(0)[t] * 37 + 5, rounds = 1; /* inputs are 0..99: no overflow */
    if (!(v & 1)) v = v * 3 + 1;
    while (v > 10) {
      v = (v & 1) ? v - 3 : v / 2;
      rounds++;
    }
    BI32(1)[t] = v * 100 + rounds;
  }
}

const RefEntry ref_goto_shapes[] = {
    {"gotoShapes", gotoShapes, NULL},
    {"gotoBothWays", gotoBothWays, NULL},
    {NULL, NULL, NULL}};
