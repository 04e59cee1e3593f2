/*
 * walk.c — one traversal of a KIR statement tree for the questions the
 * passes and the emitters ask of a body ("does it call a function / touch
 * memory / write x / contain a goto?") and for collections ("which
 * pointers does it index?").
 *
 * kir_walk_any visits every statement (pre-order: the statement, its
 * initializer, expression, condition and step, then its sub-statements)
 * and every expression node below them, and stops at the first callback
 * that returns true.  Collectors return false to see everything.
 */
#include "walk.h"

bool kir_expr_any(const KExpr *e, KirExprPred ep, void *ctx) {
  if (!e) return false;
  if (ep(e, ctx)) return true;
  if (kir_expr_any(e->a, ep, ctx) || kir_expr_any(e->b, ep, ctx) || kir_expr_any(e->c, ep, ctx))
    return true;
  for (int i = 0; i < e->nargs; i++)
    if (kir_expr_any(e->args[i], ep, ctx)) return true;
  return false;
}

bool kir_walk_any(const KStmt *s, KirExprPred ep, KirStmtPred sp, void *ctx) {
  if (!s) return false;
  if (sp && sp(s, ctx)) return true;
  if (ep && (kir_expr_any(s->init, ep, ctx) || kir_expr_any(s->e, ep, ctx) ||
             kir_expr_any(s->cond, ep, ctx) || kir_expr_any(s->step, ep, ctx)))
    return true;
  for (int i = 0; i < s->nstmts; i++)
    if (kir_walk_any(s->stmts[i], ep, sp, ctx)) return true;
  return kir_walk_any(s->then, ep, sp, ctx) || kir_walk_any(s->els, ep, sp, ctx) ||
         kir_walk_any(s->init_stmt, ep, sp, ctx) || kir_walk_any(s->body, ep, sp, ctx);
}

/* kir_walk_any_through_calls: a callee's body is walked where it is first
 * called and remembered when nothing was found in it, so each function is
 * walked once however often it is called (a chain of functions that each
 * call the next twice would otherwise cost 2^depth walks).  A clean walk
 * holds at any depth: the walk of the body was complete, no call in it
 * past the depth limit (which counts as found).  Beyond CLEAN_MAX
 * functions the rest are walked at each call, as before. */
#define CLEAN_MAX 64

typedef struct {
  KirExprPred ep;
  KirStmtPred sp;
  void *ctx;
  int depth; /* calls followed */
  int nclean;
  const KFunc *clean[CLEAN_MAX];
} ThroughCalls;

static bool through_stmt(const KStmt *s, void *c) {
  const ThroughCalls *t = c;
  return t->sp(s, t->ctx);
}

static bool known_clean(const ThroughCalls *t, const KFunc *f) {
  for (int i = 0; i < t->nclean; i++)
    if (t->clean[i] == f) return true;
  return false;
}

static bool through_expr(const KExpr *e, void *c) {
  ThroughCalls *t = c;
  if (t->ep && t->ep(e, t->ctx)) return true;
  if (e->kind != KE_CALL) return false;
  if (!e->fn || !e->fn->body) return true;
  if (known_clean(t, e->fn)) return false;
  if (t->depth >= 16) return true;
  t->depth++;
  bool found = kir_walk_any(e->fn->body, through_expr, t->sp ? through_stmt : NULL, t);
  t->depth--;
  if (!found && t->nclean < CLEAN_MAX) t->clean[t->nclean++] = e->fn;
  return found;
}

bool kir_walk_any_through_calls(const KStmt *s, KirExprPred ep, KirStmtPred sp, void *ctx) {
  ThroughCalls t = {ep, sp, ctx, 0, 0, {0}};
  return kir_walk_any(s, through_expr, sp ? through_stmt : NULL, &t);
}

/* ---- common questions -------------------------------------------------- */

static bool is_call(const KExpr *e, void *ctx) {
  (void)ctx;
  return e->kind == KE_CALL;
}

bool kir_stmt_calls(const KStmt *s) { return kir_walk_any(s, is_call, NULL, NULL); }

static bool is_jump(const KStmt *s, void *ctx) {
  if (s->kind != KS_GOTO && s->kind != KS_LABEL) return false;
  if (ctx) *(const KStmt **)ctx = s;
  return true;
}

const KStmt *kir_find_jump(const KStmt *s) {
  const KStmt *found = NULL;
  kir_walk_any(s, NULL, is_jump, &found);
  return found;
}

