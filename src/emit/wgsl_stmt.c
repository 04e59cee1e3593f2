/*
 * wgsl_stmt.c — KIR statements as WGSL statements, restructured so that
 * barriers stay in uniform control flow.
 *
 * Every loop becomes `loop { if !(cond) { break; } body continuing { step } }`
 * so that hoisted condition effects and comma steps have a place.  A C
 * switch becomes a WGSL switch whose clauses copy the statements they fall
 * through into (WGSL has no fall-through) and which always has a default.
 *
 * CUDA's "early return, then __syncthreads" leaves a barrier after
 * thread-dependent control flow, which WGSL's uniformity analysis rejects.
 * In a kernel that has barriers, `return` therefore becomes `cw_live =
 * false` (plus a break out of any enclosing barrier-free loop or switch),
 * and after a statement that may have returned, the following statements
 * without barriers run under `if (cw_live)`, while those with barriers are
 * entered by every thread (their conditions are uniform in CUDA too) and
 * guarded inside the same way.
 */
#include "wgsl_internal.h"

#include <stdarg.h>
#include <string.h>

static void stmt(WCtx *c, KStmt *s);

void w_line(WCtx *c, const char *fmt, ...) {
  for (int i = 0; i < c->indent; i++) sb_puts(c->out, "  ");
  va_list ap;
  va_start(ap, fmt);
  sb_vprintf(c->out, fmt, ap);
  va_end(ap);
  sb_putc(c->out, '\n');
}

/* Whether e synchronises the block; warp functions do not when they are
 * WGSL subgroup operations. */
static bool expr_has_barrier(const WCtx *c, KExpr *e) {
  if (!e) return false;
  if (e->kind == KE_BUILTIN && e->builtin >= KB_LANEMASK_LT && e->builtin <= KB_LANEMASK_EQ) return false;
  if (e->kind == KE_BUILTIN) {
    KBuiltinClass k = kb_info(e->builtin)->cls;
    if ((k == KBC_WARP && !w_subgroups(c)) || (k == KBC_SYNC && e->builtin != KB_THREADFENCE &&
                          e->builtin != KB_THREADFENCE_BLOCK && e->builtin != KB_THREADFENCE_SYSTEM))
      return true;
  }
  if (e->kind == KE_CALL && e->fn->body && w_has_barrier(c, e->fn->body)) return true;
  if (expr_has_barrier(c, e->a) || expr_has_barrier(c, e->b) || expr_has_barrier(c, e->c)) return true;
  for (int i = 0; i < e->nargs; i++)
    if (expr_has_barrier(c, e->args[i])) return true;
  return false;
}

bool w_has_barrier(const WCtx *c, KStmt *s) {
  if (!s) return false;
  switch (s->kind) {
  case KS_BARRIER: return s->scope != KBAR_VIRTUAL;
  case KS_BLOCK:
    for (int i = 0; i < s->nstmts; i++)
      if (w_has_barrier(c, s->stmts[i])) return true;
    return false;
  case KS_IF: return expr_has_barrier(c, s->cond) || w_has_barrier(c, s->then) || w_has_barrier(c, s->els);
  case KS_LOOP:
    return w_has_barrier(c, s->init_stmt) || expr_has_barrier(c, s->cond) ||
           expr_has_barrier(c, s->step) || w_has_barrier(c, s->body);
  case KS_SWITCH: return expr_has_barrier(c, s->cond) || w_has_barrier(c, s->body);
  case KS_DECL: return expr_has_barrier(c, s->init);
  default: return expr_has_barrier(c, s->e);
  }
}

static bool has_return(KStmt *s) {
  if (!s) return false;
  switch (s->kind) {
  case KS_RETURN: return true;
  case KS_BLOCK:
    for (int i = 0; i < s->nstmts; i++)
      if (has_return(s->stmts[i])) return true;
    return false;
  case KS_IF: return has_return(s->then) || has_return(s->els);
  case KS_LOOP: return has_return(s->body);
  case KS_SWITCH: return has_return(s->body);
  default: return false;
  }
}

/* Emits one statement with its hoisted prelude first. */
static void with_pre(WCtx *c, StrBuf *text) {
  if (c->pre.len) sb_puts(c->out, c->pre.data);
  sb_free(&c->pre);
  sb_init(&c->pre);
  if (text->len) w_line(c, "%s", text->data);
}

