/*
 * wgsl_bytes.c — buffers of 8- and 16-bit elements (char, short, uchar4).
 *
 * WGSL storage holds 32-bit words only, so such a buffer parameter is
 * declared array<u32> and an element is a bit field of a word: element i of
 * a byte buffer is bits 8*(i%4) of word i/4 (little-endian, as the host
 * laid it out).  Loads extract the field (sign-extending signed types).
 * Storing one byte must not disturb the other three, which other threads
 * may be writing at the same time, so a buffer that receives sub-word
 * stores is atomic<u32> and a store is an atomicAnd clearing the field
 * followed by an atomicOr setting it.  A 4-byte vector of bytes (uchar4) is
 * a whole word: loaded and stored with shifts, its lanes addressed as bytes.
 */
#include "wgsl_internal.h"

#include <string.h>

static KType *unq(KType *t) { return t->unqual ? t->unqual : t; }

/* A buffer whose elements are sub-word (or a vector of bytes). */
bool w_small_elem(KType *t) {
  t = unq(t);
  if (t->kind == KT_I8 || t->kind == KT_U8 || t->kind == KT_I16 || t->kind == KT_U16) return true;
  return t->kind == KT_VEC && t->count == 4 && t->elem->size == 1;
}

typedef struct Field {
  WBase *base;
  const char *word; /* index of the word */
  const char *shift;/* bit offset in it (u32), NULL for a whole uchar4 */
  int bits;
  bool is_signed;
} Field;

/* Recognises an element (or a uchar4 lane) of a small-element buffer. */
static bool field_of(WCtx *c, KExpr *lv, Field *f) {
  memset(f, 0, sizeof *f);
  KExpr *el = lv;
  int lane = -1;
  if (lv->kind == KE_MEMBER && unq(lv->a->type)->kind == KT_VEC && w_small_elem(lv->a->type)) {
    el = lv->a;
    lane = lv->field;
  }
  KExpr *ptr = el->kind == KE_DEREF ? el->a : el->kind == KE_INDEX && w_is_ptr(el->a->type) ? el->a : NULL;
  if (!ptr) return false;
  WBase *b = w_base_of(c, ptr);
  KType *et = unq(ptr->type->elem); /* offsets count the pointer's elements */
  if (!b || !b->small || !w_small_elem(et)) return false;
  f->base = b;
  StrBuf idx;
  sb_init(&idx);
  sb_putc(&idx, '(');
  w_ptr_off(c, &idx, ptr);
  if (el->kind == KE_INDEX) {
    sb_puts(&idx, " + ");
    w_expr_as(c, &idx, el->b, c->m->t_i32);
  }
  sb_putc(&idx, ')');
  const char *i = w_new_tmp(c);
  w_pre(c, "let %s = u32%s;", i, idx.data);
  sb_free(&idx);
  if (et->kind == KT_VEC) {
    f->is_signed = et->elem->kind == KT_I8;
    if (lane < 0) { f->word = i; return true; }
    f->word = i;
    f->shift = arena_printf(c->a, "%du", 8 * (lane & 3));
    f->bits = 8;
    return true;
  }
  f->is_signed = kt_is_signed(et);
  f->bits = 8 * et->size;
  int per = 4 / et->size;
  f->word = arena_printf(c->a, "(%s / %du)", i, per);
  f->shift = arena_printf(c->a, "((%s %% %du) * %du)", i, per, (unsigned)f->bits);
  return true;
}

static const char *word_ref(WCtx *c, Field *f) {
  const char *r = arena_printf(c->a, "%s[%s]", f->base->name, f->word);
  return f->base->atomic ? arena_printf(c->a, "atomicLoad(&%s)", r) : r;
}

bool w_small_load(WCtx *c, StrBuf *sb, KExpr *lv) {
  Field f;
  if (!field_of(c, lv, &f)) return false;
  const char *w = word_ref(c, &f);
  if (!f.shift) {
    w_need_helper(c, f.is_signed ? "cw_unpack_i8x4" : "cw_unpack_u8x4");
    sb_printf(sb, "%s(%s)", f.is_signed ? "cw_unpack_i8x4" : "cw_unpack_u8x4", w);
  } else if (f.is_signed) {
    sb_printf(sb, "extractBits(bitcast<i32>(%s), %s, %du)", w, f.shift, f.bits);
  } else {
    sb_printf(sb, "extractBits(%s, %s, %du)", w, f.shift, f.bits);
  }
  return true;
}

bool w_small_store(WCtx *c, StrBuf *sb, KExpr *lv, const char *value) {
  Field f;
  if (!field_of(c, lv, &f)) return false;
  const char *ref = arena_printf(c->a, "%s[%s]", f.base->name, f.word);
  if (!f.shift) {
    w_need_helper(c, "cw_pack_8x4");
    const char *v = arena_printf(c->a, "cw_pack_8x4(vec4<u32>(%s))", value);
    if (f.base->atomic) sb_printf(sb, "atomicStore(&%s, %s);", ref, v);
    else sb_printf(sb, "%s = %s;", ref, v);
    return true;
  }
  if (!f.base->atomic) {
    w_error(c, lv->loc, "internal: sub-word store into a non-atomic buffer");
    return true;
  }
  unsigned mask = f.bits == 8 ? 0xffu : 0xffffu;
  const char *s = w_new_tmp(c);
  w_pre(c, "let %s = %s;", s, f.shift);
  sb_printf(sb, "atomicAnd(&%s, ~(0x%xu << %s)); atomicOr(&%s, (u32(%s) & 0x%xu) << %s);", ref, mask, s,
            ref, value, mask, s);
  return true;
}

/* Called by the analysis for every store: a sub-word store makes its
 * buffer atomic. */
void w_small_note_store(WCtx *c, KExpr *lv) {
  KExpr *el = lv->kind == KE_MEMBER ? lv->a : lv;
  bool lane = lv->kind == KE_MEMBER;
  KExpr *ptr = el->kind == KE_DEREF ? el->a : el->kind == KE_INDEX && w_is_ptr(el->a->type) ? el->a : NULL;
  if (!ptr) return;
  WBase *b = w_base_of(c, ptr);
  KType *et = unq(ptr->type->elem);
  if (!b || !b->small || !w_small_elem(et)) return;
  if (lane || et->kind != KT_VEC) {
    b->atomic = true;
    b->atomic_type = c->m->t_u32;
  }
}
