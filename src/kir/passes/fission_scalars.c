/*
 * fission_scalars.c — a check on block scalars in barrier fission.
 * Which locals are kept once per block, and which statements only declare
 * or assign them with values the block computes, is blocklevel.c's
 * decision; where such a statement goes (ahead of the thread loop being
 * gathered, or after it when that loop reads what it writes) is shapes.c's
 * (both shared with the C emitter).  A scalar that nevertheless ends up
 * written inside a thread loop is a bug of that placement: an error, not
 * a wrong answer.
 */
#include "fission_internal.h"

#include <string.h>

/* a scalar written inside a thread loop: the placement and blocklevel.c's
 * walk disagree, which would give every thread its own copy of one
 * variable of the block */
static bool loop_writes_scalar(const KStmt *s, void *ctx) {
  Fis *f = ctx;
  if (s->kind != KS_LOOP || s->loop_kind != KLOOP_THREADS) return false;
  PtrVec w;
  memset(&w, 0, sizeof w);
  kir_block_writes(f->a, s->body, &w);
  for (int i = 0; i < w.len; i++)
    if (kir_block_is_scalar(&f->bl, w.items[i])) return true;
  return false;
}

void fis_check_scalars(Fis *f) {
  if (f->bl.scalars.len && kir_walk_any(f->out->body, NULL, loop_writes_scalar, f))
    fis_error(f, f->kernel->loc, "internal error: a block-level local written per thread (barrier fission)");
}
