/*
 * wgsl_type.c — KIR types as WGSL types, and the checks that reject what
 * WebGPU cannot hold.
 *
 * 8- and 16-bit integers live in i32/u32 registers (casts to them truncate,
 * see wgsl_expr.c) but cannot be stored in buffers, which WGSL only has
 * 32-bit scalars for.  double is rejected with a diagnostic naming it,
 * unless the f64-as-f32 option asks for it to be computed as f32 (with a
 * warning; double buffers are converted by the JS runtime).  Bit-fields are
 * members of their own in registers and workgroup memory, cut to their
 * width on every store; a struct with them cannot be bound to a buffer.  A struct in a storage buffer must have the
 * same layout in WGSL as in C (w_storage_layout_ok), otherwise indexing an
 * array of it would read the wrong bytes.
 */
#include "wgsl_internal.h"

#include <string.h>

bool w_is_int32(const KType *t) {
  return t->kind == KT_I32 || t->kind == KT_U32;
}

static bool small_signed(KTypeKind k) { return k == KT_I8 || k == KT_I16; }
static bool small_unsigned(KTypeKind k) { return k == KT_U8 || k == KT_U16; }

/* The register type a KIR scalar is computed in. */
KType *w_scalar_of(const WCtx *c, KType *t) {
  t = t->unqual ? t->unqual : t;
  if (t->kind == KT_F64 && w_f64_lowered(c)) return c->m->t_f32; /* --wgsl-f64-as-f32 */
  if (small_signed(t->kind)) return c->m->t_i32;
  if (small_unsigned(t->kind)) return c->m->t_u32;
  return t;
}

bool w_f64_lowered(const WCtx *c) { return c->opt && c->opt->f64_as_f32; }

static const char *reject_reason(WCtx *c, KType *t, SrcLoc loc) {
  switch (t->kind) {
  case KT_F64:
    if (!w_f64_lowered(c)) return "'double' (WebGPU has no 64-bit floats; --wgsl-f64-as-f32 computes it as float)";
    if (!c->warned_f64) { /* once per kernel */
      c->warned_f64 = true;
      diag_add(c->d, DIAG_WARNING, loc.line ? loc : c->kernel->loc,
               "'double' computed as 'float' in kernel '%s' (f64-as-f32): results have single precision",
               c->kernel->name);
    }
    return NULL;
  case KT_FUNC: return "function types";
  default: return NULL;
  }
}

bool w_type_ok(WCtx *c, KType *t, SrcLoc loc) {
  if (!t) return true;
  const char *why = reject_reason(c, t, loc);
  if (why) {
    w_error(c, loc, "the WGSL target does not support %s", why);
    return false;
  }
  switch (t->kind) {
  case KT_VEC:
    if (t->count < 2) {
      w_error(c, loc, "the WGSL target does not support one-lane vector type '%s'",
              t->name ? t->name : "?");
      return false;
    }
    return w_type_ok(c, t->elem, loc);
  case KT_ARRAY: return w_type_ok(c, t->elem, loc);
  case KT_PTR: return w_type_ok(c, t->elem, loc);
  case KT_STRUCT:
    if (t->is_union) {
      w_error(c, loc, "the WGSL target does not support unions ('%s')", t->name);
      return false;
    }
    for (int i = 0; i < t->nfields; i++) {
      KType *ft = t->fields[i].type->unqual ? t->fields[i].type->unqual : t->fields[i].type;
      if (t->fields[i].bit_width && (w_is_64(ft) || t->fields[i].bit_width >= 32)) {
        w_error(c, loc, "the WGSL target does not support 64-bit bit-fields ('%s::%s')", t->name,
                t->fields[i].name);
        return false;
      } /* other bit-fields: a member of their own, truncated on store (w_bitfield_value) */
      if (!w_type_ok(c, t->fields[i].type, loc)) return false;
    }
    for (int i = 0; i < c->structs.len; i++)
      if (c->structs.items[i] == t->unqual) return true;
    vec_push(c->a, &c->structs, t->unqual ? t->unqual : t);
    return true;
  default: return true;
  }
}

