/*
 * fission_collective.c — warp functions and __syncthreads_count/and/or
 * for barrier fission.  A collective is taken out of its statement
 * (innermost first) into a per-thread temporary: the operands are stored
 * in one thread loop, each thread publishes its value in a block-wide
 * exchange array (a pass-made __shared__ [1024 x T]) after a loop that
 * clears every thread's `active` flag, and the next thread loop computes
 * each lane's result from the array as CUDA defines it: shuffle segments
 * and bounds, votes, ballots, matches and reductions over the active
 * lanes of the mask.  Block reductions add into one block-wide
 * accumulator.  Calls of device functions with barriers inside
 * expressions are hoisted the same way, through fission_inline.c.
 */
#include "fission_internal.h"

#include <stdio.h>
#include <string.h>

/* a block-wide exchange array (__shared__ T x[1024]) made by the pass */
static KVar *exchange_array(Fis *f, KType *elem) {
  KType *t = arena_alloc(f->a, sizeof *t);
  t->kind = KT_ARRAY;
  t->elem = elem;
  t->count = 1024;
  t->size = 1024 * elem->size;
  t->align = elem->align;
  t->unqual = t;
  KVar *v = fis_new_local_of(f, "xch", false, t);
  v->as = AS_SHARED;
  fis_block_stmt(f, fis_st_decl(f, v));
  return v;
}

/* x = __syncthreads_count/and/or(p): each thread adds its predicate to a
 * block-wide accumulator in one thread loop; the next reads the total. */
static KVar *block_reduce(Fis *f, KExpr *c) {
  KVar *acc = fis_new_local(f, "acc", false);
  fis_block_stmt(f, fis_st_decl(f, acc));
  fis_block_stmt(f, fis_st_set(f, acc, c->builtin == KB_SYNCTHREADS_AND));
  KExpr *pred = fis_ex_cast(f, f->m->t_i32, fis_ex_cmp(f, KOP_NE, c->args[0], fis_ex_int(f, 0)));
  KOp op = c->builtin == KB_SYNCTHREADS_COUNT ? KOP_ADD : c->builtin == KB_SYNCTHREADS_AND ? KOP_AND : KOP_OR;
  fis_thread_stmt(f, fis_st_assign(f, fis_ex_var(f, acc), fis_ex_bin(f, op, f->m->t_i32, fis_ex_var(f, acc), pred)));
  fis_flush(f);
  KVar *res = fis_new_local_of(f, "coll", false, c->type);
  fis_thread_stmt(f, fis_st_decl_init(f, res, fis_ex_cast(f, c->type, fis_ex_var(f, acc))));
  return res;
}

/* the lane a shuffle reads (lane = tid & 31, w = width), as u32 */
static KExpr *shuffle_source(Fis *f, KBuiltinId id, KVar *tl, KExpr *arg, KExpr *width) {
  KType *u = f->m->t_u32;
  KExpr *lane = fis_ex_bin(f, KOP_AND, u, fis_ex_var(f, tl), fis_ex_u32(f, 31));
  KExpr *wm1 = fis_ex_bin(f, KOP_SUB, u, width, fis_ex_u32(f, 1));
  KExpr *in_seg = fis_ex_bin(f, KOP_AND, u, lane, wm1);            /* lane % w */
  KExpr *seg = fis_ex_bin(f, KOP_SUB, u, lane, in_seg);            /* first lane of the segment */
  KExpr *base = fis_ex_bin(f, KOP_SUB, u, fis_ex_var(f, tl), lane);    /* first thread of the warp */
  KExpr *d = fis_ex_cast(f, u, arg), *me = fis_ex_var(f, tl);
  switch (id) {
  case KB_SHFL_SYNC:
    return fis_ex_bin(f, KOP_ADD, u, fis_ex_bin(f, KOP_ADD, u, base, seg), fis_ex_bin(f, KOP_AND, u, d, wm1));
  case KB_SHFL_UP_SYNC:
    return fis_ex_sel(f, u, fis_ex_cmp(f, KOP_GE, in_seg, d), fis_ex_bin(f, KOP_SUB, u, me, d), fis_ex_var(f, tl));
  case KB_SHFL_DOWN_SYNC:
    return fis_ex_sel(f, u, fis_ex_cmp(f, KOP_LT, fis_ex_bin(f, KOP_ADD, u, in_seg, d), width), fis_ex_bin(f, KOP_ADD, u, me, d),
                  fis_ex_var(f, tl));
  default: { /* xor: the partner must be in the same segment */
    KExpr *j = fis_ex_bin(f, KOP_XOR, u, lane, d);
    KExpr *jseg = fis_ex_bin(f, KOP_SUB, u, j, fis_ex_bin(f, KOP_AND, u, j, wm1));
    return fis_ex_sel(f, u, fis_ex_cmp(f, KOP_EQ, jseg, seg), fis_ex_bin(f, KOP_ADD, u, base, j), fis_ex_var(f, tl));
  }
  }
}

