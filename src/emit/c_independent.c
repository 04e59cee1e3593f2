/*
 * c_independent.c — per-thread loops whose iterations the C compiler may
 * treat as independent.
 *
 * Between two barriers CUDA orders nothing between the threads of a
 * block: a thread reading what another writes there is a data race, so
 * the iterations of a per-thread loop carry no dependences the compiler
 * must keep, and c_fission.c marks such loops `#pragma GCC ivdep`
 * (CW_FOR_EACH_THREAD_INDEP in the prelude).  GCC then vectorises them
 * without run-time alias checks, which for small blocks (a 32-thread row)
 * cost more than the loop and send every row down the scalar path.
 *
 * The exceptions CUDA does define are left alone: atomics (threads may
 * update one address; shared-memory atomics are plain read-modify-writes
 * in the generated C), volatile accesses (warp-synchronous code written
 * before __syncwarp existed), and calls to device functions that contain
 * either.  A loop holding any of them keeps the plain macro.
 *
 * Such a loop stays scalar, and where its body is a few operations (a
 * histogram's `atomicAdd(&local[data[i]], 1)`: a byte load and an
 * increment in memory) the loop's own counter, compare and branch are as
 * much work as the body: a small one is unrolled four times
 * (CW_FOR_EACH_THREAD_UNROLLED).  bench_cpu's histogram, one thread,
 * 2-core AMD EPYC VM, five alternating pairs: 11.37-11.56 ms as one
 * iteration per thread, 10.30-10.70 unrolled (OpenMP's loop, the same five
 * instructions, not unrolled: 10.1-10.5).  Unrolling every per-thread loop
 * instead made the vectorised ones of the float sum slower.
 */
#include "c_internal.h"

static bool dependent_stmt(const KStmt *s, void *ctx) {
  (void)ctx;
  return s->kind == KS_DECL && s->var && s->var->type && s->var->type->is_volatile;
}

static bool dependent_expr(const KExpr *e, void *ctx) {
  (void)ctx;
  if (e->type && e->type->is_volatile) return true;
  if (e->kind == KE_BUILTIN) {
    const KBuiltinInfo *info = kb_info(e->builtin);
    if (!info || info->cls == KBC_ATOMIC) return true;
  }
  return (e->kind == KE_DEREF || e->kind == KE_INDEX) && e->a && e->a->type &&
         e->a->type->elem && e->a->type->elem->is_volatile;
}

bool ce_ptl_independent(KStmt *const *stmts, int n) {
  for (int i = 0; i < n; i++)
    if (kir_walk_any_through_calls(stmts[i], dependent_expr, dependent_stmt, NULL)) return false;
  return true;
}

/* ctx: the expression nodes left (int *) */
static bool large_expr(const KExpr *e, void *ctx) {
  int *left = ctx;
  return e->kind == KE_CALL || --*left < 0;
}

static bool large_stmt(const KStmt *s, void *ctx) {
  (void)ctx;
  return s->kind == KS_LOOP || s->kind == KS_SWITCH || s->kind == KS_GOTO || s->kind == KS_LABEL;
}

bool ce_ptl_small(KStmt *const *stmts, int n) {
  int left = 40;
  for (int i = 0; i < n; i++)
    if (kir_walk_any(stmts[i], large_expr, large_stmt, &left)) return false;
  return true;
}