static void scalar_name(StrBuf *sb, KType *t) {
  switch (t->kind) {
  case KT_BOOL: sb_puts(sb, "bool"); return;
  case KT_I8: case KT_I16: case KT_I32: sb_puts(sb, "i32"); return;
  case KT_U8: case KT_U16: case KT_U32: sb_puts(sb, "u32"); return;
  case KT_F32: sb_puts(sb, "f32"); return;
  case KT_F64: sb_puts(sb, "f32"); return; /* only with f64-as-f32: else rejected */
  case KT_F16: sb_puts(sb, "f16"); return;
  case KT_I64: case KT_U64: sb_puts(sb, "vec2<u32>"); return; /* wgsl_int64.c */
  default: sb_puts(sb, "i32"); return; /* rejected before emission */
  }
}

void w_type(WCtx *c, StrBuf *sb, KType *t) {
  if (t->kind == KT_F16 || (t->kind == KT_VEC && t->elem->kind == KT_F16)) c->uses_f16 = true;
  switch (t->kind) {
  case KT_VEC:
    sb_printf(sb, "vec%d<", t->count);
    scalar_name(sb, t->elem);
    sb_putc(sb, '>');
    return;
  case KT_ARRAY:
    sb_puts(sb, "array<");
    w_type(c, sb, t->elem);
    if (t->count >= 0) sb_printf(sb, ", %d", t->count);
    sb_putc(sb, '>');
    return;
  case KT_STRUCT: sb_puts(sb, w_ident(c, t->cname)); return;
  case KT_PTR: sb_puts(sb, "i32"); return; /* a pointer is its offset */
  default: scalar_name(sb, t); return;
  }
}

const char *w_type_str(WCtx *c, KType *t) {
  StrBuf sb;
  sb_init(&sb);
  w_type(c, &sb, t);
  char *s = arena_strdup(c->a, sb.data ? sb.data : "");
  sb_free(&sb);
  return s;
}

void w_zero(WCtx *c, StrBuf *sb, KType *t) {
  switch (t->kind) {
  case KT_BOOL: sb_puts(sb, "false"); return;
  case KT_F32: case KT_F64: sb_puts(sb, "0.0f"); return;
  case KT_F16: c->uses_f16 = true; sb_puts(sb, "0.0h"); return;
  case KT_I8: case KT_I16: case KT_I32: case KT_PTR: sb_puts(sb, "0i"); return;
  case KT_U8: case KT_U16: case KT_U32: sb_puts(sb, "0u"); return;
  case KT_I64: case KT_U64: sb_puts(sb, "vec2<u32>(0u, 0u)"); return;
  default: w_type(c, sb, t); sb_puts(sb, "()"); return;
  }
}

/* WGSL's alignment and size of a host-shareable type (-1: not storable). */
static int wgsl_layout(KType *t, int *align) {
  switch (t->kind) {
  case KT_I32: case KT_U32: case KT_F32: *align = 4; return 4;
  case KT_I64: case KT_U64: *align = 8; return 8;
  case KT_F16: *align = 2; return 2;
  case KT_VEC:
    if (t->elem->kind == KT_F16 && t->count != 3) { /* vec2<f16>, vec4<f16> */
      *align = 2 * t->count;
      return 2 * t->count;
    }
    if (t->elem->size != 4) return -1;
    *align = t->count == 2 ? 8 : 16;
    return 4 * t->count;
  case KT_STRUCT: {
    int off = 0, al = 1;
    for (int i = 0; i < t->nfields; i++) {
      int fa, fs = wgsl_layout(t->fields[i].type, &fa);
      if (fs < 0) return -1;
      off = (off + fa - 1) / fa * fa;
      if (off != t->fields[i].offset) return -1;
      off += fs;
      if (fa > al) al = fa;
    }
    *align = al;
    return (off + al - 1) / al * al;
  }
  default: return -1;
  }
}

/* True when an array of t has the same stride and field offsets in WGSL as
 * in C. */
/* Whether a struct (or an array of them) has bit-fields: such a struct
 * lives in registers and workgroup memory only, where WGSL gives each
 * bit-field a member of its own; its C layout cannot be bound. */
