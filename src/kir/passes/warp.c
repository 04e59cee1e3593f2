/*
 * warp.c — warp lowering (warp.h): a collective as block-level
 * declarations and thread loops.  Each thread that reaches the collective
 * sets its flag (and, for votes, its predicate) in block-wide arrays
 * indexed by the thread's linear id, plain stores that vectorise; then
 * the first lane of each warp packs its warp's flags into two words, the
 * lanes that reached it (`act`) and those whose predicate holds (`bal`).
 * A lane's mask is its mask operand & its warp's active lanes, as CUDA
 * defines it for threads that reach the call together; votes and
 * __activemask read the warp's words (constant work per lane), matches
 * and reductions walk the mask's lanes.  A shuffle only reads the value
 * its source lane published (no flags: reading a lane that did not take
 * part is undefined in CUDA).
 * Operands that are literals or plain variables are read where they are
 * needed (nothing runs between the loops that could change them); others
 * are evaluated once, in publish, into locals that result reads.
 */
#include "fission_internal.h"
#include "warp.h"

#include <stdio.h>
#include <string.h>

static void add(Fis *f, PtrVec *v, KStmt *s) { vec_push(f->a, v, s); }

/* a block-wide array of n elements of elem, declared in the block step */
static KVar *block_array(Fis *f, KCollective *out, const char *stem, KType *elem, int n) {
  KType *t = arena_alloc(f->a, sizeof *t);
  t->kind = KT_ARRAY;
  t->elem = elem;
  t->count = n;
  t->size = n * elem->size;
  t->align = elem->align;
  t->unqual = t;
  KVar *v = fis_new_local_of(f, stem, false, t);
  v->as = AS_SHARED;
  add(f, &out->block, fis_st_decl(f, v));
  return v;
}

/* an operand as result may read it: literals and plain variables as they
 * are, anything else evaluated once in publish */
static KExpr *operand(Fis *f, KCollective *out, KExpr *e) {
  if (e->kind == KE_INT || e->kind == KE_FLOAT) return e;
  if (e->kind == KE_VAR && !e->type->is_volatile && e->var->kind != KV_GLOBAL) return e;
  KVar *t = fis_new_local_of(f, "opnd", false, e->type);
  add(f, &out->publish, fis_st_decl_init(f, t, e));
  return fis_ex_var(f, t);
}

static KExpr *u32(Fis *f, KExpr *e) { return fis_ex_cast(f, f->m->t_u32, e); }
static KExpr *bin(Fis *f, KOp op, KExpr *a, KExpr *b) { return fis_ex_bin(f, op, f->m->t_u32, a, b); }

/* x = __syncthreads_count/and/or(p): each thread that reaches it adds its
 * predicate to a block-wide accumulator; the next loop reads the total */
static void block_reduce(Fis *f, KCollective *out, const KExpr *c, KVar *res) {
  KVar *acc = fis_new_local(f, "acc", false);
  add(f, &out->block, fis_st_decl(f, acc));
  add(f, &out->block, fis_st_set(f, acc, c->builtin == KB_SYNCTHREADS_AND));
  KExpr *pred = fis_ex_cast(f, f->m->t_i32, fis_ex_cmp(f, KOP_NE, c->args[0], fis_ex_int(f, 0)));
  KOp op = c->builtin == KB_SYNCTHREADS_COUNT ? KOP_ADD : c->builtin == KB_SYNCTHREADS_AND ? KOP_AND : KOP_OR;
  add(f, &out->publish, fis_st_assign(f, fis_ex_var(f, acc), fis_ex_bin(f, op, f->m->t_i32, fis_ex_var(f, acc), pred)));
  add(f, &out->result, fis_st_decl_init(f, res, fis_ex_cast(f, c->type, fis_ex_var(f, acc))));
}

