/*
 * c_fiber.c — kernels that run one coroutine per thread, the general path
 * for barrier shapes that barrier fission (c_fission.c) cannot split.
 *
 * Fission turns the code between barriers into loops over the block's
 * threads; it needs every barrier and warp collective to sit in a
 * statement list, an `if` or a loop body (lower_splits.c moves those of
 * loop conditions and steps there).  A barrier inside a `switch`, or
 * anywhere in a kernel that uses `goto` (a jump could cross a split),
 * takes this path instead:
 * ce_fission_blocker() names the first such construct, and the kernel is
 * emitted as a plain per-thread C function `cwf_NAME(cw_fiber *)` that the
 * scheduler of c_fiber_rt.c runs on its own stack for every thread.
 * `__syncthreads()` parks the thread until the whole block arrives,
 * `__syncthreads_count/and/or` combine the threads' predicates at that
 * barrier, warp collectives exchange operands with the lanes that are
 * waiting in the same warp (which is also their active mask), and a
 * `return` simply ends the coroutine (exited threads leave the barrier's
 * count, as on the GPU).  Device functions with barriers were inlined by
 * lower_splits.c; their `return` jumps to the end of the inlined body.
 *
 * It is slower than fission (a context switch per thread per barrier) and
 * used only where fission cannot express the shape.
 */
#include "c_internal.h"

#include <stdio.h>

/* ---- which kernels need it ------------------------------------------- */

/* Mirrors the shapes fission splits (kir/passes/shapes.c, c_fission.c). */
static const char *blocker(const KStmt *s, SrcLoc *where) {
  if (!s || !kir_stmt_has_split(s)) return NULL;
  *where = s->loc;
  switch (s->kind) {
  case KS_BARRIER: return NULL;
  case KS_BLOCK:
    for (int i = 0; i < s->nstmts; i++) {
      const char *why = blocker(s->stmts[i], where);
      if (why) return why;
    }
    return NULL;
  case KS_IF:
    if (kir_expr_has_split(s->cond)) return "a barrier inside an if condition";
    {
      const char *why = blocker(s->then, where);
      return why ? why : blocker(s->els, where);
    }
  case KS_LOOP:
    if (kir_expr_has_split(s->step)) return "a barrier in a loop's step expression";
    if (kir_expr_has_split(s->cond)) return "a barrier in a loop condition";
    {
      const char *why = blocker(s->init_stmt, where);
      return why ? why : blocker(s->body, where);
    }
  case KS_DECL:
    if (s->init && kir_is_collective(s->init)) {
      for (int i = 0; i < s->init->nargs; i++)
        if (kir_expr_has_split(s->init->args[i])) return "a collective inside a collective";
      return NULL;
    }
    return "a barrier inside an expression";
  case KS_SWITCH: /* a shape of its own (kir_split_shape) when its cases are a block */
    if (kir_expr_has_split(s->cond) || !s->body || s->body->kind != KS_BLOCK)
      return "a barrier or warp collective inside a switch";
    return blocker(s->body, where);
  default: return "a barrier inside an expression";
  }
}

const char *ce_fission_blocker(const KStmt *body, SrcLoc *where) {
  if (!kir_stmt_has_split(body)) return NULL;
  const KStmt *jump = kir_find_jump(body);
  if (jump) {
    *where = jump->loc;
    return "goto and labels in a kernel with barriers";
  }
  return blocker(body, where);
}

/* ---- collectives as calls into the scheduler --------------------------- */

static void arg(CEmit *ce, StrBuf *sb, const KExpr *e, int i, const char *dflt) {
  if (i < e->nargs) {
    sb_putc(sb, '(');
    ce_expr(ce, sb, e->args[i]);
    sb_putc(sb, ')');
  } else {
    sb_puts(sb, dflt);
  }
}

