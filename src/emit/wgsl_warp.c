/*
 * wgsl_warp.c — CUDA's warp functions and block-wide votes, emulated
 * through workgroup memory and barriers, for warps of 32 threads made of
 * consecutive linear thread indices as in CUDA.
 *
 * Every thread writes its value into cw_wx[its linear index], the block
 * synchronises, each thread reads the lanes it needs, and the block
 * synchronises again (so that the next operation's writes cannot overtake
 * this one's reads).  The results are CUDA's for warps whose threads all
 * take part; because the emulation synchronises the whole workgroup, the
 * call must be in uniform control flow, which wgsl_stmt.c checks (a warp
 * function under thread-dependent control is rejected at its line).
 *
 * With the `subgroups` option (for adapters whose subgroups are 32 wide,
 * lane i of a subgroup being linear thread 32k+i, as on NVIDIA and AMD's
 * wave32), shuffles, votes, reductions and matches are WGSL subgroup
 * operations instead: no barriers, so they may sit under thread-dependent
 * control flow (inactive lanes drop out as in CUDA), and the module turns
 * off the subgroup_uniformity diagnostic.  64-bit values are two 32-bit
 * operations either way.  __syncthreads_count/and/or count through a
 * workgroup atomic.
 */
#include "wgsl_internal.h"

#include <string.h>

static const char *lin = "cw_lin(cw_tid)";

static void need_scratch(WCtx *c) {
  c->uses_warp = true;
  w_need_helper(c, "cw_lin");
}

static const char *as_u32(WCtx *c, KExpr *v) {
  StrBuf s;
  sb_init(&s);
  KType *t = w_scalar_of(c, v->type);
  if (t->kind == KT_BOOL) sb_puts(&s, "select(0u, 1u, ");
  else if (t->kind != KT_U32) sb_puts(&s, "bitcast<u32>(");
  w_expr_as(c, &s, v, t->kind == KT_BOOL ? c->m->t_bool : t);
  if (t->kind != KT_U32) sb_putc(&s, ')');
  const char *r = arena_strdup(c->a, s.data ? s.data : "");
  sb_free(&s);
  return r;
}

static const char *from_u32(WCtx *c, KType *t, const char *x) {
  t = w_scalar_of(c, t);
  if (t->kind == KT_U32) return x;
  return arena_printf(c->a, "bitcast<%s>(%s)", w_type_str(c, t), x);
}

static void barrier(WCtx *c) { w_pre(c, "workgroupBarrier();"); }

/* Publishes `val` (u32 text) of every thread. */
static void publish(WCtx *c, const char *val) {
  need_scratch(c);
  w_pre(c, "cw_wx[%s] = %s;", lin, val);
  barrier(c);
}

static const char *width_of(WCtx *c, KExpr *e, int i) {
  if (e->nargs <= i) return "32u";
  StrBuf s;
  sb_init(&s);
  w_expr_as(c, &s, e->args[i], c->m->t_u32);
  const char *r = arena_strdup(c->a, s.data ? s.data : "32u");
  sb_free(&s);
  return r;
}

static const char *u32_arg(WCtx *c, KExpr *e) {
  StrBuf s;
  sb_init(&s);
  w_expr_as(c, &s, e, c->m->t_u32);
  const char *name = w_new_tmp(c);
  w_pre(c, "let %s = %s;", name, s.data ? s.data : "0u");
  sb_free(&s);
  return name;
}

/* The source lane (within the warp) each shuffle kind reads. */
static const char *shfl_src(WCtx *c, KExpr *e, const char *lane, const char *w) {
  const char *d = u32_arg(c, e->args[2]);
  const char *seg = arena_printf(c->a, "(%s - %s %% %s)", lane, lane, w);
  switch (e->builtin) {
  case KB_SHFL_SYNC: return arena_printf(c->a, "(%s + %s %% %s)", seg, d, w);
  case KB_SHFL_UP_SYNC: return arena_printf(c->a, "select(%s, %s - %s, %s %% %s >= %s)", lane, lane, d, lane, w, d);
  case KB_SHFL_DOWN_SYNC: return arena_printf(c->a, "select(%s, %s + %s, %s %% %s + %s < %s)", lane, lane, d, lane, w, d, w);
  default: return arena_printf(c->a, "select(%s, %s ^ %s, ((%s ^ %s) - %s) < %s)", lane, lane, d, lane, d, seg, w);
  }
}