/* what lane j (thread s, active, in the mask) contributes to r */
static KStmt *lane_step(Fis *f, KBuiltinId id, KVar *r, KVar *xv, KExpr *s, KVar *j, KVar *own) {
  KType *rt = r->type;
  KExpr *bit = fis_ex_cast(f, rt, fis_ex_bin(f, KOP_SHL, f->m->t_u32, fis_ex_u32(f, 1), fis_ex_var(f, j)));
  KExpr *val = xv ? fis_ex_at(f, xv, s) : NULL;
  switch (id) {
  case KB_BALLOT_SYNC:
    return fis_st_if(f, fis_ex_cmp(f, KOP_NE, val, fis_ex_int(f, 0)), fis_st_assign(f, fis_ex_var(f, r), fis_ex_bin(f, KOP_OR, rt, fis_ex_var(f, r), bit)));
  case KB_ACTIVEMASK:
    return fis_st_assign(f, fis_ex_var(f, r), fis_ex_bin(f, KOP_OR, rt, fis_ex_var(f, r), bit));
  case KB_MATCH_ANY_SYNC:
    return fis_st_if(f, fis_ex_cmp(f, KOP_EQ, val, fis_ex_var(f, own)), fis_st_assign(f, fis_ex_var(f, r), fis_ex_bin(f, KOP_OR, rt, fis_ex_var(f, r), bit)));
  case KB_ALL_SYNC:
    return fis_st_if(f, fis_ex_cmp(f, KOP_EQ, val, fis_ex_int(f, 0)), fis_st_assign(f, fis_ex_var(f, r), fis_ex_cast(f, rt, fis_ex_int(f, 0))));
  case KB_ANY_SYNC:
    return fis_st_if(f, fis_ex_cmp(f, KOP_NE, val, fis_ex_int(f, 0)), fis_st_assign(f, fis_ex_var(f, r), fis_ex_cast(f, rt, fis_ex_int(f, 1))));
  case KB_REDUCE_ADD_SYNC: return fis_st_assign(f, fis_ex_var(f, r), fis_ex_bin(f, KOP_ADD, rt, fis_ex_var(f, r), fis_ex_cast(f, rt, val)));
  case KB_REDUCE_AND_SYNC: return fis_st_assign(f, fis_ex_var(f, r), fis_ex_bin(f, KOP_AND, rt, fis_ex_var(f, r), fis_ex_cast(f, rt, val)));
  case KB_REDUCE_OR_SYNC: return fis_st_assign(f, fis_ex_var(f, r), fis_ex_bin(f, KOP_OR, rt, fis_ex_var(f, r), fis_ex_cast(f, rt, val)));
  case KB_REDUCE_XOR_SYNC: return fis_st_assign(f, fis_ex_var(f, r), fis_ex_bin(f, KOP_XOR, rt, fis_ex_var(f, r), fis_ex_cast(f, rt, val)));
  default: { /* min, max */
    KExpr *v = fis_ex_cast(f, rt, val);
    KOp better = id == KB_REDUCE_MIN_SYNC ? KOP_LT : KOP_GT;
    return fis_st_if(f, fis_ex_cmp(f, better, v, fis_ex_var(f, r)), fis_st_assign(f, fis_ex_var(f, r), fis_ex_cast(f, rt, fis_ex_at(f, xv, s))));
  }
  }
}

static bool lane_op(KBuiltinId id) {
  switch (id) {
  case KB_BALLOT_SYNC: case KB_ACTIVEMASK: case KB_MATCH_ANY_SYNC: case KB_ALL_SYNC: case KB_ANY_SYNC:
  case KB_REDUCE_ADD_SYNC: case KB_REDUCE_MIN_SYNC: case KB_REDUCE_MAX_SYNC: case KB_REDUCE_AND_SYNC:
  case KB_REDUCE_OR_SYNC: case KB_REDUCE_XOR_SYNC:
    return true;
  default: return false;
  }
}

/* __match_all_sync(mask, v, &pred): the mask's active lanes when they all
 * hold v (pred = 1), else 0 (pred = 0) */
