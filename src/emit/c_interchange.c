/*
 * c_interchange.c — lets the threads of a block step through a loop
 * together instead of one after another.
 *
 * A per-thread loop (c_fission.c) runs each thread's whole body before the
 * next thread starts.  When that body holds a loop, every thread walks the
 * loop alone: a grid-stride loop (`for (i = tid; i < n; i += stride)`)
 * then touches one element per cache line before moving to the next
 * thread, and a loop accumulating into a per-thread value (SGEMM's k
 * loop, n-body's j loop) is a serial reduction the C compiler cannot
 * vectorise.  Between two barriers CUDA fixes no order between threads,
 * so any interleaving that keeps each thread's own order is correct:
 * this pass marks such loops with a "virtual" barrier at the end of their
 * body (KS_BARRIER, scope KBAR_VIRTUAL), and fission then emits the loop
 * around a per-thread loop over its body — one C loop for the block when
 * the trip count is block-uniform, the per-thread state loop otherwise —
 * so consecutive threads touch consecutive elements and the innermost C
 * loop runs across threads, which vectorises.
 *
 * Which loops: a loop whose body reads or writes memory through an index
 * or pointer, and that is not inside a varying `if` or a `switch` (there a
 * state loop would sweep all threads to serve a few), in a kernel fission
 * handles (no goto, see c_fiber.c).  Nested loops are each marked, so the
 * innermost per-thread loop is the innermost loop's body.  A loop runs at
 * most once per call of a device function that was not inlined: only the
 * kernel's own loops are considered.
 */
#include "c_internal.h"

static bool is_memory_access(const KExpr *e, void *ctx) {
  (void)ctx;
  return e->kind == KE_INDEX || e->kind == KE_DEREF;
}

static bool touches_memory(const KStmt *s) {
  return kir_walk_any(s, is_memory_access, NULL, NULL);
}

static void mark(CEmit *ce, KStmt *s) {
  if (!s) return;
  switch (s->kind) {
  case KS_BLOCK:
    for (int i = 0; i < s->nstmts; i++) mark(ce, s->stmts[i]);
    return;
  case KS_IF:
    if (!kir_expr_uniform(&ce->uni, s->cond)) return;
    mark(ce, s->then);
    mark(ce, s->els);
    return;
  case KS_LOOP: {
    if (s->label || !touches_memory(s->body)) return; /* inlined wrappers stay */
    mark(ce, s->body);
    KStmt *bar = arena_alloc(&ce->arena, sizeof *bar);
    bar->kind = KS_BARRIER;
    bar->scope = KBAR_VIRTUAL;
    bar->loc = s->loc;
    KStmt *blk = arena_alloc(&ce->arena, sizeof *blk);
    blk->kind = KS_BLOCK;
    blk->loc = s->body ? s->body->loc : s->loc;
    blk->nstmts = s->body ? 2 : 1;
    blk->stmts = arena_alloc(&ce->arena, sizeof(KStmt *) * (size_t)blk->nstmts);
    blk->stmts[0] = s->body ? s->body : bar;
    if (s->body) blk->stmts[1] = bar;
    s->body = blk;
    return;
  }
  default: return;
  }
}

void ce_interchange_loops(CEmit *ce, KStmt *body) {
  if (kir_has_jump(body)) return; /* a jump could cross the new split points */
  kir_uniformity(&ce->arena, body, &ce->uni);
  mark(ce, body);
}