static void shfl(CEmit *ce, StrBuf *sb, const KExpr *e, int mode) {
  StrBuf tn;
  sb_init(&tn);
  ce_type_name(&tn, e->type);
  sb_printf(sb, "({ %s cw_sv = ", tn.data);
  arg(ce, sb, e, 1, "0");
  sb_puts(sb, ", cw_sr; cw_fiber_shfl(cw_fb, (uint32_t)");
  arg(ce, sb, e, 0, "0");
  sb_printf(sb, ", &cw_sv, &cw_sr, sizeof cw_sv, %d, (uint32_t)", mode);
  arg(ce, sb, e, 2, "0");
  sb_puts(sb, ", (int32_t)");
  arg(ce, sb, e, 3, "32");
  sb_puts(sb, "); cw_sr; })");
  sb_free(&tn);
}

static void match(CEmit *ce, StrBuf *sb, const KExpr *e, bool all) {
  StrBuf tn;
  sb_init(&tn);
  ce_type_name(&tn, e->args[1]->type);
  sb_printf(sb, "({ %s cw_sv = ", tn.data);
  arg(ce, sb, e, 1, "0");
  sb_puts(sb, "; cw_fiber_match(cw_fb, (uint32_t)");
  arg(ce, sb, e, 0, "0");
  sb_printf(sb, ", &cw_sv, sizeof cw_sv, %d, ", all ? 1 : 0);
  if (all) arg(ce, sb, e, 2, "(int32_t *)0");
  else sb_puts(sb, "(int32_t *)0");
  sb_puts(sb, "); })");
  sb_free(&tn);
}

static void call2(CEmit *ce, StrBuf *sb, const KExpr *e, const char *fn, const char *a1cast,
                  const char *tail) {
  sb_printf(sb, "%s(cw_fb, (uint32_t)", fn);
  arg(ce, sb, e, 0, "0");
  sb_printf(sb, ", %s", a1cast);
  arg(ce, sb, e, 1, "0");
  sb_printf(sb, "%s)", tail);
}

static void fiber_builtin(CEmit *ce, StrBuf *sb, const KExpr *e);

void ce_fiber_builtin(CEmit *ce, StrBuf *sb, const KExpr *e) {
  /* check mode: every arrival opens a new race epoch, which can hide a
   * race between two threads' code before the barrier but never reports
   * one that a barrier orders (c_check.c) */
  bool barrier = e->builtin == KB_SYNCTHREADS || e->builtin == KB_SYNCWARP ||
                 e->builtin == KB_SYNCTHREADS_COUNT || e->builtin == KB_SYNCTHREADS_AND ||
                 e->builtin == KB_SYNCTHREADS_OR;
  bool mark = ce->check && e->builtin != KB_ACTIVEMASK;
  if (mark) {
    StrBuf what;
    sb_init(&what);
    sb_printf(&what, "%s%s", kb_info(e->builtin)->name, barrier ? "()" : "");
    sb_putc(sb, '(');
    ce_check_fiber_mark(ce, sb, e->loc, what.data);
    sb_free(&what);
  }
  if (barrier && ce->check) sb_puts(sb, "cw_ctx->barrier_fn(cw_ctx), ");
  fiber_builtin(ce, sb, e);
  if (mark) sb_puts(sb, ")");
}

