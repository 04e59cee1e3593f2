/*
 * glsl_half.c — __half and __half2 on a device without shaderFloat16 or
 * 16-bit storage.
 *
 * SwiftShader cannot name float16_t.  There a __half is a GLSL float that
 * always holds a value representable in half precision, and a __half2 a
 * vec2 of two such values.  Every value made as a half — a conversion to
 * half, a literal, the result of half arithmetic or of a half builtin —
 * goes through cw_rh, which rounds a float to the nearest half (ties to
 * even, subnormals, overflow to infinity) from its bits, so no driver
 * rounding mode is involved.  One operation computed in float and then
 * rounded to half is the correctly rounded half result for + - * / and
 * sqrt (float has more than 2 * 11 + 2 bits, so the double rounding is
 * innocuous); a fused multiply-add, whose float sum may itself be a tie
 * for half, is rounded with the float sum's exact error as a sticky bit
 * (cw_hfma).  A NaN made so is the float whose bits cw_hbits turns into
 * 0x7fff, CUDA's canonical half NaN.  In memory a half is 16 bits inside a 32-bit word, read and
 * written through its bits by hand too (cw_hval, cw_hbits: SwiftShader's
 * unpackHalf2x16/packHalf2x16 flush subnormals and mangle infinities),
 * and a store replaces only its bytes
 * (atomicAnd/atomicOr on the word, as glsl_narrow.c does for shorts).  A
 * conversion from double to half (double rounding through float) is
 * rejected at its line.
 */
#include <stdlib.h>
#include <string.h>

#include "glsl_internal.h"

static KType *unq(KType *t) { return t && t->unqual ? t->unqual : t; }

bool gl_half(const Gl *g, KType *t) {
  t = unq(t);
  if (!g->no_f16 || !t) return false;
  if (t->kind == KT_VEC) t = unq(t->elem);
  return t->kind == KT_F16;
}

static void helper(Gl *g, const char *name, const char *text) {
  if (!gl_seen(g, name)) sb_puts(&g->helpers, text);
}

/* the rounding helpers, written once, in dependency order */
static void need_round(Gl *g) {
  /* e: the exact error of x as a value (a fused sum's), deciding a tie */
  helper(g, "cw_rh",
         "float cw_rhe(float x, float e) {\n"
         "  uint b = floatBitsToUint(x), ex = (b >> 23) & 0xffu;\n"
         /* a NaN made as a half is CUDA's canonical 0x7fff (cw_hbits) */
         "  if (ex == 0xffu) return (b & 0x7fffffu) != 0u ? uintBitsToFloat(0x7fffe000u) : x;\n"
         "  int ue = int(ex) - 127;\n"
         "  bool away = e != 0.0 && (e > 0.0) == ((b >> 31) == 0u);\n"
         "  if (ex == 0u || ue < -25) return uintBitsToFloat(b & 0x80000000u);\n"
         "  uint drop = uint(ue < -14 ? -1 - ue : 13);\n"
         "  uint m = (b & 0x7fffffu) | 0x800000u, half_ = 1u << (drop - 1u), rest = m & ((1u << drop) - 1u);\n"
         "  m -= rest;\n"
         "  bool up = rest > half_ || (rest == half_ && (e != 0.0 ? away : ((m >> drop) & 1u) != 0u));\n"
         "  if (up) m += 1u << drop;\n"
         "  float r = ldexp(float(m), ue - 23);\n"
         "  if (r > 65504.0) r = uintBitsToFloat(0x7f800000u);\n"
         "  return (b >> 31) != 0u ? -r : r;\n}\n"
         "float cw_rh(float x) { return cw_rhe(x, 0.0); }\n"
         /* a half's bits and back, exact, subnormals and infinities kept
          * (SwiftShader's packHalf2x16 and unpackHalf2x16 are not) */
         "uint cw_hbits(float v) {\n"
         "  uint b = floatBitsToUint(v), s = (b >> 16) & 0x8000u, ex = (b >> 23) & 0xffu, m = b & 0x7fffffu;\n"
         "  if (ex == 0xffu) return s | 0x7c00u | (m >> 13) | (m != 0u && (m >> 13) == 0u ? 1u : 0u);\n"
         "  int ue = int(ex) - 127;\n"
         "  if (ex == 0u || ue < -24) return s;\n"
         "  if (ue < -14) return s | ((m | 0x800000u) >> uint(-1 - ue));\n"
         "  return s | (uint(ue + 15) << 10) | (m >> 13);\n}\n"
         "float cw_hval(uint h) {\n"
         "  uint ex = (h >> 10) & 31u, m = h & 1023u;\n"
         "  float v = ex == 0u ? ldexp(float(m), -24)\n"
         "          : ex == 31u ? uintBitsToFloat(0x7f800000u | (m << 13)) : ldexp(float(m | 1024u), int(ex) - 25);\n"
         "  return (h & 0x8000u) != 0u ? -v : v;\n}\n"
         "vec2 cw_rh2(vec2 v) { return vec2(cw_rh(v.x), cw_rh(v.y)); }\n"
         "vec2 cw_rh2(float x) { float r = cw_rh(x); return vec2(r, r); }\n"
         "vec2 cw_rh2(float x, float y) { return vec2(cw_rh(x), cw_rh(y)); }\n");
}