static void shuffle(WCtx *c, StrBuf *sb, KExpr *e) {
  const char *w = width_of(c, e, 3);
  const char *v = as_u32(c, e->args[1]);
  publish(c, v);
  const char *lane = w_new_tmp(c), *r = w_new_tmp(c);
  w_pre(c, "let %s = %s %% 32u;", lane, lin);
  const char *src = shfl_src(c, e, lane, w);
  w_pre(c, "let %s = cw_wx[min(%s - %s + %s, cw_bx * cw_by * cw_bz - 1u)];", r, lin, lane, src);
  barrier(c);
  sb_puts(sb, from_u32(c, e->type, r));
}

/* Folds fn over the lanes of this thread's warp that are in `mask` (lanes
 * past the end of the block are left out). */
static const char *fold_masked(WCtx *c, const char *init, const char *fmt, const char *mask) {
  const char *acc = w_new_tmp(c), *base = w_new_tmp(c);
  w_pre(c, "let %s = %s - %s %% 32u;", base, lin, lin);
  w_pre(c, "var %s = %s;", acc, init);
  w_pre(c, "for (var cw_l = 0u; cw_l < 32u && %s + cw_l < cw_bx * cw_by * cw_bz; cw_l++) {", base);
  StrBuf s;
  sb_init(&s);
  sb_printf(&s, fmt, acc, arena_printf(c->a, "cw_wx[%s + cw_l]", base));
  if (mask) w_pre(c, "  if (((%s >> cw_l) & 1u) != 0u) { %s = %s; }", mask, acc, s.data);
  else w_pre(c, "  %s = %s;", acc, s.data);
  sb_free(&s);
  w_pre(c, "}");
  barrier(c);
  return acc;
}


/* The member mask of a warp function (its first operand). */
static const char *mask_of(WCtx *c, KExpr *e) { return u32_arg(c, e->args[0]); }

static void vote(WCtx *c, StrBuf *sb, KExpr *e) {
  const char *mask = mask_of(c, e);
  const char *v = as_u32(c, e->args[1]);
  publish(c, c->uses_live ? arena_printf(c->a, "select(0u, %s, cw_live)", v) : v);
  const char *m = fold_masked(c, "0u", "%s | (select(0u, 1u, %s != 0u) << cw_l)", mask);
  w_need_helper(c, "cw_warp_mask");
  switch (e->builtin) { /* lanes outside the mask neither vote nor count */
  case KB_BALLOT_SYNC: sb_puts(sb, m); return;
  case KB_ANY_SYNC: sb_printf(sb, "select(0i, 1i, %s != 0u)", m); return;
  default: sb_printf(sb, "select(0i, 1i, %s == (%s & cw_warp_mask(cw_tid)))", m, mask); return; /* all */
  }
}

static const char *reduce_fmt(KBuiltinId id, bool is_signed) {
  switch (id) {
  case KB_REDUCE_ADD_SYNC: return "%s + %s";
  case KB_REDUCE_MIN_SYNC: return is_signed ? "min(%s, bitcast<i32>(%s))" : "min(%s, %s)";
  case KB_REDUCE_MAX_SYNC: return is_signed ? "max(%s, bitcast<i32>(%s))" : "max(%s, %s)";
  case KB_REDUCE_AND_SYNC: return "%s & %s";
  case KB_REDUCE_OR_SYNC: return "%s | %s";
  default: return "%s ^ %s";
  }
}

