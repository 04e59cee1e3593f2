/*
 * glsl_mem.c — the typed memory helpers every access goes through.
 *
 * ld<K>_<type>(addr) and st<K>_<type>(addr, v) (st returns v, so an
 * assignment stays an expression), K = G (buffer device address through a
 * GL_EXT_buffer_reference block R_<type>), S (shared: byte offset into
 * the kernel's `shared uint SM[]`, sub-word stores by atomicAnd/atomicOr so
 * neighbouring bytes written by other threads survive) or X (bit 63 of the
 * address decides).  Vectors, structs and arrays are built from their
 * lanes/fields/elements at CUDA's byte offsets, so memory layout is CUDA's,
 * not GLSL's.  Atomics use GLSL's native atomics where one exists for the
 * type and memory, else a compare-and-swap loop (float add, signed min/max
 * on shared, atomicInc/Dec).  A helper is written once, after the helpers
 * it calls.
 */
#include <stdlib.h>
#include <string.h>

#include "glsl_internal.h"

bool gl_seen(Gl *g, const char *name) {
  for (int i = 0; i < g->ndone; i++)
    if (!strcmp(g->done[i], name)) return true;
  if (g->ndone == g->capdone) {
    int cap = g->capdone ? g->capdone * 2 : 64;
    const char **n = arena_alloc(g->a, sizeof *n * (size_t)cap);
    if (g->ndone) memcpy(n, g->done, sizeof *n * (size_t)g->ndone);
    g->done = n;
    g->capdone = cap;
  }
  g->done[g->ndone++] = name;
  return false;
}

static KType *unq(KType *t) { return t->unqual ? t->unqual : t; }

static const char *scalar_tag(KTypeKind k) {
  static const char *const tags[] = {[KT_BOOL] = "b", [KT_I8] = "i8", [KT_I16] = "i16",
      [KT_I32] = "i32", [KT_I64] = "i64", [KT_U8] = "u8", [KT_U16] = "u16",
      [KT_U32] = "u32", [KT_U64] = "u64", [KT_F16] = "f16", [KT_F32] = "f32",
      [KT_F64] = "f64", [KT_PTR] = "u64"};
  return k <= KT_PTR ? tags[k] : NULL;
}

static const char *mangle(Gl *g, KType *t) {
  t = unq(t);
  switch (t->kind) {
  case KT_VEC: return gl_fmt(g, "v%d%s", t->count, scalar_tag(unq(t->elem)->kind));
  case KT_STRUCT: return gl_fmt(g, "s%d", t->id);
  case KT_ARRAY: return gl_fmt(g, "a%d_%s", t->count, mangle(g, t->elem));
  default: {
    const char *s = scalar_tag(t->kind);
    return s ? s : "void";
  }
  }
}

static KType *u8_type(Gl *g) { return g->m->t_u8; }

/* the buffer_reference block for one scalar type */
static const char *ref_block(Gl *g, KType *t) {
  const char *name = gl_fmt(g, "R_%s", mangle(g, t));
  if (!gl_seen(g, name))
    sb_printf(&g->refs,
              "layout(buffer_reference, scalar, buffer_reference_align = %d) buffer %s { %s v; };\n",
              t->size < 1 ? 1 : t->size, name, gl_type(g, t, (SrcLoc){0}));
  return name;
}

/* ---- shared memory words ------------------------------------------------ */

/* an expression of type T from `u`, the low bits of a uint (size < 8) */
static const char *from_bits32(Gl *g, KType *t, const char *u) {
  if (gl_narrow(g, t)) return gl_narrow_wrap(g, t, gl_fmt(g, "%s(%s)", gl_type(g, t, (SrcLoc){0}), u));
  if (gl_half(g, t)) return gl_half_value(g, u);
  switch (unq(t)->kind) {
  case KT_F32: return gl_fmt(g, "uintBitsToFloat(%s)", u);
  case KT_F16: return gl_fmt(g, "uint16BitsToFloat16(uint16_t(%s))", u);
  case KT_BOOL: return gl_fmt(g, "((%s) != 0u)", u);
  default: return gl_fmt(g, "%s(%s)", gl_type(g, t, (SrcLoc){0}), u);
  }
}