static void decl(WCtx *c, KStmt *s) {
  KVar *v = s->var;
  if (v->as == AS_SHARED) return; /* module scope, see wgsl.c */
  if (v->is_static) {
    w_error(c, s->loc, "the WGSL target does not support static local variables ('%s')", v->name);
    return;
  }
  if (!w_type_ok(c, v->type, s->loc)) return;
  KExpr *init = s->init ? s->init : v->init;
  StrBuf t;
  sb_init(&t);
  sb_printf(&t, "var %s: ", w_var_name(c, v));
  w_type(c, &t, w_scalar_of(c, v->type));
  if (init) {
    sb_puts(&t, " = ");
    if (w_is_ptr(v->type)) w_ptr_off(c, &t, init);
    else w_expr_as(c, &t, init, v->type);
  }
  sb_putc(&t, ';');
  with_pre(c, &t);
  sb_free(&t);
}

static void expr_stmt(WCtx *c, KExpr *e) {
  if (w_spec_store(c, e)) return;
  StrBuf t;
  sb_init(&t);
  w_effect(c, &t, e);
  with_pre(c, &t);
  sb_free(&t);
}

static void block_body(WCtx *c, KStmt **ss, int n);
static void barrier(WCtx *c, KStmt *s);

static void sub_block(WCtx *c, KStmt *s) {
  c->indent++;
  if (s && s->kind == KS_BLOCK) block_body(c, s->stmts, s->nstmts);
  else if (s) block_body(c, &s, 1);
  c->indent--;
}

static KStmt *only_barrier(KStmt *s) {
  while (s && s->kind == KS_BLOCK && s->nstmts == 1) s = s->stmts[0];
  return s && s->kind == KS_BARRIER && s->scope != KBAR_VIRTUAL ? s : NULL;
}

static bool pure(KExpr *e) {
  if (!e) return true;
  if (e->kind == KE_ASSIGN || e->kind == KE_INCDEC || e->kind == KE_CALL ||
      (e->kind == KE_BUILTIN && kb_info(e->builtin)->cls != KBC_MATH))
    return false;
  if (!pure(e->a) || !pure(e->b) || !pure(e->c)) return false;
  for (int i = 0; i < e->nargs; i++)
    if (!pure(e->args[i])) return false;
  return true;
}

/* `if (c) __syncwarp(m); else __syncthreads();` (cooperative groups'
 * thread_group::sync): both arms are the same workgroup barrier in WGSL, so
 * the block synchronises whichever arm a thread takes, and the condition
 * need not be uniform. */
KStmt *w_barrier_both_ways(KStmt *s) {
  if (s->kind != KS_IF || !s->els || !pure(s->cond)) return NULL;
  KStmt *a = only_barrier(s->then), *b = only_barrier(s->els);
  return a && b && pure(a->e) && pure(b->e) ? a : NULL;
}

static void if_stmt(WCtx *c, KStmt *s) {
  KStmt *both = w_barrier_both_ways(s);
  if (both) {
    barrier(c, both);
    return;
  }
  if (w_is_varying(c, s->cond) && w_spec_if(c, s)) {
    w_speculate(c, s, sub_block);
    return;
  }
  StrBuf t;
  sb_init(&t);
  sb_puts(&t, "if (");
  w_cond(c, &t, s->cond);
  sb_puts(&t, ") {");
  with_pre(c, &t);
  sb_free(&t);
  int v = w_is_varying(c, s->cond);
  c->varying_depth += v;
  sub_block(c, s->then);
  if (s->els) {
    w_line(c, "} else {");
    sub_block(c, s->els);
  }
  c->varying_depth -= v;
  w_line(c, "}");
}

