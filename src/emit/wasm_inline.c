/*
 * wasm_inline.c — calls of short device functions emitted in place of the
 * call on the wasm target.
 *
 * V8 does not inline calls between WebAssembly functions, and C++ kernels
 * call accessors, operators and small helpers at every step (cuda-samples'
 * interval spent a fifth of its time entering `lower()`, `upper()` and
 * `empty()`).  A function qualifies when its body is at most
 * SHORT_STATEMENTS statements of which only the last returns (no early
 * return, goto, label, barrier or warp collective), it does not call
 * itself (directly or through the calls being emitted in place around it,
 * at most WASM_INLINE_DEPTH deep).  The call is then: each argument
 * evaluated in order, converted to its parameter's type, into a fresh
 * local (an aggregate's copied to a temporary, whose address the local
 * holds, as a call passes it); the parameters bound to those locals (a
 * scalar one whose address the body takes: stored in a frame slot, bound
 * there; a scalar local whose address it takes is marked so, which gives
 * it a frame slot too: `T const &l = f(x)` binds a temporary); the
 * statements emitted; and the returned expression's
 * value pushed (an aggregate result copied to a temporary first, so that
 * it never aliases what the function read).  The callee's own locals get
 * locals or frame slots of the caller's as they are first used, and the
 * bindings are dropped afterwards.
 */
#include "wasm_internal.h"
#include "../kir/passes/splits.h"
#include "../kir/passes/walk.h"

enum { SHORT_STATEMENTS = 8 };

static bool is_return(const KStmt *s, void *ctx) {
  (void)ctx;
  return s->kind == KS_RETURN;
}

typedef struct Addressed {
  Arena *arena;
  PtrVec vars; /* KVar*: scalar locals and parameters whose address is taken */
} Addressed;

/* notes v in &v, v a scalar local or parameter (an aggregate one lives in
 * memory already) */
static bool note_scalar_address(const KExpr *e, void *ctx) {
  Addressed *a = ctx;
  const KVar *v = e->kind == KE_ADDR ? we_lvalue_root(e->a) : NULL;
  if (v && (v->kind == KV_LOCAL || v->kind == KV_PARAM) && !kt_aggregate(v->type) && vec_find(&a->vars, v) < 0)
    vec_push(a->arena, &a->vars, (void *)v);
  return false;
}

static bool value_type_ok(const KType *t) {
  return kt_aggregate(t) || (wt_of(t) && wt_of(t) != WT_VOID);
}

/* fn's statements before its final return (*before, *n) and the value it
 * returns (*ret, NULL for void), when a call of it may be emitted in place */
static bool short_body(WEmit *w, const KFunc *fn, const KExpr *call, KStmt *const **before, int *n,
                       const KExpr **ret) {
  if (!fn->body || fn == w->fn->f || call->nargs != fn->nparams || w->ninlining >= WASM_INLINE_DEPTH)
    return false;
  for (int i = 0; i < w->ninlining; i++)
    if (w->inlining[i] == fn) return false;
  bool is_void = fn->ret->kind == KT_VOID;
  if (!is_void && !value_type_ok(fn->ret)) return false;
  for (int i = 0; i < fn->nparams; i++)
    if (!value_type_ok(fn->params[i]->type)) return false;
  KStmt *const *stmts = &fn->body;
  int count = 1;
  if (fn->body->kind == KS_BLOCK) stmts = fn->body->stmts, count = fn->body->nstmts;
  if (count > SHORT_STATEMENTS) return false;
  const KStmt *last = count ? stmts[count - 1] : NULL;
  *ret = NULL;
  if (last && last->kind == KS_RETURN) {
    if (!is_void && !last->e) return false;
    *ret = last->e;
    count--;
  } else if (!is_void) {
    return false; /* a value-returning function that ends elsewhere */
  }
  for (int i = 0; i < count; i++)
    if (kir_walk_any(stmts[i], NULL, is_return, NULL)) return false;
  if (kir_has_jump(fn->body) || kir_stmt_has_split(fn->body)) return false;
  *before = stmts;
  *n = count;
  return true;
}

bool wx_call_in_place(WEmit *w, const KExpr *e, bool want) {
  const KFunc *fn = e->fn;
  KStmt *const *before;
  int n;
  const KExpr *ret;
  if (!short_body(w, fn, e, &before, &n, &ret)) return false;
  uint32_t *locals = arena_alloc(&w->arena, sizeof(uint32_t) * (size_t)(fn->nparams + 1));
  for (int i = 0; i < fn->nparams; i++) {
    const KType *pt = fn->params[i]->type;
    if (kt_aggregate(pt)) {
      locals[i] = wx_temp(w, pt);
      op_u(w, OP_LOCAL_GET, locals[i]);
      wx_value(w, e->args[i]);
      wx_copy(w, pt->size);
      continue;
    }
    wx_value(w, e->args[i]);
    wx_convert(w, e->args[i]->type, pt, e->args[i]->loc);
    locals[i] = we_local(w, wt_of(pt));
    op_u(w, OP_LOCAL_SET, locals[i]);
  }
  Addressed addressed = {.arena = &w->arena};
  kir_walk_any(fn->body, note_scalar_address, NULL, &addressed);
  int saved = w->fn->nvars, saved_addr = w->fn->addr_taken.len;
  for (int i = 0; i < fn->nparams; i++) {
    const KVar *p = fn->params[i];
    if (kt_aggregate(p->type)) {
      we_bind(w, p, VS_ADDR_LOCAL, locals[i]);
    } else if (vec_find(&addressed.vars, p) >= 0) { /* its value into a frame slot */
      WVar *x = we_bind(w, p, VS_FRAME, 0);
      x->off = we_frame_slot(w, p->type->size, p->type->align);
      op_u(w, OP_LOCAL_GET, w->fn->fp);
      op_i32(w, x->off);
      op(w, OP_I32_ADD);
      op_u(w, OP_LOCAL_GET, locals[i]);
      wx_store(w, p->type);
    } else {
      we_bind(w, p, VS_LOCAL, locals[i]);
    }
  }
  for (int i = 0; i < addressed.vars.len; i++) /* the callee's own: frame slots when first used */
    if (((const KVar *)addressed.vars.items[i])->kind == KV_LOCAL)
      vec_push(&w->arena, &w->fn->addr_taken, addressed.vars.items[i]);
  w->inlining[w->ninlining++] = fn;
  for (int i = 0; i < n; i++) ws_stmt(w, before[i]);
  if (ret && kt_aggregate(fn->ret)) {
    uint32_t r = wx_temp(w, fn->ret);
    op_u(w, OP_LOCAL_GET, r);
    wx_value(w, ret);
    wx_copy(w, fn->ret->size);
    if (want) op_u(w, OP_LOCAL_GET, r);
  } else if (ret && want) {
    wx_value(w, ret);
    wx_convert(w, ret->type, fn->ret, ret->loc);
  } else if (ret) {
    wx_drop(w, ret);
  }
  w->ninlining--;
  w->fn->nvars = saved;
  w->fn->addr_taken.len = saved_addr;
  return true;
}