static const char *to_bits32(Gl *g, KType *t, const char *v) {
  if (gl_half(g, t)) return gl_half_bits(g, v);
  switch (unq(t)->kind) {
  case KT_F32: return gl_fmt(g, "floatBitsToUint(%s)", v);
  case KT_F16: return gl_fmt(g, "uint(float16BitsToUint16(%s))", v);
  case KT_BOOL: return gl_fmt(g, "((%s) ? 1u : 0u)", v);
  case KT_I8: case KT_I16: return gl_fmt(g, "uint(int(%s))", v);
  default: return gl_fmt(g, "uint(%s)", v);
  }
}

static void shared_scalar_ld(Gl *g, StrBuf *sb, KType *t) {
  int n = t->size;
  sb_printf(sb, "  uint o = %s;\n", gl_addr_low(g, "a"));
  if (n == 8 && g->no_int64) { /* an address: a uvec2 */
    sb_puts(sb, "  return uvec2(SM[o >> 2], SM[(o >> 2) + 1u]);\n");
    return;
  }
  if (n == 8) {
    sb_puts(sb, "  uint64_t u = packUint2x32(uvec2(SM[o >> 2], SM[(o >> 2) + 1u]));\n");
    KTypeKind k = unq(t)->kind;
    sb_printf(sb, "  return %s;\n", k == KT_F64 ? "uint64BitsToDouble(u)"
                                    : k == KT_I64 ? "int64_t(u)" : "u");
    return;
  }
  if (n == 4) {
    sb_printf(sb, "  return %s;\n", from_bits32(g, t, "SM[o >> 2]"));
    return;
  }
  sb_printf(sb, "  uint w = (SM[o >> 2] >> ((o & 3u) * 8u)) & %s;\n", n == 2 ? "0xffffu" : "0xffu");
  sb_printf(sb, "  return %s;\n", from_bits32(g, t, "w"));
}

static void shared_scalar_st(Gl *g, StrBuf *sb, KType *t) {
  int n = t->size;
  sb_printf(sb, "  uint o = %s;\n", gl_addr_low(g, "a"));
  if (n == 8 && g->no_int64) {
    sb_puts(sb, "  SM[o >> 2] = v.x;\n  SM[(o >> 2) + 1u] = v.y;\n  return v;\n");
    return;
  }
  if (n == 8) {
    KTypeKind k = unq(t)->kind;
    sb_printf(sb, "  uvec2 p = unpackUint2x32(%s);\n",
              k == KT_F64 ? "doubleBitsToUint64(v)" : "uint64_t(v)");
    sb_puts(sb, "  SM[o >> 2] = p.x;\n  SM[(o >> 2) + 1u] = p.y;\n  return v;\n");
    return;
  }
  if (n == 4) {
    sb_printf(sb, "  SM[o >> 2] = %s;\n  return v;\n", to_bits32(g, t, "v"));
    return;
  }
  const char *mask = n == 2 ? "0xffffu" : "0xffu";
  sb_printf(sb, "  uint sh = (o & 3u) * 8u;\n");
  sb_printf(sb, "  atomicAnd(SM[o >> 2], ~(%s << sh));\n", mask);
  sb_printf(sb, "  atomicOr(SM[o >> 2], (%s & %s) << sh);\n  return v;\n", to_bits32(g, t, "v"), mask);
}

/* ---- loads and stores --------------------------------------------------- */

static bool is_scalar_kind(KType *t) {
  KTypeKind k = unq(t)->kind;
  return (k >= KT_BOOL && k <= KT_F64) || k == KT_PTR;
}

