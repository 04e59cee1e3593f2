/*
 * remat.c — per-thread locals that are recomputed where they are used
 * instead of being kept per thread across barriers.
 *
 * Barrier fission keeps a local that lives across a split once per thread
 * (an array indexed by the thread id).  For values such as `int tx =
 * threadIdx.x` or `int row = blockIdx.y * TILE + threadIdx.y` that costs a
 * store and a load per use, and on the C target it hides from the C
 * compiler that the value is affine in the thread loop's counter:
 * `A[row * n + k]` becomes a gather and the loop does not vectorise.  A
 * local qualifies for recomputation when
 *  - it is declared once with an initializer and never written again (no
 *    assignment, ++/--, or address taken), has a scalar type (integer,
 *    floating point, pointer; not half), and is not one the caller keeps
 *    otherwise (the C emitter's per-block scalars);
 *  - its initializer is pure and cheap: literals, threadIdx / blockIdx /
 *    blockDim / gridDim, kernel parameters the kernel never writes, other
 *    qualifying locals, casts, `?:` and unary/binary operators other than
 *    division and remainder (slow, not vectorised on most CPUs, and they
 *    may trap);
 *  - it is not an operand of a warp or block collective (those are read
 *    for other lanes, outside the per-thread loops).
 * Nothing about memory or order can change by recomputing it, since the
 * inputs cannot.  Fission (fission.c) declares such a local again at the
 * head of each thread loop that reads it; the C emitter prints
 * `((T)(initializer))` at each use (c_expr.c).
 */
#include "remat.h"
#include "splits.h"
#include "walk.h"

typedef struct Remat {
  Arena *a;
  PtrVec written; /* KVar*: assigned, incremented or address taken */
  PtrVec decls;   /* KVar*: declared with an initializer (once) */
  PtrVec inits;   /* KExpr*: parallel to decls */
  PtrVec twice;   /* KVar*: declared more than once (inlined copies) */
} Remat;

/* Operands of a warp or block collective are read for other lanes, outside
 * any per-thread loop (fission): they stay variables. */
static bool pin_var(const KExpr *e, void *ctx) {
  Remat *R = ctx;
  if (e->kind == KE_VAR) vec_push(R->a, &R->written, e->var);
  return false;
}

static bool scan_expr(const KExpr *e, void *ctx) {
  Remat *R = ctx;
  KVar *v = kir_written_var(e);
  if (v) vec_push(R->a, &R->written, v);
  if (kir_is_collective(e))
    for (int i = 0; i < e->nargs; i++) kir_expr_any(e->args[i], pin_var, R);
  /* an array decaying to a pointer escapes too; arrays never qualify anyway */
  return false;
}

static bool scan_decl(const KStmt *s, void *ctx) {
  Remat *R = ctx;
  if (s->kind != KS_DECL || !s->var || s->var->kind != KV_LOCAL) return false;
  KExpr *init = s->init ? s->init : s->var->init;
  if (vec_find(&R->decls, s->var) >= 0) {
    vec_push(R->a, &R->twice, s->var);
  } else if (init) {
    vec_push(R->a, &R->decls, s->var);
    vec_push(R->a, &R->inits, init);
  } else {
    vec_push(R->a, &R->written, s->var); /* assigned later, if at all */
  }
  return false;
}

static bool scalar_type(const KType *t) {
  return t && kt_is_scalar(t) && t->kind != KT_F16;
}

static const KExpr *init_of(const Remat *R, const KVar *v) {
  for (int i = 0; i < R->decls.len; i++)
    if (R->decls.items[i] == v) return R->inits.items[i];
  return NULL;
}

static bool var_ok(const Remat *R, const KVar *v, int depth);

static bool pure_expr(const Remat *R, const KExpr *e, int depth) {
  if (!e || depth > 16) return false;
  switch (e->kind) {
  case KE_INT: case KE_FLOAT: return true;
  case KE_BVAR: return e->field >= 0 && e->field < 3;
  case KE_VAR:
    if (e->var->kind == KV_PARAM) return scalar_type(e->var->type) && vec_find(&R->written, e->var) < 0;
    return e->var->kind == KV_LOCAL && var_ok(R, e->var, depth + 1);
  case KE_CAST: return scalar_type(e->type) && pure_expr(R, e->a, depth);
  case KE_UNARY: return pure_expr(R, e->a, depth);
  case KE_BINARY:
    if (e->op == KOP_DIV || e->op == KOP_MOD) return false;
    return pure_expr(R, e->a, depth) && pure_expr(R, e->b, depth);
  case KE_COND:
    return pure_expr(R, e->a, depth) && pure_expr(R, e->b, depth) &&
           pure_expr(R, e->c, depth);
  default: return false;
  }
}

static bool var_ok(const Remat *R, const KVar *v, int depth) {
  if (v->as == AS_SHARED || v->is_static || !scalar_type(v->type)) return false;
  if (vec_find(&R->written, v) >= 0 || vec_find(&R->twice, v) >= 0) return false;
  const KExpr *init = init_of(R, v);
  return init && pure_expr(R, init, depth);
}

void kir_find_remat(Arena *a, const KStmt *body, bool (*skip)(const void *ctx, const KVar *v), const void *ctx,
                    KRemat *out) {
  out->vars.len = out->inits.len = 0;
  Remat R = {.a = a};
  kir_walk_any(body, scan_expr, scan_decl, &R);
  for (int i = 0; i < R.decls.len; i++) {
    KVar *v = R.decls.items[i];
    if ((skip && skip(ctx, v)) || !var_ok(&R, v, 0)) continue;
    vec_push(a, &out->vars, v);
    vec_push(a, &out->inits, R.inits.items[i]);
  }
}

const KExpr *kir_remat_init(const KRemat *r, const KVar *v) {
  for (int i = 0; i < r->vars.len; i++)
    if (r->vars.items[i] == v) return r->inits.items[i];
  return NULL;
}
