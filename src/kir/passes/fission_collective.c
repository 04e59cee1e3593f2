/*
 * fission_collective.c — warp functions and __syncthreads_count/and/or
 * for barrier fission: the steps of `T x = collective(…);` as KIR.  Which
 * steps run in which order, which locals are kept per thread and where
 * the thread loops end is shapes.c's place_collective (shared with the C
 * emitter); the steps themselves are warp lowering's (warp.c: exchange
 * arrays, each lane's result as CUDA defines it).  lower_splits.c (shared
 * with the C emitter) has already made each collective the initializer of
 * a declaration of its own.
 */
#include "fission_internal.h"

bool fis_lower_collective_decl(void *t, KStmt *s, KCollective *k) {
  Fis *f = t;
  return fis_lower_collective(f, s->init, s->var, k);
}

/* the exchange arrays' declarations, an accumulator's reset: once for the block */
void fis_collective_block(void *t, KStmt *s, const KCollective *k) {
  Fis *f = t;
  (void)s;
  for (int i = 0; i < k->block.len; i++) fis_block_stmt(f, k->block.items[i]);
}

/* one thread loop of the collective: over every thread (no guard) or the
 * threads the guards around let through */
void fis_collective_loop(void *t, const PtrVec *stmts, bool every_thread, bool ends) {
  Fis *f = t;
  int saved = f->nguards;
  if (every_thread) f->nguards = 0;
  for (int j = 0; j < stmts->len; j++) fis_thread_stmt(f, stmts->items[j]);
  if (ends) fis_flush(f);
  f->nguards = saved;
}

bool fis_guarded(void *t) { return ((Fis *)t)->nguards > 0; }
