/*
 * c_vector_width.c — kernels whose per-thread loops read shared memory a
 * changing distance away from the thread's own element run with 256-bit
 * vectors where the C compiler would use 512.
 *
 * A scan's or a tree reduction's rounds read `s[t - d]` or `s[t + k]`,
 * with d and k the same for the whole block and different in every round.
 * The per-thread loop vectorises, but its loads start a few floats off the
 * vector boundary, so with AVX-512 nearly every 64-byte load spans two of
 * the vectors the previous round has just stored; the loads wait for those
 * stores.  Half-width vectors split half as many loads.  Measured on the
 * 2-core AMD EPYC VM (AVX-512), bench_cpu's scanBlocks on one thread,
 * three alternating runs: 3.9-5.9 ms with 512-bit vectors, 2.8-2.9 with
 * 256-bit (8.2 once, in the VM's slow mode), 4.2-8.6 with 128-bit.  The
 * whole translation unit at 256 bits made compute-bound kernels slower
 * (sgemm 1.7-1.9 -> 2.0-2.1 ms, nbody 35.6-36.4 -> 40-43 ms on one
 * thread), so the choice is per kernel.
 *
 * The test: inside a loop whose body holds __syncthreads (its innermost
 * loop), an index of a shared array, its last (contiguous) subscript a
 * sum or difference of a term that varies with threadIdx.x and a
 * block-uniform term that is not a literal.  Constant distances (a
 * stencil's `s[t + 1]`), offsets looped over between two barriers (a
 * convolution's `tile[t + k]`: no store in flight) and indirect subscripts
 * (a histogram's `local[data[i]]`) do not count.  The generated kernel is
 * wrapped in CW_NARROW_VECTORS_BEGIN/END (the prelude: GCC with AVX-512
 * only).
 */
#include "c_internal.h"

static const KExpr *strip_casts(const KExpr *e) {
  while (e && e->kind == KE_CAST) e = e->a;
  return e;
}

/* e's value follows threadIdx.x (through recomputed locals). */
static bool follows_thread_x(const CEmit *ce, const KExpr *e, int depth) {
  if (!e || depth > 16) return false;
  if (e->kind == KE_BVAR) return e->bvar == KBV_THREAD_IDX && e->field == 0;
  if (e->kind == KE_VAR) {
    const KExpr *init = ce_remat_init(ce, e->var);
    return init && follows_thread_x(ce, init, depth + 1);
  }
  if (e->kind == KE_CALL || e->kind == KE_INDEX || e->kind == KE_DEREF) return false;
  return follows_thread_x(ce, e->a, depth) || follows_thread_x(ce, e->b, depth);
}

/* e is a literal, or a recomputed local that is one. */
static bool literal(const CEmit *ce, const KExpr *e) {
  e = strip_casts(e);
  if (e && e->kind == KE_VAR) {
    const KExpr *init = ce_remat_init(ce, e->var);
    if (init) e = strip_casts(init);
  }
  return e && (e->kind == KE_INT || e->kind == KE_FLOAT);
}

/* ix is `x ± u`: x follows threadIdx.x, u is uniform and not a literal. */
static bool moving_distance(const CEmit *ce, const KExpr *ix) {
  ix = strip_casts(ix);
  if (!ix || ix->kind != KE_BINARY || (ix->op != KOP_ADD && ix->op != KOP_SUB)) return false;
  for (int side = 0; side < 2; side++) {
    const KExpr *x = side ? ix->b : ix->a, *u = side ? ix->a : ix->b;
    if (ix->op == KOP_SUB && side) break; /* `u - x` runs backwards: not this pattern */
    if (follows_thread_x(ce, x, 0) && kir_expr_uniform(&ce->uni, u) && !literal(ce, u))
      return true;
  }
  return false;
}

/* e is `s[...][ix]` over a shared array. */
static bool shared_base(const KExpr *e) {
  while (e && (e->kind == KE_INDEX || e->kind == KE_CAST)) e = e->a;
  const KVar *v = e ? kexpr_var(e) : NULL;
  return v && v->as == AS_SHARED;
}

/* ctx: the CEmit */
static bool offset_shared_read(const KExpr *e, void *ctx) {
  return e->kind == KE_INDEX && shared_base(e->a) && moving_distance(ctx, e->b);
}

static bool block_barrier(const KStmt *s, void *ctx) {
  (void)ctx;
  return s->kind == KS_BARRIER && (s->scope == KBAR_BLOCK || s->scope == KBAR_GRID);
}

/* A read counts where the innermost loop around it holds a barrier (a
 * round): a stencil's loop over its offsets reads tile[t + k] without
 * one (c_interchange.c's virtual barriers do not count), and what it
 * reads was stored before the previous barrier. */
static bool round_reads(const CEmit *ce, const KStmt *s, bool in_round) {
  if (!s) return false;
  switch (s->kind) {
  case KS_BLOCK:
    for (int i = 0; i < s->nstmts; i++)
      if (round_reads(ce, s->stmts[i], in_round)) return true;
    return false;
  case KS_IF:
    return (in_round && kir_expr_any(s->cond, offset_shared_read, (void *)ce)) ||
           round_reads(ce, s->then, in_round) || round_reads(ce, s->els, in_round);
  case KS_LOOP: {
    const bool round = kir_walk_any(s->body, NULL, block_barrier, NULL);
    return round_reads(ce, s->init_stmt, in_round) || round_reads(ce, s->body, round) ||
           (round && (kir_expr_any(s->cond, offset_shared_read, (void *)ce) ||
                      kir_expr_any(s->step, offset_shared_read, (void *)ce)));
  }
  case KS_SWITCH:
    return (in_round && kir_expr_any(s->cond, offset_shared_read, (void *)ce)) ||
           round_reads(ce, s->body, in_round);
  default:
    return in_round && kir_walk_any(s, offset_shared_read, NULL, (void *)ce);
  }
}

bool ce_narrow_vectors(const CEmit *ce, const KStmt *body) {
  return round_reads(ce, body, false);
}
