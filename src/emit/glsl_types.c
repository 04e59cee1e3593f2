/*
 * glsl_types.c — KIR types as GLSL types.
 *
 * Scalars map to GLSL's explicit arithmetic types (int8_t … uint64_t,
 * float16_t, double), CUDA vector types to GLSL vectors, every pointer to
 * uint64_t, structs to GLSL structs named S_<cname> whose fields keep
 * their source names (prefixed where GLSL reserves the word).  On a device
 * without a feature the types it would need are held in others: pointers
 * and 64-bit integers in uvec2 (glsl_addr.c, glsl_int64.c), 8/16-bit
 * integers in int/uint (glsl_narrow.c), halves in float (glsl_half.c).  Using a type records the device feature it needs (Int64,
 * Float64 …) so the runtime can refuse a kernel a device cannot run.
 * Unions and bit-fields have no GLSL form and are rejected where used.
 */
#include <stdlib.h>
#include <string.h>

#include "glsl_internal.h"

/* a type the device cannot hold (no shaderInt64 / shaderFloat64), reported
 * once per kernel where it is first used */
static void lacking(Gl *g, SrcLoc loc, const char *type, const char *feature) {
  if (g->said64) return;
  g->said64 = true;
  gl_error(g, loc.line ? loc : g->at, "%s needs the Vulkan device feature %s, which this device "
           "lacks", type, feature);
}

static const char *scalar_name(Gl *g, KTypeKind k, SrcLoc loc) {
  if (g->no_int64 && (k == KT_I64 || k == KT_U64)) return "uvec2"; /* glsl_int64.c */
  if (g->no_float64 && k == KT_F64) lacking(g, loc, "double", "shaderFloat64");
  if (g->no_f16 && k == KT_F16) return "float"; /* glsl_half.c */
  if ((g->no_int8 && (k == KT_I8 || k == KT_U8)) || (g->no_int16 && (k == KT_I16 || k == KT_U16)))
    return k == KT_I8 || k == KT_I16 ? "int" : "uint"; /* glsl_narrow.c */
  switch (k) {
  case KT_BOOL: return "bool";
  case KT_I8: g->feat |= GLSL_F_I8; return "int8_t";
  case KT_I16: g->feat |= GLSL_F_I16; return "int16_t";
  case KT_I32: return "int";
  case KT_I64: g->feat |= GLSL_F_I64; return "int64_t";
  case KT_U8: g->feat |= GLSL_F_I8; return "uint8_t";
  case KT_U16: g->feat |= GLSL_F_I16; return "uint16_t";
  case KT_U32: return "uint";
  case KT_U64: g->feat |= GLSL_F_I64; return "uint64_t";
  case KT_F16: g->feat |= GLSL_F_F16; return "float16_t";
  case KT_F32: return "float";
  case KT_F64: g->feat |= GLSL_F_F64; return "double";
  default: return NULL;
  }
}

static const char *vec_prefix(KTypeKind k) {
  switch (k) {
  case KT_BOOL: return "bvec";
  case KT_I8: return "i8vec";
  case KT_I16: return "i16vec";
  case KT_I32: return "ivec";
  case KT_I64: return "i64vec";
  case KT_U8: return "u8vec";
  case KT_U16: return "u16vec";
  case KT_U32: return "uvec";
  case KT_U64: return "u64vec";
  case KT_F16: return "f16vec";
  case KT_F32: return "vec";
  case KT_F64: return "dvec";
  default: return NULL;
  }
}

static bool struct_ok(Gl *g, KType *t, SrcLoc loc) {
  if (t->is_union) {
    gl_error(g, loc, "union '%s' is not supported on the Vulkan target", t->name);
    return false;
  }
  for (int i = 0; i < t->nfields; i++)
    if (t->fields[i].bit_width) {
      gl_error(g, loc, "bit-field '%s' is not supported on the Vulkan target",
               t->fields[i].name);
      return false;
    }
  return true;
}