static void reduce(WCtx *c, StrBuf *sb, KExpr *e) {
  KType *t = w_scalar_of(c, e->type);
  bool s = t->kind == KT_I32 && (e->builtin == KB_REDUCE_MIN_SYNC || e->builtin == KB_REDUCE_MAX_SYNC);
  publish(c, as_u32(c, e->args[1]));
  const char *init = e->builtin == KB_REDUCE_AND_SYNC ? "0xffffffffu"
                     : e->builtin == KB_REDUCE_MIN_SYNC ? (s ? "2147483647i" : "0xffffffffu")
                     : e->builtin == KB_REDUCE_MAX_SYNC ? (s ? "(-2147483647i - 1i)" : "0u") : "0u";
  const char *r = fold_masked(c, init, reduce_fmt(e->builtin, s), mask_of(c, e));
  sb_puts(sb, s ? r : from_u32(c, t, r));
}

static void block_vote(WCtx *c, StrBuf *sb, KExpr *e) {
  c->uses_count = true;
  w_need_helper(c, "cw_lin");
  StrBuf p;
  sb_init(&p);
  w_cond(c, &p, e->args[0]);
  /* threads that returned early do not count (they have exited in CUDA) */
  w_pre(c, "if (%s%s) { atomicAdd(&cw_count, 1u); }", c->uses_live ? "cw_live && " : "", p.data ? p.data : "false");
  sb_free(&p);
  w_pre(c, "storageBarrier();");
  barrier(c);
  const char *n = w_new_tmp(c);
  w_pre(c, "let %s = atomicLoad(&cw_count);", n);
  barrier(c);
  w_pre(c, "if (%s == 0u) { atomicStore(&cw_count, 0u); }", lin);
  barrier(c);
  if (e->builtin == KB_SYNCTHREADS_COUNT) sb_printf(sb, "i32(%s)", n);
  else if (e->builtin == KB_SYNCTHREADS_OR) sb_printf(sb, "select(0i, 1i, %s != 0u)", n);
  else sb_printf(sb, "select(0i, 1i, %s == cw_bx * cw_by * cw_bz)", n);
}

static void lanemask(WCtx *c, StrBuf *sb, KExpr *e) {
  w_need_helper(c, "cw_lin");
  const char *l = arena_printf(c->a, "(%s %% 32u)", lin);
  switch (e->builtin) {
  case KB_LANEMASK_EQ: sb_printf(sb, "(1u << %s)", l); return;
  case KB_LANEMASK_LT: sb_printf(sb, "((1u << %s) - 1u)", l); return;
  case KB_LANEMASK_LE: sb_printf(sb, "(((1u << %s) << 1u) - 1u)", l); return;
  case KB_LANEMASK_GT: sb_printf(sb, "~(((1u << %s) << 1u) - 1u)", l); return;
  default: sb_printf(sb, "~((1u << %s) - 1u)", l); return;
  }
}

/* __match_all_sync(mask, v, &pred): the lanes of `mask` when all hold the
 * same value (pred = 1), else 0 (pred = 0), from the match_any mask. */
static void match_all(WCtx *c, StrBuf *sb, KExpr *e, const char *any, const char *mask, const char *present) {
  const char *all = w_new_tmp(c);
  w_pre(c, "let %s = %s == (%s & %s);", all, any, mask, present);
  KExpr d;
  memset(&d, 0, sizeof d);
  d.kind = KE_DEREF;
  d.a = e->args[2];
  d.type = e->args[2]->type->elem;
  d.loc = e->loc;
  StrBuf st;
  sb_init(&st);
  w_store(c, &st, &d, arena_printf(c->a, "select(0i, 1i, %s)", all));
  w_pre(c, "%s", st.data ? st.data : "");
  sb_free(&st);
  sb_printf(sb, "select(0u, %s, %s)", mask, all);
}

