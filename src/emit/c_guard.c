/*
 * c_guard.c — finds the guard of a per-thread loop, so that c_fission.c
 * can specialise the loop for blocks where the guard is the same for all
 * threads.
 *
 * Most CUDA kernels open with `int i = blockIdx.x * blockDim.x +
 * threadIdx.x; if (i < n) ...` (or `if (i >= n) return;`).  Compiled as
 * written, the per-thread loop carries the test for every thread, and the
 * C compiler can vectorise it only with masked loads and stores, which are
 * slow (microcoded on AMD) or impossible.  Yet in all blocks but the last
 * the test holds for every thread.  The guard is the first `if` of the
 * loop body when everything before it is a declaration, and the condition
 * and those initialisers are pure: constants, parameters, builtin
 * variables, the declared locals, arithmetic, casts and `?:` — no memory,
 * calls or assignments, so evaluating them once more in a counting loop
 * before the real one gives the same values and cannot fault where the
 * kernel would not.
 */
#include "c_internal.h"

typedef struct Decls { KStmt *const *a; int na; KStmt *const *b; int nb; } Decls;

static bool declared(const Decls *d, const KVar *v) {
  for (int i = 0; i < d->na; i++)
    if (d->a[i]->var == v) return true;
  for (int i = 0; i < d->nb; i++)
    if (d->b[i]->var == v) return true;
  return false;
}

static bool pure_expr(const KExpr *e, const Decls *d) {
  if (!e) return true;
  switch (e->kind) {
  case KE_INT:
  case KE_FLOAT:
  case KE_BVAR: return true;
  case KE_VAR:
    if (e->var->kind == KV_PARAM) return true;
    if (e->var->kind != KV_LOCAL || e->var->is_static) return false;
    return declared(d, e->var);
  case KE_UNARY:
  case KE_CAST: return pure_expr(e->a, d);
  case KE_BINARY:
    return pure_expr(e->a, d) && pure_expr(e->b, d);
  case KE_COND:
    return pure_expr(e->a, d) && pure_expr(e->b, d) &&
           pure_expr(e->c, d);
  default: return false;
  }
}

static bool scalar_type(const KType *t) {
  return t && t->kind != KT_ARRAY && t->kind != KT_STRUCT && t->kind != KT_VOID;
}

/* User labels would be defined once per copy of the loop. */
static bool has_label(const KStmt *s) {
  if (!s) return false;
  if (s->kind == KS_LABEL) return true;
  for (int i = 0; i < s->nstmts; i++)
    if (has_label(s->stmts[i])) return true;
  return has_label(s->then) || has_label(s->els) || has_label(s->body);
}

KStmt *const *ce_unwrap_blocks(KStmt *const *stmts, int *n) {
  while (*n == 1 && stmts[0]->kind == KS_BLOCK) {
    *n = stmts[0]->nstmts;
    stmts = stmts[0]->stmts;
  }
  return stmts;
}

const KStmt *ce_find_guard(KStmt *const *stmts, int n, KStmt *const *outer, int nouter,
                           KStmt *const **list, int *nlist) {
  for (int i = 0; i < n; i++)
    if (has_label(stmts[i])) return NULL;
  stmts = ce_unwrap_blocks(stmts, &n);
  for (int i = 0; i < n; i++) {
    const KStmt *s = stmts[i];
    Decls d = {stmts, i, outer, nouter};
    if (s->kind == KS_IF) {
      if (!pure_expr(s->cond, &d)) return NULL;
      *list = stmts;
      *nlist = i;
      return s;
    }
    if (s->kind != KS_DECL || !s->init || !scalar_type(s->var->type) ||
        s->var->is_static || !pure_expr(s->init, &d))
      return NULL;
  }
  return NULL;
}
