/*
 * blocklevel.c — the block-level decisions of barrier fission, for the
 * KIR pass and the C emitter alike.
 *
 * A value can be computed at block level when every thread would compute
 * the same (uniform.c) and it reads only block-level variables: scalars,
 * the variables of block-level loops around it, the kernel's parameters
 * that the body never writes, module variables, built-in block indices and
 * sizes; it calls nothing and writes nothing but its loop's variable.
 * Where threads may have returned (`return` in the kernel) or may be
 * skipped (under per-thread control), the block computes it even when no
 * thread would, so it must then not divide integers or load through a
 * pointer (kir_expr_may_trap).
 *
 * An if whose condition is such a value runs as an if of the block; so
 * does a loop whose start, condition and step are (the step writing only
 * its own variable or scalars, with such values) and that nothing leaves
 * early: every thread runs the same iterations.  Both hold under
 * per-thread control too: the threads outside it are skipped by the
 * guards of the thread loops inside.
 *
 * Scalars: a uniform local each of whose writes, declaration included, is
 * a statement of the block (kir_block_stmt): at block-level control (the
 * top-level list, the branches of block-level ifs, the bodies of
 * block-level loops; never under per-thread control) and a declaration or
 * assignment with a value computed at block level.  Which ifs and loops
 * are block-level depends on the scalars and the reverse, so the set is
 * the greatest fixpoint: start from every candidate, walk the body the
 * way both fissions split it (place), drop those written anywhere else,
 * until nothing changes.
 */
#include "blocklevel.h"
#include "regions.h"
#include "splits.h"
#include "walk.h"

#include <string.h>

bool kir_block_is_scalar(const KBlockLevel *b, const KVar *v) { return vec_find(&b->scalars, v) >= 0; }

static bool is_kernel_param(const KBlockLevel *b, const KVar *v) {
  for (int i = 0; i < b->kernel->nparams; i++)
    if (b->kernel->params[i] == v) return true;
  return false;
}

/* reads only block-level variables, calls nothing, writes only lv */
static bool readable(KBlockLevel *b, const KExpr *e, const KVar *lv) {
  if (!e) return true;
  switch (e->kind) {
  case KE_VAR:
    if (e->var == lv || e->var->kind == KV_GLOBAL || vec_find(&b->block_vars, e->var) >= 0) return true;
    /* the C target's __shared__ and static locals are storage of the block
     * function, in scope everywhere (uniformity decides about reading them) */
    if (b->wide && e->var->kind == KV_LOCAL && (e->var->as == AS_SHARED || e->var->is_static)) return true;
    return e->var->kind == KV_PARAM && (b->wide ? e->var->type->kind != KT_ARRAY : kt_is_scalar(e->var->type)) &&
           is_kernel_param(b, e->var) && vec_find(&b->written, e->var) < 0;
  case KE_ASSIGN: case KE_INCDEC:
    if (!(e->a->kind == KE_VAR && e->a->var == lv)) return false;
    break;
  case KE_CALL: return false;
  default: break;
  }
  if (!readable(b, e->a, lv) || !readable(b, e->b, lv) || !readable(b, e->c, lv)) return false;
  for (int i = 0; i < e->nargs; i++)
    if (!readable(b, e->args[i], lv)) return false;
  return true;
}

bool kir_block_value(KBlockLevel *b, const KExpr *e, const KVar *lv) {
  if (!e) return true;
  if (e->kind == KE_INIT_LIST || ((b->exits || b->general) && kir_expr_may_trap(e))) return false;
  if (lv) vec_push(b->a, &b->block_vars, (void *)lv); /* the loop's own variable counts as uniform */
  bool u = kir_expr_uniform_but(&b->uni, e, &b->block_vars) && readable(b, e, lv);
  if (lv) b->block_vars.len--;
  return u;
}

bool kir_block_if(KBlockLevel *b, const KStmt *s) { return s->cond && kir_block_value(b, s->cond, NULL); }