/* the thread a shuffle reads (tl: the reader's linear id, w = width) */
static KExpr *shuffle_source(Fis *f, KBuiltinId id, KVar *tl, KExpr *arg, KExpr *width) {
  KExpr *lane = bin(f, KOP_AND, fis_ex_var(f, tl), fis_ex_u32(f, 31));
  KExpr *wm1 = bin(f, KOP_SUB, width, fis_ex_u32(f, 1));
  KExpr *in_seg = bin(f, KOP_AND, lane, wm1);               /* lane % w */
  KExpr *seg = bin(f, KOP_SUB, lane, in_seg);               /* first lane of the segment */
  KExpr *base = bin(f, KOP_SUB, fis_ex_var(f, tl), lane);   /* first thread of the warp */
  KExpr *d = u32(f, arg), *me = fis_ex_var(f, tl);
  switch (id) {
  case KB_SHFL_SYNC: return bin(f, KOP_ADD, bin(f, KOP_ADD, base, seg), bin(f, KOP_AND, d, wm1));
  case KB_SHFL_UP_SYNC:
    return fis_ex_sel(f, f->m->t_u32, fis_ex_cmp(f, KOP_GE, in_seg, d), bin(f, KOP_SUB, me, d), fis_ex_var(f, tl));
  case KB_SHFL_DOWN_SYNC:
    return fis_ex_sel(f, f->m->t_u32, fis_ex_cmp(f, KOP_LT, bin(f, KOP_ADD, in_seg, d), width), bin(f, KOP_ADD, me, d),
                      fis_ex_var(f, tl));
  default: { /* xor: the partner must be in the same segment */
    KExpr *j = bin(f, KOP_XOR, lane, d);
    KExpr *jseg = bin(f, KOP_SUB, j, bin(f, KOP_AND, j, wm1));
    return fis_ex_sel(f, f->m->t_u32, fis_ex_cmp(f, KOP_EQ, jseg, seg), bin(f, KOP_ADD, base, j), fis_ex_var(f, tl));
  }
  }
}

/* what __match_*_sync compares: a value's bits (floats by their bit
 * patterns, so -0.0 and 0.0 differ and a NaN matches itself) */
static KExpr *match_bits(Fis *f, KExpr *e) {
  if (e->type->kind != KT_F32 && e->type->kind != KT_F64) return e;
  bool wide = e->type->kind == KT_F64;
  KExpr *b = fis_ex_new(f, KE_BUILTIN, wide ? f->m->t_i64 : f->m->t_u32);
  b->builtin = wide ? KB_I_DOUBLE_AS_LONGLONG : KB_I_FLOAT_AS_UINT;
  b->args = arena_alloc(f->a, sizeof *b->args);
  b->args[0] = e;
  b->nargs = 1;
  return b;
}

/* match_any: lane j (thread s, in the mask) joins r when it holds own */
static KStmt *lane_step(Fis *f, KBuiltinId id, KVar *r, KVar *xv, KExpr *s, KVar *j, KExpr *own) {
  (void)id;
  KType *rt = r->type;
  KExpr *bit = fis_ex_cast(f, rt, bin(f, KOP_SHL, fis_ex_u32(f, 1), fis_ex_var(f, j)));
  return fis_st_if(f, fis_ex_cmp(f, KOP_EQ, match_bits(f, fis_ex_at(f, xv, s)), match_bits(f, own)),
                   fis_st_assign(f, fis_ex_var(f, r), fis_ex_bin(f, KOP_OR, rt, fis_ex_var(f, r), bit)));
}

