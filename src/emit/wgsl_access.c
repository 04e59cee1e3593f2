/*
 * wgsl_access.c — reading and writing through KIR lvalues.
 *
 * An lvalue becomes a WGSL reference expression: a local, a member or
 * lane, or an element of a base (buffer, workgroup array, local array) at
 * the pointer's offset plus the index.  Bases used by atomics are declared
 * atomic<i32|u32>, so every plain access to them goes through atomicLoad /
 * atomicStore.  A pointer cast between 4-byte scalar types (the classic
 * `(int*)&f` of CAS loops) reads and writes the stored type through
 * bitcast.  A member, lane or element of a value that is no lvalue (a
 * call's result, a ?: of structs, a constructed struct) is read from the
 * value expression itself: WGSL allows `f(x).a`, there is nothing to write.
 */
#include "wgsl_internal.h"

#include <string.h>

static bool is_scalar4(KType *t) {
  return t && (t->kind == KT_I32 || t->kind == KT_U32 || t->kind == KT_F32);
}

/* The stored type of what `ref` denotes (NULL: same as the access). */
static KType *emit_ref(WCtx *c, StrBuf *sb, KExpr *lv, WBase **base);

static KType *element(WCtx *c, StrBuf *sb, KExpr *ptr, KExpr *idx, WBase **base, SrcLoc loc) {
  WBase *b = w_base_of(c, ptr);
  if (!b) {
    w_error(c, loc, "cannot tell which buffer this pointer points into");
    return NULL;
  }
  *base = b;
  if (b->str) {
    w_error(c, loc, "the WGSL target can pass a string literal on to printf only (its characters cannot be read)");
    return NULL;
  }
  sb_puts(sb, b->name);
  if (b->indexable) {
    StrBuf off;
    sb_init(&off);
    w_ptr_off(c, &off, ptr);
    sb_putc(sb, '[');
    bool zero = off.data && !strcmp(off.data, "0i");
    if (!zero) sb_puts(sb, off.data ? off.data : "");
    if (idx) {
      if (!zero) sb_puts(sb, " + ");
      if (zero && !w_is_64(idx->type)) w_expr(c, sb, idx);
      else w_expr_as(c, sb, idx, c->m->t_i32);
    } else if (zero) {
      sb_puts(sb, "0");
    }
    sb_putc(sb, ']');
    sb_free(&off);
  }
  return b->atomic ? b->atomic_type : b->elem;
}

static KType *emit_ref(WCtx *c, StrBuf *sb, KExpr *lv, WBase **base) {
  switch (lv->kind) {
  case KE_VAR: {
    KVar *v = lv->var;
    if (v->kind == KV_GLOBAL || v->as == AS_SHARED) {
      WBase *b = w_base_for_var(c, v);
      *base = b;
      sb_puts(sb, b->name);
      return b->atomic ? b->atomic_type : v->type;
    }
    sb_puts(sb, w_ident(c, v->cname));
    return NULL;
  }
  case KE_INDEX:
    if (w_is_ptr(lv->a->type)) return element(c, sb, lv->a, lv->b, base, lv->loc);
    emit_ref(c, sb, lv->a, base);
    sb_putc(sb, '[');
    w_expr(c, sb, lv->b);
    sb_putc(sb, ']');
    return (*base && (*base)->atomic) ? (*base)->atomic_type : NULL;
  case KE_DEREF: return element(c, sb, lv->a, NULL, base, lv->loc);
  case KE_MEMBER: {
    KType *at = lv->a->type;
    if (lv->a->kind == KE_VAR && at->kind == KT_STRUCT) {
      WBase *b = w_base_for_var(c, lv->a->var);
      if (b->words) { /* the field's atomic word */
        *base = b;
        sb_printf(sb, "%s[%d]", b->name, at->fields[lv->field].offset / 4);
        return b->atomic_type;
      }
    }
    emit_ref(c, sb, lv->a, base);
    if (at->kind == KT_VEC) sb_printf(sb, ".%c", "xyzw"[lv->field & 3]);
    else sb_printf(sb, ".%s", w_ident(c, at->fields[lv->field].name));
    return NULL;
  }
  default:
    w_error(c, lv->loc, "the WGSL target cannot write to this expression");
    return NULL;
  }
}

void w_lvalue_ref(WCtx *c, StrBuf *sb, KExpr *lv, WBase **base) {
  *base = NULL;
  emit_ref(c, sb, lv, base);
}

/* Checks that the access type and the stored type agree, or can be
 * bit-cast; returns the bitcast target ("" when none is needed). */
