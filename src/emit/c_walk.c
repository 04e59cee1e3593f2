/*
 * c_walk.c — one traversal of a KIR statement tree for the emitter's
 * questions ("does this body call a function / touch memory / write x /
 * contain a goto?") and collections ("which pointers does it index?").
 *
 * ce_walk_any is kir_walk_any (kir/walk.c): every statement pre-order and
 * every expression node below them, stopping at the first callback that
 * returns true.  Collectors return false to see everything.
 */
#include "c_internal.h"

/* the KIR layer's traversal (kir/walk.c), under the emitter's names */
bool ce_expr_any(const KExpr *e, CeExprPred ep, void *ctx) { return kir_expr_any(e, ep, ctx); }

bool ce_walk_any(const KStmt *s, CeExprPred ep, CeStmtPred sp, void *ctx) {
  return kir_walk_any(s, ep, sp, ctx);
}

/* ---- common questions -------------------------------------------------- */

static bool is_call(const KExpr *e, void *ctx) {
  (void)ctx;
  return e->kind == KE_CALL;
}

bool ce_stmt_calls(const KStmt *s) { return ce_walk_any(s, is_call, NULL, NULL); }

static bool is_jump(const KStmt *s, void *ctx) {
  if (s->kind != KS_GOTO && s->kind != KS_LABEL) return false;
  if (ctx) *(const KStmt **)ctx = s;
  return true;
}

const KStmt *ce_find_jump(const KStmt *s) {
  const KStmt *found = NULL;
  ce_walk_any(s, NULL, is_jump, &found);
  return found;
}

bool ce_has_jump(const KStmt *s) { return ce_find_jump(s) != NULL; }

/* The local an assignment, ++/-- or & writes through (a.b, a[i] count as a). */
KVar *ce_written_var(const KExpr *e) {
  if (e->kind != KE_ASSIGN && e->kind != KE_INCDEC && e->kind != KE_ADDR) return NULL;
  const KExpr *b = e->a;
  while (b && (b->kind == KE_MEMBER || b->kind == KE_INDEX)) b = b->a;
  return b && b->kind == KE_VAR ? b->var : NULL;
}

static bool writes(const KExpr *e, void *v) { return ce_written_var(e) == v; }

bool ce_stmt_writes_var(const KStmt *s, const KVar *v) {
  return ce_walk_any(s, writes, NULL, (void *)v);
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
  if (e->kind != KE_ASSIGN || !ce_expr_any(e->b, is_addr_of, (void *)q->v)) return false;
  q->holder = ce_written_var(e);
  return q->holder != NULL;
}

static bool decl_stores_addr(const KStmt *s, void *ctx) {
  AddrQuery *q = ctx;
  if (s->kind != KS_DECL || !ce_expr_any(s->init, is_addr_of, (void *)q->v)) return false;
  q->holder = s->var;
  return true;
}

/* A variable that &v (or &v.f, &v[i]) is stored into in s, where it may
 * outlive v's C scope (a pointer parameter of an inlined call); NULL: none. */
KVar *ce_addr_holder(const KStmt *s, const KVar *v) {
  AddrQuery q = {v, NULL};
  ce_walk_any(s, stores_addr, decl_stores_addr, &q);
  return q.holder;
}
