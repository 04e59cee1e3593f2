/*
 * fission_collective.c — warp functions and __syncthreads_count/and/or
 * for barrier fission.  A collective is taken out of its statement
 * (innermost first) into a per-thread temporary, computed by the thread
 * loops of warp lowering (warp.c: exchange arrays, each lane's result as
 * CUDA defines it), which the C emitter uses too.  Calls of device
 * functions with barriers inside expressions are hoisted the same way,
 * through fission_inline.c.
 */
#include "fission_internal.h"

#include <string.h>

/* A collective lowered by warp.c, placed between thread loops: its
 * block-level declarations, a loop over every thread (clear), one over
 * the threads that reach it (publish), one over every thread (gather),
 * and its result at the head of the thread loop that goes on with the
 * statement. */
static KVar *lower_collective(Fis *f, KExpr *c) {
  KVar *res = fis_new_local_of(f, "coll", false, c->type);
  KCollective k;
  if (!fis_lower_collective(f, c, res, &k)) return NULL;
  fis_flush(f);
  for (int i = 0; i < k.block.len; i++) fis_block_stmt(f, k.block.items[i]);
  if (k.clear.len && f->nguards) { /* without guards every thread publishes */
    int saved = f->nguards;
    f->nguards = 0; /* every thread: not active until it publishes */
    for (int i = 0; i < k.clear.len; i++) fis_thread_stmt(f, k.clear.items[i]);
    fis_flush(f);
    f->nguards = saved;
  }
  for (int i = 0; i < k.publish.len; i++) fis_thread_stmt(f, k.publish.items[i]);
  fis_flush(f);
  if (k.gather.len) {
    int saved = f->nguards;
    f->nguards = 0;
    for (int i = 0; i < k.gather.len; i++) fis_thread_stmt(f, k.gather.items[i]);
    fis_flush(f);
    f->nguards = saved;
  }
  for (int i = 0; i < k.result.len; i++) fis_thread_stmt(f, k.result.items[i]);
  return res;
}

/* the first collective of e whose operands hold none */
static KExpr *find_collective(KExpr *e) {
  if (!e) return NULL;
  KExpr *r;
  if ((r = find_collective(e->a)) || (r = find_collective(e->b)) || (r = find_collective(e->c))) return r;
  for (int i = 0; i < e->nargs; i++)
    if ((r = find_collective(e->args[i]))) return r;
  return kir_is_collective(e) || (e->kind == KE_CALL && kir_func_has_split(e->fn)) ? e : NULL;
}

/* a call of a device function with barriers inside an expression: its
 * body is inlined in front of the statement, into a temporary */
static KVar *hoist_call(Fis *f, KExpr *call) {
  if (call->type->kind == KT_VOID) {
    fis_error(f, call->loc, "a call of a void device function with barriers inside an expression");
    return NULL;
  }
  KVar *tmp = fis_new_local_of(f, "call", false, call->type);
  KStmt *d = fis_st_decl(f, tmp);
  d->init = call;
  fis_inline_call(f, d);
  return f->failed ? NULL : tmp;
}

/* a copy of e with `target` replaced (nodes off the path are shared) */
static KExpr *replace_expr(Fis *f, KExpr *e, const KExpr *target, KExpr *with) {
  if (!e) return NULL;
  if (e == target) return with;
  KExpr *a = replace_expr(f, e->a, target, with), *b = replace_expr(f, e->b, target, with),
        *c = replace_expr(f, e->c, target, with);
  KExpr **args = e->args;
  for (int i = 0; i < e->nargs; i++) {
    KExpr *x = replace_expr(f, e->args[i], target, with);
    if (x == e->args[i]) continue;
    if (args == e->args) {
      args = arena_alloc(f->a, sizeof *args * (size_t)e->nargs);
      memcpy(args, e->args, sizeof *args * (size_t)e->nargs);
    }
    args[i] = x;
  }
  if (a == e->a && b == e->b && c == e->c && args == e->args) return e;
  KExpr *n = fis_ex_new(f, e->kind, e->type);
  *n = *e;
  n->a = a;
  n->b = b;
  n->c = c;
  n->args = args;
  return n;
}

static bool contains(const KExpr *e, const KExpr *t) {
  if (!e) return false;
  if (e == t) return true;
  if (contains(e->a, t) || contains(e->b, t) || contains(e->c, t)) return true;
  for (int i = 0; i < e->nargs; i++)
    if (contains(e->args[i], t)) return true;
  return false;
}

/* What e sequences before `coll` (the left operand of each comma on the
 * path to it, e.g. a temporary `seq(tmp = g(), f(&tmp))` that sema made
 * for f's argument) goes into the thread loop before coll's, so that the
 * hoisted collective sees it; returns e without those operands. */
static KExpr *hoist_sequenced_before(Fis *f, KExpr *e, const KExpr *coll) {
  if (!e || e == coll) return e;
  if (e->kind == KE_COMMA && contains(e->b, coll)) {
    KStmt *pre = fis_st_new(f, KS_EXPR);
    pre->e = e->a;
    pre->loc = e->loc;
    fis_thread_stmt(f, pre);
    return hoist_sequenced_before(f, e->b, coll);
  }
  KExpr *kids[3] = {e->a, e->b, e->c};
  for (int i = 0; i < 3; i++)
    if (contains(kids[i], coll)) return replace_expr(f, e, kids[i], hoist_sequenced_before(f, kids[i], coll));
  for (int i = 0; i < e->nargs; i++)
    if (contains(e->args[i], coll))
      return replace_expr(f, e, e->args[i], hoist_sequenced_before(f, e->args[i], coll));
  return e;
}

/* The statement's own expression (not its sub-statements'). */
static KExpr **own_expr(KStmt *s) {
  switch (s->kind) {
  case KS_DECL: return s->init ? &s->init : NULL;
  case KS_EXPR: case KS_RETURN: return s->e ? &s->e : NULL;
  case KS_IF: case KS_SWITCH: return &s->cond;
  default: return NULL;
  }
}

/* Takes the collectives out of s's own expression, innermost first, each
 * into a per-thread temporary computed by thread loops before s; returns
 * s rewritten to read the temporaries (s itself when it has none). */
KStmt *fis_hoist_collectives(Fis *f, KStmt *s) {
  KExpr **slot = own_expr(s);
  if (!slot || !find_collective(*slot)) return s;
  KStmt *c = fis_st_new(f, s->kind);
  *c = *s;
  slot = own_expr(c);
  for (KExpr *coll; !f->failed && (coll = find_collective(*slot));) {
    if (coll->kind == KE_CALL && coll == *slot && s->kind == KS_EXPR) break; /* a call statement: inline_call */
    if (coll->kind == KE_CALL && s->kind == KS_DECL && coll == s->init) break;
    *slot = hoist_sequenced_before(f, *slot, coll);
    KVar *res = coll->kind == KE_CALL ? hoist_call(f, coll) : lower_collective(f, coll);
    if (!res) break;
    *slot = replace_expr(f, *slot, coll, fis_ex_var(f, res));
  }
  return c;
}