static void scalar_body(Gl *g, StrBuf *sb, KType *t, char kind, bool load) {
  const char *T = gl_type(g, t, (SrcLoc){0}), *m = mangle(g, t);
  if (kind == 'X') {
    const char *s = load ? gl_ld(g, t, 'S', (SrcLoc){0}) : gl_st(g, t, 'S', (SrcLoc){0});
    const char *gg = load ? gl_ld(g, t, 'G', (SrcLoc){0}) : gl_st(g, t, 'G', (SrcLoc){0});
    sb_printf(sb, "  if (%s) return %s(a%s);\n", gl_addr_is_shared(g, "a"), s, load ? "" : ", v");
    sb_printf(sb, "  return %s(a%s);\n", gg, load ? "" : ", v");
    (void)m;
    return;
  }
  if (kind == 'S') {
    (load ? shared_scalar_ld : shared_scalar_st)(g, sb, t);
    return;
  }
  if (unq(t)->kind == KT_BOOL) { /* CUDA's bool is one byte */
    const char *zero = g->no_int8 ? "0u" : "uint8_t(0)", *bit = g->no_int8 ? "(v ? 1u : 0u)" : "uint8_t(v ? 1 : 0)";
    if (load) sb_printf(sb, "  return %s(a) != %s;\n", gl_ld(g, u8_type(g), 'G', (SrcLoc){0}), zero);
    else sb_printf(sb, "  %s(a, %s);\n  return v;\n", gl_st(g, u8_type(g), 'G', (SrcLoc){0}), bit);
    return;
  }
  if (gl_half(g, t)) { /* within a 32-bit word (glsl_half.c) */
    (load ? gl_half_ld : gl_half_st)(g, sb, ref_block(g, g->m->t_u32));
    return;
  }
  if (gl_narrow(g, t)) { /* within a 32-bit word (glsl_narrow.c) */
    (load ? gl_narrow_ld : gl_narrow_st)(g, sb, t, ref_block(g, g->m->t_u32));
    return;
  }
  const char *r = ref_block(g, t);
  if (load) sb_printf(sb, "  return %s(a).v;\n", r);
  else sb_printf(sb, "  %s(a).v = v;\n  return v;\n", r);
  (void)T;
}

/* the address of a lane or field of the object at `a` */
static const char *field_at(Gl *g, int off) {
  return g->no_int64 ? gl_addr_add(g, "a", off) : gl_fmt(g, "a + %dul", off);
}

static void compound_body(Gl *g, StrBuf *sb, KType *t, char kind, bool load, SrcLoc loc) {
  t = unq(t);
  const char *T = gl_type(g, t, loc);
  if (load) sb_printf(sb, "  %s;\n", gl_decl(g, t, "r", loc));
  if (t->kind == KT_VEC) {
    static const char lanes[] = "xyzw";
    const char *ld = load ? gl_ld(g, t->elem, kind, loc) : gl_st(g, t->elem, kind, loc);
    for (int i = 0; i < t->count; i++) {
      const char *at = field_at(g, i * t->elem->size);
      if (load) sb_printf(sb, "  r.%c = %s(%s);\n", lanes[i], ld, at);
      else sb_printf(sb, "  %s(%s, v.%c);\n", ld, at, lanes[i]);
    }
  } else if (t->kind == KT_ARRAY) {
    const char *f = load ? gl_ld(g, t->elem, kind, loc) : gl_st(g, t->elem, kind, loc);
    sb_printf(sb, "  for (int i = 0; i < %d; i++) ", t->count);
    const char *at = g->no_int64 ? gl_addr_scaled(g, "a", "i", true, t->elem->size, false)
                                 : gl_fmt(g, "a + uint64_t(i) * %dul", t->elem->size);
    if (load) sb_printf(sb, "r[i] = %s(%s);\n", f, at);
    else sb_printf(sb, "%s(%s, v[i]);\n", f, at);
  } else {
    for (int i = 0; i < t->nfields; i++) {
      KField *fd = &t->fields[i];
      const char *f = load ? gl_ld(g, fd->type, kind, loc) : gl_st(g, fd->type, kind, loc);
      const char *at = field_at(g, fd->offset);
      if (load) sb_printf(sb, "  r.%s = %s(%s);\n", gl_field(g, t, i), f, at);
      else sb_printf(sb, "  %s(%s, v.%s);\n", f, at, gl_field(g, t, i));
    }
  }
  sb_puts(sb, load ? "  return r;\n" : "  return v;\n");
  (void)T;
}