/* __reduce_*_sync: r = r op v */
static KStmt *reduce_step(Fis *f, KBuiltinId id, KVar *r, KVar *v) {
  KType *rt = r->type;
  KExpr *a = fis_ex_var(f, r), *b = fis_ex_var(f, v);
  switch (id) {
  case KB_REDUCE_ADD_SYNC: /* in unsigned arithmetic: a signed sum wraps */
    return fis_st_assign(f, fis_ex_var(f, r), fis_ex_cast(f, rt, bin(f, KOP_ADD, u32(f, a), u32(f, b))));
  case KB_REDUCE_AND_SYNC: return fis_st_assign(f, fis_ex_var(f, r), fis_ex_bin(f, KOP_AND, rt, a, b));
  case KB_REDUCE_OR_SYNC: return fis_st_assign(f, fis_ex_var(f, r), fis_ex_bin(f, KOP_OR, rt, a, b));
  case KB_REDUCE_XOR_SYNC: return fis_st_assign(f, fis_ex_var(f, r), fis_ex_bin(f, KOP_XOR, rt, a, b));
  default: /* min, max */
    return fis_st_assign(f, fis_ex_var(f, r), fis_ex_sel(f, rt, fis_ex_cmp(f, id == KB_REDUCE_MIN_SYNC ? KOP_LT : KOP_GT, b, a),
                                                         fis_ex_var(f, v), fis_ex_var(f, r)));
  }
}

/* for (j < 32) if ((m >> j) & 1) body(s = first thread of the warp + j) */
static KStmt *mask_lanes(Fis *f, KVar *m, KVar *j, KStmt *body) {
  KExpr *in = bin(f, KOP_AND, bin(f, KOP_SHR, fis_ex_var(f, m), fis_ex_var(f, j)), fis_ex_u32(f, 1));
  return fis_st_lanes(f, j, fis_st_if(f, fis_ex_cmp(f, KOP_NE, in, fis_ex_u32(f, 0)), body));
}

static bool is_vote(KBuiltinId id) {
  return id == KB_BALLOT_SYNC || id == KB_ANY_SYNC || id == KB_ALL_SYNC || id == KB_UNI_SYNC;
}

static bool is_shuffle(KBuiltinId id) {
  return id == KB_SHFL_SYNC || id == KB_SHFL_UP_SYNC || id == KB_SHFL_DOWN_SYNC || id == KB_SHFL_XOR_SYNC;
}

static bool is_lane_walk(KBuiltinId id) {
  switch (id) {
  case KB_MATCH_ANY_SYNC: case KB_MATCH_ALL_SYNC: case KB_REDUCE_ADD_SYNC: case KB_REDUCE_MIN_SYNC:
  case KB_REDUCE_MAX_SYNC: case KB_REDUCE_AND_SYNC: case KB_REDUCE_OR_SYNC: case KB_REDUCE_XOR_SYNC:
    return true;
  default: return false;
  }
}

/* a vote's result from the warp's ballot word b and the lane's mask m */
static KExpr *vote(Fis *f, KBuiltinId id, KExpr *b, KVar *m) {
  KExpr *bm = bin(f, KOP_AND, b, fis_ex_var(f, m));
  switch (id) {
  case KB_BALLOT_SYNC: return bm;
  case KB_ANY_SYNC: return fis_ex_cmp(f, KOP_NE, bm, fis_ex_u32(f, 0));
  case KB_ALL_SYNC: return fis_ex_cmp(f, KOP_EQ, bm, fis_ex_var(f, m));
  default: /* uni: all or none of the mask */
    return fis_ex_bin(f, KOP_LOR, f->m->t_bool, fis_ex_cmp(f, KOP_EQ, bm, fis_ex_u32(f, 0)),
                      fis_ex_cmp(f, KOP_EQ, bin(f, KOP_AND, b, fis_ex_var(f, m)), fis_ex_var(f, m)));
  }
}

/* gather (run by every thread): the first lane of each warp packs its
 * warp's flags into the warp's words, act[w] and (votes) bal[w], without
 * branches: a |= on[s] << j, b |= (on[s] & vote[s]) << j */
