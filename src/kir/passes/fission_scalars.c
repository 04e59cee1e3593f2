/*
 * fission_scalars.c — block scalars placed between the thread loops.
 * Which locals are kept once per block, and which statements only declare
 * or assign them with values the block computes, is blocklevel.c's
 * decision (shared with the C emitter): a scan's `cur ^= 1` in its uniform
 * loop, `int tiles = (cols + 31) / 32` ahead of a block-level loop bounded
 * by it.  Such a statement becomes a statement of the block: a
 * declaration moves in front of the thread loop being gathered (nothing in
 * that loop can read the local, declared after it, nor change its value's
 * inputs, which are block-level); an assignment does too unless that loop
 * reads what it writes, in which case the loop ends first.
 */
#include "fission_internal.h"

#include <string.h>

static bool reads_any(const KExpr *e, void *ctx) {
  return e->kind == KE_VAR && vec_find(ctx, e->var) >= 0;
}

void fis_block_scalar(Fis *f, KStmt *s) {
  if (s->kind != KS_DECL) { /* the thread loop being gathered reads it: that loop first */
    PtrVec w;
    memset(&w, 0, sizeof w);
    kir_block_writes(f->a, s, &w);
    for (int i = 0; i < f->pending.len; i++)
      if (kir_walk_any(f->pending.items[i], reads_any, NULL, &w)) {
        fis_flush(f);
        break;
      }
  }
  vec_push(f->a, f->list, s); /* ahead of the thread loop being gathered */
}

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