/* `float[4]` as a return/parameter type */
static const char *value_type(Gl *g, KType *t, SrcLoc loc) {
  t = unq(t);
  if (t->kind != KT_ARRAY) return gl_type(g, t, loc);
  const char *dims = "";
  KType *e = t;
  for (; e->kind == KT_ARRAY; e = e->elem) dims = gl_fmt(g, "%s[%d]", dims, e->count);
  return gl_fmt(g, "%s%s", gl_type(g, e, loc), dims);
}

static const char *accessor(Gl *g, KType *t, char kind, bool load, SrcLoc loc) {
  t = unq(t);
  if (t->kind == KT_VOID || t->kind == KT_FUNC || (t->kind == KT_ARRAY && t->count < 0)) {
    gl_error(g, loc, "access to memory of this type is not supported on the Vulkan target");
    return "ldG_u32";
  }
  const char *name = gl_fmt(g, "%s%c_%s", load ? "ld" : "st", kind, mangle(g, t));
  if (gl_seen(g, name)) return name;
  StrBuf sb;
  sb_init(&sb);
  const char *T = value_type(g, t, loc);
  if (load) sb_printf(&sb, "%s %s(%s a) {\n", T, name, gl_addr_type(g));
  else sb_printf(&sb, "%s %s(%s a, %s v) {\n", T, name, gl_addr_type(g), T);
  if (is_scalar_kind(t)) scalar_body(g, &sb, t, kind, load);
  else compound_body(g, &sb, t, kind, load, loc);
  sb_puts(&sb, "}\n");
  char *s = sb_take(&sb);
  if (s) sb_puts(&g->helpers, s);
  free(s);
  return name;
}

const char *gl_ld(Gl *g, KType *t, char kind, SrcLoc loc) { return accessor(g, t, kind, true, loc); }
const char *gl_st(Gl *g, KType *t, char kind, SrcLoc loc) { return accessor(g, t, kind, false, loc); }

/* ---- atomics ----------------------------------------------------------- */

static const char *atomic_fn(KBuiltinId op) {
  switch (op) {
  case KB_ATOMIC_ADD: return "atomicAdd";
  case KB_ATOMIC_EXCH: return "atomicExchange";
  case KB_ATOMIC_AND: return "atomicAnd";
  case KB_ATOMIC_OR: return "atomicOr";
  case KB_ATOMIC_XOR: return "atomicXor";
  case KB_ATOMIC_MIN: return "atomicMin";
  case KB_ATOMIC_MAX: return "atomicMax";
  case KB_ATOMIC_CAS: return "atomicCompSwap";
  default: return NULL;
  }
}

static const char *op_tag(KBuiltinId op) {
  switch (op) {
  case KB_ATOMIC_ADD: return "add";
  case KB_ATOMIC_SUB: return "sub";
  case KB_ATOMIC_EXCH: return "exch";
  case KB_ATOMIC_AND: return "and";
  case KB_ATOMIC_OR: return "or";
  case KB_ATOMIC_XOR: return "xor";
  case KB_ATOMIC_MIN: return "min";
  case KB_ATOMIC_MAX: return "max";
  case KB_ATOMIC_INC: return "inc";
  case KB_ATOMIC_DEC: return "dec";
  case KB_ATOMIC_CAS: return "cas";
  default: return "op";
  }
}

/* the new value a read-modify-write computes from the old one, x */
static const char *rmw_value(Gl *g, KBuiltinId op, const char *T) {
  switch (op) {
  case KB_ATOMIC_ADD: return "x + v";
  case KB_ATOMIC_SUB: return "x - v";
  case KB_ATOMIC_EXCH: return "v";
  case KB_ATOMIC_AND: return "x & v";
  case KB_ATOMIC_OR: return "x | v";
  case KB_ATOMIC_XOR: return "x ^ v";
  case KB_ATOMIC_MIN: return "min(x, v)";
  case KB_ATOMIC_MAX: return "max(x, v)";
  case KB_ATOMIC_INC: return gl_fmt(g, "(x >= v) ? %s(0) : x + %s(1)", T, T);
  case KB_ATOMIC_DEC: return gl_fmt(g, "(x == %s(0) || x > v) ? v : x - %s(1)", T, T);
  default: return "v";
  }
}

static bool is_int32ish(KType *t) {
  KTypeKind k = unq(t)->kind;
  return k == KT_I32 || k == KT_U32;
}