static void mark_struct(Gl *g, KType *t) {
  for (int i = 0; i < g->nstructs; i++)
    if (g->structs[i] == t) return;
  if (g->nstructs == g->capstructs) {
    int cap = g->capstructs ? g->capstructs * 2 : 16;
    KType **n = arena_alloc(g->a, sizeof *n * (size_t)cap);
    if (g->nstructs) memcpy(n, g->structs, sizeof *n * (size_t)g->nstructs);
    g->structs = n, g->capstructs = cap;
  }
  g->structs[g->nstructs++] = t;
  for (int i = 0; i < t->nfields; i++) {
    KType *f = t->fields[i].type;
    while (f->kind == KT_ARRAY) f = f->elem;
    f = f->unqual ? f->unqual : f;
    if (f->kind == KT_STRUCT) mark_struct(g, f);
  }
}

static bool marked(Gl *g, KType *t) {
  for (int i = 0; i < g->nstructs; i++)
    if (g->structs[i] == t) return true;
  return false;
}

const char *gl_type(Gl *g, KType *t, SrcLoc loc) {
  t = t->unqual ? t->unqual : t;
  switch (t->kind) {
  case KT_VOID: return "void";
  case KT_PTR:
    if (g->no_int64) return "uvec2";
    g->feat |= GLSL_F_I64;
    return "uint64_t";
  case KT_VEC: {
    const char *p = vec_prefix(t->elem->unqual ? t->elem->unqual->kind : t->elem->kind);
    if (gl_narrow(g, t)) p = kt_is_signed(t->elem->unqual ? t->elem->unqual : t->elem) ? "ivec" : "uvec";
    if (gl_half(g, t)) p = "vec";
    if (gl_wide(g, t->elem)) /* no pair form for vectors of pairs */
      lacking(g, loc, "a vector of 64-bit integers (longlong2 ...)", "shaderInt64");
    scalar_name(g, t->elem->kind, loc);
    if (!p || t->count < 2) {
      gl_error(g, loc, "vector type '%s' is not supported on the Vulkan target",
               t->name ? t->name : "?");
      return "int";
    }
    return gl_fmt(g, "%s%d", p, t->count);
  }
  case KT_ARRAY: return gl_type(g, t->elem, loc);
  case KT_STRUCT:
    if (!struct_ok(g, t, loc)) return "int";
    mark_struct(g, t);
    return gl_ident(g, "S_", t->cname);
  case KT_FUNC:
    gl_error(g, loc, "function pointers are not supported on the Vulkan target");
    return "int";
  default: return scalar_name(g, t->kind, loc);
  }
}

/* `float name[4][2]` (GLSL puts array sizes after the name, as C does) */
const char *gl_decl(Gl *g, KType *t, const char *name, SrcLoc loc) {
  const char *dims = "";
  KType *e = t;
  while (e->kind == KT_ARRAY) {
    if (e->count < 0) {
      gl_error(g, loc, "unsized array '%s' outside shared memory", name);
      return name;
    }
    dims = gl_fmt(g, "%s[%d]", dims, e->count);
    e = e->elem;
  }
  return gl_fmt(g, "%s %s%s", gl_type(g, e, loc), name, dims);
}

static const char *const reserved[] = {
    "input", "output", "sample", "filter", "active", "common", "partition", "buffer",
    "shared", "uniform", "in", "out", "inout", "patch", "smooth", "flat", "layout",
    "centroid", "invariant", "precise", "lowp", "mediump", "highp", "precision",
    "attribute", "varying", "coherent", "restrict", "readonly", "writeonly", "resource",
    "noperspective", "superp", "discard", "subroutine", "texture", "sampler", "image",
    "packed", "row_major", "column_major", "noinline", "interface", "namespace", "using",
    "fixed", "half", "hvec2", "external", "cast", "dvec2", "vec2", "vec3", "vec4",
    "mat2", "mat3", "mat4", "dot", "cross", "length", "min", "max", "abs", "mix",
    "step", "fract", "sign", "clamp", "main", "true", "false", NULL};

static bool is_reserved(const char *s) {
  if (!strncmp(s, "gl_", 3)) return true;
  for (int i = 0; reserved[i]; i++)
    if (!strcmp(s, reserved[i])) return true;
  return false;
}