bool kir_has_jump(const KStmt *s) { return kir_find_jump(s) != NULL; }

/* The local an assignment, ++/-- or & writes through (a.b, a[i] count as a). */
KVar *kir_written_var(const KExpr *e) {
  if (e->kind != KE_ASSIGN && e->kind != KE_INCDEC && e->kind != KE_ADDR) return NULL;
  const KExpr *b = e->a;
  while (b && (b->kind == KE_MEMBER || b->kind == KE_INDEX)) b = b->a;
  return b && b->kind == KE_VAR ? b->var : NULL;
}

static bool writes(const KExpr *e, void *v) { return kir_written_var(e) == v; }

bool kir_stmt_writes_var(const KStmt *s, const KVar *v) {
  return kir_walk_any(s, writes, NULL, (void *)v);
}

/* ---- escaping addresses ------------------------------------------------ */

typedef struct AddrQuery {
  const KVar *v;
  KVar *holder;
} AddrQuery;

static bool is_addr_of(const KExpr *e, void *v) {
  if (e->kind != KE_ADDR) return false;
  const KExpr *b = e->a;
  while (b && (b->kind == KE_MEMBER || b->kind == KE_INDEX)) b = b->a;
  return b && b->kind == KE_VAR && b->var == v;
}

static bool stores_addr(const KExpr *e, void *ctx) {
  AddrQuery *q = ctx;
  if (e->kind != KE_ASSIGN || !kir_expr_any(e->b, is_addr_of, (void *)q->v)) return false;
  q->holder = kir_written_var(e);
  return q->holder != NULL;
}

static bool decl_stores_addr(const KStmt *s, void *ctx) {
  AddrQuery *q = ctx;
  if (s->kind != KS_DECL || !kir_expr_any(s->init, is_addr_of, (void *)q->v)) return false;
  q->holder = s->var;
  return true;
}

/* A variable that &v (or &v.f, &v[i]) is stored into in s, where it may
 * outlive v's C scope (a pointer parameter of an inlined call); NULL: none. */
KVar *kir_addr_holder(const KStmt *s, const KVar *v) {
  AddrQuery q = {v, NULL};
  kir_walk_any(s, stores_addr, decl_stores_addr, &q);
  return q.holder;
}

static bool is_kernel_return(const KStmt *s, void *ctx) {
  (void)ctx;
  return s->kind == KS_RETURN && !s->label;
}

bool kir_has_kernel_return(const KStmt *s) { return kir_walk_any(s, NULL, is_kernel_return, NULL); }

/* ---- references --------------------------------------------------------- */

static bool expr_refs_var(const KExpr *e, const KVar *v) {
  if (!e) return false;
  if (e->kind == KE_VAR && e->var == v) return true;
  if (expr_refs_var(e->a, v) || expr_refs_var(e->b, v) || expr_refs_var(e->c, v)) return true;
  for (int i = 0; i < e->nargs; i++)
    if (expr_refs_var(e->args[i], v)) return true;
  return false;
}

bool kir_stmt_refs_var(const KStmt *s, const KVar *v) {
  if (!s) return false;
  for (int i = 0; i < s->nstmts; i++)
    if (kir_stmt_refs_var(s->stmts[i], v)) return true;
  return expr_refs_var(s->init, v) || expr_refs_var(s->e, v) || expr_refs_var(s->cond, v) ||
         expr_refs_var(s->step, v) || kir_stmt_refs_var(s->then, v) || kir_stmt_refs_var(s->els, v) ||
         kir_stmt_refs_var(s->init_stmt, v) || kir_stmt_refs_var(s->body, v);
}

/* ---- what may trap ------------------------------------------------------ */

static bool traps(const KExpr *e, void *ctx) {
  (void)ctx;
  if (e->kind == KE_DEREF) return true;
  if (e->kind == KE_INDEX && e->a->type && e->a->type->kind == KT_PTR) return true;
  if (e->kind != KE_BINARY || (e->op != KOP_DIV && e->op != KOP_MOD) || !e->type || !kt_is_int(e->type))
    return false;
  const KExpr *d = e->b; /* a literal divisor other than 0 and -1 (INT_MIN / -1) cannot trap */
  while (d && d->kind == KE_CAST && d->type && kt_is_int(d->type)) d = d->a;
  return !(d && d->kind == KE_INT && d->ival != 0 && d->ival != -1);
}

bool kir_expr_may_trap(const KExpr *e) { return kir_expr_any(e, traps, NULL); }