static bool native_ok(KBuiltinId op, KType *t, char kind) {
  KTypeKind k = unq(t)->kind;
  bool integer = k == KT_I32 || k == KT_U32 || k == KT_I64 || k == KT_U64;
  if (!integer || !atomic_fn(op)) return false;
  if (kind == 'S') return is_int32ish(t) && !(k == KT_I32 && (op == KB_ATOMIC_MIN || op == KB_ATOMIC_MAX));
  return true;
}

/* atomicAdd on a float or double in a buffer, where the device has it */
static bool native_float_add(Gl *g, KBuiltinId op, KType *t, char kind) {
  KTypeKind k = unq(t)->kind;
  return op == KB_ATOMIC_ADD && kind == 'G' &&
         ((k == KT_F32 && g->float_add32) || (k == KT_F64 && g->float_add64));
}

static const char *native_atomic(Gl *g, KBuiltinId op, KType *t, char kind, StrBuf *sb) {
  const char *T = gl_type(g, t, (SrcLoc){0});
  const char *target = kind == 'S' ? gl_fmt(g, "SM[%s >> 2]", gl_addr_low(g, "a"))
                                   : gl_fmt(g, "%s(a).v", ref_block(g, t));
  const char *conv = kind == 'S' ? "uint" : "";
  if (op == KB_ATOMIC_CAS)
    sb_printf(sb, "  return %s(%s(%s, %s(c), %s(v)));\n", T, atomic_fn(op), target, conv, conv);
  else
    sb_printf(sb, "  return %s(%s(%s, %s(v)));\n", T, atomic_fn(op), target, conv);
  return NULL;
}

/* bits of a 4- or 8-byte value and back */
static const char *bits_of(Gl *g, KType *t, const char *v) {
  if (unq(t)->kind == KT_VEC) /* __half2 */
    return g->no_f16 ? gl_fmt(g, "(%s | (%s << 16))", gl_half_bits(g, gl_fmt(g, "%s.x", v)), gl_half_bits(g, gl_fmt(g, "%s.y", v)))
                     : gl_fmt(g, "packFloat2x16(%s)", v);
  switch (unq(t)->kind) {
  case KT_F32: return gl_fmt(g, "floatBitsToUint(%s)", v);
  case KT_F64: return gl_fmt(g, "doubleBitsToUint64(%s)", v);
  default: return gl_fmt(g, "%s(%s)", t->size == 8 ? "uint64_t" : "uint", v);
  }
}

static const char *from_bits(Gl *g, KType *t, const char *u) {
  if (unq(t)->kind == KT_VEC)
    return g->no_f16 ? gl_fmt(g, "vec2(%s, %s)", gl_half_value(g, gl_fmt(g, "(%s & 0xffffu)", u)), gl_half_value(g, gl_fmt(g, "(%s >> 16)", u)))
                     : gl_fmt(g, "unpackFloat2x16(%s)", u);
  switch (unq(t)->kind) {
  case KT_F32: return gl_fmt(g, "uintBitsToFloat(%s)", u);
  case KT_F64: return gl_fmt(g, "uint64BitsToDouble(%s)", u);
  default: return gl_fmt(g, "%s(%s)", gl_type(g, t, (SrcLoc){0}), u);
  }
}

static const char *cas_prim(Gl *g, int size, char kind) {
  const char *name = gl_fmt(g, "cas%c_u%d", kind, size * 8);
  if (gl_seen(g, name)) return name;
  const char *U = size == 8 ? "uint64_t" : "uint";
  const char *target = kind == 'S' ? gl_fmt(g, "SM[%s >> 2]", gl_addr_low(g, "a"))
                                   : gl_fmt(g, "%s(a).v", ref_block(g, size == 8 ? g->m->t_u64 : g->m->t_u32));
  sb_printf(&g->helpers, "%s %s(%s a, %s c, %s v) { return atomicCompSwap(%s, c, v); }\n",
            U, name, gl_addr_type(g), U, U, target);
  return name;
}

