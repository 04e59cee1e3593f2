/*
 * wgsl_atomic.c — CUDA atomics on WGSL atomic<i32|u32>.
 *
 * add/sub/min/max/and/or/xor/exch on 32-bit integers map one to one.
 * WGSL only has a compare-exchange that may fail spuriously, so CUDA's
 * atomicCAS (which fails only when the value differs) retries until it
 * either swaps or sees a different value; atomicInc/Dec and every float
 * atomic are loops over that compare-exchange on the value's bits (floats
 * live in atomic<u32>).  The loops are statements, so they go into the
 * hoisted prelude of the current statement and the expression's value is
 * the temporary holding the old value.
 */
#include "wgsl_internal.h"

#include <string.h>

static void ref_of(WCtx *c, StrBuf *sb, KExpr *ptr, WBase **b) {
  if (ptr->kind == KE_ADDR) { /* atomicAdd(&s.field, …): the field itself */
    w_lvalue_ref(c, sb, ptr->a, b);
    return;
  }
  KExpr d;
  memset(&d, 0, sizeof d);
  d.kind = KE_DEREF;
  d.a = ptr;
  d.type = ptr->type->elem;
  d.loc = ptr->loc;
  w_lvalue_ref(c, sb, &d, b);
}

/* A value evaluated once, into a `let`. */
static const char *once(WCtx *c, KExpr *e, KType *t) {
  StrBuf v;
  sb_init(&v);
  w_expr_as(c, &v, e, t);
  const char *name = w_new_tmp(c);
  w_pre(c, "let %s = %s;", name, v.data ? v.data : "");
  sb_free(&v);
  return name;
}

/* old = *ref; loop { try ref: old -> NEW(old) } with NEW given by fmt
 * (its %1$s is the old value's name, as the atomic type). */
static const char *cas_loop(WCtx *c, const char *ref, const char *newval_fmt, const char *arg) {
  const char *old = w_new_tmp(c), *r = w_new_tmp(c);
  w_pre(c, "var %s = atomicLoad(&%s);", old, ref);
  w_pre(c, "loop {");
  StrBuf nv;
  sb_init(&nv);
  sb_printf(&nv, newval_fmt, old, arg);
  w_pre(c, "  let %s = atomicCompareExchangeWeak(&%s, %s, %s);", r, ref, old, nv.data);
  w_pre(c, "  if (%s.exchanged) { break; }", r);
  w_pre(c, "  %s = %s.old_value;", old, r);
  w_pre(c, "}");
  sb_free(&nv);
  return old;
}

static const char *float_fmt(KBuiltinId id) {
  switch (id) {
  case KB_ATOMIC_ADD: return "bitcast<u32>(bitcast<f32>(%s) + %s)";
  case KB_ATOMIC_SUB: return "bitcast<u32>(bitcast<f32>(%s) - %s)";
  case KB_ATOMIC_MIN: return "bitcast<u32>(min(bitcast<f32>(%s), %s))";
  case KB_ATOMIC_MAX: return "bitcast<u32>(max(bitcast<f32>(%s), %s))";
  default: return NULL;
  }
}

static void float_atomic(WCtx *c, StrBuf *sb, KExpr *e, const char *ref) {
  const char *v = once(c, e->args[1], c->m->t_f32);
  if (e->builtin == KB_ATOMIC_EXCH) {
    sb_printf(sb, "bitcast<f32>(atomicExchange(&%s, bitcast<u32>(%s)))", ref, v);
    return;
  }
  const char *fmt = float_fmt(e->builtin);
  if (!fmt) {
    w_error(c, e->loc, "the WGSL target does not support '%s' on float", kb_info(e->builtin)->name);
    return;
  }
  sb_printf(sb, "bitcast<f32>(%s)", cas_loop(c, ref, fmt, v));
}