/* GLSL reserves names with "__" and the gl_ prefix: spell them safely */
const char *gl_ident(Gl *g, const char *prefix, const char *name) {
  size_t n = strlen(name);
  char *out = arena_alloc(g->a, strlen(prefix) + 2 * n + 2);
  char *p = out + strlen(strcpy(out, prefix));
  for (size_t i = 0; i < n; i++) {
    char c = name[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (c == '_' && p > out && p[-1] == '_') *p++ = 'x';
    *p++ = ok || c == '_' ? c : 'x';
  }
  if (p > out && p[-1] == '_') *p++ = 'x';
  *p = 0;
  if (!*prefix && (is_reserved(out) || (out[0] >= '0' && out[0] <= '9')))
    return gl_fmt(g, "m_%s", out);
  return out;
}

const char *gl_field(Gl *g, const KType *st, int i) {
  const char *n = st->fields[i].name;
  return n && *n ? gl_ident(g, "", n) : gl_fmt(g, "m_%d", i);
}

char gl_kind_of_ptr(const KType *p) {
  if (p->kind != KT_PTR) return 'X';
  if (p->as == AS_GLOBAL || p->as == AS_CONSTANT) return 'G';
  if (p->as == AS_SHARED) return 'S';
  return 'X';
}

int gl_elem_size(const KType *p) {
  const KType *e = p->elem;
  return !e || e->kind == KT_VOID || e->size <= 0 ? 1 : e->size;
}

const char *gl_zero(Gl *g, KType *t, SrcLoc loc) {
  t = t->unqual ? t->unqual : t;
  switch (t->kind) {
  case KT_BOOL: return "false";
  case KT_PTR: return gl_addr_null(g);
  case KT_VEC: case KT_F16: case KT_F32: case KT_F64: case KT_I8: case KT_I16:
  case KT_I32: case KT_I64: case KT_U8: case KT_U16: case KT_U32: case KT_U64:
    return gl_fmt(g, "%s(0)", gl_type(g, t, loc));
  case KT_ARRAY: {
    StrBuf sb;
    sb_init(&sb);
    const char *z = gl_zero(g, t->elem, loc);
    for (int i = 0; i < t->count; i++) sb_printf(&sb, "%s%s", i ? ", " : "", z);
    char *s = sb_take(&sb);
    const char *r = gl_fmt(g, "%s[%d](%s)", gl_type(g, t->elem, loc), t->count, s ? s : "");
    free(s);
    return r;
  }
  case KT_STRUCT: {
    StrBuf sb;
    sb_init(&sb);
    for (int i = 0; i < t->nfields; i++)
      sb_printf(&sb, "%s%s", i ? ", " : "", gl_zero(g, t->fields[i].type, loc));
    if (!t->nfields) sb_puts(&sb, "0");
    char *s = sb_take(&sb);
    const char *r = gl_fmt(g, "%s(%s)", gl_type(g, t, loc), s ? s : "");
    free(s);
    return r;
  }
  default:
    gl_error(g, loc, "no zero value for this type on the Vulkan target");
    return "0";
  }
}

/* the structs the shader uses, in the module's definition order (fields
 * before the structs that contain them) */
void gl_struct_defs(Gl *g, StrBuf *out) {
  for (int i = 0; i < g->m->types.len; i++) {
    KType *t = g->m->types.items[i];
    if (t->kind != KT_STRUCT || t->is_union || t->size <= 0 || !marked(g, t)) continue;
    bool ok = true;
    for (int f = 0; f < t->nfields; f++) {
      KType *ft = t->fields[f].type;
      while (ft->kind == KT_ARRAY) ft = ft->elem;
      if (t->fields[f].bit_width || ft->kind == KT_FUNC || (ft->kind == KT_STRUCT && ft->is_union))
        ok = false;
    }
    if (!ok) continue;
    bool failed = g->failed;
    sb_printf(out, "struct %s {\n", gl_ident(g, "S_", t->cname));
    for (int f = 0; f < t->nfields; f++)
      sb_printf(out, "  %s;\n", gl_decl(g, t->fields[f].type, gl_field(g, t, f), (SrcLoc){0}));
    if (!t->nfields) sb_puts(out, "  int m_empty;\n");
    sb_puts(out, "};\n");
    g->failed = failed;
  }
}
