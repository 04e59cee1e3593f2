/*
 * fission_scalars.c — block-uniform locals kept once per block ("scalars").
 * A local of the kernel declared once, with the same value in every thread
 * (uniform.c), whose every write — its declaration included — can run once
 * for the block is one variable of the block, never per thread: its
 * declaration and assignments are statements of the block between the
 * thread loops, and loops and ifs whose conditions read it run at block
 * level (`int tiles = (cols + 31) / 32; for (t < tiles) { barriers }`, a
 * scan's `cur ^= 1` in its uniform loop).
 *
 * A write can run once for the block when it sits where fission keeps
 * block-level control (the kernel's top-level list, the branches of a
 * uniform if, the bodies of uniform loops: never under a per-thread
 * predicate or loop state, in a switch or an inlined function) and is a
 * declaration or an assignment (`=`, `op=`, `++`) of the local whose value
 * reads only other scalars, the variables of the block-level loops around
 * it, parameters the kernel never writes, module variables and built-in
 * block indices and sizes.  Which locals qualify depends on which loops
 * and ifs are uniform, which depends on the scalars, so the set is found
 * as a fixpoint, as the C emitter finds its own (c_fission.c): start from
 * every candidate, walk the body the way fission.c will split it, drop
 * those written anywhere else, until nothing changes.
 *
 * Placement: a declaration moves in front of the thread loop being
 * gathered (nothing in that loop can read the local, declared after it,
 * nor change its initializer's inputs); an assignment does too unless that
 * loop reads the local, in which case the loop ends first.
 * In a kernel with `return`, the block computes the value even when every
 * thread has returned, so there the value may not load through a pointer
 * or divide integers (kir_expr_may_trap: either may trap).
 */
#include "fission_internal.h"

#include <string.h>

typedef struct Count {
  const KVar *v;
  int n;
} Count;

static bool count_decl(const KStmt *s, void *ctx) {
  Count *c = ctx;
  c->n += s->kind == KS_DECL && s->var == c->v;
  return false;
}

static const KExpr *decl_init(const KStmt *s) { return s->init ? s->init : s->var->init; }

/* can be computed once for the block, here */
static bool block_value(Fis *f, const KExpr *e) {
  return e && e->kind != KE_INIT_LIST && fis_block_value(f, e, NULL);
}

static bool hoistable_expr(Fis *f, const KExpr *e) {
  if (!e) return false;
  if (e->kind == KE_COMMA) return hoistable_expr(f, e->a) && hoistable_expr(f, e->b);
  if (e->kind != KE_ASSIGN && e->kind != KE_INCDEC) return false;
  if (e->a->kind != KE_VAR || vec_find(&f->scalars, e->a->var) < 0) return false;
  return !e->b || block_value(f, e->b);
}

/* s (without barriers) only declares or assigns scalars, with values the
 * block can compute: it runs once for the block */
static bool hoistable(Fis *f, const KStmt *s) {
  if (!s || f->general) return false;
  switch (s->kind) {
  case KS_DECL: return vec_find(&f->scalars, s->var) >= 0 && (!decl_init(s) || block_value(f, decl_init(s)));
  case KS_EXPR: return hoistable_expr(f, s->e);
  case KS_BLOCK:
    for (int i = 0; i < s->nstmts; i++)
      if (!hoistable(f, s->stmts[i])) return false;
    return s->nstmts > 0;
  default: return false;
  }
}

static bool note_write(const KExpr *e, void *ctx) {
  Fis *f = ((void **)ctx)[0];
  PtrVec *out = ((void **)ctx)[1];
  KVar *v = kir_written_var(e);
  if (v && vec_find(out, v) < 0) vec_push(f->a, out, v);
  return false;
}

static bool note_decl(const KStmt *s, void *ctx) {
  Fis *f = ((void **)ctx)[0];
  PtrVec *out = ((void **)ctx)[1];
  if (s->kind == KS_DECL && vec_find(out, s->var) < 0) vec_push(f->a, out, s->var);
  return false;
}

/* every local s writes or declares, into out */
static void writes_of(Fis *f, const KStmt *s, PtrVec *out) {
  void *ctx[2] = {f, out};
  kir_walk_any(s, note_write, note_decl, ctx);
}