/* The value of a 64-bit operand, evaluated once (vec2<u32>). */
static const char *wide_arg(WCtx *c, KExpr *v) {
  StrBuf s;
  sb_init(&s);
  w_expr(c, &s, v);
  const char *name = w_new_tmp(c);
  w_pre(c, "let %s = %s;", name, s.data ? s.data : "vec2<u32>()");
  sb_free(&s);
  return name;
}

/* Emulated match_any of a u32 text: the lanes of mask holding it. */
static const char *match_word(WCtx *c, const char *v, const char *mask) {
  publish(c, v);
  return fold_masked(c, "0u", arena_printf(c->a, "%%s | (select(0u, 1u, %%s == %s) << cw_l)", v), mask);
}

static void match_emulated(WCtx *c, StrBuf *sb, KExpr *e) {
  const char *mask = mask_of(c, e), *m;
  if (w_is_64(e->args[1]->type)) {
    const char *v = wide_arg(c, e->args[1]);
    m = arena_printf(c->a, "(%s & %s)", match_word(c, arena_printf(c->a, "%s.x", v), mask),
                     match_word(c, arena_printf(c->a, "%s.y", v), mask));
  } else {
    const char *v = w_new_tmp(c);
    w_pre(c, "let %s = %s;", v, as_u32(c, e->args[1]));
    m = match_word(c, v, mask);
  }
  if (e->builtin == KB_MATCH_ALL_SYNC) {
    w_need_helper(c, "cw_warp_mask");
    match_all(c, sb, e, m, mask, "cw_warp_mask(cw_tid)");
  } else {
    sb_puts(sb, m);
  }
}

static void shuffle_wide(WCtx *c, StrBuf *sb, KExpr *e) {
  const char *w = width_of(c, e, 3);
  const char *v = wide_arg(c, e->args[1]);
  const char *lane = w_new_tmp(c);
  w_need_helper(c, "cw_lin");
  w_pre(c, "let %s = %s %% 32u;", lane, lin);
  const char *src = shfl_src(c, e, lane, w);
  const char *r[2];
  for (int i = 0; i < 2; i++) {
    r[i] = w_new_tmp(c);
    if (w_subgroups(c)) {
      w_pre(c, "let %s = subgroupShuffle(%s.%c, %s);", r[i], v, "xy"[i], src);
    } else {
      publish(c, arena_printf(c->a, "%s.%c", v, "xy"[i]));
      w_pre(c, "let %s = cw_wx[min(%s - %s + %s, cw_bx * cw_by * cw_bz - 1u)];", r[i], lin, lane, src);
      barrier(c);
    }
  }
  sb_printf(sb, "vec2<u32>(%s, %s)", r[0], r[1]);
}

/* ---- WGSL subgroups (the `subgroups` option) ---------------------------- */

bool w_subgroups(const WCtx *c) { return c->opt && c->opt->subgroups; }

static const char *sg_lane(WCtx *c) {
  w_need_helper(c, "cw_lin");
  return arena_printf(c->a, "(%s %% 32u)", lin);
}

/* The lanes currently running this code: CUDA's __activemask. */
static const char *sg_active(void) { return "subgroupBallot(true).x"; }

static void sg_shuffle(WCtx *c, StrBuf *sb, KExpr *e) {
  const char *w = width_of(c, e, 3);
  const char *v = as_u32(c, e->args[1]);
  const char *lane = w_new_tmp(c);
  w_pre(c, "let %s = %s;", lane, sg_lane(c));
  const char *src = shfl_src(c, e, lane, w);
  sb_puts(sb, from_u32(c, e->type, arena_printf(c->a, "subgroupShuffle(%s, %s)", v, src)));
}

static void sg_vote(WCtx *c, StrBuf *sb, KExpr *e) {
  const char *mask = mask_of(c, e), *b = w_new_tmp(c);
  StrBuf p;
  sb_init(&p);
  w_cond(c, &p, e->args[1]);
  w_pre(c, "let %s = subgroupBallot(%s).x & %s;", b, p.data ? p.data : "false", mask);
  sb_free(&p);
  switch (e->builtin) {
  case KB_BALLOT_SYNC: sb_puts(sb, b); return;
  case KB_ANY_SYNC: sb_printf(sb, "select(0i, 1i, %s != 0u)", b); return;
  default: sb_printf(sb, "select(0i, 1i, %s == (%s & %s))", b, mask, sg_active()); return;
  }
}

