/*
 * fission_single.c — `if (threadIdx.x == K) S`, K the same for the whole
 * block (a block's result written by thread 0, a scan's total by the last
 * thread), in a kernel that fission splits.  Inside a thread loop the test
 * runs for every thread and the store to one address keeps the loop from
 * running several threads at once (SIMD on the WebAssembly target, the C
 * compiler's vectoriser on the CPU).  shapes.c (shared with the C
 * emitter) has ended the thread loop of the statements before it and
 * gives S as the statement of a loop of its own; this file marks that
 * loop: its `cond` holds K as an i64, so it runs S for the threads with
 * threadIdx.x == K only, one per row of the block (kir.h).  Locals that S
 * shares with the statements around it are kept per thread or recomputed
 * as for any split.  The test is column.c's; K is computable at block
 * level (blocklevel.c), as the block computes it once.
 */
#include "fission_internal.h"

void fis_column(void *t, KStmt *s, const KExpr *k, KShapeStep step) {
  Fis *f = t;
  f->loc = s->loc;
  if (step != KSS_CLOSE) return;
  KStmt *loop = fis_flush(f);
  loop->loc = s->loc;
  loop->cond = fis_ex_cast(f, f->m->t_i64, (KExpr *)k);
}
