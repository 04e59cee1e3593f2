/*
 * sema_type.c — C/C++ type rules on KIR types: spelling for diagnostics,
 * decay, integer promotion, the usual arithmetic conversions, and the
 * CUDA vector types (float4, dim3, __half2, ...), which sema knows
 * intrinsically instead of reading them from a header.
 */
#include <stdio.h>
#include <string.h>

#include "parser.h"

bool type_is_void(KType *t) { return t->kind == KT_VOID; }

bool same_type(KType *a, KType *b) { return a->unqual == b->unqual; }

bool ref_binds_directly(KType *from, KType *to) {
  if (same_type(from, to)) return true;
  from = from->unqual, to = to->unqual;
  return from->kind == KT_ARRAY && to->kind == KT_ARRAY && from->count == to->count &&
         same_type(from->elem, to->elem) && (to->elem->is_const || !from->elem->is_const);
}

static void spell(StrBuf *sb, KType *t) {
  static const char *names[] = {"void", "bool", "char", "short", "int",
                                "long long", "unsigned char", "unsigned short",
                                "unsigned int", "unsigned long long", "__half",
                                "float", "double"};
  if (t->kind == KT_PTR && t->elem->kind == KT_FUNC) { /* int (*)(float, int &) */
    const KType *f = t->elem;
    spell(sb, f->elem);
    sb_puts(sb, " (*)(");
    for (int i = 0; i < f->nparams; i++) {
      if (i) sb_puts(sb, ", ");
      spell(sb, f->ref_mask >> i & 1 ? f->params[i]->elem : f->params[i]);
      if (f->ref_mask >> i & 1) sb_puts(sb, " &");
    }
    sb_puts(sb, f->variadic ? (f->nparams ? ", ...)" : "...)") : ")");
  } else if (t->kind == KT_PTR) {
    spell(sb, t->elem);
    sb_puts(sb, " *");
  } else if (t->kind == KT_ARRAY) {
    spell(sb, t->elem);
    if (t->count >= 0)
      sb_printf(sb, "[%d]", t->count);
    else
      sb_puts(sb, "[]");
  } else {
    if (t->is_const) sb_puts(sb, "const ");
    if (t->is_volatile) sb_puts(sb, "volatile ");
    if (t->kind == KT_VEC || t->kind == KT_STRUCT)
      sb_puts(sb, t->name ? t->name : "<anonymous>");
    else if (t->kind == KT_FUNC)
      sb_puts(sb, "function");
    else if (t->is_long)
      sb_puts(sb, kt_is_signed(t) ? "long" : "unsigned long");
    else
      sb_puts(sb, names[t->kind]);
    return;
  }
  if (t->is_const) sb_puts(sb, " const");
}

void require_complete(Parser *p, KType *t, SrcLoc at, const char *what) {
  KType *u = t;
  while (u && u->kind == KT_ARRAY) u = u->elem;
  u = u ? u->unqual : NULL;
  if (!u || u->kind != KT_STRUCT || u->size) return; /* a defined class is never 0 bytes */
  const Scope *cs = u->front;
  if (cs && cs->incomplete_why)
    error_at(p, at, "%s incomplete type '%s' (%s)", what, type_name(p, u), cs->incomplete_why);
  error_at(p, at, "%s incomplete type '%s'", what, type_name(p, u));
}

char *type_name(Parser *p, KType *t) {
  StrBuf sb;
  sb_init(&sb);
  spell(&sb, t);
  char *r = arena_strdup(p->arena, sb.data ? sb.data : "?");
  sb_free(&sb);
  return r;
}

KType *decay(Parser *p, KType *t) {
  if (t->kind == KT_ARRAY) return kt_ptr(p->m, t->elem, AS_GENERIC);
  return t->unqual;
}

KType *promote(Parser *p, KType *t) {
  switch (t->unqual->kind) {
  case KT_BOOL: case KT_I8: case KT_I16: case KT_U8: case KT_U16:
    return p->m->t_i32;
  default:
    return t->unqual;
  }
}

/* C++'s integer conversion ranks: long long above long above int, though
 * long has the representation of one of them (LP64: long long's; ILP32:
 * int's) */
static int int_rank(KType *t) {
  if (t->is_long) return 4;
  switch (t->kind) {
  case KT_I32: case KT_U32: return 3;
  case KT_I64: case KT_U64: return 5;
  default: return 1;
  }
}

static KType *to_unsigned(Parser *p, KType *t) {
  if (t->is_long) return p->m->t_ulong;
  return t->kind == KT_I64 ? p->m->t_u64 : p->m->t_u32;
}

