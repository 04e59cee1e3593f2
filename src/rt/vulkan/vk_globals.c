/*
 * vk_globals.c — a module global's constant initializer laid out as the
 * bytes CUDA would put in device memory (little-endian, KIR's field
 * offsets), for globals that live in Vulkan buffers.  Handles integer and
 * floating constants (through casts and negation), string literals for
 * char arrays, and brace lists for arrays, structs and vectors with
 * designators; anything else is not a constant here.
 */
#include <string.h>

#include "vk_internal.h"

#ifdef CW_HAVE_VULKAN

typedef struct Num {
  bool is_float;
  int64_t i;
  double f;
} Num;

/* a op b folded in the operands' kind (both float, or both integer) */
static bool arith(KOp op, Num *a, const Num *b) {
  if (a->is_float != b->is_float) return false;
  if (a->is_float) {
    switch (op) {
    case KOP_ADD: a->f += b->f; return true;
    case KOP_SUB: a->f -= b->f; return true;
    case KOP_MUL: a->f *= b->f; return true;
    case KOP_DIV: a->f /= b->f; return true;
    default: return false;
    }
  }
  uint64_t x = (uint64_t)a->i, y = (uint64_t)b->i;
  switch (op) {
  case KOP_ADD: a->i = (int64_t)(x + y); return true;
  case KOP_SUB: a->i = (int64_t)(x - y); return true;
  case KOP_MUL: a->i = (int64_t)(x * y); return true;
  case KOP_SHL: a->i = (int64_t)(x << (y & 63)); return true;
  case KOP_OR: a->i = (int64_t)(x | y); return true;
  case KOP_AND: a->i = (int64_t)(x & y); return true;
  default: return false;
  }
}

static bool number(const KExpr *e, Num *n) {
  switch (e->kind) {
  case KE_INT: n->is_float = false, n->i = e->ival; return true;
  case KE_FLOAT: n->is_float = true, n->f = e->fval; return true;
  case KE_UNARY:
    if (e->op != KOP_NEG || !number(e->a, n)) return false;
    if (n->is_float) n->f = -n->f;
    else n->i = (int64_t)(0ull - (uint64_t)n->i);
    return true;
  case KE_BINARY: {
    Num b;
    if (!number(e->a, n) || !number(e->b, &b)) return false;
    return arith(e->op, n, &b);
  }
  case KE_CAST: {
    if (!number(e->a, n)) return false;
    KType *t = e->type->unqual ? e->type->unqual : e->type;
    if (kt_is_float(t) && !n->is_float) n->f = kt_is_signed(e->a->type) || !kt_is_int(e->a->type) ? (double)n->i : (double)(uint64_t)n->i, n->is_float = true;
    else if ((kt_is_int(t) || t->kind == KT_PTR) && n->is_float) n->i = (int64_t)n->f, n->is_float = false;
    return true;
  }
  default: return false;
  }
}

static bool store_scalar(const KType *t, const Num *n, unsigned char *out) {
  t = t->unqual ? t->unqual : t;
  double f = n->is_float ? n->f : (double)n->i;
  int64_t i = n->is_float ? (int64_t)n->f : n->i;
  switch (t->kind) {
  case KT_F32: { float x = (float)f; memcpy(out, &x, 4); return true; }
  case KT_F64: memcpy(out, &f, 8); return true;
  case KT_F16: { uint16_t h = (uint16_t)emit_half_bits(f); memcpy(out, &h, 2); return true; } /* rounded, subnormals kept */
  case KT_BOOL: out[0] = i != 0; return true;
  default:
    if (!kt_is_int(t) && t->kind != KT_PTR) return false;
    memcpy(out, &i, (size_t)t->size); /* little-endian: the low bytes */
    return true;
  }
}

static bool place(const KType *t, const KExpr *e, unsigned char *out, size_t room);

/* list: a KE_INIT_LIST or KE_VEC */
static bool place_list(const KType *t, const KExpr *list, unsigned char *out, size_t room) {
  KExpr *const *args = list->args;
  int n = list->nargs, pos = 0;
  for (int i = 0; i < n; i++) {
    if (kexpr_designator(list, i) >= 0) pos = kexpr_designator(list, i);
    const KType *et;
    size_t off;
    if (t->kind == KT_STRUCT) {
      if (pos >= t->nfields) return false;
      et = t->fields[pos].type, off = (size_t)t->fields[pos].offset;
    } else if (t->kind == KT_ARRAY || t->kind == KT_VEC) {
      et = t->elem, off = (size_t)pos * (size_t)t->elem->size;
    } else {
      return n == 1 && place(t, args[0], out, room);
    }
    if (off + (size_t)et->size > room || !place(et, args[i], out + off, room - off)) return false;
    pos++;
  }
  return true;
}

static bool place(const KType *t, const KExpr *e, unsigned char *out, size_t room) {
  t = t->unqual ? t->unqual : t;
  if (e->kind == KE_INIT_LIST || e->kind == KE_VEC) return place_list(t, e, out, room);
  if (e->kind == KE_STR && t->kind == KT_ARRAY) {
    size_t n = (size_t)e->str->len < room ? (size_t)e->str->len : room;
    memcpy(out, e->str->bytes, n);
    return true;
  }
  if (e->kind == KE_CAST && e->a && (e->a->kind == KE_INIT_LIST || e->a->kind == KE_VEC))
    return place(t, e->a, out, room);
  /* a function's address (vtables, tables of function pointers) stays zero:
   * every kernel that could call through it is rejected by the GLSL
   * emitter (kir_find_dynamic), and the others must still load */
  if (e->kind == KE_FUNC_ADDR || (e->kind == KE_CAST && e->a && e->a->kind == KE_FUNC_ADDR))
    return true;
  Num n;
  return number(e, &n) && store_scalar(t, &n, out);
}

bool vk_global_bytes(const KVar *v, unsigned char *out, size_t n) {
  return place(v->type, v->init, out, n);
}

#endif
