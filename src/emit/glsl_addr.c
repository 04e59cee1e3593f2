/*
 * glsl_addr.c — the GLSL text of address values and address arithmetic.
 *
 * A CUDA pointer is 64 bits.  On a device with shaderInt64 it is a
 * uint64_t and arithmetic on it is GLSL's own (`a + 8ul`).  On a device
 * without it (SwiftShader) the same address is a uvec2 (low word, high
 * word) that GL_EXT_buffer_reference_uvec2 turns into a buffer reference,
 * and every operation goes through a small helper here: byte offsets and
 * scaled indices are added with carry (the index times the element size
 * taken as a full 64-bit product, so any 32-bit index is exact),
 * comparisons compare the high word first, a difference is the low word's
 * (exact while the two pointers lie less than 2 GiB apart, as they do in
 * one allocation).  Shared-memory pointers carry GLSL_SHARED_TAG in bit 63
 * either way (bit 31 of the high word).  64-bit integers are pairs of the
 * same form there (glsl_int64.c), so converting one to a pointer and back
 * keeps all its bits, and a 64-bit index is added with a 64-bit product.
 */
#include <string.h>

#include "glsl_internal.h"

static bool pair(const Gl *g) { return g->no_int64; }

static void helper(Gl *g, const char *name, const char *text) {
  if (!gl_seen(g, name)) sb_puts(&g->helpers, text);
}

const char *gl_addr_type(Gl *g) { return pair(g) ? "uvec2" : "uint64_t"; }

const char *gl_addr_null(Gl *g) { return pair(g) ? "uvec2(0u)" : "0ul"; }

const char *gl_addr_literal(Gl *g, uint64_t v) {
  if (!v) return gl_addr_null(g);
  if (!pair(g)) return gl_fmt(g, "%lluul", (unsigned long long)v);
  return gl_fmt(g, "uvec2(%uu, %uu)", (unsigned)v, (unsigned)(v >> 32));
}

static const char *padd(Gl *g) {
  helper(g, "cw_padd",
         "uvec2 cw_padd(uvec2 a, int o) {\n"
         "  uint c;\n  uint lo = uaddCarry(a.x, uint(o), c);\n"
         "  return uvec2(lo, a.y + c + (o < 0 ? 0xffffffffu : 0u));\n}\n");
  return "cw_padd";
}

const char *gl_addr_add(Gl *g, const char *a, int off) {
  if (!pair(g)) return gl_fmt(g, "(%s + %dul)", a, off);
  if (!off) return a;
  return gl_fmt(g, "%s(%s, %d)", padd(g), a, off);
}

const char *gl_addr_scaled(Gl *g, const char *a, const char *i, bool is_signed, int size, bool sub) {
  if (!pair(g)) {
    const char *i64 = is_signed ? gl_fmt(g, "uint64_t(int64_t(%s))", i) : gl_fmt(g, "uint64_t(%s)", i);
    if (size == 1) return gl_fmt(g, "(%s %c %s)", a, sub ? '-' : '+', i64);
    return gl_fmt(g, "(%s %c %s * %dul)", a, sub ? '-' : '+', i64, size);
  }
  /* a + hi:lo, the 64-bit product of the index and the (signed) scale */
  helper(g, "cw_pidx",
         "uvec2 cw_pidx(uvec2 a, int i, int s) {\n"
         "  int hi, lo;\n  imulExtended(i, s, hi, lo);\n"
         "  uint c;\n  uint l = uaddCarry(a.x, uint(lo), c);\n"
         "  return uvec2(l, a.y + uint(hi) + c);\n}\n");
  helper(g, "cw_pidxu",
         "uvec2 cw_pidxu(uvec2 a, uint i, int s) {\n"
         "  uint hi, lo;\n  umulExtended(i, uint(abs(s)), hi, lo);\n"
         "  if (s < 0) { hi = ~hi + (lo == 0u ? 1u : 0u); lo = ~lo + 1u; }\n"
         "  uint c;\n  uint l = uaddCarry(a.x, lo, c);\n"
         "  return uvec2(l, a.y + hi + c);\n}\n");
  return gl_fmt(g, "%s(%s, %s(%s), %d)", is_signed ? "cw_pidx" : "cw_pidxu", a,
                is_signed ? "int" : "uint", i, sub ? -size : size);
}

/* a + i * size, i a 64-bit integer pair (glsl_int64.c): the low 64 bits
 * of the product, as CUDA's address arithmetic wraps */