KType *common_arith(Parser *p, KType *a, KType *b) {
  a = a->unqual, b = b->unqual;
  if (a->kind == KT_F64 || b->kind == KT_F64) return p->m->t_f64;
  if (a->kind == KT_F32 || b->kind == KT_F32) return p->m->t_f32;
  if (a->kind == KT_F16 || b->kind == KT_F16) return p->m->t_f16;
  a = promote(p, a), b = promote(p, b);
  if (a == b) return a;
  bool sa = kt_is_signed(a), sb = kt_is_signed(b);
  if (sa == sb) return int_rank(a) >= int_rank(b) ? a : b;
  KType *u = sa ? b : a, *s = sa ? a : b;
  if (int_rank(u) >= int_rank(s)) return u;
  if (s->size > u->size) return s;
  return to_unsigned(p, s);
}

static const struct {
  const char *prefix;
  int kind;
} vec_bases[] = {
    {"char", KT_I8},        {"uchar", KT_U8},      {"short", KT_I16},
    {"ushort", KT_U16},     {"int", KT_I32},       {"uint", KT_U32},
    {"long", -KT_I64},      {"ulong", -KT_U64},    {"longlong", KT_I64},
    {"ulonglong", KT_U64},  {"float", KT_F32},     {"double", KT_F64},
};

/* kind < 0: the `long` twin of KT_I64/KT_U64 (long2's lanes are long) */
static KType *scalar_of_kind(Parser *p, int kind) {
  if (kind < 0) return -kind == KT_I64 ? p->m->t_long : p->m->t_ulong;
  KType *all[] = {p->m->t_void, p->m->t_bool, p->m->t_i8,  p->m->t_i16,
                  p->m->t_i32,  p->m->t_i64,  p->m->t_u8,  p->m->t_u16,
                  p->m->t_u32,  p->m->t_u64,  p->m->t_f16, p->m->t_f32,
                  p->m->t_f64};
  return all[kind];
}

/* CUDA 13's 16- and 32-byte aligned 4-lane vectors of 8-byte elements
 * (double4_32a, long4_16a ...; vector_types.h), or NULL */
static KType *aligned_vector_named(Parser *p, const char *name, size_t n) {
  int align = !strcmp(name + n - 4, "_16a") ? 16 : !strcmp(name + n - 4, "_32a") ? 32 : 0;
  if (!align) return NULL;
  static const char *const bases[] = {"long4", "ulong4", "longlong4", "ulonglong4", "double4"};
  for (size_t i = 0; i < sizeof bases / sizeof *bases; i++)
    if (strlen(bases[i]) == n - 4 && !strncmp(name, bases[i], n - 4)) {
      KType *t = vector_type_named(p, bases[i]);
      return kt_vec_aligned(p->m, t->elem, 4, arena_strdup(p->arena, name), align);
    }
  return NULL;
}

/* float4, uint3, dim3, __half2, double4_32a ... or NULL */
KType *vector_type_named(Parser *p, const char *name) {
  /* every vector type's name ends in its lane count (or _16a/_32a): most
   * names asked about (each identifier a declaration may start with) end here */
  size_t n = strlen(name);
  if (n < 2) return NULL;
  char last = name[n - 1];
  if (last == 'a' && n > 4) return aligned_vector_named(p, name, n);
  if (last < '1' || last > '4') return NULL;
  if (!strcmp(name, "dim3")) return type_dim3(p);
  if (!strcmp(name, "__half2") || !strcmp(name, "half2")) return type_half2(p);
  for (size_t i = 0; i < sizeof vec_bases / sizeof *vec_bases; i++) {
    size_t pl = strlen(vec_bases[i].prefix);
    if (pl == n - 1 && !strncmp(name, vec_bases[i].prefix, pl)) {
      KType *elem = scalar_of_kind(p, vec_bases[i].kind);
      return kt_vec(p->m, elem, last - '0',
                    arena_strdup(p->arena, name));
    }
  }
  return NULL;
}

KType *type_half2(Parser *p) { return kt_vec(p->m, p->m->t_f16, 2, "__half2"); }
KType *type_dim3(Parser *p) { return kt_vec(p->m, p->m->t_u32, 3, "dim3"); }
KType *type_uint3(Parser *p) { return kt_vec(p->m, p->m->t_u32, 3, "uint3"); }

bool is_null_pointer_constant(KExpr *e) {
  while (e->kind == KE_CAST && kt_is_int(e->a->type)) e = e->a;
  return e->kind == KE_INT && e->ival == 0 && kt_is_int(e->type);
}

bool vec_compatible_type(KType *a, KType *b) {
  a = a->unqual, b = b->unqual;
  return a->kind == KT_VEC && b->kind == KT_VEC && a->elem == b->elem &&
         a->count == b->count;
}