static void sg_reduce(WCtx *c, StrBuf *sb, KExpr *e) {
  KType *t = w_scalar_of(c, e->type);
  bool s = t->kind == KT_I32;
  const char *mask = mask_of(c, e);
  static const char *const fn[] = {"subgroupAdd", "subgroupMin", "subgroupMax", "subgroupAnd", "subgroupOr", "subgroupXor"};
  int k = e->builtin == KB_REDUCE_ADD_SYNC ? 0 : e->builtin == KB_REDUCE_MIN_SYNC ? 1 : e->builtin == KB_REDUCE_MAX_SYNC ? 2
          : e->builtin == KB_REDUCE_AND_SYNC ? 3 : e->builtin == KB_REDUCE_OR_SYNC ? 4 : 5;
  const char *id = k == 1 ? (s ? "2147483647i" : "0xffffffffu") : k == 2 ? (s ? "(-2147483647i - 1i)" : "0u")
                   : k == 3 ? (s ? "(-1i)" : "0xffffffffu") : (s ? "0i" : "0u");
  StrBuf v;
  sb_init(&v);
  w_expr_as(c, &v, e->args[1], t);
  /* lanes outside the mask contribute the operation's identity */
  sb_printf(sb, "%s(select(%s, %s, ((%s >> %s) & 1u) != 0u))", fn[k], id, v.data ? v.data : "0", mask, sg_lane(c));
  sb_free(&v);
}

/* The lanes holding the same u32 as this one, among those running. */
static const char *sg_match_word(WCtx *c, const char *v) {
  const char *m = w_new_tmp(c);
  w_pre(c, "var %s = 0u;", m);
  w_pre(c, "for (var cw_l = 0u; cw_l < 32u; cw_l++) {");
  w_pre(c, "  %s = %s | (select(0u, 1u, subgroupShuffle(%s, cw_l) == %s) << cw_l);", m, m, v, v);
  w_pre(c, "}");
  return m;
}

static void sg_match(WCtx *c, StrBuf *sb, KExpr *e) {
  const char *mask = mask_of(c, e), *m;
  if (w_is_64(e->args[1]->type)) {
    const char *v = wide_arg(c, e->args[1]);
    m = arena_printf(c->a, "(%s & %s)", sg_match_word(c, arena_printf(c->a, "%s.x", v)),
                     sg_match_word(c, arena_printf(c->a, "%s.y", v)));
  } else {
    const char *v = w_new_tmp(c);
    w_pre(c, "let %s = %s;", v, as_u32(c, e->args[1]));
    m = sg_match_word(c, v);
  }
  const char *any = w_new_tmp(c);
  w_pre(c, "let %s = %s & %s & %s;", any, m, mask, sg_active());
  if (e->builtin == KB_MATCH_ALL_SYNC) match_all(c, sb, e, any, mask, sg_active());
  else sb_puts(sb, any);
}

/* The warp functions as subgroup operations; false for the others. */
static bool sg_warp(WCtx *c, StrBuf *sb, KExpr *e) {
  c->uses_subgroups = true;
  switch (e->builtin) {
  case KB_SHFL_SYNC: case KB_SHFL_UP_SYNC: case KB_SHFL_DOWN_SYNC: case KB_SHFL_XOR_SYNC:
    if (w_is_64(e->args[1]->type)) shuffle_wide(c, sb, e);
    else sg_shuffle(c, sb, e);
    return true;
  case KB_BALLOT_SYNC: case KB_ANY_SYNC: case KB_ALL_SYNC: sg_vote(c, sb, e); return true;
  case KB_REDUCE_ADD_SYNC: case KB_REDUCE_MIN_SYNC: case KB_REDUCE_MAX_SYNC:
  case KB_REDUCE_AND_SYNC: case KB_REDUCE_OR_SYNC: case KB_REDUCE_XOR_SYNC: sg_reduce(c, sb, e); return true;
  case KB_MATCH_ANY_SYNC: case KB_MATCH_ALL_SYNC: sg_match(c, sb, e); return true;
  case KB_ACTIVEMASK: sb_puts(sb, sg_active()); return true;
  default: return false;
  }
}