/* Mirrors fis_split_stmt: the locals written outside block-level control. */
static void place(Fis *f, KStmt *s, PtrVec *bad) {
  if (!s) return;
  if (!kir_stmt_has_split(s)) {
    if (!hoistable(f, s)) writes_of(f, s, bad);
    return;
  }
  switch (s->kind) {
  case KS_BLOCK:
    for (int i = 0; i < s->nstmts; i++) place(f, s->stmts[i], bad);
    return;
  case KS_IF:
    if (kir_expr_has_split(s->cond) || !fis_uniform_if(f, s)) break;
    place(f, s->then, bad);
    place(f, s->els, bad);
    return;
  case KS_LOOP:
    if (kir_stmt_has_split(s->init_stmt) || !fis_uniform_loop(f, s)) break;
    if (s->init_stmt) vec_push(f->a, &f->block_vars, s->init_stmt->var);
    place(f, s->body, bad);
    if (s->init_stmt) f->block_vars.len--;
    return;
  default: break;
  }
  writes_of(f, s, bad);
}

static bool candidate(const KStmt *s, void *ctx) {
  Fis *f = ((void **)ctx)[0];
  const KStmt *body = ((void **)ctx)[1];
  if (s->kind != KS_DECL || !s->var) return false;
  const KVar *v = s->var;
  const KExpr *init = decl_init(s);
  if (v->kind != KV_LOCAL || v->as != AS_LOCAL || v->is_static || !kt_is_scalar(v->type) ||
      (init && init->kind == KE_INIT_LIST) || kir_is_varying_var(&f->uni, v) || vec_find(&f->scalars, v) >= 0)
    return false;
  Count c = {v, 0};
  kir_walk_any(body, NULL, count_decl, &c);
  if (c.n == 1) vec_push(f->a, &f->scalars, (void *)v);
  return false;
}

void fis_find_scalars(Fis *f, KStmt *body) {
  if (!body || f->uni.all_varying) return;
  void *ctx[2] = {f, body};
  kir_walk_any(body, NULL, candidate, ctx);
  int base = f->block_vars.len;
  for (;;) {
    f->block_vars.len = base;
    for (int i = 0; i < f->scalars.len; i++) vec_push(f->a, &f->block_vars, f->scalars.items[i]);
    PtrVec bad;
    memset(&bad, 0, sizeof bad);
    place(f, body, &bad);
    int kept = 0;
    for (int i = 0; i < f->scalars.len; i++)
      if (vec_find(&bad, f->scalars.items[i]) < 0) f->scalars.items[kept++] = f->scalars.items[i];
    if (kept == f->scalars.len) break;
    f->scalars.len = kept;
  }
}

static bool reads_any(const KExpr *e, void *ctx) {
  return e->kind == KE_VAR && vec_find(ctx, e->var) >= 0;
}

bool fis_block_scalar(Fis *f, KStmt *s) {
  if (kir_stmt_has_split(s) || !hoistable(f, s)) return false;
  if (s->kind != KS_DECL) { /* the thread loop being gathered reads it: that loop first */
    PtrVec w;
    memset(&w, 0, sizeof w);
    writes_of(f, s, &w);
    for (int i = 0; i < f->pending.len; i++)
      if (kir_walk_any(f->pending.items[i], reads_any, NULL, &w)) {
        fis_flush(f);
        break;
      }
  }
  vec_push(f->a, f->list, s); /* ahead of the thread loop being gathered */
  return true;
}

/* a scalar written inside a thread loop: the mirror (place) and the split
 * disagree, which would give every thread its own copy of one variable */
static bool loop_writes_scalar(const KStmt *s, void *ctx) {
  Fis *f = ctx;
  if (s->kind != KS_LOOP || s->loop_kind != KLOOP_THREADS) return false;
  PtrVec w;
  memset(&w, 0, sizeof w);
  writes_of(f, s->body, &w);
  for (int i = 0; i < w.len; i++)
    if (vec_find(&f->scalars, w.items[i]) >= 0) return true;
  return false;
}

void fis_check_scalars(Fis *f) {
  if (f->scalars.len && kir_walk_any(f->out->body, NULL, loop_writes_scalar, f))
    fis_error(f, f->kernel->loc, "internal error: a block-level local written per thread (barrier fission)");
}
