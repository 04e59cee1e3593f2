/*
 * fission_collective.c — warp functions and __syncthreads_count/and/or
 * for barrier fission: `T x = collective(…);` as the thread loops of warp
 * lowering (warp.c: exchange arrays, each lane's result as
 * CUDA defines it), which the C emitter uses too.  lower_splits.c (shared
 * with the C emitter) has already made each collective the initializer of
 * a declaration of its own (`T x = collective(…);`).
 */
#include "fission_internal.h"

#include <string.h>

/* A collective lowered by warp.c, placed between thread loops: its
 * block-level declarations, a loop over every thread (clear), one over
 * the threads that reach it (publish), one over every thread (gather),
 * and its result at the head of the thread loop that goes on with the
 * statement. */
void fis_place_collective(Fis *f, KExpr *c, KVar *res) {
  KCollective k;
  if (!fis_lower_collective(f, c, res, &k)) return;
  PtrVec crossing = {0};
  kir_collective_crossing(f->a, &k, &crossing);
  for (int i = 0; i < crossing.len; i++) fis_keep_per_thread(f, crossing.items[i]);
  fis_flush(f);
  for (int i = 0; i < k.block.len; i++) fis_block_stmt(f, k.block.items[i]);
  KCollectiveLoop loops[4];
  int n = kir_collective_loops(&k, f->nguards > 0, loops), saved = f->nguards;
  for (int i = 0; i < n; i++) {
    f->nguards = loops[i].every_thread ? 0 : saved;
    for (int j = 0; j < loops[i].stmts->len; j++) fis_thread_stmt(f, loops[i].stmts->items[j]);
    if (loops[i].stmts != &k.result) fis_flush(f); /* the result's goes on with the statements after it */
    f->nguards = saved;
  }
}
