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
 * function under thread-dependent control is rejected at its line).  WGSL
 * subgroups are not used: their size is the adapter's, rarely 32.
 * __syncthreads_count/and/or count through a workgroup atomic.
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

static void match_any(WCtx *c, StrBuf *sb, KExpr *e) {
  const char *v = w_new_tmp(c);
  w_pre(c, "let %s = %s;", v, as_u32(c, e->args[1]));
  publish(c, v);
  sb_puts(sb, fold_masked(c, "0u", arena_printf(c->a, "%%s | (select(0u, 1u, %%s == %s) << cw_l)", v), mask_of(c, e)));
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

/* True when the builtin is one of this file's; emits it. */
bool w_warp(WCtx *c, StrBuf *sb, KExpr *e) {
  KBuiltinId id = e->builtin;
  if (kb_info(id)->cls == KBC_WARP && e->nargs > 1 && w_is_64(e->args[1]->type)) {
    w_error(c, e->loc, "the WGSL target does not emulate '%s' on 64-bit values yet", kb_info(id)->name);
    return true;
  }
  if (id >= KB_LANEMASK_LT && id <= KB_LANEMASK_EQ) { lanemask(c, sb, e); return true; }
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
  case KB_SHFL_SYNC: case KB_SHFL_UP_SYNC: case KB_SHFL_DOWN_SYNC: case KB_SHFL_XOR_SYNC: shuffle(c, sb, e); return true;
  case KB_BALLOT_SYNC: case KB_ANY_SYNC: case KB_ALL_SYNC: vote(c, sb, e); return true;
  case KB_REDUCE_ADD_SYNC: case KB_REDUCE_MIN_SYNC: case KB_REDUCE_MAX_SYNC:
  case KB_REDUCE_AND_SYNC: case KB_REDUCE_OR_SYNC: case KB_REDUCE_XOR_SYNC: reduce(c, sb, e); return true;
  case KB_MATCH_ANY_SYNC: match_any(c, sb, e); return true;
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
