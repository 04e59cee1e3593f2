/*
 * walk.c — the one generic traversal of KIR statement and expression trees
 * (kir_walk_any, kir_expr_any), for passes and emitters that ask "does
 * this body contain …?" or collect what it touches.  Pre-order, first
 * callback returning true stops the walk; collectors return false to see
 * everything.  Calls are not followed: a caller that needs a callee's body
 * walks it itself, with its own depth limit.
 */
#include "kir.h"

bool kir_expr_any(const KExpr *e, KExprPred ep, void *ctx) {
  if (!e) return false;
  if (ep(e, ctx)) return true;
  if (kir_expr_any(e->a, ep, ctx) || kir_expr_any(e->b, ep, ctx) || kir_expr_any(e->c, ep, ctx))
    return true;
  for (int i = 0; i < e->nargs; i++)
    if (kir_expr_any(e->args[i], ep, ctx)) return true;
  return false;
}

bool kir_walk_any(const KStmt *s, KExprPred ep, KStmtPred sp, void *ctx) {
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