static KVar *match_all(Fis *f, KExpr *c, KVar **args, KVar *xa, KVar *xv, KVar *tl, KVar *res) {
  KType *u = f->m->t_u32;
  KVar *act = fis_new_local_of(f, "act", false, u), *same = fis_new_local_of(f, "same", false, f->m->t_i32);
  KVar *j = fis_new_local_of(f, "j", false, u);
  fis_thread_stmt(f, fis_st_decl_init(f, act, fis_ex_u32(f, 0)));
  fis_thread_stmt(f, fis_st_decl_init(f, same, fis_ex_int(f, 1)));
  KExpr *s = fis_ex_bin(f, KOP_ADD, u, fis_ex_bin(f, KOP_SUB, u, fis_ex_var(f, tl), fis_ex_bin(f, KOP_AND, u, fis_ex_var(f, tl), fis_ex_u32(f, 31))),
                    fis_ex_var(f, j));
  KExpr *cond = fis_ex_bin(f, KOP_LAND, f->m->t_bool, fis_ex_cmp(f, KOP_LT, s, fis_ex_nthreads(f)),
                       fis_ex_cmp(f, KOP_NE, fis_ex_at(f, xa, s), fis_ex_int(f, 0)));
  KExpr *inmask = fis_ex_bin(f, KOP_AND, u, fis_ex_bin(f, KOP_SHR, u, fis_ex_cast(f, u, fis_ex_var(f, args[0])), fis_ex_var(f, j)), fis_ex_u32(f, 1));
  cond = fis_ex_bin(f, KOP_LAND, f->m->t_bool, cond, fis_ex_cmp(f, KOP_NE, inmask, fis_ex_u32(f, 0)));
  KStmt *two[2] = {
      fis_st_assign(f, fis_ex_var(f, act), fis_ex_bin(f, KOP_OR, u, fis_ex_var(f, act), fis_ex_bin(f, KOP_SHL, u, fis_ex_u32(f, 1), fis_ex_var(f, j)))),
      fis_st_if(f, fis_ex_cmp(f, KOP_NE, fis_ex_at(f, xv, s), fis_ex_var(f, args[1])), fis_st_set(f, same, 0))};
  fis_thread_stmt(f, fis_st_lanes(f, j, fis_st_if(f, cond, fis_st_block(f, two, 2))));
  KExpr *deref = fis_ex_new(f, KE_DEREF, f->m->t_i32);
  deref->a = fis_ex_var(f, args[2]);
  fis_thread_stmt(f, fis_st_assign(f, deref, fis_ex_var(f, same)));
  fis_thread_stmt(f, fis_st_decl_init(f, res, fis_ex_cast(f, c->type, fis_ex_sel(f, u, fis_ex_cmp(f, KOP_NE, fis_ex_var(f, same), fis_ex_int(f, 0)),
                                                                  fis_ex_var(f, act), fis_ex_u32(f, 0)))));
  return res;
}

/* A warp collective: the operands go to per-thread temporaries and the
 * value to an exchange array in one thread loop (after a loop that clears
 * every thread's `active` flag, so lanes that do not take part are
 * known); the next loop computes each lane's result from the exchange
 * array as CUDA defines it (shuffle segments and bounds, votes and
 * reductions over the active lanes of the mask). */