/* bdepth/cdepth: loops and switches (for break) or loops (for continue)
 * between s and the loop in question */
static bool leaves(const KStmt *s, const char *label, int bdepth, int cdepth) {
  if (!s) return false;
  switch (s->kind) {
  case KS_BREAK: return bdepth == 0;
  case KS_CONTINUE: return cdepth == 0;
  case KS_RETURN: return s->label && label && !strcmp(s->label, label);
  case KS_BLOCK:
    for (int i = 0; i < s->nstmts; i++)
      if (leaves(s->stmts[i], label, bdepth, cdepth)) return true;
    return false;
  case KS_IF: return leaves(s->then, label, bdepth, cdepth) || leaves(s->els, label, bdepth, cdepth);
  case KS_LOOP: return leaves(s->body, label, bdepth + 1, cdepth + 1);
  case KS_SWITCH: return leaves(s->body, label, bdepth + 1, cdepth);
  default: return false;
  }
}

bool kir_leaves_loop(const KStmt *s, const char *label) { return leaves(s, label, 0, 0); }

static bool block_assign(KBlockLevel *b, const KExpr *e, const KVar *lv) {
  if (!e) return false;
  if (e->kind == KE_COMMA) return block_assign(b, e->a, lv) && block_assign(b, e->b, lv);
  if (e->kind != KE_ASSIGN && e->kind != KE_INCDEC) return false;
  if (b->general || e->a->kind != KE_VAR || !kir_block_is_scalar(b, e->a->var)) return false;
  return !e->b || kir_block_value(b, e->b, lv);
}

/* the step of a block-level loop: writes only its variable lv (a value
 * that reads lv) or scalars */
static bool block_step(KBlockLevel *b, const KExpr *e, const KVar *lv) {
  if (!e || kir_block_value(b, e, lv)) return true;
  if (e->kind == KE_COMMA) return block_step(b, e->a, lv) && block_step(b, e->b, lv);
  return block_assign(b, e, lv);
}

bool kir_block_loop(KBlockLevel *b, const KStmt *s) {
  if (s->loop_kind == KLOOP_THREADS || kir_leaves_loop(s->body, s->label)) return false;
  const KVar *lv = NULL;
  if (s->init_stmt) {
    if (s->init_stmt->kind != KS_DECL || !s->init_stmt->var || s->init_stmt->var->as != AS_LOCAL ||
        !kt_is_scalar(s->init_stmt->var->type))
      return false;
    lv = s->init_stmt->var;
    const KExpr *init = s->init_stmt->init ? s->init_stmt->init : lv->init;
    if (!init || !kir_block_value(b, init, NULL)) return false;
  }
  if (!kir_block_value(b, s->cond, lv) || !block_step(b, s->step, lv)) return false;
  /* a block scalar's writes in the body run once for the block too (a step
   * with a barrier, which lower_splits.c moved to the end of the body) */
  return !lv || kir_block_is_scalar(b, lv) || !kir_stmt_writes_var(s->body, lv);
}

static const KExpr *decl_init(const KStmt *s) { return s->init ? s->init : s->var->init; }

bool kir_block_stmt(KBlockLevel *b, const KStmt *s) {
  if (!s || b->general) return false;
  switch (s->kind) {
  case KS_DECL: return kir_block_is_scalar(b, s->var) && (!decl_init(s) || kir_block_value(b, decl_init(s), NULL));
  case KS_EXPR: return block_assign(b, s->e, NULL);
  case KS_BLOCK:
    for (int i = 0; i < s->nstmts; i++)
      if (!kir_block_stmt(b, s->stmts[i])) return false;
    return true;
  default: return false;
  }
}

/* ---- the scalars ------------------------------------------------------ */

typedef struct Writes {
  Arena *a;
  PtrVec *out;
} Writes;

static bool note_write(const KExpr *e, void *ctx) {
  Writes *w = ctx;
  KVar *v = kir_written_var(e);
  if (v && vec_find(w->out, v) < 0) vec_push(w->a, w->out, v);
  return false;
}

