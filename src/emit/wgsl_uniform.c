/*
 * wgsl_uniform.c — which values may differ between the threads of a block,
 * so that a barrier under such a value's control is rejected at its line
 * instead of producing WGSL that Tint and naga refuse.
 *
 * A conservative version of WGSL's own uniformity analysis: threadIdx and
 * the lane id vary; so does anything loaded from memory (WGSL counts
 * read_write storage and workgroup loads as non-uniform), anything
 * returned by a call that reads thread-dependent state or takes varying
 * arguments, an atomic, the parameters of device functions to which some
 * call site passes a varying value (or calls under varying control; the
 * kernel is analysed first, then its callees in call order), and every
 * local assigned a varying value or assigned under varying control.  The
 * set grows to a fixed point.
 */
#include "wgsl_internal.h"

static bool in_set(WInst *in, KVar *v) {
  for (int i = 0; i < in->varying.len; i++)
    if (in->varying.items[i] == v) return true;
  return false;
}

static bool stmt_thread_dependent(KStmt *s, int depth);
static bool stmt_thread_dependent_deref(KStmt *s);

/* Whether an expression reads something that differs between threads by
 * itself: thread or lane ids, memory, atomics, warp results. */
static bool expr_thread_dependent(KExpr *e, int depth) {
  if (!e) return false;
  if (depth > 6) return true;
  switch (e->kind) {
  case KE_BVAR: return e->bvar == KBV_THREAD_IDX || e->bvar == KBV_LANE_ID;
  case KE_VAR: return e->var->kind == KV_GLOBAL || e->var->as == AS_SHARED;
  case KE_BUILTIN: if (kb_info(e->builtin)->cls != KBC_MATH) return true; break;
  case KE_CALL: if (!e->fn->body || stmt_thread_dependent(e->fn->body, depth + 1)) return true; break;
  default: break;
  }
  if (expr_thread_dependent(e->a, depth) || expr_thread_dependent(e->b, depth) || expr_thread_dependent(e->c, depth))
    return true;
  for (int i = 0; i < e->nargs; i++)
    if (expr_thread_dependent(e->args[i], depth)) return true;
  return false;
}

static bool stmt_thread_dependent(KStmt *s, int depth) {
  if (!s) return false;
  for (int i = 0; i < s->nstmts; i++)
    if (stmt_thread_dependent(s->stmts[i], depth)) return true;
  return expr_thread_dependent(s->e, depth) || expr_thread_dependent(s->cond, depth) ||
         expr_thread_dependent(s->init, depth) || expr_thread_dependent(s->step, depth) ||
         (kstmt_var(s) && s->var->init && expr_thread_dependent(s->var->init, depth)) ||
         stmt_thread_dependent(s->then, depth) || stmt_thread_dependent(s->els, depth) ||
         stmt_thread_dependent(s->body, depth) || stmt_thread_dependent(s->init_stmt, depth);
}

/* The callee's body, where reading through its own pointer parameters
 * (this->field of a local object) is not by itself thread-dependent. */
static bool expr_td_deref(KExpr *e, int depth) {
  if (!e) return false;
  if ((e->kind == KE_DEREF || (e->kind == KE_INDEX && w_is_ptr(e->a->type)) || e->kind == KE_MEMBER) &&
      e->a->kind == KE_VAR && e->a->var->kind == KV_PARAM)
    return false;
  if (e->kind == KE_MEMBER && e->a->kind == KE_DEREF && e->a->a->kind == KE_VAR && e->a->a->var->kind == KV_PARAM)
    return false;
  if (e->kind == KE_INDEX || e->kind == KE_DEREF) return true; /* memory */
  if (e->kind == KE_BVAR || e->kind == KE_BUILTIN || e->kind == KE_CALL || e->kind == KE_VAR)
    return expr_thread_dependent(e, depth);
  if (expr_td_deref(e->a, depth) || expr_td_deref(e->b, depth) || expr_td_deref(e->c, depth)) return true;
  for (int i = 0; i < e->nargs; i++)
    if (expr_td_deref(e->args[i], depth)) return true;
  return false;
}

static bool stmt_thread_dependent_deref(KStmt *s) {
  if (!s) return false;
  for (int i = 0; i < s->nstmts; i++)
    if (stmt_thread_dependent_deref(s->stmts[i])) return true;
  return expr_td_deref(s->e, 0) || expr_td_deref(s->cond, 0) || expr_td_deref(s->init, 0) ||
         expr_td_deref(s->step, 0) || (kstmt_var(s) && s->var->init && expr_td_deref(s->var->init, 0)) ||
         stmt_thread_dependent_deref(s->then) || stmt_thread_dependent_deref(s->els) ||
         stmt_thread_dependent_deref(s->body) || stmt_thread_dependent_deref(s->init_stmt);
}

