/*
 * wgsl_int64.c — 64-bit integers on WGSL's 32-bit ones.
 *
 * A long long is a vec2<u32> (x: low word, y: high word), which is also
 * its layout in buffers and in the uniform block (little-endian, 8-byte
 * aligned, as in C).  Bitwise operations and equality work lane-wise on
 * the vector; everything else calls a helper (wgsl_helpers.c): add and
 * subtract with carry, multiply from 16-bit partial products, shifts
 * across the two words, signed and unsigned comparison, division and
 * remainder by shift-and-subtract, conversions to and from 32-bit integers
 * and float.  A buffer of 64-bit integers that atomics use is a pair of
 * atomic<u32> per element: atomicAdd adds the low words and carries into
 * the high one (the sum is exact; the old value returned may mix two
 * updates), and/or/xor work word by word; min, max, exchange and CAS on
 * 64 bits and warp shuffles of 64-bit values are rejected.
 */
#include "wgsl_internal.h"

#include <string.h>

bool w_is_64(const KType *t) {
  if (!t) return false;
  t = t->unqual ? t->unqual : t;
  return t->kind == KT_I64 || t->kind == KT_U64;
}

/* a op b on 64-bit operands of type t (the result is t, or bool for a
 * comparison).  Shift counts (b) are u32 text. */
void w_binop64(WCtx *c, StrBuf *sb, KOp op, KType *t, const char *a, const char *b) {
  bool s = kt_is_signed(t->unqual ? t->unqual : t);
  const char *fn = NULL;
  switch (op) {
  case KOP_AND: case KOP_OR: case KOP_XOR: {
    static const char *ops[] = {[KOP_AND] = "&", [KOP_OR] = "|", [KOP_XOR] = "^"};
    sb_printf(sb, "(%s %s %s)", a, ops[op], b);
    return;
  }
  case KOP_EQ: sb_printf(sb, "all(%s == %s)", a, b); return;
  case KOP_NE: sb_printf(sb, "any(%s != %s)", a, b); return;
  default: {
    bool swap, negate;
    fn = int64_pair_helper(op, s, &swap, &negate);
    if (!fn) {
      w_error(c, (SrcLoc){0}, "the WGSL target cannot apply this operator to 64-bit integers");
      return;
    }
    w_need_helper(c, fn);
    sb_printf(sb, "%s%s(%s, %s)", negate ? "!" : "", fn, swap ? b : a, swap ? a : b);
    return;
  }
  }
}

void w_unop64(WCtx *c, StrBuf *sb, KOp op, const char *a) {
  if (op == KOP_BITNOT) { sb_printf(sb, "(~%s)", a); return; }
  w_need_helper(c, "cw_sub64");
  sb_printf(sb, "cw_sub64(vec2<u32>(0u, 0u), %s)", a);
}

/* Conversions with a 64-bit side; false when neither side is 64-bit. */
bool w_conv64(WCtx *c, StrBuf *sb, KType *from, KType *to, const char *x) {
  bool f64 = w_is_64(from), t64 = w_is_64(to);
  if (!f64 && !t64) return false;
  KType *rf = w_scalar_of(c, from), *rt = w_scalar_of(c, to);
  if (f64 && t64) { sb_puts(sb, x); return true; } /* same bits */
  if (t64) {
    switch (rf->kind) {
    case KT_BOOL: sb_printf(sb, "vec2<u32>(select(0u, 1u, %s), 0u)", x); return true;
    case KT_I32: sb_printf(sb, "vec2<u32>(bitcast<u32>(%s), select(0u, 0xffffffffu, %s < 0i))", x, x); return true;
    case KT_U32: sb_printf(sb, "vec2<u32>(%s, 0u)", x); return true;
    case KT_F32:
      w_need_helper(c, kt_is_signed(rt) ? "cw_f2i64" : "cw_f2u64");
      sb_printf(sb, "%s(%s)", kt_is_signed(rt) ? "cw_f2i64" : "cw_f2u64", x);
      return true;
    default: break;
    }
  } else {
    switch (rt->kind) {
    case KT_BOOL: sb_printf(sb, "any(%s != vec2<u32>(0u, 0u))", x); return true;
    case KT_I32: sb_printf(sb, "bitcast<i32>(%s.x)", x); return true;
    case KT_U32: sb_printf(sb, "(%s).x", x); return true;
    case KT_F32:
      w_need_helper(c, kt_is_signed(rf) ? "cw_i64f" : "cw_u64f");
      sb_printf(sb, "%s(%s)", kt_is_signed(rf) ? "cw_i64f" : "cw_u64f", x);
      return true;
    default: break;
    }
  }
  w_error(c, (SrcLoc){0}, "the WGSL target cannot convert between these types and 64-bit integers");
  return true;
}