static void gather_words(Fis *f, KCollective *out, KVar *xa, KVar *xb, KVar *act, KVar *bal) {
  KType *u = f->m->t_u32;
  KVar *t = fis_new_local_of(f, "t", false, u), *j = fis_new_local_of(f, "j", false, u);
  KVar *a = fis_new_local_of(f, "a", false, u), *b = xb ? fis_new_local_of(f, "b", false, u) : NULL;
  KExpr *s = bin(f, KOP_ADD, fis_ex_var(f, t), fis_ex_var(f, j));
  KExpr *on = u32(f, fis_ex_at(f, xa, s));
  KStmt *set[2];
  int n = 0;
  set[n++] = fis_st_assign(f, fis_ex_var(f, a), bin(f, KOP_OR, fis_ex_var(f, a), bin(f, KOP_SHL, on, fis_ex_var(f, j))));
  if (b) {
    KExpr *yes = bin(f, KOP_AND, on, u32(f, fis_ex_at(f, xb, s)));
    set[n++] = fis_st_assign(f, fis_ex_var(f, b), bin(f, KOP_OR, fis_ex_var(f, b), bin(f, KOP_SHL, yes, fis_ex_var(f, j))));
  }
  /* the warp's lanes: min(32, threads - t) */
  KVar *cnt = fis_new_local_of(f, "n", false, u);
  KExpr *left = bin(f, KOP_SUB, fis_ex_nthreads(f), fis_ex_var(f, t));
  KStmt *lanes = fis_st_lanes(f, j, fis_st_block(f, set, n));
  lanes->cond = fis_ex_cmp(f, KOP_LT, fis_ex_var(f, j), fis_ex_var(f, cnt));
  KStmt *body[6];
  int k = 0;
  body[k++] = fis_st_decl_init(f, cnt, fis_ex_sel(f, u, fis_ex_cmp(f, KOP_LT, left, fis_ex_u32(f, 32)), left, fis_ex_u32(f, 32)));
  body[k++] = fis_st_decl_init(f, a, fis_ex_u32(f, 0));
  if (b) body[k++] = fis_st_decl_init(f, b, fis_ex_u32(f, 0));
  body[k++] = lanes;
  KExpr *w = bin(f, KOP_SHR, fis_ex_var(f, t), fis_ex_u32(f, 5));
  body[k++] = fis_st_assign(f, fis_ex_at(f, act, w), fis_ex_var(f, a));
  if (b) body[k++] = fis_st_assign(f, fis_ex_at(f, bal, w), fis_ex_var(f, b));
  add(f, &out->gather, fis_st_decl_init(f, t, fis_ex_tid(f)));
  KExpr *first = fis_ex_cmp(f, KOP_EQ, bin(f, KOP_AND, fis_ex_var(f, t), fis_ex_u32(f, 31)), fis_ex_u32(f, 0));
  add(f, &out->gather, fis_st_if(f, first, fis_st_block(f, body, k)));
}