/* True when the builtin is one of this file's; emits it. */
bool w_warp(WCtx *c, StrBuf *sb, KExpr *e) {
  KBuiltinId id = e->builtin;
  bool wide_ok = (id >= KB_SHFL_SYNC && id <= KB_SHFL_XOR_SYNC) || id == KB_MATCH_ANY_SYNC || id == KB_MATCH_ALL_SYNC;
  if (kb_info(id)->cls == KBC_WARP && e->nargs > 1 && w_is_64(e->args[1]->type) && !wide_ok) {
    w_error(c, e->loc, "the WGSL target does not emulate '%s' on 64-bit values yet", kb_info(id)->name);
    return true;
  }
  if (id >= KB_LANEMASK_LT && id <= KB_LANEMASK_EQ) { lanemask(c, sb, e); return true; }
  if (kb_info(id)->cls == KBC_WARP && w_subgroups(c) && sg_warp(c, sb, e)) return true;
  bool collective = kb_info(id)->cls == KBC_WARP || id == KB_SYNCTHREADS_COUNT ||
                    id == KB_SYNCTHREADS_AND || id == KB_SYNCTHREADS_OR || id == KB_SYNCTHREADS;
  if (!collective) return false;
  if (c->varying_depth) {
    w_error(c, e->loc, "'%s' under thread-dependent control flow: the WGSL target emulates it with workgroup barriers, which need uniform control flow",
            kb_info(id)->name);
    return true;
  }
  switch (id) {
  case KB_SYNCTHREADS: w_pre(c, "storageBarrier();"); barrier(c); return true;
  case KB_SHFL_SYNC: case KB_SHFL_UP_SYNC: case KB_SHFL_DOWN_SYNC: case KB_SHFL_XOR_SYNC:
    if (w_is_64(e->args[1]->type)) shuffle_wide(c, sb, e);
    else shuffle(c, sb, e);
    return true;
  case KB_BALLOT_SYNC: case KB_ANY_SYNC: case KB_ALL_SYNC: vote(c, sb, e); return true;
  case KB_REDUCE_ADD_SYNC: case KB_REDUCE_MIN_SYNC: case KB_REDUCE_MAX_SYNC:
  case KB_REDUCE_AND_SYNC: case KB_REDUCE_OR_SYNC: case KB_REDUCE_XOR_SYNC: reduce(c, sb, e); return true;
  case KB_MATCH_ANY_SYNC: case KB_MATCH_ALL_SYNC: match_emulated(c, sb, e); return true;
  case KB_ACTIVEMASK: w_need_helper(c, "cw_warp_mask"); w_need_helper(c, "cw_lin"); sb_puts(sb, "cw_warp_mask(cw_tid)"); return true;
  case KB_SYNCTHREADS_COUNT: case KB_SYNCTHREADS_AND: case KB_SYNCTHREADS_OR: block_vote(c, sb, e); return true;
  default:
    w_error(c, e->loc, "the WGSL target does not support '%s' yet", kb_info(id)->name);
    return true;
  }
}

/* Module-scope declarations the emulation needs. */
void w_warp_decls(WCtx *c, StrBuf *sb) {
  if (c->uses_warp) sb_puts(sb, "var<workgroup> cw_wx: array<u32, cw_bx * cw_by * cw_bz>;\n");
  if (c->uses_count) sb_puts(sb, "var<workgroup> cw_count: atomic<u32>;\n");
}
