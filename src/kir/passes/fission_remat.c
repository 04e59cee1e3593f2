/*
 * fission_remat.c — locals recomputed instead of kept per thread (the
 * choice is remat.c's, shared with the C emitter).  Such a local keeps its
 * declaration in the thread loop where the source declared it, and every
 * later thread loop that reads it declares it again at its head, with the
 * same initializer: it then never appears in KFission.per_thread.  Since
 * an initializer reads only literals, built-in indices, parameters the
 * kernel never writes and other recomputed locals (declared before it),
 * the copies at a loop's head are placed in declaration order and compute
 * the same value as the original.
 */
#include "fission_internal.h"

#include <string.h>

typedef struct LoopVars {
  const KRemat *r;
  Arena *a;
  PtrVec used, declared; /* KVar*: recomputed locals the loop reads / declares */
} LoopVars;

static bool see_use(const KExpr *e, void *ctx) {
  LoopVars *L = ctx;
  if (e->kind == KE_VAR && kir_remat_init(L->r, e->var) && vec_find(&L->used, e->var) < 0)
    vec_push(L->a, &L->used, e->var);
  return false;
}

static bool see_decl(const KStmt *s, void *ctx) {
  LoopVars *L = ctx;
  if (s->kind == KS_DECL && kir_remat_init(L->r, s->var)) {
    vec_push(L->a, &L->declared, s->var);
    if (s->var->init) kir_expr_any(s->var->init, see_use, L);
  }
  return false;
}

/* The thread loop's body with the recomputed locals it reads but does not
 * declare (and those their initializers read) declared at its head. */
static void redeclare(Fis *f, KStmt *loop) {
  LoopVars L = {.r = &f->remat, .a = f->a};
  kir_walk_any(loop->body, see_use, see_decl, &L);
  for (int i = 0; i < L.used.len; i++) /* grows: what the initializers read */
    kir_expr_any(kir_remat_init(L.r, L.used.items[i]), see_use, &L);
  PtrVec head = {0};
  for (int i = 0; i < L.r->vars.len; i++) {
    KVar *v = L.r->vars.items[i];
    if (vec_find(&L.used, v) >= 0 && vec_find(&L.declared, v) < 0)
      vec_push(f->a, &head, fis_st_decl_init(f, v, (KExpr *)L.r->inits.items[i]));
  }
  if (!head.len) return;
  KStmt *b = loop->body;
  KStmt **items = arena_alloc(f->a, sizeof *items * (size_t)(head.len + b->nstmts));
  memcpy(items, head.items, sizeof *items * (size_t)head.len);
  memcpy(items + head.len, b->stmts, sizeof *items * (size_t)b->nstmts);
  loop->body = fis_st_block(f, items, head.len + b->nstmts);
}

static void visit(Fis *f, KStmt *s) {
  if (!s) return;
  if (s->kind == KS_LOOP && s->loop_kind == KLOOP_THREADS) return redeclare(f, s);
  for (int i = 0; i < s->nstmts; i++) visit(f, s->stmts[i]);
  visit(f, s->then);
  visit(f, s->els);
  visit(f, s->body);
}

void fis_rematerialise(Fis *f, const KStmt *source) {
  kir_find_remat(f->a, source, NULL, NULL, &f->remat);
  if (f->remat.vars.len) visit(f, f->out->body);
}
