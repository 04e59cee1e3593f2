/*
 * fission_remat.c — locals recomputed instead of kept per thread (the
 * choice is remat.c's, shared with the C emitter).  Such a local keeps its
 * declaration in the thread loop where the source declared it, and every
 * later thread loop that reads it declares it again at its head, with the
 * same initializer: it then never appears in KFission.per_thread.  A
 * loop's own declaration that the loop does not read goes (later loops
 * declare it again), and a loop left with nothing but its guards goes
 * too (a versioned index computed for later loops left such loops).  Since
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

/* `if (x op k) return;`: a guard at the head of a thread loop (it only
 * skips threads) */
static bool is_guard(const KStmt *s) {
  return s->kind == KS_IF && !s->els && s->then && s->then->kind == KS_RETURN;
}

/* The thread loop's body with the recomputed locals it reads but does not
 * declare (and those their initializers read) declared at its head, and
 * its own declarations of recomputed locals it does not read dropped
 * (every later loop declares them again).  False when nothing is left but
 * guards: the loop does nothing. */
static bool redeclare(Fis *f, KStmt *loop) {
  KStmt *b = loop->body;
  int n = b->nstmts;
  bool *dropped = arena_alloc(f->a, (size_t)n + 1);
  LoopVars L;
  for (bool changed = true; changed;) {
    L = (LoopVars){.r = &f->remat, .a = f->a};
    for (int i = 0; i < n; i++)
      if (!dropped[i]) kir_walk_any(b->stmts[i], see_use, see_decl, &L);
    changed = false;
    for (int i = 0; i < n; i++) {
      KStmt *s = b->stmts[i];
      if (!dropped[i] && s->kind == KS_DECL && kir_remat_init(L.r, s->var) && vec_find(&L.used, s->var) < 0)
        dropped[i] = changed = true;
    }
  }
  for (int i = 0; i < L.used.len; i++) /* grows: what the initializers read */
    kir_expr_any(kir_remat_init(L.r, L.used.items[i]), see_use, &L);
  PtrVec items = {0};
  for (int i = 0; i < L.r->vars.len; i++) {
    KVar *v = L.r->vars.items[i];
    if (vec_find(&L.used, v) >= 0 && vec_find(&L.declared, v) < 0)
      vec_push(f->a, &items, fis_st_decl_init(f, v, (KExpr *)L.r->inits.items[i]));
  }
  bool work = items.len > 0;
  for (int i = 0; i < n; i++)
    if (!dropped[i]) {
      vec_push(f->a, &items, b->stmts[i]);
      work |= !is_guard(b->stmts[i]);
    }
  loop->body = fis_st_block(f, (KStmt **)items.items, items.len);
  return work;
}

/* thread loops in s's statement lists, with the loops that do nothing
 * taken out */
static void visit(Fis *f, KStmt *s) {
  if (!s) return;
  int kept = 0;
  for (int i = 0; i < s->nstmts; i++) {
    KStmt *x = s->stmts[i];
    if (x->kind == KS_LOOP && x->loop_kind == KLOOP_THREADS) {
      if (!redeclare(f, x)) continue;
    } else {
      visit(f, x);
    }
    s->stmts[kept++] = x;
  }
  s->nstmts = kept;
  if (s->kind == KS_LOOP && s->loop_kind == KLOOP_THREADS) return;
  visit(f, s->then);
  visit(f, s->els);
  visit(f, s->body);
}

/* a block-level scalar is one variable for the block: not recomputed */
static bool is_scalar(const void *f, const KVar *v) { return kir_block_is_scalar(&((const Fis *)f)->bl, v); }

void fis_find_remat(Fis *f, const KStmt *source) { kir_find_remat(f->a, source, is_scalar, f, &f->remat); }

void fis_rematerialise(Fis *f) {
  if (f->remat.vars.len) visit(f, f->out->body);
}