const char *gl_half_bits(Gl *g, const char *v) {
  need_round(g);
  return gl_fmt(g, "cw_hbits(%s)", v);
}

const char *gl_half_value(Gl *g, const char *bits) {
  need_round(g);
  return gl_fmt(g, "cw_hval(%s)", bits);
}

const char *gl_half_round(Gl *g, KType *t, const char *v) {
  need_round(g);
  return gl_fmt(g, "%s(%s)", unq(t)->kind == KT_VEC ? "cw_rh2" : "cw_rh", v);
}

/* a*b+c for halves: the product is exact in float; the float sum s and
 * its exact error e (two-sum) decide a tie of s for half */
static void need_fma(Gl *g) {
  need_round(g);
  helper(g, "cw_hfma",
         "float cw_hfma(float a, float b, float c) {\n"
         "  precise float p = a * b, s = p + c, v = s - p, e = (p - (s - v)) + (c - v);\n"
         "  return cw_rhe(s, isinf(s) ? 0.0 : e);\n}\n"
         "vec2 cw_hfma2(vec2 a, vec2 b, vec2 c) { return vec2(cw_hfma(a.x, b.x, c.x), cw_hfma(a.y, b.y, c.y)); }\n");
}

const char *gl_half_convert(Gl *g, KType *from, KType *to, const char *s, SrcLoc loc) {
  bool fh = gl_half(g, from), th = gl_half(g, to);
  if (!fh && !th) return NULL;
  from = unq(from), to = unq(to);
  if (fh && th) return s;
  if (th) {
    KType *fe = from->kind == KT_VEC ? unq(from->elem) : from;
    if (fe->kind == KT_F64) {
      gl_error(g, loc, "converting a double to half on a device without shaderFloat16 is not "
               "supported on the Vulkan target");
      return s;
    }
    if (to->kind == KT_VEC) return gl_half_round(g, to, gl_fmt(g, "vec%d(%s)", to->count, s));
    if (from->kind == KT_BOOL) return gl_fmt(g, "(%s ? 1.0 : 0.0)", s);
    return gl_half_round(g, to, gl_fmt(g, "float(%s)", s));
  }
  /* from half: the float it is held in */
  if (to->kind == KT_BOOL) return gl_fmt(g, "(%s != 0.0)", s);
  if (to->kind == KT_F32) return s;
  return NULL; /* the usual float conversion */
}

/* builtins on halves: their float16 template with float helpers, the
 * result rounded to half */
typedef struct HalfTmpl {
  KBuiltinId id;
  const char *text;
  bool rounds; /* the text rounds itself */
} HalfTmpl;

static const HalfTmpl half_tmpls[] = {
    {KB_I_HFMA, "cw_hfma($0, $1, $2)", true},
    {KB_I_HFMA2, "cw_hfma2($0, $1, $2)", true},
    {KB_I_HALF_AS_SHORT, "bitfieldExtract(int(cw_hbits($0)), 0, 16)", true},
    {KB_I_HALF_AS_USHORT, "cw_hbits($0)", true},
    {KB_I_SHORT_AS_HALF, "cw_hval(uint($0) & 0xffffu)", true},
    {KB_I_USHORT_AS_HALF, "cw_hval(uint($0) & 0xffffu)", true},
    {KB_I_HNE, "cw_hne($0, $1)", true}, /* ordered, as CUDA's: false for a NaN */
    {KB_I_HISINF, "cw_hisinf($0)", true}, /* -1, 1 or 0, as CUDA's */
    /* one of the operands, already half: NaN gives the other, +0 > -0 */
    {KB_I_HMAX, "cw_hmax($0, $1)", true}, {KB_I_HMIN, "cw_hmin($0, $1)", true},
    {KB_I_HMAX2, "cw_hmax($0, $1)", true}, {KB_I_HMIN2, "cw_hmin($0, $1)", true},
};