const char *gl_addr_scaled_wide(Gl *g, const char *a, const char *i, int size, bool sub) {
  const char *p = i;
  if (size != 1) p = gl_fmt(g, "%s(%s, %s)", gl_wide_helper(g, "cw_mul64"), i, gl_wide_literal(g, (uint64_t)size));
  return gl_fmt(g, "%s(%s, %s)", gl_wide_helper(g, sub ? "cw_sub64" : "cw_add64"), a, p);
}

const char *gl_addr_shared(Gl *g, unsigned off) {
  if (!pair(g)) return gl_fmt(g, "0x%016llxul", 0x8000000000000000ull | off);
  return gl_fmt(g, "uvec2(%uu, 0x80000000u)", off);
}

const char *gl_addr_is_shared(Gl *g, const char *a) {
  if (!pair(g)) return gl_fmt(g, "(%s & 0x8000000000000000ul) != 0ul", a);
  return gl_fmt(g, "(%s.y & 0x80000000u) != 0u", a);
}

const char *gl_addr_low(Gl *g, const char *a) {
  return pair(g) ? gl_fmt(g, "%s.x", a) : gl_fmt(g, "uint(%s)", a);
}

const char *gl_addr_nonnull(Gl *g, const char *a) {
  return gl_fmt(g, "(%s != %s)", a, gl_addr_null(g));
}

const char *gl_addr_from_int(Gl *g, KType *from, const char *s, SrcLoc loc) {
  if (!pair(g)) {
    if (kt_is_float(from) || kt_is_signed(from)) return gl_fmt(g, "uint64_t(int64_t(%s))", s);
    return gl_fmt(g, "uint64_t(%s)", s);
  }
  if (from->size > 4 || kt_is_float(from)) {
    gl_error(g, loc, "converting this %s value to a pointer needs 64-bit integers (Vulkan device "
             "feature shaderInt64, which this device lacks)", kt_is_float(from) ? "floating-point" : "64-bit");
    return gl_addr_null(g);
  }
  if (kt_is_signed(from)) return gl_fmt(g, "%s(int(%s))", gl_wide_helper(g, "cw_i2w"), s); /* s once */
  return gl_fmt(g, "uvec2(uint(%s), 0u)", s);
}

const char *gl_addr_to_int(Gl *g, KType *to, const char *s, SrcLoc loc) {
  if (!pair(g)) return gl_fmt(g, "%s(%s)", gl_type(g, to, loc), s);
  if (to->size > 4 || kt_is_float(to)) {
    gl_error(g, loc, "converting a pointer to this type needs 64-bit integers (Vulkan device "
             "feature shaderInt64, which this device lacks)");
    return "0";
  }
  return gl_fmt(g, "%s(%s.x)", gl_type(g, to, loc), s); /* CUDA truncates to the low bits too */
}

const char *gl_addr_compare(Gl *g, const char *op, const char *a, const char *b) {
  if (!pair(g) || !strcmp(op, "==") || !strcmp(op, "!=")) return gl_fmt(g, "(%s %s %s)", a, op, b);
  helper(g, "cw_pcmp",
         "int cw_pcmp(uvec2 a, uvec2 b) {\n"
         "  if (a.y != b.y) return a.y < b.y ? -1 : 1;\n"
         "  return a.x < b.x ? -1 : a.x > b.x ? 1 : 0;\n}\n");
  return gl_fmt(g, "(cw_pcmp(%s, %s) %s 0)", a, b, op);
}

const char *gl_addr_diff(Gl *g, const char *a, const char *b, int size, KType **type) {
  if (!pair(g)) {
    *type = g->m->t_i64;
    return gl_fmt(g, "(int64_t(%s - %s) / %dl)", a, b, size);
  }
  *type = g->m->t_i32;
  return gl_fmt(g, "(int(%s.x - %s.x) / %d)", a, b, size);
}

const char *gl_addr_load(Gl *g, const char *a) {
  if (!pair(g)) return gl_fmt(g, "%s(%s)", gl_ld(g, g->m->t_u64, 'G', (SrcLoc){0}), a);
  gl_addr_block(g);
  return gl_fmt(g, "R_p(%s).v", a);
}

const char *gl_addr_block(Gl *g) {
  if (!gl_seen(g, "R_p"))
    sb_puts(&g->refs, "layout(buffer_reference, scalar, buffer_reference_align = 4) buffer R_p { uvec2 v; };\n");
  return "R_p";
}