static void warp_collective(Fis *f, KCollective *out, const KExpr *c, KVar *res) {
  KBuiltinId id = c->builtin;
  KType *u = f->m->t_u32, *i32 = f->m->t_i32;
  KExpr *mask = id == KB_ACTIVEMASK ? NULL : operand(f, out, c->args[0]);
  KExpr *value = c->nargs > 1 ? operand(f, out, c->args[1]) : NULL;
  KExpr *third = c->nargs > 2 ? operand(f, out, c->args[2]) : NULL;
  KExpr *width = c->nargs > 3 ? u32(f, operand(f, out, c->args[3])) : fis_ex_u32(f, 32);
  bool shuffle = is_shuffle(id); /* reads one lane: no active lanes needed */
  KVar *xa = shuffle ? NULL : block_array(f, out, "on", i32, 1024);
  KVar *xb = is_vote(id) ? block_array(f, out, "vote", i32, 1024) : NULL;
  KVar *xv = value && !xb ? block_array(f, out, "xch", c->args[1]->type, 1024) : NULL;
  KVar *act = xa ? block_array(f, out, "act", u, 32) : NULL;
  KVar *bal = xb ? block_array(f, out, "bal", u, 32) : NULL;
  /* clear: no thread has reached it; publish: flags and value by thread */
  if (xa) add(f, &out->clear, fis_st_assign(f, fis_ex_at(f, xa, fis_ex_tid(f)), fis_ex_int(f, 0)));
  if (xa) add(f, &out->publish, fis_st_assign(f, fis_ex_at(f, xa, fis_ex_tid(f)), fis_ex_int(f, 1)));
  if (xb)
    add(f, &out->publish, fis_st_assign(f, fis_ex_at(f, xb, fis_ex_tid(f)),
                                        fis_ex_cast(f, i32, fis_ex_cmp(f, KOP_NE, value, fis_ex_int(f, 0)))));
  if (xv) add(f, &out->publish, fis_st_assign(f, fis_ex_at(f, xv, fis_ex_tid(f)), value));
  if (xa) gather_words(f, out, xa, xb, act, bal);
  KVar *tl = fis_new_local_of(f, "lane", false, u);
  add(f, &out->result, fis_st_decl_init(f, tl, fis_ex_tid(f)));
  if (shuffle) {
    KVar *src = fis_new_local_of(f, "src", false, u);
    add(f, &out->result, fis_st_decl_init(f, src, shuffle_source(f, id, tl, third, width)));
    KExpr *ok = fis_ex_cmp(f, KOP_LT, fis_ex_var(f, src), fis_ex_nthreads(f));
    add(f, &out->result, fis_st_decl_init(f, res, fis_ex_cast(f, c->type, fis_ex_at(f, xv, fis_ex_sel(f, u, ok, fis_ex_var(f, src), fis_ex_var(f, tl))))));
    return;
  }
  /* m: the lane's mask & its warp's active lanes */
  KVar *m = fis_new_local_of(f, "mask", false, u);
  KExpr *wt = bin(f, KOP_SHR, fis_ex_var(f, tl), fis_ex_u32(f, 5));
  KExpr *active = fis_ex_at(f, act, wt);
  add(f, &out->result, fis_st_decl_init(f, m, mask ? bin(f, KOP_AND, u32(f, mask), active) : active));
  if (id == KB_ACTIVEMASK) {
    add(f, &out->result, fis_st_decl_init(f, res, fis_ex_cast(f, c->type, fis_ex_var(f, m))));
    return;
  }
  if (bal) {
    add(f, &out->result, fis_st_decl_init(f, res, fis_ex_cast(f, c->type, vote(f, id, fis_ex_at(f, bal, wt), m))));
    return;
  }
  KVar *j = fis_new_local_of(f, "j", false, u);
  KExpr *s = bin(f, KOP_ADD, bin(f, KOP_SUB, fis_ex_var(f, tl), bin(f, KOP_AND, fis_ex_var(f, tl), fis_ex_u32(f, 31))), fis_ex_var(f, j));
  if (id == KB_MATCH_ALL_SYNC) { /* the mask's lanes when they all hold the value (*pred = 1), else 0 */
    KVar *same = fis_new_local_of(f, "same", false, f->m->t_i32);
    add(f, &out->result, fis_st_decl_init(f, same, fis_ex_int(f, 1)));
    add(f, &out->result, mask_lanes(f, m, j, fis_st_if(f, fis_ex_cmp(f, KOP_NE, match_bits(f, fis_ex_at(f, xv, s)), match_bits(f, value)), fis_st_set(f, same, 0))));
    if (third) {
      KExpr *deref = fis_ex_new(f, KE_DEREF, f->m->t_i32);
      deref->a = third;
      add(f, &out->result, fis_st_assign(f, deref, fis_ex_var(f, same)));
    }
    add(f, &out->result, fis_st_decl_init(f, res, fis_ex_cast(f, c->type, fis_ex_sel(f, u, fis_ex_cmp(f, KOP_NE, fis_ex_var(f, same), fis_ex_int(f, 0)),
                                                                                   fis_ex_var(f, m), fis_ex_u32(f, 0)))));
    return;
  }
  /* r = identity (or the lane's own value for min/max), then over the
   * mask's lanes, in a local of its own (res may live in memory) */
  KExpr *init;
  if (id == KB_REDUCE_MIN_SYNC || id == KB_REDUCE_MAX_SYNC) init = fis_ex_cast(f, c->type, value);
  else if (id == KB_REDUCE_AND_SYNC) init = fis_ex_cast(f, c->type, fis_ex_int(f, -1));
  else init = fis_ex_cast(f, c->type, fis_ex_int(f, 0));
  KVar *r = fis_new_local_of(f, "r", false, c->type);
  add(f, &out->result, fis_st_decl_init(f, r, init));
  if (id == KB_MATCH_ANY_SYNC) {
    add(f, &out->result, mask_lanes(f, m, j, lane_step(f, id, r, xv, s, j, value)));
  } else { /* every lane, without branches: lanes outside the mask give the identity */
    KExpr *in = fis_ex_cmp(f, KOP_NE, bin(f, KOP_AND, bin(f, KOP_SHR, fis_ex_var(f, m), fis_ex_var(f, j)), fis_ex_u32(f, 1)),
                           fis_ex_u32(f, 0));
    KExpr *ident = id == KB_REDUCE_MIN_SYNC || id == KB_REDUCE_MAX_SYNC ? fis_ex_var(f, r) : init;
    KVar *v = fis_new_local_of(f, "v", false, c->type);
    KStmt *two[2] = {fis_st_decl_init(f, v, fis_ex_sel(f, c->type, in, fis_ex_cast(f, c->type, fis_ex_at(f, xv, s)), ident)),
                     reduce_step(f, id, r, v)};
    add(f, &out->result, fis_st_lanes(f, j, fis_st_block(f, two, 2)));
  }
  add(f, &out->result, fis_st_decl_init(f, res, fis_ex_var(f, r)));
}

