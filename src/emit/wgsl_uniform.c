/*
 * wgsl_uniform.c — which values may differ between the threads of a block,
 * so that a barrier under such a value's control is rejected at its line
 * instead of producing WGSL that Tint and naga refuse.
 *
 * A conservative version of WGSL's own uniformity analysis: threadIdx and
 * the lane id vary; so does anything loaded from memory (WGSL counts
 * read_write storage and workgroup loads as non-uniform), anything
 * returned by a call or an atomic, the parameters of device functions
 * (their call sites are not followed), and every local assigned a varying
 * value or assigned under varying control.  The set grows to a fixed point.
 */
#include "wgsl_internal.h"

static bool in_set(WInst *in, KVar *v) {
  for (int i = 0; i < in->varying.len; i++)
    if (in->varying.items[i] == v) return true;
  return false;
}

bool w_is_varying(WCtx *c, KExpr *e) {
  if (!e) return false;
  switch (e->kind) {
  case KE_BVAR: return e->bvar == KBV_THREAD_IDX || e->bvar == KBV_LANE_ID;
  case KE_VAR:
    if (e->var->kind == KV_GLOBAL || e->var->as == AS_SHARED) return true;
    if (e->var->kind == KV_PARAM && c->cur->f != c->kernel) return true;
    return in_set(c->cur, e->var);
  case KE_INDEX: case KE_DEREF:
    if (e->kind == KE_DEREF || w_is_ptr(e->a->type)) return true;
    return w_is_varying(c, e->a) || w_is_varying(c, e->b);
  case KE_CALL: case KE_BUILTIN:
    if (e->kind == KE_CALL || kb_info(e->builtin)->cls != KBC_MATH) return true;
    break;
  default: break;
  }
  if (w_is_varying(c, e->a) || w_is_varying(c, e->b) || w_is_varying(c, e->c)) return true;
  for (int i = 0; i < e->nargs; i++)
    if (w_is_varying(c, e->args[i])) return true;
  return false;
}

typedef struct UWalk {
  WCtx *c;
  bool changed;
} UWalk;

static void mark(UWalk *w, KExpr *lv) {
  while (lv && (lv->kind == KE_MEMBER || (lv->kind == KE_INDEX && !w_is_ptr(lv->a->type))))
    lv = lv->a;
  if (!lv || lv->kind != KE_VAR || lv->var->kind == KV_GLOBAL || in_set(w->c->cur, lv->var)) return;
  vec_push(w->c->a, &w->c->cur->varying, lv->var);
  w->changed = true;
}

static void u_expr(UWalk *w, KExpr *e, bool vctl) {
  if (!e) return;
  u_expr(w, e->a, vctl);
  u_expr(w, e->b, vctl);
  u_expr(w, e->c, vctl);
  for (int i = 0; i < e->nargs; i++) u_expr(w, e->args[i], vctl);
  if (e->kind == KE_ASSIGN && (vctl || w_is_varying(w->c, e->b) || e->op != KOP_NONE))
    if (vctl || w_is_varying(w->c, e->b) || w_is_varying(w->c, e->a)) mark(w, e->a);
  if (e->kind == KE_INCDEC && vctl) mark(w, e->a);
  if (e->kind == KE_CALL) /* the callee may write through &local */
    for (int i = 0; i < e->nargs; i++)
      if (e->args[i]->kind == KE_ADDR) mark(w, e->args[i]->a);
  if (e->kind == KE_BUILTIN && (e->builtin == KB_SINCOSF || e->builtin == KB_I_SINCOSF))
    for (int i = 1; i < e->nargs; i++)
      if (e->args[i]->kind == KE_ADDR) mark(w, e->args[i]->a);
}

static void u_stmt(UWalk *w, KStmt *s, bool vctl) {
  if (!s) return;
  switch (s->kind) {
  case KS_BLOCK:
    for (int i = 0; i < s->nstmts; i++) u_stmt(w, s->stmts[i], vctl);
    return;
  case KS_DECL: {
    KExpr *init = s->init ? s->init : s->var->init;
    u_expr(w, init, vctl);
    if (s->var->as != AS_SHARED && (vctl || (init && w_is_varying(w->c, init)))) {
      KExpr v = {.kind = KE_VAR, .var = s->var};
      mark(w, &v);
    }
    return;
  }
  case KS_IF: {
    /* a speculated if (wgsl_speculate.c) runs its body in every thread */
    bool spec = !s->els && w_has_barrier(s->then) && w_can_speculate(w->c, s->then);
    bool v = vctl || (!spec && w_is_varying(w->c, s->cond));
    u_expr(w, s->cond, vctl);
    u_stmt(w, s->then, v);
    u_stmt(w, s->els, v);
    return;
  }
  case KS_LOOP: {
    u_stmt(w, s->init_stmt, vctl);
    bool v = vctl || w_is_varying(w->c, s->cond);
    u_expr(w, s->cond, vctl);
    u_stmt(w, s->body, v);
    u_expr(w, s->step, v);
    return;
  }
  case KS_SWITCH: {
    bool v = vctl || w_is_varying(w->c, s->cond);
    u_stmt(w, s->body, v);
    return;
  }
  default: u_expr(w, s->e, vctl); return;
  }
}

void w_varying_init(WCtx *c, WInst *in) {
  WInst *saved = c->cur;
  c->cur = in;
  UWalk w = {c, true};
  for (int round = 0; w.changed && round < 32; round++) {
    w.changed = false;
    u_stmt(&w, in->f->body, false);
  }
  c->cur = saved;
}