bool w_has_bitfields(KType *t) {
  t = t->unqual ? t->unqual : t;
  if (t->kind == KT_ARRAY) return w_has_bitfields(t->elem);
  if (t->kind != KT_STRUCT) return false;
  for (int i = 0; i < t->nfields; i++)
    if (t->fields[i].bit_width || w_has_bitfields(t->fields[i].type)) return true;
  return false;
}

/* A value stored into bit-field f: cut to its width, sign-extended when
 * the field is signed, as C stores it. */
const char *w_bitfield_value(WCtx *c, KField *f, const char *v) {
  (void)f; /* extractBits sign-extends an i32 field, zero-extends a u32 one */
  return arena_printf(c->a, "extractBits(%s, 0u, %du)", v, f->bit_width);
}

bool w_storage_layout_ok(KType *t) {
  int al, sz = wgsl_layout(t->unqual ? t->unqual : t, &al);
  if (sz < 0) return false;
  int stride = (sz + al - 1) / al * al;
  return stride == t->size;
}

/* WGSL keywords and reserved words a C identifier might collide with. */
static const char *const reserved[] = {
    "alias", "array", "atomic", "bitcast", "bool", "const", "const_assert", "continuing",
    "diagnostic", "discard", "enable", "f16", "f32", "fn", "i32", "let", "loop", "override",
    "ptr", "requires", "sampler", "struct", "texture_1d", "u32", "var", "vec2", "vec3", "vec4",
    "mat2x2", "mat3x3", "mat4x4", "NULL", "Self", "abstract", "active", "alignas", "alignof",
    "as", "asm", "async", "attribute", "auto", "await", "become", "cast", "catch", "class",
    "coherent", "common", "compile", "concept", "constexpr", "crate", "debugger", "decltype",
    "delete", "demote", "do", "dynamic_cast", "enum", "explicit", "export", "extends", "extern",
    "external", "fallthrough", "filter", "final", "finally", "friend", "from", "fxgroup", "get",
    "goto", "groupshared", "highp", "impl", "implements", "import", "inline", "instanceof",
    "interface", "layout", "lowp", "macro", "match", "mediump", "meta", "mod", "module", "move",
    "mut", "mutable", "namespace", "new", "nil", "noexcept", "noinline", "null", "nullptr", "of",
    "operator", "package", "packoffset", "partition", "pass", "patch", "precise", "precision",
    "premerge", "priv", "protected", "pub", "public", "readonly", "ref", "regardless", "register",
    "require", "resource", "restrict", "self", "set", "shared", "sizeof", "smooth", "snorm",
    "static", "std", "subroutine", "super", "target", "template", "this", "throw", "trait",
    "try", "type", "typedef", "typeid", "typename", "typeof", "union", "unless", "unorm",
    "unsafe", "unsized", "use", "using", "varying", "virtual", "volatile", "wgsl", "where",
    "with", "writeonly", "yield", "read", "write", "read_write", "function", "private",
    "workgroup", "uniform", "storage", "select", "min", "max", "abs", "all", "any", "dot",
    "exp", "log", "sin", "cos", "sqrt", "pow", "round", "floor", "ceil", "length", "clamp",
    "sign", "step", "mix", "fma", "trunc", "arrayLength", "true", "false",
};

/* A local or parameter; a pointer is its offset, named apart from the
 * variables it may point into. */
const char *w_var_name(WCtx *c, KVar *v) {
  if (v->type->kind == KT_PTR) return arena_printf(c->a, "po_%s", v->cname);
  return w_ident(c, v->cname);
}

/* A C identifier made safe for WGSL (no leading "__", no keyword, no
 * collision with the emitter's own cw_ names). */
const char *w_ident(WCtx *c, const char *name) {
  if (!name || !*name) return "cw_anon";
  bool bad = name[0] == '_' || !strncmp(name, "cw_", 3);
  for (size_t i = 0; !bad && i < sizeof reserved / sizeof *reserved; i++)
    bad = !strcmp(name, reserved[i]);
  return bad ? arena_printf(c->a, "u_%s", name) : name;
}
