/*
 * fission_scalars.c — block-uniform locals kept once per block.  A local
 * declared in the kernel's top-level statement list, never written
 * afterwards, whose initializer has the same value in every thread
 * (uniform.c) and can be computed at block level (it reads only the
 * kernel's parameters that it never writes, module variables, built-in
 * block indices and sizes, and other such locals), is declared at block
 * level instead of inside a thread loop: one variable for the block,
 * never per thread, and loops bounded by it (`for (t = 0; t < tiles; t++)`
 * around barriers) run at block level.  The declaration moves in front of
 * the thread loop being gathered, which is safe: nothing that loop does
 * can change the initializer's inputs, and nothing in it can read the
 * local, declared after it.  The C emitter has the same idea, broader
 * (c_fission.c's scalars, also assigned between its per-thread loops).
 * In a kernel with `return`, the block computes the value even when every
 * thread has returned, so there the initializer may not load through a
 * pointer or divide integers (kir_expr_may_trap: either may trap).
 */
#include "fission_internal.h"

typedef struct Count {
  const KVar *v;
  int n;
} Count;

static bool count_decl(const KStmt *s, void *ctx) {
  Count *c = ctx;
  c->n += s->kind == KS_DECL && s->var == c->v;
  return false;
}

static bool scalar_decl(Fis *f, const KStmt *body, const KStmt *s, bool exits) {
  if (s->kind != KS_DECL || !s->var) return false;
  const KVar *v = s->var;
  const KExpr *init = s->init ? s->init : v->init;
  if (v->kind != KV_LOCAL || v->as != AS_LOCAL || v->is_static || !kt_is_scalar(v->type) || !init ||
      init->kind == KE_INIT_LIST)
    return false;
  if (!kir_expr_uniform_but(&f->uni, init, &f->block_vars) || !fis_block_level(f, init, NULL)) return false;
  if (exits && kir_expr_may_trap(init)) return false;
  Count c = {v, 0};
  kir_walk_any(body, NULL, count_decl, &c);
  return c.n == 1 && !kir_stmt_writes_var(body, v);
}

void fis_find_scalars(Fis *f, const KStmt *body) {
  if (!body || body->kind != KS_BLOCK || f->uni.all_varying) return;
  bool exits = fis_stmt_has_kind(body, KS_RETURN);
  for (int i = 0; i < body->nstmts; i++)
    if (scalar_decl(f, body, body->stmts[i], exits)) {
      vec_push(f->a, &f->scalars, body->stmts[i]->var);
      vec_push(f->a, &f->block_vars, body->stmts[i]->var);
    }
}

bool fis_block_scalar(Fis *f, KStmt *s) {
  if (s->kind != KS_DECL || vec_find(&f->scalars, s->var) < 0) return false;
  vec_push(f->a, f->list, s); /* ahead of the thread loop being gathered */
  return true;
}
