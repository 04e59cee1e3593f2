/*
 * c_independent.c — per-thread loops whose iterations the C compiler may
 * treat as independent.
 *
 * Between two barriers CUDA orders nothing between the threads of a
 * block: a thread reading what another writes there is a data race, so
 * the iterations of a per-thread loop carry no dependences the compiler
 * must keep, and c_fission.c marks such loops `#pragma GCC ivdep`
 * (CW_FOR_EACH_THREAD_INDEP in the prelude).  GCC then vectorises them
 * without run-time alias checks, which for small blocks (a 32-thread row)
 * cost more than the loop and send every row down the scalar path.
 *
 * The exceptions CUDA does define are left alone: atomics (threads may
 * update one address; shared-memory atomics are plain read-modify-writes
 * in the generated C), volatile accesses (warp-synchronous code written
 * before __syncwarp existed), and calls to device functions that contain
 * either.  A loop holding any of them keeps the plain macro.
 */
#include "c_internal.h"

static bool func_dependent(const KFunc *f, int depth);

static bool expr_dependent(const KExpr *e, int depth) {
  if (!e) return false;
  if (e->type && e->type->is_volatile) return true;
  if (e->kind == KE_BUILTIN) {
    const KBuiltinInfo *info = kb_info(e->builtin);
    if (!info || info->cls == KBC_ATOMIC) return true;
  }
  if (e->kind == KE_CALL && (!e->fn || func_dependent(e->fn, depth + 1))) return true;
  if ((e->kind == KE_DEREF || e->kind == KE_INDEX) && e->a && e->a->type &&
      e->a->type->elem && e->a->type->elem->is_volatile)
    return true;
  if (expr_dependent(e->a, depth) || expr_dependent(e->b, depth) || expr_dependent(e->c, depth))
    return true;
  for (int i = 0; i < e->nargs; i++)
    if (expr_dependent(e->args[i], depth)) return true;
  return false;
}

static bool stmt_dependent(const KStmt *s, int depth) {
  if (!s) return false;
  if (s->kind == KS_DECL && s->var && s->var->type && s->var->type->is_volatile) return true;
  for (int i = 0; i < s->nstmts; i++)
    if (stmt_dependent(s->stmts[i], depth)) return true;
  return expr_dependent(s->init, depth) || expr_dependent(s->e, depth) ||
         expr_dependent(s->cond, depth) || expr_dependent(s->step, depth) ||
         stmt_dependent(s->then, depth) || stmt_dependent(s->els, depth) ||
         stmt_dependent(s->init_stmt, depth) || stmt_dependent(s->body, depth);
}

static bool func_dependent(const KFunc *f, int depth) {
  if (depth > 16) return true;
  return !f->body || stmt_dependent(f->body, depth);
}

bool ce_ptl_independent(KStmt *const *stmts, int n) {
  for (int i = 0; i < n; i++)
    if (stmt_dependent(stmts[i], 0)) return false;
  return true;
}
