/*
 * fission_inline.c — device functions with barriers or collectives,
 * inlined where a statement calls them (`f(…);`, `x = f(…);`,
 * `T x = f(…);`), since a thread loop cannot stop inside a call.  The
 * body is split like the kernel's own statements; `return` sets a
 * per-thread flag that later thread loops of the body skip.
 */
#include "fission_internal.h"

#include <string.h>

/* The expression a statement computes into a variable or lvalue:
 * `T x = E;` or `lhs = E;` (E's address in *slot), else NULL. */
KExpr **fis_stmt_value(KStmt *s) {
  if (s->kind == KS_DECL && s->init) return &s->init;
  if (s->kind == KS_EXPR && s->e->kind == KE_ASSIGN && s->e->op == KOP_NONE) return &s->e->b;
  if (s->kind == KS_EXPR) return &s->e;
  return NULL;
}

/* A copy of statement s whose value expression is `value` (see stmt_value). */
KStmt *fis_with_value(Fis *f, KStmt *s, KExpr *value) {
  KStmt *c = fis_st_new(f, s->kind);
  *c = *s;
  if (s->kind == KS_DECL) {
    c->init = value;
  } else if (s->e->kind == KE_ASSIGN) {
    KExpr *e = fis_ex_new(f, KE_ASSIGN, s->e->type);
    *e = *s->e;
    e->b = value;
    c->e = e;
  } else {
    c->e = value;
  }
  return c;
}

/* A call, as a statement's value, of a device function with barriers or
 * collectives: its body goes in place, split like the kernel's own
 * statements.  Parameters become locals assigned the arguments; `return`
 * stores the result, sets a per-thread `returned` flag and ends the
 * thread's turn, and the body's thread loops skip threads whose flag is
 * set.  The body gets thread loops of its own, so the flag never skips the
 * caller's statements. */
bool fis_inline_call(Fis *f, KStmt *s) {
  KExpr **slot = fis_stmt_value(s);
  if (!slot || (*slot)->kind != KE_CALL || !kir_func_has_split((*slot)->fn)) return false;
  KExpr *call = *slot;
  const KFunc *fn = call->fn;
  if (f->inline_depth > 8) {
    fis_error(f, s->loc, "device functions with barriers nested this deep (or recursive)");
    return true;
  }
  for (int i = 0; i < call->nargs && i < fn->nparams; i++)
    fis_thread_stmt(f, fis_st_assign(f, fis_ex_var(f, fn->params[i]), call->args[i]));
  KVar *res = NULL;
  if (fn->ret->kind != KT_VOID && s->kind != KS_EXPR) res = s->var; /* T x = f(...) */
  else if (fn->ret->kind != KT_VOID && s->e->kind == KE_ASSIGN) res = fis_new_local_of(f, "ret", false, fn->ret);
  if (res) fis_thread_stmt(f, fis_st_decl(f, res));
  KVar *flag = fis_new_local(f, "returned", true);
  fis_thread_stmt(f, fis_st_set(f, flag, 0));
  fis_flush(f);
  KVar *saved_res = f->inl_res, *saved_flag = f->inl_flag, *saved_state = f->loop_state,
       *saved_brk = f->brk_state;
  f->inl_res = res;
  f->inl_flag = flag;
  f->loop_state = f->brk_state = NULL; /* break/continue cannot leave the function */
  fis_push_guard(f, fis_st_leave_if(f, flag, KOP_NE, 0));
  f->inline_depth++;
  f->bl.general++;
  fis_split_body(f, fn->body);
  fis_flush(f);
  f->bl.general--;
  f->inline_depth--;
  f->nguards--;
  f->inl_res = saved_res;
  f->inl_flag = saved_flag;
  f->loop_state = saved_state;
  f->brk_state = saved_brk;
  if (res && s->kind == KS_EXPR) fis_thread_stmt(f, fis_with_value(f, s, fis_ex_var(f, res)));
  return true;
}