/* the type a half template's value has before conversion to the call's */
KType *gl_half_tmpl_type(Gl *g, KExpr *e, KType *deflt) {
  switch (e->builtin) {
  case KB_I_HALF_AS_SHORT: return g->m->t_i32;
  case KB_I_HALF_AS_USHORT: return g->m->t_u32;
  default: return deflt;
  }
}

static char *replace_all(Gl *g, const char *s, const char *from, const char *to) {
  StrBuf sb;
  sb_init(&sb);
  size_t n = strlen(from);
  for (const char *p = s; *p;) {
    if (!strncmp(p, from, n)) {
      sb_puts(&sb, to);
      p += n;
    } else {
      sb_putc(&sb, *p++);
    }
  }
  char *t = sb_take(&sb);
  char *r = gl_fmt(g, "%s", t ? t : "");
  free(t);
  return r;
}

const char *gl_half_template(Gl *g, KExpr *e, const char *text, bool *rounds) {
  bool any = gl_half(g, e->type);
  for (int i = 0; i < e->nargs; i++) any = any || gl_half(g, e->args[i]->type);
  if (!any && !strstr(text, "float16") && !strstr(text, "f16vec") && !strstr(text, "Float2x16"))
    return NULL;
  need_round(g);
  *rounds = false;
  for (size_t i = 0; i < sizeof half_tmpls / sizeof *half_tmpls; i++)
    if (half_tmpls[i].id == e->builtin) {
      if (e->builtin == KB_I_HFMA || e->builtin == KB_I_HFMA2) need_fma(g);
      if (e->builtin == KB_I_HNE)
        helper(g, "cw_hne", "bool cw_hne(float a, float b) { return a < b || a > b; }\n");
      if (e->builtin == KB_I_HMAX || e->builtin == KB_I_HMAX2)
        helper(g, "cw_hmax",
               "float cw_hmax(float a, float b) { return isnan(a) ? b : isnan(b) ? a : a == b ? "
               "((floatBitsToUint(a) >> 31u) != 0u ? b : a) : max(a, b); }\n"
               "vec2 cw_hmax(vec2 a, vec2 b) { return vec2(cw_hmax(a.x, b.x), cw_hmax(a.y, b.y)); }\n");
      if (e->builtin == KB_I_HMIN || e->builtin == KB_I_HMIN2)
        helper(g, "cw_hmin",
               "float cw_hmin(float a, float b) { return isnan(a) ? b : isnan(b) ? a : a == b ? "
               "((floatBitsToUint(a) >> 31u) != 0u ? a : b) : min(a, b); }\n"
               "vec2 cw_hmin(vec2 a, vec2 b) { return vec2(cw_hmin(a.x, b.x), cw_hmin(a.y, b.y)); }\n");
      if (e->builtin == KB_I_HISINF)
        helper(g, "cw_hisinf", "int cw_hisinf(float a) { return isinf(a) ? (a < 0.0 ? -1 : 1) : 0; }\n");
      *rounds = half_tmpls[i].rounds;
      return half_tmpls[i].text;
    }
  const char *t = replace_all(g, text, "float16_t(", "cw_rh(");
  t = replace_all(g, t, "f16vec2(", "cw_rh2(");
  if (strstr(t, "float16") || strstr(t, "Float16") || strstr(t, "Float2x16")) {
    gl_error(g, e->loc, "%s needs the Vulkan device feature shaderFloat16, which this device lacks",
             kb_info(e->builtin)->name);
    return "0.0";
  }
  return t;
}

/* ---- memory ------------------------------------------------------------- */

void gl_half_ld(Gl *g, StrBuf *sb, const char *word_block) {
  const char *w = g->no_int64 ? "uvec2(a.x & ~3u, a.y)" : "(a & ~3ul)";
  need_round(g);
  sb_printf(sb, "  return cw_hval(%s(%s).v >> ((%s & 3u) * 8u));\n", word_block, w, gl_addr_low(g, "a"));
}

void gl_half_st(Gl *g, StrBuf *sb, const char *word_block) {
  const char *w = g->no_int64 ? "uvec2(a.x & ~3u, a.y)" : "(a & ~3ul)";
  sb_printf(sb, "  uint sh = (%s & 3u) * 8u;\n", gl_addr_low(g, "a"));
  sb_printf(sb, "  atomicAnd(%s(%s).v, ~(0xffffu << sh));\n", word_block, w);
  need_round(g);
  sb_printf(sb, "  atomicOr(%s(%s).v, cw_hbits(v) << sh);\n  return v;\n", word_block, w);
}
