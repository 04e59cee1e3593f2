/*
 * fission_single.c — `if (threadIdx.x == K) S`, K the same for the whole
 * block (a block's result written by thread 0, a scan's total by the last
 * thread), in a kernel that fission splits.  Inside a thread loop the test
 * runs for every thread and the store to one address keeps the loop from
 * running several threads at once (SIMD on the WebAssembly target, the C
 * compiler's vectoriser on the CPU).  The statement becomes a thread loop
 * of its own whose `cond` holds K as an i64: it runs S for the threads
 * with threadIdx.x == K only, one per row of the block (kir.h), after the
 * thread loop of the statements before it and before the one of those
 * after it.  Each thread still runs its statements in order; between
 * barriers, threads are unordered, so running the column's turn between
 * the others' changes nothing, and locals that S shares with the
 * statements around it are kept per thread or recomputed as for any split.
 * The test is column.c's (shared with the C emitter, which runs such a
 * statement over the rows of the block too); K must be computable at
 * block level (blocklevel.c), as the block computes it once.
 */
#include "fission_internal.h"

void fis_single_thread(Fis *f, KStmt *s, const KExpr *k) {
  fis_flush(f);
  fis_thread_stmt(f, fis_rewrite_jumps(f, s->then));
  KStmt *loop = fis_flush(f);
  loop->loc = s->loc;
  loop->cond = fis_ex_cast(f, f->m->t_i64, (KExpr *)k);
}
