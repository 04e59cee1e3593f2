/*
 * splits.c — the points at which a kernel body must be split so that a
 * target running a block's threads one after another still honours
 * __syncthreads(), __syncwarp() and the collectives (see splits.h).
 *
 * A call counts as a split when the device function it calls has one,
 * followed through its callees; recursion ends at a fixed depth (CUDA
 * device code rarely recurses, and never through a barrier that could be
 * split statically).
 */
#include "splits.h"

enum { MAX_CALL_DEPTH = 16 };

bool kir_is_barrier_call(const KExpr *e) {
  return e && e->kind == KE_BUILTIN &&
         (e->builtin == KB_SYNCTHREADS || e->builtin == KB_SYNCWARP || e->builtin == KB_GRID_SYNC);
}

bool kir_is_collective(const KExpr *e) {
  if (!e || e->kind != KE_BUILTIN) return false;
  if (e->builtin == KB_SYNCTHREADS_COUNT || e->builtin == KB_SYNCTHREADS_AND || e->builtin == KB_SYNCTHREADS_OR)
    return true;
  if (e->builtin == KB_LANEMASK_LT || e->builtin == KB_LANEMASK_LE || e->builtin == KB_LANEMASK_GT ||
      e->builtin == KB_LANEMASK_GE || e->builtin == KB_LANEMASK_EQ)
    return false;
  const KBuiltinInfo *i = kb_info(e->builtin);
  return i && i->cls == KBC_WARP;
}

static bool expr_split(const KExpr *e, int depth);

static bool func_split(const KFunc *f, int depth);

static bool stmt_split(const KStmt *s, int depth) {
  if (!s) return false;
  switch (s->kind) {
  case KS_BARRIER: return true;
  case KS_BLOCK:
    for (int i = 0; i < s->nstmts; i++)
      if (stmt_split(s->stmts[i], depth)) return true;
    return false;
  case KS_DECL: return expr_split(s->init, depth);
  case KS_EXPR: case KS_RETURN: return expr_split(s->e, depth);
  case KS_IF: return expr_split(s->cond, depth) || stmt_split(s->then, depth) || stmt_split(s->els, depth);
  case KS_LOOP:
    return stmt_split(s->init_stmt, depth) || expr_split(s->cond, depth) || expr_split(s->step, depth) ||
           stmt_split(s->body, depth);
  case KS_SWITCH: return expr_split(s->cond, depth) || stmt_split(s->body, depth);
  default: return false;
  }
}

static bool expr_split(const KExpr *e, int depth) {
  if (!e) return false;
  if (kir_is_barrier_call(e) || kir_is_collective(e)) return true;
  if (e->kind == KE_CALL && e->fn && func_split(e->fn, depth + 1)) return true;
  if (expr_split(e->a, depth) || expr_split(e->b, depth) || expr_split(e->c, depth)) return true;
  for (int i = 0; i < e->nargs; i++)
    if (expr_split(e->args[i], depth)) return true;
  return false;
}

static bool func_split(const KFunc *f, int depth) {
  return depth <= MAX_CALL_DEPTH && f->body && stmt_split(f->body, depth);
}

bool kir_stmt_has_split(const KStmt *s) { return stmt_split(s, 0); }
bool kir_expr_has_split(const KExpr *e) { return expr_split(e, 0); }
bool kir_func_has_split(const KFunc *f) { return func_split(f, 0); }
