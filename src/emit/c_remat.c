/*
 * c_remat.c — the C emitter's side of recomputed locals (which ones: the
 * KIR pass src/kir/passes/remat.c, run by ce_kernel with the kernel's
 * block-wide scalars excluded): the lookup c.c and c_expr.c make before
 * printing a local, and whether an expression can be recomputed inside a
 * per-thread loop (also over block-wide scalars, which stay constant
 * through one), for the emitter's loop and guard shortcuts.  Kernels run
 * as coroutines (c_fiber.c) keep ordinary locals.
 */
#include "c_internal.h"

static bool scalar_type(const KType *t) {
  return t && kt_is_scalar(t) && t->kind != KT_F16;
}

const KExpr *ce_remat_init(const CEmit *ce, const KVar *v) {
  if (!ce->in_kernel || ce->fiber) return NULL;
  return kir_remat_init(&ce->remat, v);
}

static bool recomputable(const CEmit *ce, const KExpr *e, const KVar *extra) {
  if (!e) return true;
  switch (e->kind) {
  case KE_INT: case KE_FLOAT: return true;
  case KE_BVAR: return e->field >= 0 && e->field < 3;
  case KE_VAR:
    if (e->var == extra || e->var->kind == KV_PARAM) return scalar_type(e->var->type);
    /* a block-uniform scalar is assigned between per-thread loops only, so
     * it keeps its value through any one of them */
    return e->var->kind == KV_LOCAL &&
           (ce_remat_init(ce, e->var) != NULL || (ce_is_scalar(ce, e->var) && scalar_type(e->var->type)));
  case KE_CAST: case KE_UNARY: case KE_BINARY: case KE_COND:
    return (e->kind != KE_CAST || scalar_type(e->type)) && recomputable(ce, e->a, extra) &&
           recomputable(ce, e->b, extra) && recomputable(ce, e->c, extra);
  default: return false;
  }
}

bool ce_expr_recomputable(const CEmit *ce, const KExpr *e, const KVar *extra) {
  return e && recomputable(ce, e, extra);
}