static const char *reinterpret(WCtx *c, KType *stored, KType *access, SrcLoc loc) {
  if (!stored) return "";
  KType *s = w_scalar_of(c, stored), *a = w_scalar_of(c, access);
  if (s == a || (s->unqual && s->unqual == a->unqual)) return "";
  if (s->kind == KT_ARRAY || a->kind == KT_ARRAY) return "";
  if (is_scalar4(s) && is_scalar4(a)) return "b";
  if (s->size == a->size && s->kind == a->kind) return "";
  w_error(c, loc, "the WGSL target cannot access memory holding '%s' as another type",
          w_type_str(c, s));
  return "";
}

/* Whether lv's member/element chain ends in a value rather than storage. */
static bool value_rooted(KExpr *lv) {
  while (lv->kind == KE_MEMBER || (lv->kind == KE_INDEX && !w_is_ptr(lv->a->type))) lv = lv->a;
  return lv->kind != KE_VAR && lv->kind != KE_INDEX && lv->kind != KE_DEREF;
}

/* A part of a value: (value).field, (value).x, (value)[i]. */
static void value_part(WCtx *c, StrBuf *sb, KExpr *e) {
  if (e->kind == KE_MEMBER) {
    KType *at = e->a->type->unqual ? e->a->type->unqual : e->a->type;
    value_part(c, sb, e->a);
    if (at->kind == KT_VEC) sb_printf(sb, ".%c", "xyzw"[e->field & 3]);
    else sb_printf(sb, ".%s", w_ident(c, at->fields[e->field].name));
  } else if (e->kind == KE_INDEX) {
    value_part(c, sb, e->a);
    sb_putc(sb, '[');
    w_expr(c, sb, e->b);
    sb_putc(sb, ']');
  } else {
    sb_putc(sb, '(');
    w_expr(c, sb, e);
    sb_putc(sb, ')');
  }
}

void w_load(WCtx *c, StrBuf *sb, KExpr *lv) {
  if (lv->kind != KE_DEREF && value_rooted(lv)) {
    value_part(c, sb, lv);
    return;
  }
  if (lv->kind == KE_DEREF && lv->a->kind == KE_CALL && w_ret_by_value(c, lv->a->fn)) {
    w_expr(c, sb, lv->a); /* *get(): the call returns the value */
    return;
  }
  if (w_small_load(c, sb, lv)) return;
  if (w_wide_load(c, sb, lv)) return;
  StrBuf r;
  sb_init(&r);
  WBase *b = NULL;
  KType *stored = emit_ref(c, &r, lv, &b);
  const char *rt = reinterpret(c, stored, lv->type, lv->loc);
  bool atomic = b && b->atomic && stored == b->atomic_type;
  const char *ref = r.data ? r.data : "";
  if (*rt) sb_printf(sb, "bitcast<%s>(", w_type_str(c, w_scalar_of(c, lv->type)));
  if (atomic) sb_printf(sb, "atomicLoad(&%s)", ref);
  else sb_puts(sb, ref);
  if (*rt) sb_putc(sb, ')');
  sb_free(&r);
}

void w_store(WCtx *c, StrBuf *sb, KExpr *lv, const char *value) {
  if (lv->kind == KE_MEMBER && lv->a->type->kind == KT_STRUCT && lv->a->type->fields[lv->field].bit_width)
    value = w_bitfield_value(c, &lv->a->type->fields[lv->field], value);
  if (w_small_store(c, sb, lv, value)) return;
  if (w_wide_store(c, sb, lv, value)) return;
  StrBuf r;
  sb_init(&r);
  WBase *b = NULL;
  KType *stored = emit_ref(c, &r, lv, &b);
  const char *rt = reinterpret(c, stored, lv->type, lv->loc);
  bool atomic = b && b->atomic && stored == b->atomic_type;
  const char *ref = r.data ? r.data : "";
  StrBuf v;
  sb_init(&v);
  if (*rt) sb_printf(&v, "bitcast<%s>(%s)", w_type_str(c, w_scalar_of(c, stored)), value);
  else sb_puts(&v, value);
  if (atomic) sb_printf(sb, "atomicStore(&%s, %s);", ref, v.data);
  else sb_printf(sb, "%s = %s;", ref, v.data);
  sb_free(&v);
  sb_free(&r);
}

void w_load_ptr(WCtx *c, StrBuf *sb, KExpr *ptr) {
  KExpr *p = ptr;
  while (p->kind == KE_CAST && w_is_ptr(p->a->type) && p->a->type->elem->unqual == p->type->elem->unqual) p = p->a;
  if (p->kind == KE_ADDR) { /* *&x is x */
    w_load(c, sb, p->a);
    return;
  }
  KExpr d;
  memset(&d, 0, sizeof d);
  d.kind = KE_DEREF;
  d.a = ptr;
  d.type = ptr->type->elem;
  d.loc = ptr->loc;
  w_load(c, sb, &d);
}
