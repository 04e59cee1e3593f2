/*
 * c_corner.c — guards whose value at two threads decides the whole block.
 *
 * Guard specialisation (c_fission.c, c_guard.c) counts, per block, the
 * threads that pass a kernel's guard (`if (i < n)`), to run a copy with the
 * test folded away when all or none pass.  The count is a loop over the
 * block's threads, which for a short kernel like saxpy costs a large part
 * of the block.  Most guards need no count: `i = blockIdx.x * blockDim.x +
 * threadIdx.x; if (i < n)` only grows with threadIdx, so it holds for all
 * threads exactly when it holds for the last one and for none exactly when
 * it fails for the first one.
 *
 * A guard qualifies when it is built from comparisons (<, <=, >, >=, and
 * `!`, &&, || over them) between a thread-dependent integer X and a
 * block-uniform value, where X is a sum of products of non-negative
 * bounded terms (c_index.c: it cannot wrap, so it never decreases when a
 * thread index grows), and every comparison moves the same way (all true
 * for small indices, or all for large ones).  Such a predicate is monotone
 * in each of threadIdx.x/y/z, so its values at thread (0,0,0) and at
 * (bdx-1, bdy-1, bdz-1) bound every other thread's.  Equality tests (a
 * stencil's border) and anything else keep the counting loop.
 */
#include "c_internal.h"

typedef struct Corner {
  const CEmit *ce;
  KStmt *const *decls;
  int n;
  KStmt *const *outer;
  int nouter;
  bool fast;
} Corner;

static const KExpr *lookup(const void *ctx, const KVar *v) {
  const Corner *c = ctx;
  for (int i = 0; i < c->n; i++)
    if (c->decls[i]->kind == KS_DECL && c->decls[i]->var == v) return c->decls[i]->init;
  for (int i = 0; i < c->nouter; i++)
    if (c->outer[i]->kind == KS_DECL && c->outer[i]->var == v) return c->outer[i]->init;
  return NULL;
}

static bool thread_dependent(const Corner *c, const KExpr *e, int depth) {
  if (!e || depth > 16) return false;
  if (e->kind == KE_BVAR) return e->bvar == KBV_THREAD_IDX || e->bvar == KBV_LANE_ID;
  if (e->kind == KE_VAR) {
    const KExpr *init = lookup(c, e->var);
    if (!init) init = ce_remat_init(c->ce, e->var);
    return init ? thread_dependent(c, init, depth + 1) : ce_is_varying_var(c->ce, e->var);
  }
  if (thread_dependent(c, e->a, depth) || thread_dependent(c, e->b, depth) ||
      thread_dependent(c, e->c, depth))
    return true;
  for (int i = 0; i < e->nargs; i++)
    if (thread_dependent(c, e->args[i], depth)) return true;
  return false;
}

enum { FLAT = 0, RISES = 1, FALLS = -1, MIXED = 2 };

/* Direction of the predicate e as the thread indices grow. */
static int direction(Corner *c, const KExpr *e) {
  if (!thread_dependent(c, e, 0)) return FLAT;
  if (e->kind == KE_UNARY && e->op == KOP_NOT) {
    int d = direction(c, e->a);
    return d == MIXED ? MIXED : -d;
  }
  if (e->kind != KE_BINARY) return MIXED;
  if (e->op == KOP_LAND || e->op == KOP_LOR) {
    int a = direction(c, e->a), b = direction(c, e->b);
    if (a == MIXED || b == MIXED || (a && b && a != b)) return MIXED;
    return a ? a : b;
  }
  bool lt = e->op == KOP_LT || e->op == KOP_LE, gt = e->op == KOP_GT || e->op == KOP_GE;
  if (!lt && !gt) return MIXED;
  bool ta = thread_dependent(c, e->a, 0), tb = thread_dependent(c, e->b, 0);
  if (ta == tb) return MIXED; /* both sides move (or neither, handled above) */
  const KExpr *x = ta ? e->a : e->b;
  CeResolver r = {lookup, c};
  if (!kt_is_int(x->type) || !ce_index_bounded(c->ce, x, &r, &c->fast)) return MIXED;
  /* x < B falls as x grows; B < x rises */
  return (lt == ta) ? FALLS : RISES;
}

bool ce_guard_monotone(const CEmit *ce, const KExpr *cond, KStmt *const *decls, int n,
                       KStmt *const *outer, int nouter, bool *fast) {
  Corner c = {ce, decls, n, outer, nouter, false};
  int d = direction(&c, cond);
  *fast = c.fast;
  return d == RISES || d == FALLS;
}