static KVar *warp_exchange(Fis *f, KExpr *c) {
  bool shuffle = c->builtin == KB_SHFL_SYNC || c->builtin == KB_SHFL_UP_SYNC || c->builtin == KB_SHFL_DOWN_SYNC ||
                 c->builtin == KB_SHFL_XOR_SYNC;
  if (!shuffle && !lane_op(c->builtin) && c->builtin != KB_MATCH_ALL_SYNC) {
    const KBuiltinInfo *i = kb_info(c->builtin);
    char what[96];
    snprintf(what, sizeof what, "the warp function '%s'", i ? i->name : "?");
    fis_error(f, c->loc, what);
    return NULL;
  }
  KType *u = f->m->t_u32;
  KVar **args = arena_alloc(f->a, sizeof *args * (size_t)(c->nargs + 1));
  for (int i = 0; i < c->nargs; i++) {
    args[i] = fis_new_local_of(f, "opnd", false, c->args[i]->type);
    fis_thread_stmt(f, fis_st_decl_init(f, args[i], c->args[i]));
  }
  KVar *xa = exchange_array(f, f->m->t_i32);
  KVar *xv = c->nargs > 1 ? exchange_array(f, c->args[1]->type) : NULL;
  KVar *tl = fis_new_local_of(f, "lane", false, u);
  int saved = f->nguards;
  f->nguards = 0; /* every thread: not active until it publishes */
  fis_thread_stmt(f, fis_st_assign(f, fis_ex_at(f, xa, fis_ex_tid(f)), fis_ex_int(f, 0)));
  fis_flush(f);
  f->nguards = saved;
  fis_thread_stmt(f, fis_st_assign(f, fis_ex_at(f, xa, fis_ex_tid(f)), fis_ex_int(f, 1)));
  if (xv) fis_thread_stmt(f, fis_st_assign(f, fis_ex_at(f, xv, fis_ex_tid(f)), fis_ex_var(f, args[1])));
  fis_flush(f);
  fis_thread_stmt(f, fis_st_decl_init(f, tl, fis_ex_tid(f)));
  KVar *res = fis_new_local_of(f, "coll", false, c->type);
  if (shuffle) {
    KExpr *width = c->nargs > 3 ? fis_ex_cast(f, u, fis_ex_var(f, args[3])) : fis_ex_u32(f, 32);
    KVar *src = fis_new_local_of(f, "src", false, u);
    fis_thread_stmt(f, fis_st_decl_init(f, src, shuffle_source(f, c->builtin, tl, fis_ex_var(f, args[2]), width)));
    KExpr *ok = fis_ex_cmp(f, KOP_LT, fis_ex_var(f, src), fis_ex_nthreads(f));
    fis_thread_stmt(f, fis_st_decl_init(f, res, fis_ex_cast(f, c->type, fis_ex_at(f, xv, fis_ex_sel(f, u, ok, fis_ex_var(f, src), fis_ex_var(f, tl))))));
    return res;
  }
  KBuiltinId id = c->builtin;
  if (id == KB_MATCH_ALL_SYNC) return match_all(f, c, args, xa, xv, tl, res);
  /* r = identity (or the lane's own value for min/max); then over the 32 lanes */
  KExpr *init;
  if (id == KB_REDUCE_MIN_SYNC || id == KB_REDUCE_MAX_SYNC) init = fis_ex_cast(f, c->type, fis_ex_var(f, args[1]));
  else if (id == KB_ALL_SYNC || id == KB_REDUCE_AND_SYNC) init = fis_ex_cast(f, c->type, fis_ex_int(f, id == KB_ALL_SYNC ? 1 : -1));
  else init = fis_ex_cast(f, c->type, fis_ex_int(f, 0));
  fis_thread_stmt(f, fis_st_decl_init(f, res, init));
  KVar *j = fis_new_local_of(f, "j", false, u);
  KExpr *s = fis_ex_bin(f, KOP_ADD, u, fis_ex_bin(f, KOP_SUB, u, fis_ex_var(f, tl), fis_ex_bin(f, KOP_AND, u, fis_ex_var(f, tl), fis_ex_u32(f, 31))),
                    fis_ex_var(f, j));
  KExpr *cond = fis_ex_cmp(f, KOP_LT, s, fis_ex_nthreads(f));
  cond = fis_ex_bin(f, KOP_LAND, f->m->t_bool, cond, fis_ex_cmp(f, KOP_NE, fis_ex_at(f, xa, s), fis_ex_int(f, 0)));
  if (id != KB_ACTIVEMASK) {
    KExpr *inmask = fis_ex_bin(f, KOP_AND, u, fis_ex_bin(f, KOP_SHR, u, fis_ex_cast(f, u, fis_ex_var(f, args[0])), fis_ex_var(f, j)), fis_ex_u32(f, 1));
    cond = fis_ex_bin(f, KOP_LAND, f->m->t_bool, cond, fis_ex_cmp(f, KOP_NE, inmask, fis_ex_u32(f, 0)));
  }
  fis_thread_stmt(f, fis_st_lanes(f, j, fis_st_if(f, cond, lane_step(f, id, res, xv, s, j, xv ? args[1] : NULL))));
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
    KVar *res = coll->kind == KE_CALL ? hoist_call(f, coll) : coll->builtin == KB_SYNCTHREADS_COUNT || coll->builtin == KB_SYNCTHREADS_AND ||
                        coll->builtin == KB_SYNCTHREADS_OR
                    ? block_reduce(f, coll)
                    : warp_exchange(f, coll);
    if (!res) break;
    *slot = replace_expr(f, *slot, coll, fis_ex_var(f, res));
  }
  return c;
}