static void loop_stmt(WCtx *c, KStmt *s) {
  bool uniform_loop = w_has_barrier(c, s);
  int saved = c->loop_depth_plain;
  c->loop_depth_plain = uniform_loop ? 0 : saved + 1;
  w_line(c, "{");
  c->indent++;
  if (s->init_stmt) stmt(c, s->init_stmt);
  w_line(c, "loop {");
  c->indent++;
  if (s->cond && s->loop_kind != KLOOP_DO) {
    StrBuf t;
    sb_init(&t);
    sb_puts(&t, "if !(");
    w_cond(c, &t, s->cond);
    sb_puts(&t, ") { break; }");
    with_pre(c, &t);
    sb_free(&t);
  }
  c->indent--;
  int v = w_is_varying(c, s->cond);
  c->varying_depth += v;
  sub_block(c, s->body);
  c->varying_depth -= v;
  c->indent++;
  if (s->step || (s->cond && s->loop_kind == KLOOP_DO)) {
    w_line(c, "continuing {");
    c->indent++;
    if (s->step) expr_stmt(c, s->step);
    if (s->cond && s->loop_kind == KLOOP_DO) {
      StrBuf t;
      sb_init(&t);
      sb_puts(&t, "break if !(");
      w_cond(c, &t, s->cond);
      sb_puts(&t, ");");
      with_pre(c, &t);
      sb_free(&t);
    }
    c->indent--;
    w_line(c, "}");
  }
  c->indent--;
  w_line(c, "}");
  c->indent--;
  w_line(c, "}");
  c->loop_depth_plain = saved;
}

static bool ends_flow(KStmt *s) {
  return s->kind == KS_BREAK || s->kind == KS_RETURN || s->kind == KS_CONTINUE || s->kind == KS_GOTO;
}

/* One clause per run of case labels; its statements continue into the
 * following clauses until a break/return/continue. */
static void switch_stmt(WCtx *c, KStmt *s) {
  if (w_is_varying(c, s->cond) && w_spec_switch(c, s)) {
    w_speculate_switch(c, s, sub_block);
    return;
  }
  KStmt *b = s->body;
  KStmt **ss = b && b->kind == KS_BLOCK ? b->stmts : &b;
  int n = b && b->kind == KS_BLOCK ? b->nstmts : (b ? 1 : 0);
  KType *st = w_scalar_of(c, s->cond->type);
  StrBuf t;
  sb_init(&t);
  sb_puts(&t, "switch (");
  w_expr_as(c, &t, s->cond, st);
  sb_puts(&t, ") {");
  with_pre(c, &t);
  sb_free(&t);
  c->indent++;
  c->loop_depth_plain++;
  int v = w_is_varying(c, s->cond);
  c->varying_depth += v;
  bool has_default = false;
  for (int i = 0; i < n;) {
    if (ss[i]->kind != KS_CASE) { i++; continue; }
    StrBuf l;
    sb_init(&l);
    bool first = true;
    for (; i < n && ss[i]->kind == KS_CASE; i++) {
      if (!first) sb_puts(&l, ", ");
      first = false;
      if (ss[i]->is_default) { sb_puts(&l, "default"); has_default = true; }
      else w_int_lit(&l, st, ss[i]->case_value);
    }
    w_line(c, "case %s: {", l.data);
    sb_free(&l);
    c->indent++;
    for (int j = i; j < n; j++) {
      if (ss[j]->kind == KS_CASE) continue;
      if (ss[j]->kind == KS_BREAK) break;
      stmt(c, ss[j]);
      if (ends_flow(ss[j])) break;
    }
    c->indent--;
    w_line(c, "}");
  }
  if (!has_default) w_line(c, "default: {}");
  c->varying_depth -= v;
  c->loop_depth_plain--;
  c->indent--;
  w_line(c, "}");
}

static void return_stmt(WCtx *c, KStmt *s) {
  if (c->live_mode) {
    c->uses_live = true;
    w_line(c, "cw_live = false;");
    if (c->loop_depth_plain) w_line(c, "break;");
    return;
  }
  if (!s->e) { w_line(c, "return;"); return; }
  StrBuf t;
  sb_init(&t);
  sb_puts(&t, "return ");
  if (w_is_ptr(s->e->type) && w_ret_by_value(c, c->cur->f)) {
    w_load(c, &t, s->e->a); /* return field_; of a const T& getter: the value */
  } else if (w_is_ptr(s->e->type)) {
    w_ptr_off(c, &t, s->e); /* the caller knows the base (w_call_ret_base) */
  } else {
    w_expr_as(c, &t, s->e, c->cur->f->ret);
  }
  sb_putc(&t, ';');
  with_pre(c, &t);
  sb_free(&t);
}