static void fiber_builtin(CEmit *ce, StrBuf *sb, const KExpr *e) {
  char tail[32];
  switch (e->builtin) {
  case KB_SYNCTHREADS: sb_puts(sb, "cw_fiber_barrier(cw_fb)"); return;
  case KB_SYNCWARP: sb_puts(sb, "((void)cw_fiber_warp_sync(cw_fb))"); return;
  case KB_SYNCTHREADS_COUNT: case KB_SYNCTHREADS_AND: case KB_SYNCTHREADS_OR:
    sb_puts(sb, "cw_fiber_sync_count(cw_fb, ");
    arg(ce, sb, e, 0, "0");
    sb_printf(sb, " != 0, %d)", e->builtin == KB_SYNCTHREADS_COUNT ? 0
                                : e->builtin == KB_SYNCTHREADS_AND ? 1 : 2);
    return;
  case KB_SHFL_SYNC: shfl(ce, sb, e, 0); return;
  case KB_SHFL_UP_SYNC: shfl(ce, sb, e, 1); return;
  case KB_SHFL_DOWN_SYNC: shfl(ce, sb, e, 2); return;
  case KB_SHFL_XOR_SYNC: shfl(ce, sb, e, 3); return;
  case KB_BALLOT_SYNC: case KB_ALL_SYNC: case KB_ANY_SYNC: case KB_UNI_SYNC:
    snprintf(tail, sizeof tail, " != 0, %d", e->builtin == KB_BALLOT_SYNC ? 0
                                             : e->builtin == KB_ALL_SYNC ? 1
                                             : e->builtin == KB_ANY_SYNC ? 2 : 3);
    sb_puts(sb, e->builtin == KB_BALLOT_SYNC ? "" : "(int32_t)");
    call2(ce, sb, e, "cw_fiber_vote", "", tail);
    return;
  case KB_ACTIVEMASK: sb_puts(sb, "cw_fiber_activemask(cw_fb)"); return;
  case KB_MATCH_ANY_SYNC: match(ce, sb, e, false); return;
  case KB_MATCH_ALL_SYNC: match(ce, sb, e, true); return;
  default: { /* __reduce_*_sync */
    int op = e->builtin == KB_REDUCE_ADD_SYNC ? 0 : e->builtin == KB_REDUCE_MIN_SYNC ? 1
           : e->builtin == KB_REDUCE_MAX_SYNC ? 2 : e->builtin == KB_REDUCE_AND_SYNC ? 3
           : e->builtin == KB_REDUCE_OR_SYNC ? 4 : 5;
    StrBuf tn;
    sb_init(&tn);
    ce_type_name(&tn, e->type);
    snprintf(tail, sizeof tail, ", %d, %d", op, kt_is_signed(e->type) ? 1 : 0);
    sb_printf(sb, "(%s)", tn.data);
    call2(ce, sb, e, "cw_fiber_reduce", "(uint32_t)", tail);
    sb_free(&tn);
  }
  }
}

/* ---- the kernel -------------------------------------------------------- */

void ce_kernel_fiber(CEmit *ce, const KFunc *f, const KStmt *body, const char *why) {
  ce->fiber = true;
  ce->split = false;
  ce->has_exit = false;
  ce->promoted.len = ce->scalars.len = ce->state_arrays.len = ce->case_arrays.len = 0;
  ce->nguards = ce->jumps.len = 0;
  ce->ptl = -1;
  ce->indent = 1;
  sb_printf(ce->out, "/* kernel %s (one coroutine per thread: %s) */\n"
                     "static void cwf_%s(cw_fiber *cw_fb) {\n",
            f->name, why, f->cname);
  ce_line(ce, "cw_rt_ctx *const cw_ctx = cw_fb->blk->ctx;");
  ce_line(ce, "void **const cw_args = cw_fb->blk->args;");
  ce_line(ce, "const int cw_fast = 0;");
  ce_line(ce, "CW_KERNEL_PROLOGUE");
  ce_line(ce, "const uint32_t cw_tx = cw_fb->tx, cw_ty = cw_fb->ty, cw_tz = cw_fb->tz;");
  ce_line(ce, "const size_t cw_t = cw_fb->t;");
  ce_line(ce, "(void)cw_tx; (void)cw_ty; (void)cw_tz; (void)cw_t;");
  ce_kernel_params(ce, f);
  ce_stmt(ce, body);
  sb_printf(ce->out, "}\nvoid cwk_%s(cw_rt_ctx *cw_ctx, void **cw_args) {\n"
                     "  cw_fiber_run(cw_ctx, cw_args, cwf_%s);\n}\n\n",
            f->cname, f->cname);
  ce->indent = 0;
  ce->fiber = false;
  ce->uses_fibers = true;
}
