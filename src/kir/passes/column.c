/*
 * column.c — `threadIdx.x == K` recognised in a condition.  A block has at
 * most 1024 threads in x, so the index survives any cast to an integer of
 * 16 bits or more unchanged, and `(T)threadIdx.x == K` holds exactly when
 * threadIdx.x equals K's value (none when K is outside [0, blockDim.x)).
 * A recomputed local (remat.c) stands for its initializer; other locals
 * could have been changed since and are not looked through.
 */
#include "column.h"

static bool is_thread_x(const KExpr *e, const KRemat *r, int depth) {
  if (!e || depth > 16) return false;
  if (e->kind == KE_CAST) return kt_is_int(e->type) && e->type->size >= 2 && is_thread_x(e->a, r, depth + 1);
  if (e->kind == KE_BVAR) return e->bvar == KBV_THREAD_IDX && e->field == 0;
  if (e->kind == KE_VAR && r) return is_thread_x(kir_remat_init(r, e->var), r, depth + 1);
  return false;
}

const KExpr *kir_thread_x_equals(const KExpr *cond, const KRemat *r) {
  if (!cond || cond->kind != KE_BINARY || cond->op != KOP_EQ) return NULL;
  if (is_thread_x(cond->a, r, 0)) return cond->b;
  if (is_thread_x(cond->b, r, 0)) return cond->a;
  return NULL;
}