static void barrier(WCtx *c, KStmt *s) {
  if (c->varying_depth && s->implicit) {
    w_error(c, s->loc, "a hand-off between the threads of a warp without __syncwarp() (this "
            "statement reads what other threads wrote) under thread-dependent control flow: "
            "the WGSL target makes the warp's reconvergence a workgroup barrier, which needs "
            "uniform control flow; add __syncwarp() or __syncthreads() before it");
    return;
  }
  if (c->varying_depth) {
    w_error(c, s->loc, "%s under thread-dependent control flow: WGSL needs barriers in uniform control flow",
            s->scope == KBAR_WARP ? "__syncwarp()" : "__syncthreads()");
    return;
  }
  w_line(c, "storageBarrier();");
  w_line(c, "workgroupBarrier();");
}

static void stmt(WCtx *c, KStmt *s) {
  if (!s || c->failed) return;
  switch (s->kind) {
  case KS_BLOCK:
    w_line(c, "{");
    sub_block(c, s);
    w_line(c, "}");
    return;
  case KS_DECL: decl(c, s); return;
  case KS_EXPR: expr_stmt(c, s->e); return;
  case KS_IF: if_stmt(c, s); return;
  case KS_LOOP: loop_stmt(c, s); return;
  case KS_SWITCH: switch_stmt(c, s); return;
  case KS_CASE: return;
  case KS_BREAK: w_line(c, "break;"); return;
  case KS_CONTINUE: w_line(c, "continue;"); return;
  case KS_RETURN: return_stmt(c, s); return;
  case KS_BARRIER:
    if (s->scope != KBAR_VIRTUAL) barrier(c, s);
    return;
  case KS_GOTO: w_goto(c, s); return;
  case KS_LABEL: return; /* handled by block_body */
  }
}

static bool label_follows(KStmt **ss, int from, int n) {
  for (int i = from; i < n; i++)
    if (ss[i]->kind == KS_LABEL) return true;
  return false;
}

/* Whether s may leave the rest of its list: an early return in live mode,
 * or a goto to a label further on. */
static bool may_exit(WCtx *c, KStmt *s) {
  return (c->live_mode && has_return(s)) || w_has_forward_goto(c, s);
}

/* A statement list; after a statement that may have returned or jumped
 * forward, the statements run only while the guard holds (barriers
 * excepted, which every thread must reach). */
static void block_body(WCtx *c, KStmt **ss, int n) {
  bool maybe_exited = false;
  for (int i = 0; i < n && !c->failed; i++) {
    if (ss[i]->kind == KS_LABEL) {
      i = w_label(c, ss, i, n, block_body);
      continue;
    }
    if (!maybe_exited || w_has_barrier(c, ss[i]) || ss[i]->kind == KS_DECL) {
      stmt(c, ss[i]);
    } else if (c->loop_depth_plain) {
      w_line(c, "if (!(%s)) { break; }", w_guard(c));
      maybe_exited = false;
      i--;
      continue;
    } else {
      w_line(c, "if (%s) {", w_guard(c));
      c->indent++;
      for (; i < n && !w_has_barrier(c, ss[i]) && ss[i]->kind != KS_DECL && ss[i]->kind != KS_LABEL; i++)
        stmt(c, ss[i]);
      c->indent--;
      w_line(c, "}");
      i--;
    }
    if (i >= 0 && i < n && may_exit(c, ss[i])) maybe_exited = true;
    /* the last statement of a loop body may have left an inner loop only */
    if (i == n - 1 && maybe_exited && c->loop_depth_plain && !ends_flow(ss[i]))
      w_line(c, "if (!(%s)) { break; }", w_guard(c));
    if (i >= 0 && i < n && ends_flow(ss[i]) && !label_follows(ss, i + 1, n)) break; /* dead; WGSL warns */
  }
}

void w_func_body(WCtx *c, KStmt *body) {
  c->loop_depth_plain = 0;
  c->varying_depth = 0;
  w_varying_init(c, c->cur);
  w_goto_begin(c, body);
  if (body && body->kind == KS_BLOCK) block_body(c, body->stmts, body->nstmts);
  else if (body) block_body(c, &body, 1);
}