static void strong_cas(WCtx *c, StrBuf *sb, KExpr *e, const char *ref, KType *at) {
  const char *cmp = once(c, e->args[1], at), *val = once(c, e->args[2], at);
  const char *res = w_new_tmp(c), *r = w_new_tmp(c);
  w_pre(c, "var %s: %s;", res, w_type_str(c, at));
  w_pre(c, "loop {");
  w_pre(c, "  let %s = atomicCompareExchangeWeak(&%s, %s, %s);", r, ref, cmp, val);
  w_pre(c, "  if (%s.exchanged || %s.old_value != %s) { %s = %s.old_value; break; }", r, r, cmp, res, r);
  w_pre(c, "}");
  sb_puts(sb, res);
}

static const char *int_fn(KBuiltinId id) {
  switch (id) {
  case KB_ATOMIC_ADD: return "atomicAdd";
  case KB_ATOMIC_SUB: return "atomicSub";
  case KB_ATOMIC_EXCH: return "atomicExchange";
  case KB_ATOMIC_MIN: return "atomicMin";
  case KB_ATOMIC_MAX: return "atomicMax";
  case KB_ATOMIC_AND: return "atomicAnd";
  case KB_ATOMIC_OR: return "atomicOr";
  case KB_ATOMIC_XOR: return "atomicXor";
  default: return NULL;
  }
}

void w_atomic(WCtx *c, StrBuf *sb, KExpr *e) {
  if (e->nargs < 2 || !w_is_ptr(e->args[0]->type)) {
    w_error(c, e->loc, "unexpected operands of '%s'", kb_info(e->builtin)->name);
    return;
  }
  WBase *b = NULL;
  StrBuf r;
  sb_init(&r);
  ref_of(c, &r, e->args[0], &b);
  const char *ref = arena_strdup(c->a, r.data ? r.data : "");
  sb_free(&r);
  if (!b || c->failed) return;
  KType *t = w_scalar_of(c, e->args[0]->type->elem);
  KType *at = b->atomic_type ? b->atomic_type : c->m->t_u32;
  if (b->wide) { w_wide_atomic(c, sb, e); return; }
  if (t->kind == KT_F32) { float_atomic(c, sb, e, ref); return; }
  if (!w_is_int32(t)) {
    w_error(c, e->loc, "the WGSL target does not support '%s' on %s (WGSL atomics are 32-bit)", kb_info(e->builtin)->name,
            w_is_64(t) ? "64-bit integers" : "this type");
    return;
  }
  if (t->kind != at->kind) { /* an int field of a struct held as u32 words: the same bits */
    if (e->builtin == KB_ATOMIC_MIN || e->builtin == KB_ATOMIC_MAX) {
      w_error(c, e->loc, "the WGSL target does not support '%s' on an int field of a struct that other atomics use as unsigned words",
              kb_info(e->builtin)->name);
      return;
    }
    StrBuf inner;
    sb_init(&inner);
    if (e->builtin == KB_ATOMIC_CAS) strong_cas(c, &inner, e, ref, at);
    else {
      sb_printf(&inner, "%s(&%s, ", int_fn(e->builtin) ? int_fn(e->builtin) : "atomicAdd", ref);
      w_expr_as(c, &inner, e->args[1], at);
      sb_putc(&inner, ')');
    }
    sb_printf(sb, "bitcast<%s>(%s)", w_type_str(c, t), inner.data ? inner.data : "");
    sb_free(&inner);
    return;
  }
  if (e->builtin == KB_ATOMIC_CAS) { strong_cas(c, sb, e, ref, at); return; }
  if (e->builtin == KB_ATOMIC_INC || e->builtin == KB_ATOMIC_DEC) {
    const char *lim = once(c, e->args[1], at);
    const char *fmt = e->builtin == KB_ATOMIC_INC ? "select(%1$s + 1u, 0u, %1$s >= %2$s)"
                                                  : "select(%1$s - 1u, %2$s, %1$s == 0u || %1$s > %2$s)";
    sb_puts(sb, cas_loop(c, ref, fmt, lim));
    return;
  }
  const char *fn = int_fn(e->builtin);
  sb_printf(sb, "%s(&%s, ", fn, ref);
  w_expr_as(c, sb, e->args[1], at);
  sb_putc(sb, ')');
}
