/*
 * glsl_narrow.c — 8- and 16-bit integers on a device without them.
 *
 * A device without shaderInt8 / storageBuffer8BitAccess (or the 16-bit
 * pair; SwiftShader has neither) cannot name int8_t or load a byte.  There
 * char, short and their unsigned forms (and CUDA's one-byte bool in
 * memory) are held in GLSL int / uint: a value is kept wrapped to its
 * width, so every conversion to such a type, and ++/-- on one, ends in
 * gl_narrow_wrap (mask for unsigned, sign-extending bit-field extract for
 * signed).  In global memory a load reads the aligned 32-bit word the
 * value lies in and extracts it; a store replaces just its bytes with
 * atomicAnd/atomicOr on that word, so neighbours written by other threads
 * survive — the same scheme as shared memory's words (glsl_mem.c).
 */
#include "glsl_internal.h"

static KType *unq(KType *t) { return t->unqual ? t->unqual : t; }

static int narrow_bits(const Gl *g, KTypeKind k) {
  if ((k == KT_I8 || k == KT_U8) && g->no_int8) return 8;
  if ((k == KT_I16 || k == KT_U16) && g->no_int16) return 16;
  return 0;
}

bool gl_narrow(const Gl *g, KType *t) {
  t = unq(t);
  if (t->kind == KT_VEC) t = unq(t->elem);
  return narrow_bits(g, t->kind) != 0;
}

const char *gl_narrow_wrap(Gl *g, KType *t, const char *v) {
  t = unq(t);
  KType *e = t->kind == KT_VEC ? unq(t->elem) : t;
  int bits = narrow_bits(g, e->kind);
  if (!bits) return v;
  if (kt_is_signed(e)) return gl_fmt(g, "bitfieldExtract(%s, 0, %d)", v, bits);
  const char *mask = bits == 8 ? "0xffu" : "0xffffu";
  if (t->kind == KT_VEC) return gl_fmt(g, "(%s & uvec%d(%s))", v, t->count, mask);
  return gl_fmt(g, "(%s & %s)", v, mask);
}

/* the aligned word `a` lies in, and the bit offset of `a` in it */
static const char *word_of(Gl *g) {
  return g->no_int64 ? "uvec2(a.x & ~3u, a.y)" : "(a & ~3ul)";
}

void gl_narrow_ld(Gl *g, StrBuf *sb, KType *t, const char *word_block) {
  int bits = narrow_bits(g, unq(t)->kind);
  sb_printf(sb, "  uint w = %s(%s).v >> ((%s & 3u) * 8u);\n", word_block, word_of(g), gl_addr_low(g, "a"));
  if (kt_is_signed(unq(t))) sb_printf(sb, "  return bitfieldExtract(int(w), 0, %d);\n", bits);
  else sb_printf(sb, "  return w & %s;\n", bits == 8 ? "0xffu" : "0xffffu");
}

void gl_narrow_st(Gl *g, StrBuf *sb, KType *t, const char *word_block) {
  int bits = narrow_bits(g, unq(t)->kind);
  const char *mask = bits == 8 ? "0xffu" : "0xffffu";
  sb_printf(sb, "  uint sh = (%s & 3u) * 8u;\n", gl_addr_low(g, "a"));
  sb_printf(sb, "  atomicAnd(%s(%s).v, ~(%s << sh));\n", word_block, word_of(g), mask);
  sb_printf(sb, "  atomicOr(%s(%s).v, (uint(v) & %s) << sh);\n  return v;\n", word_block, word_of(g), mask);
}