static void cas_loop(Gl *g, KBuiltinId op, KType *t, char kind, StrBuf *sb) {
  const char *T = gl_type(g, t, (SrcLoc){0});
  const char *U = t->size == 8 ? "uint64_t" : "uint";
  const char *ld = gl_ld(g, t, kind, (SrcLoc){0}), *cas = cas_prim(g, t->size, kind);
  sb_printf(sb, "  %s old = %s, prev;\n", U, bits_of(g, t, gl_fmt(g, "%s(a)", ld)));
  sb_puts(sb, "  do {\n    prev = old;\n");
  sb_printf(sb, "    %s x = %s;\n", T, from_bits(g, t, "prev"));
  const char *nv = gl_fmt(g, "(%s)", rmw_value(g, op, T));
  if (gl_half(g, t)) nv = gl_half_round(g, t, nv); /* half arithmetic */
  sb_printf(sb, "    old = %s(a, prev, %s);\n", cas, bits_of(g, t, nv));
  sb_puts(sb, "  } while (old != prev);\n");
  sb_printf(sb, "  return %s;\n", from_bits(g, t, "old"));
}

const char *gl_atomic(Gl *g, KBuiltinId op, KType *t, char kind, SrcLoc loc) {
  t = unq(t);
  if (t->kind == KT_PTR) t = g->m->t_u64;
  bool half2 = t->kind == KT_VEC && t->count == 2 && unq(t->elem)->kind == KT_F16;
  if ((t->size != 4 && t->size != 8) || (t->kind == KT_VEC && !half2)) {
    gl_error(g, loc, "%s on a %d-byte type is not supported on the Vulkan target",
             kb_info(op)->name, t->size);
    return "atomicAdd";
  }
  if (t->size == 8) {
    g->feat |= GLSL_F_ATOMIC64;
    if (kind == 'S') {
      gl_error(g, loc, "64-bit %s on shared memory is not supported on the Vulkan target",
               kb_info(op)->name);
      return "atomicAdd";
    }
    kind = 'G'; /* generic pointers: 64-bit atomics assume global memory */
  }
  const char *name = gl_fmt(g, "at%c_%s_%s", kind, op_tag(op), mangle(g, t));
  if (gl_seen(g, name)) return name;
  const char *T = gl_type(g, t, loc);
  if (op == KB_ATOMIC_CAS && !native_ok(op, t, kind == 'X' ? 'S' : kind)) {
    gl_error(g, loc, "atomicCAS on this type is not supported on the Vulkan target");
    return name;
  }
  StrBuf sb;
  sb_init(&sb);
  const char *cparam = op == KB_ATOMIC_CAS ? gl_fmt(g, "%s c, ", T) : "";
  if (kind == 'X') {
    const char *s = gl_atomic(g, op, t, 'S', loc), *gl = gl_atomic(g, op, t, 'G', loc);
    const char *cargs = op == KB_ATOMIC_CAS ? "c, " : "";
    sb_printf(&sb, "%s %s(%s a, %s%s v) {\n", T, name, gl_addr_type(g), cparam, T);
    sb_printf(&sb, "  if (%s) return %s(a, %sv);\n", gl_addr_is_shared(g, "a"), s, cargs);
    sb_printf(&sb, "  return %s(a, %sv);\n}\n", gl, cargs);
  } else {
    sb_printf(&sb, "%s %s(%s a, %s%s v) {\n", T, name, gl_addr_type(g), cparam, T);
    if (op == KB_ATOMIC_SUB && native_ok(KB_ATOMIC_ADD, t, kind))
      sb_printf(&sb, "  return %s(a, %s(0) - v);\n", gl_atomic(g, KB_ATOMIC_ADD, t, kind, loc), T);
    else if (native_ok(op, t, kind)) native_atomic(g, op, t, kind, &sb);
    else if (native_float_add(g, op, t, kind)) {
      g->feat |= GLSL_F_ATOMIC_FLOAT;
      sb_printf(&sb, "  return atomicAdd(%s(a).v, v);\n", ref_block(g, t));
    }
    else cas_loop(g, op, t, kind, &sb);
    sb_puts(&sb, "}\n");
  }
  char *s = sb_take(&sb);
  if (s) sb_puts(&g->helpers, s);
  free(s);
  return name;
}