bool fis_lower_collective(Fis *f, const KExpr *c, KVar *res, KCollective *out) {
  memset(out, 0, sizeof *out);
  KBuiltinId id = c->builtin;
  if (id == KB_SYNCTHREADS_COUNT || id == KB_SYNCTHREADS_AND || id == KB_SYNCTHREADS_OR) {
    block_reduce(f, out, c, res);
    return true;
  }
  if (!is_shuffle(id) && !is_vote(id) && !is_lane_walk(id) && id != KB_ACTIVEMASK) {
    const KBuiltinInfo *i = kb_info(id);
    char what[96];
    snprintf(what, sizeof what, "the warp function '%s'", i ? i->name : "?");
    fis_error(f, c->loc, what);
    return false;
  }
  warp_collective(f, out, c, res);
  return true;
}

bool kir_lower_collective(Arena *a, const KModule *m, const KExpr *c, KVar *res, int *next_id,
                          const KExpr *tid, const KExpr *nthreads, KCollective *out, CwDiags *d) {
  KFission none;
  memset(&none, 0, sizeof none);
  Fis f = {.a = a, .m = m, .d = d, .out = &none, .loc = c->loc, .next_id = *next_id,
           .tid = tid, .nthreads = nthreads};
  bool ok = fis_lower_collective(&f, c, res, out);
  *next_id = f.next_id;
  return ok;
}

int kir_collective_loops(const KCollective *k, bool guarded, KCollectiveLoop out[4]) {
  const KCollectiveLoop all[4] = {
      {&k->clear, true}, /* not active until it publishes */
      {&k->publish, false},
      {&k->gather, true}, /* each warp's first lane packs its words */
      {&k->result, false},
  };
  int n = 0;
  for (int i = 0; i < 4; i++)
    if (all[i].stmts->len && (i > 0 || guarded)) out[n++] = all[i];
  return n;
}

void kir_collective_crossing(Arena *a, const KCollective *k, PtrVec *out) {
  for (int i = 0; i < k->publish.len; i++) {
    const KStmt *p = k->publish.items[i];
    if (p->kind != KS_DECL) continue;
    for (int j = 0; j < k->result.len; j++)
      if (kir_stmt_refs_var(k->result.items[j], p->var)) {
        vec_push(a, out, p->var);
        break;
      }
  }
}