static bool note_decl(const KStmt *s, void *ctx) {
  Writes *w = ctx;
  if (s->kind == KS_DECL && vec_find(w->out, s->var) < 0) vec_push(w->a, w->out, s->var);
  return false;
}

void kir_block_writes(Arena *a, const KStmt *s, PtrVec *out) {
  Writes w = {a, out};
  kir_walk_any(s, note_write, note_decl, &w);
}

/* the locals written outside block-level statements, as both fissions
 * split the body (regions.c) */
static void place(KBlockLevel *b, const KStmt *s, PtrVec *bad) {
  if (!s) return;
  if (!kir_stmt_has_split(s)) {
    if (!kir_block_stmt(b, s)) kir_block_writes(b->a, s, bad);
    return;
  }
  KSplitShape sh = kir_split_shape(b, s);
  kir_region_enter(b, sh, s);
  switch (sh) {
  case KSH_LIST:
    for (int i = 0; i < s->nstmts; i++) place(b, s->stmts[i], bad);
    break;
  case KSH_BLOCK_IF:
    place(b, s->then, bad);
    place(b, s->els, bad);
    break;
  case KSH_BLOCK_LOOP: place(b, s->body, bad); break;
  default: kir_block_writes(b->a, s, bad); break;
  }
  kir_region_leave(b, sh, s);
}

typedef struct Count {
  const KVar *v;
  int n;
} Count;

static bool count_decl(const KStmt *s, void *ctx) {
  Count *c = ctx;
  c->n += s->kind == KS_DECL && s->var == c->v;
  return false;
}

typedef struct Cand {
  KBlockLevel *b;
  const KStmt *body;
} Cand;

static bool candidate(const KStmt *s, void *ctx) {
  Cand *c = ctx;
  KBlockLevel *b = c->b;
  if (s->kind != KS_DECL || !s->var) return false;
  const KVar *v = s->var;
  const KExpr *init = decl_init(s);
  if (v->kind != KV_LOCAL || v->as != AS_LOCAL || v->is_static || (init && init->kind == KE_INIT_LIST) ||
      !(b->wide ? v->type->kind != KT_ARRAY : kt_is_scalar(v->type)) || kir_is_varying_var(&b->uni, v) ||
      kir_block_is_scalar(b, v))
    return false;
  Count n = {v, 0};
  if (!b->wide) kir_walk_any(c->body, NULL, count_decl, &n);
  if (b->wide || n.n == 1) vec_push(b->a, &b->scalars, (void *)v);
  return false;
}

void kir_block_level(KBlockLevel *b, Arena *a, const KFunc *k, const KStmt *body, bool wide, bool split) {
  memset(b, 0, sizeof *b);
  b->a = a;
  b->kernel = k;
  b->body = body;
  b->wide = wide;
  if (!split) {
    b->uni.all_varying = true;
    return;
  }
  for (int i = 0; i < k->nparams; i++)
    if (kir_stmt_writes_var(body, k->params[i])) vec_push(a, &b->written, k->params[i]);
  kir_uniformity(a, body, &b->uni);
  b->exits = kir_has_kernel_return(body);
  if (b->uni.all_varying) return;
  Cand c = {b, body};
  kir_walk_any(body, NULL, candidate, &c);
  for (;;) {
    b->block_vars.len = 0;
    for (int i = 0; i < b->scalars.len; i++) vec_push(a, &b->block_vars, b->scalars.items[i]);
    PtrVec bad;
    memset(&bad, 0, sizeof bad);
    place(b, body, &bad);
    int kept = 0;
    for (int i = 0; i < b->scalars.len; i++)
      if (vec_find(&bad, b->scalars.items[i]) < 0) b->scalars.items[kept++] = b->scalars.items[i];
    if (kept == b->scalars.len) break;
    b->scalars.len = kept;
  }
}