void w_int64_lit(StrBuf *sb, int64_t v) {
  uint64_t u = (uint64_t)v;
  sb_printf(sb, "vec2<u32>(%uu, %uu)", (unsigned)(u & 0xffffffffu), (unsigned)(u >> 32));
}

/* An element of a buffer whose 64-bit elements are atomic word pairs:
 * the index of its low word, or NULL. */
static const char *wide_index(WCtx *c, KExpr *lv, WBase **base) {
  KExpr *ptr = lv->kind == KE_DEREF ? lv->a : lv->kind == KE_INDEX && w_is_ptr(lv->a->type) ? lv->a : NULL;
  KExpr *var = lv->kind == KE_VAR ? lv : lv->kind == KE_INDEX && lv->a->kind == KE_VAR && lv->a->type->kind == KT_ARRAY ? lv->a : NULL;
  if (!ptr && var && (var->var->kind == KV_GLOBAL || var->var->as == AS_SHARED)) {
    /* the variable itself (q[i] = 0 of a __shared__ u64 array used by atomics) */
    WBase *b = w_base_for_var(c, var->var);
    if (!b->wide) return NULL;
    *base = b;
    StrBuf idx;
    sb_init(&idx);
    if (lv->kind == KE_INDEX) w_expr_as(c, &idx, lv->b, c->m->t_u32);
    const char *i = w_new_tmp(c);
    w_pre(c, "let %s = 2u * %s;", i, idx.data ? idx.data : "0u");
    sb_free(&idx);
    return i;
  }
  if (!ptr) return NULL;
  WBase *b = w_base_of(c, ptr);
  if (!b || !b->wide) return NULL;
  *base = b;
  StrBuf idx;
  sb_init(&idx);
  sb_puts(&idx, "2u * u32(");
  w_ptr_off(c, &idx, ptr);
  if (lv->kind == KE_INDEX) {
    sb_puts(&idx, " + ");
    w_expr_as(c, &idx, lv->b, c->m->t_i32);
  }
  sb_putc(&idx, ')');
  const char *i = w_new_tmp(c);
  w_pre(c, "let %s = %s;", i, idx.data);
  sb_free(&idx);
  return i;
}

bool w_wide_load(WCtx *c, StrBuf *sb, KExpr *lv) {
  WBase *b;
  const char *i = wide_index(c, lv, &b);
  if (!i) return false;
  sb_printf(sb, "vec2<u32>(atomicLoad(&%s[%s]), atomicLoad(&%s[%s + 1u]))", b->name, i, b->name, i);
  return true;
}

bool w_wide_store(WCtx *c, StrBuf *sb, KExpr *lv, const char *value) {
  WBase *b;
  const char *i = wide_index(c, lv, &b);
  if (!i) return false;
  const char *v = w_new_tmp(c);
  w_pre(c, "let %s = %s;", v, value);
  sb_printf(sb, "atomicStore(&%s[%s], %s.x); atomicStore(&%s[%s + 1u], %s.y);", b->name, i, v, b->name, i, v);
  return true;
}

void w_wide_atomic(WCtx *c, StrBuf *sb, KExpr *e) {
  KExpr d;
  memset(&d, 0, sizeof d);
  d.kind = KE_DEREF;
  d.a = e->args[0];
  d.type = e->args[0]->type->elem;
  d.loc = e->loc;
  WBase *b;
  const char *id = kb_info(e->builtin)->name;
  bool add = e->builtin == KB_ATOMIC_ADD, bits = e->builtin == KB_ATOMIC_AND || e->builtin == KB_ATOMIC_OR ||
                                                  e->builtin == KB_ATOMIC_XOR;
  if (!add && !bits) {
    w_error(c, e->loc, "the WGSL target does not support '%s' on 64-bit integers (WGSL atomics are 32-bit)", id);
    return;
  }
  const char *i = wide_index(c, &d, &b);
  if (!i) return;
  StrBuf v;
  sb_init(&v);
  w_expr_as(c, &v, e->args[1], e->args[0]->type->elem);
  const char *x = w_new_tmp(c), *lo = w_new_tmp(c), *hi = w_new_tmp(c);
  w_pre(c, "let %s = %s;", x, v.data ? v.data : "");
  sb_free(&v);
  const char *fn = add ? "atomicAdd" : e->builtin == KB_ATOMIC_AND ? "atomicAnd" : e->builtin == KB_ATOMIC_OR ? "atomicOr" : "atomicXor";
  w_pre(c, "let %s = %s(&%s[%s], %s.x);", lo, fn, b->name, i, x);
  if (add) w_pre(c, "let %s = atomicAdd(&%s[%s + 1u], %s.y + select(0u, 1u, %s + %s.x < %s));", hi, b->name, i, x, lo, x, lo);
  else w_pre(c, "let %s = %s(&%s[%s + 1u], %s.y);", hi, fn, b->name, i, x);
  sb_printf(sb, "vec2<u32>(%s, %s)", lo, hi);
}