static bool expr_mentions(KExpr *e, KVar *v) {
  if (!e) return false;
  if (e->kind == KE_VAR && e->var == v) return true;
  if (expr_mentions(e->a, v) || expr_mentions(e->b, v) || expr_mentions(e->c, v)) return true;
  for (int i = 0; i < e->nargs; i++)
    if (expr_mentions(e->args[i], v)) return true;
  return false;
}

bool w_stmt_mentions(KStmt *s, KVar *v) {
  if (!s) return false;
  for (int i = 0; i < s->nstmts; i++)
    if (w_stmt_mentions(s->stmts[i], v)) return true;
  return expr_mentions(s->init, v) || expr_mentions(s->e, v) || expr_mentions(s->cond, v) ||
         expr_mentions(s->step, v) || w_stmt_mentions(s->then, v) || w_stmt_mentions(s->els, v) ||
         w_stmt_mentions(s->init_stmt, v) || w_stmt_mentions(s->body, v);
}

/* A call is uniform when its arguments are and its callee reads nothing
 * thread-dependent (its parameters' pointees count as memory only when
 * they are buffers: a pointer to a uniform local is followed by value).
 * An argument the callee never reads does not count: tile.size() returns
 * the tile's constant size whatever the tile object holds. */
static bool call_varying(WCtx *c, KExpr *e) {
  for (int i = 0; i < e->nargs; i++) {
    KExpr *a = e->args[i];
    if (e->fn->body && i < e->fn->nparams && !w_stmt_mentions(e->fn->body, e->fn->params[i])) continue;
    if (a->kind == KE_ADDR && a->a->kind == KE_VAR && a->a->var->kind != KV_GLOBAL && a->a->var->as != AS_SHARED) {
      if (w_is_varying(c, a->a)) return true;
      continue;
    }
    if (w_is_varying(c, a)) return true;
  }
  return !e->fn->body || stmt_thread_dependent_deref(e->fn->body);
}

bool w_is_varying(WCtx *c, KExpr *e) {
  if (!e) return false;
  switch (e->kind) {
  case KE_BVAR: return e->bvar == KBV_THREAD_IDX || e->bvar == KBV_LANE_ID;
  case KE_VAR:
    if (e->var->kind == KV_GLOBAL || e->var->as == AS_SHARED) return true;
    if (e->var->kind == KV_PARAM && c->cur->f != c->kernel) {
      for (int i = 0; i < c->cur->f->nparams; i++)
        if (c->cur->f->params[i] == e->var) return !c->cur->pvarying || c->cur->pvarying[i];
      return true;
    }
    return in_set(c->cur, e->var);
  case KE_INDEX: case KE_DEREF:
    if (e->kind == KE_DEREF || w_is_ptr(e->a->type)) return true;
    return w_is_varying(c, e->a) || w_is_varying(c, e->b);
  case KE_CALL: return call_varying(c, e);
  case KE_BUILTIN:
    if (kb_info(e->builtin)->cls != KBC_MATH) return true;
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

static void note_call(UWalk *w, KExpr *e, bool vctl);

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
      if (e->args[i]->kind == KE_ADDR && (vctl || call_varying(w->c, e))) mark(w, e->args[i]->a);
  if (e->kind == KE_CALL) note_call(w, e, vctl);
  if (e->kind == KE_BUILTIN && (e->builtin == KB_SINCOSF || e->builtin == KB_I_SINCOSF))
    for (int i = 1; i < e->nargs; i++)
      if (e->args[i]->kind == KE_ADDR) mark(w, e->args[i]->a);
}

/* Records, in the callee's instance, which parameters receive varying
 * values. */
static void note_call(UWalk *w, KExpr *e, bool vctl) {
  WCtx *c = w->c;
  if (!e->fn->body) return;
  bool quiet = c->failed;
  WInst *in = w_inst_for_call(c, e);
  if (!in || (c->failed && !quiet)) return;
  if (!in->pvarying) in->pvarying = arena_alloc(c->a, sizeof(bool) * (size_t)(e->fn->nparams + 1));
  for (int i = 0; i < e->fn->nparams && i < e->nargs; i++) {
    KExpr *a = e->args[i];
    bool v = vctl || w_is_varying(c, a);
    if (a->kind == KE_ADDR && a->a->kind == KE_VAR && a->a->var->kind != KV_GLOBAL && a->a->var->as != AS_SHARED)
      v = vctl || w_is_varying(c, a->a);
    if (v && !in->pvarying[i]) in->pvarying[i] = true;
  }
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
    bool spec = w_spec_if(w->c, s);
    if (spec && w_is_varying(w->c, s->cond)) {
      w_note_spec_calls(w->c, s->then);
      w_note_spec_calls(w->c, s->els);
    }
    bool v = vctl || (!spec && !w_barrier_both_ways(s) && w_is_varying(w->c, s->cond));
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
    bool spec = w_spec_switch(w->c, s); /* arms run in every thread (wgsl_speculate.c) */
    if (spec && w_is_varying(w->c, s->cond)) w_note_spec_switch(w->c, s);
    bool v = vctl || (!spec && w_is_varying(w->c, s->cond));
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
