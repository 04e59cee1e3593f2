/*
 * glsl_int64.c — 64-bit integers as uvec2 pairs on a device without
 * shaderInt64.
 *
 * SwiftShader (and some mobile GPUs) cannot name int64_t, but kernels
 * use long long and size_t everywhere (index arithmetic, hashes, 64-bit
 * counters).  There a long long or size_t is a uvec2 (x: low word, y: high
 * word) — the same form glsl_addr.c gives pointers, so a conversion between
 * the two is free, and memory holds the pair in CUDA's little-endian
 * layout.  &, |, ^, ~, == and != are GLSL's own on the vector (== compares
 * both lanes); everything else calls a helper written on first use: add
 * and subtract with carry (uaddCarry / usubBorrow), multiply from one
 * umulExtended plus the cross products, shifts across the words, signed
 * and unsigned comparison, division and remainder by shift-and-subtract
 * (one 32-bit divide when both fit in 32 bits), conversions to and from
 * 32-bit integers (a helper, so an operand with side effects is evaluated
 * once) and floats, rounded to nearest even by hand on the bits (the
 * drivers' own conversions of large values are not all correctly rounded;
 * SwiftShader's are not).
 * Atomics: add, sub, and, or and xor on a pair whose result is unused are
 * two 32-bit atomics (the carry of the low word's add goes into the high
 * word), which leaves memory exactly as one 64-bit atomic would (also
 * used for shared memory, a word array, on devices with Int64); the
 * others, and those whose old value is read, need 64-bit atomics and are
 * rejected at their line, as is anything else (vectors of 64-bit lanes,
 * 64-bit warp reductions) with no exact pair form.
 */
#include <stdlib.h>
#include <string.h>

#include "glsl_internal.h"

static KType *unq(KType *t) { return t && t->unqual ? t->unqual : t; }

bool gl_wide(const Gl *g, KType *t) {
  t = unq(t);
  return g->no_int64 && t && (t->kind == KT_I64 || t->kind == KT_U64);
}

typedef struct Helper {
  const char *name, *text;
} Helper;

/* dependencies come before their users, so writing a helper's
 * dependencies first keeps GLSL's define-before-use order */
static const Helper helpers[] = {
    {"cw_add64", "uvec2 cw_add64(uvec2 a, uvec2 b) {\n"
                 "  uint c;\n  uint lo = uaddCarry(a.x, b.x, c);\n  return uvec2(lo, a.y + b.y + c);\n}\n"},
    {"cw_sub64", "uvec2 cw_sub64(uvec2 a, uvec2 b) {\n"
                 "  uint c;\n  uint lo = usubBorrow(a.x, b.x, c);\n  return uvec2(lo, a.y - b.y - c);\n}\n"},
    {"cw_mul64", "uvec2 cw_mul64(uvec2 a, uvec2 b) {\n"
                 "  uint hi, lo;\n  umulExtended(a.x, b.x, hi, lo);\n"
                 "  return uvec2(lo, hi + a.x * b.y + a.y * b.x);\n}\n"},
    {"cw_shl64", "uvec2 cw_shl64(uvec2 a, uvec2 n) {\n"
                 "  uint s = n.x & 63u;\n  if (s == 0u) return a;\n"
                 "  if (s >= 32u) return uvec2(0u, a.x << (s - 32u));\n"
                 "  return uvec2(a.x << s, (a.y << s) | (a.x >> (32u - s)));\n}\n"},
    {"cw_shr64u", "uvec2 cw_shr64u(uvec2 a, uvec2 n) {\n"
                  "  uint s = n.x & 63u;\n  if (s == 0u) return a;\n"
                  "  if (s >= 32u) return uvec2(a.y >> (s - 32u), 0u);\n"
                  "  return uvec2((a.x >> s) | (a.y << (32u - s)), a.y >> s);\n}\n"},
    {"cw_shr64s", "uvec2 cw_shr64s(uvec2 a, uvec2 n) {\n"
                  "  uint s = n.x & 63u;\n  int h = int(a.y);\n  if (s == 0u) return a;\n"
                  "  if (s >= 32u) return uvec2(uint(h >> (s - 32u)), uint(h >> 31));\n"
                  "  return uvec2((a.x >> s) | (a.y << (32u - s)), uint(h >> s));\n}\n"},
    {"cw_lt64u", "bool cw_lt64u(uvec2 a, uvec2 b) { return a.y < b.y || (a.y == b.y && a.x < b.x); }\n"},
    {"cw_lt64s", "bool cw_lt64s(uvec2 a, uvec2 b) { return int(a.y) < int(b.y) || (a.y == b.y && a.x < b.x); }\n"},
    {"cw_neg64", "uvec2 cw_neg64(uvec2 a) { return cw_sub64(uvec2(0u), a); }\n"},
    {"cw_abs64", "uvec2 cw_abs64(uvec2 a) { return int(a.y) < 0 ? cw_neg64(a) : a; }\n"},
    {"cw_udivmod64", "uvec4 cw_udivmod64(uvec2 a, uvec2 b) {\n"
                     "  if (a.y == 0u && b.y == 0u) return uvec4(a.x / b.x, 0u, a.x % b.x, 0u);\n"
                     "  uvec2 q = uvec2(0u), r = uvec2(0u);\n"
                     "  for (int i = 63; i >= 0; i--) {\n"
                     "    uint w = i >= 32 ? a.y : a.x, k = uint(i & 31);\n"
                     "    r = uvec2((r.x << 1) | ((w >> k) & 1u), (r.y << 1) | (r.x >> 31));\n"
                     "    if (!cw_lt64u(r, b)) {\n"
                     "      r = cw_sub64(r, b);\n"
                     "      if (i >= 32) q.y |= 1u << k; else q.x |= 1u << k;\n"
                     "    }\n  }\n  return uvec4(q, r);\n}\n"},
    {"cw_div64u", "uvec2 cw_div64u(uvec2 a, uvec2 b) { return cw_udivmod64(a, b).xy; }\n"},
    {"cw_mod64u", "uvec2 cw_mod64u(uvec2 a, uvec2 b) { return cw_udivmod64(a, b).zw; }\n"},
    {"cw_div64s", "uvec2 cw_div64s(uvec2 a, uvec2 b) {\n"
                  "  uvec2 q = cw_udivmod64(cw_abs64(a), cw_abs64(b)).xy;\n"
                  "  return (int(a.y ^ b.y) < 0) ? cw_neg64(q) : q;\n}\n"},
    {"cw_mod64s", "uvec2 cw_mod64s(uvec2 a, uvec2 b) {\n"
                  "  uvec2 r = cw_udivmod64(cw_abs64(a), cw_abs64(b)).zw;\n"
                  "  return int(a.y) < 0 ? cw_neg64(r) : r;\n}\n"},
    {"cw_min64u", "uvec2 cw_min64u(uvec2 a, uvec2 b) { return cw_lt64u(b, a) ? b : a; }\n"},
    {"cw_max64u", "uvec2 cw_max64u(uvec2 a, uvec2 b) { return cw_lt64u(a, b) ? b : a; }\n"},
    {"cw_min64s", "uvec2 cw_min64s(uvec2 a, uvec2 b) { return cw_lt64s(b, a) ? b : a; }\n"},
    {"cw_max64s", "uvec2 cw_max64s(uvec2 a, uvec2 b) { return cw_lt64s(a, b) ? b : a; }\n"},
    {"cw_i2w", "uvec2 cw_i2w(int v) { return uvec2(uint(v), uint(v >> 31)); }\n"},
    /* rounded to nearest even by hand, from the bits: a driver's own
     * uint-to-float conversion need not be correctly rounded (SwiftShader's
     * is not above 2^24) */
    {"cw_u64f", "float cw_u64f(uvec2 a) {\n"
                "  if (a.y == 0u && a.x < 0x1000000u) return float(a.x);\n"
                "  int msb = a.y != 0u ? findMSB(a.y) + 32 : findMSB(a.x);\n"
                "  uvec2 sh = uvec2(uint(msb - 23), 0u), one = uvec2(1u, 0u);\n"
                "  uint m = cw_shr64u(a, sh).x;\n"
                "  uvec2 rest = a & cw_sub64(cw_shl64(one, sh), one);\n"
                "  uvec2 half_ = cw_shl64(one, uvec2(sh.x - 1u, 0u));\n"
                "  if (cw_lt64u(half_, rest) || (rest == half_ && (m & 1u) != 0u)) m++;\n"
                "  if (m == 0x1000000u) { m >>= 1; msb++; }\n"
                "  return uintBitsToFloat((uint(msb + 127) << 23) | (m & 0x7fffffu));\n}\n"},
    {"cw_i64f", "float cw_i64f(uvec2 a) {\n"
                "  bool neg = int(a.y) < 0;\n  float f = cw_u64f(neg ? cw_neg64(a) : a);\n"
                "  return neg ? -f : f;\n}\n"},
    /* a product exact, the sum rounded once */
    {"cw_u64d", "double cw_u64d(uvec2 a) { return double(a.y) * 4294967296.0lf + double(a.x); }\n"},
    {"cw_i64d", "double cw_i64d(uvec2 a) { return double(int(a.y)) * 4294967296.0lf + double(a.x); }\n"},
    /* truncation, from the bits (no float-to-uint conversion of the driver's) */
    {"cw_f2u64", "uvec2 cw_f2u64(float x) {\n"
                 "  uint b = floatBitsToUint(x);\n"
                 "  int e = int((b >> 23) & 0xffu) - 127;\n"
                 "  if (e < 0) return uvec2(0u);\n"
                 "  uvec2 m = uvec2((b & 0x7fffffu) | 0x800000u, 0u);\n"
                 "  m = e >= 23 ? cw_shl64(m, uvec2(uint(e - 23), 0u)) : cw_shr64u(m, uvec2(uint(23 - e), 0u));\n"
                 "  return (b >> 31) != 0u ? cw_neg64(m) : m;\n}\n"},
    /* x - h * 2^32 is exact for x below 2^64 */
    {"cw_d2u64", "uvec2 cw_d2u64(double x) {\n"
                 "  x = trunc(x);\n"
                 "  bool neg = x < 0.0lf;\n  if (neg) x = -x;\n"
                 "  double h = floor(x * 2.3283064365386963e-10lf);\n"
                 "  uvec2 m = uvec2(uint(x - h * 4294967296.0lf), uint(h));\n"
                 "  return neg ? cw_neg64(m) : m;\n}\n"},
    {"cw_umul64hi", "uvec2 cw_umul64hi(uvec2 a, uvec2 b) {\n"
                    "  uint h0, l0, h1, l1, h2, l2, h3, l3, c, c2;\n"
                    "  umulExtended(a.x, b.x, h0, l0);\n  umulExtended(a.x, b.y, h1, l1);\n"
                    "  umulExtended(a.y, b.x, h2, l2);\n  umulExtended(a.y, b.y, h3, l3);\n"
                    "  uint m = uaddCarry(h0, l1, c);\n  m = uaddCarry(m, l2, c2);\n"
                    "  uvec2 r = cw_add64(uvec2(l3, h3), uvec2(c + c2, 0u));\n"
                    "  r = cw_add64(r, uvec2(h1, 0u));\n  return cw_add64(r, uvec2(h2, 0u));\n}\n"},
    {"cw_mul64hi", "uvec2 cw_mul64hi(uvec2 a, uvec2 b) {\n"
                   "  uvec2 h = cw_umul64hi(a, b);\n"
                   "  if (int(a.y) < 0) h = cw_sub64(h, b);\n  if (int(b.y) < 0) h = cw_sub64(h, a);\n"
                   "  return h;\n}\n"},
    {"cw_mulhi", "int cw_mulhi(int a, int b) { int h, l; imulExtended(a, b, h, l); return h; }\n"},
    {"cw_umulhi", "uint cw_umulhi(uint a, uint b) { uint h, l; umulExtended(a, b, h, l); return h; }\n"},
    /* __funnelshift_l/r: the high / low word of hi:lo shifted */
    {"cw_fshl", "uint cw_fshl(uint lo, uint hi, uint s) {\n"
                "  return s == 0u ? hi : s >= 32u ? lo : (hi << s) | (lo >> (32u - s));\n}\n"},
    {"cw_fshr", "uint cw_fshr(uint lo, uint hi, uint s) {\n"
                "  return s == 0u ? lo : s >= 32u ? hi : (lo >> s) | (hi << (32u - s));\n}\n"},
    {"cw_byte_perm", "uint cw_byte_perm(uint x, uint y, uint s) {\n  uint r = 0u;\n"
                     "  for (uint i = 0u; i < 4u; i++) {\n"
                     "    uint k = (s >> (4u * i)) & 7u;\n"
                     "    r |= (((k < 4u ? x : y) >> (8u * (k & 3u))) & 0xffu) << (8u * i);\n"
                     "  }\n  return r;\n}\n"},
};

/* the helpers each one calls (before it) */
static const char *const deps[][3] = {
    {"cw_neg64", "cw_sub64"}, {"cw_abs64", "cw_neg64"},
    {"cw_udivmod64", "cw_lt64u", "cw_sub64"}, {"cw_div64u", "cw_udivmod64"},
    {"cw_mod64u", "cw_udivmod64"}, {"cw_div64s", "cw_udivmod64", "cw_abs64"},
    {"cw_mod64s", "cw_udivmod64", "cw_abs64"}, {"cw_min64u", "cw_lt64u"}, {"cw_max64u", "cw_lt64u"},
    {"cw_min64s", "cw_lt64s"}, {"cw_max64s", "cw_lt64s"}, {"cw_i64f", "cw_u64f", "cw_neg64"},
    {"cw_u64f", "cw_shr64u", "cw_shl64"}, {"cw_u64f", "cw_sub64", "cw_lt64u"},
    {"cw_f2u64", "cw_neg64", "cw_shl64"}, {"cw_f2u64", "cw_shr64u"}, {"cw_d2u64", "cw_neg64"}, {"cw_umul64hi", "cw_add64"},
    {"cw_mul64hi", "cw_umul64hi", "cw_sub64"},
};

/* names helper `name` and writes it (after what it calls) on first use */
static const char *use(Gl *g, const char *name) {
  for (size_t i = 0; i < sizeof deps / sizeof *deps; i++)
    if (!strcmp(deps[i][0], name))
      for (int j = 1; j < 3 && deps[i][j]; j++) use(g, deps[i][j]);
  for (size_t i = 0; i < sizeof helpers / sizeof *helpers; i++)
    if (!strcmp(helpers[i].name, name)) {
      if (!gl_seen(g, helpers[i].name)) sb_puts(&g->helpers, helpers[i].text);
      return helpers[i].name;
    }
  return name;
}

const char *gl_wide_helper(Gl *g, const char *name) { return use(g, name); }

const char *gl_wide_literal(Gl *g, uint64_t v) {
  if (!v) return "uvec2(0u)";
  return gl_fmt(g, "uvec2(%uu, %uu)", (unsigned)v, (unsigned)(v >> 32));
}

const char *gl_wide_binop(Gl *g, KOp op, KType *t, const char *a, const char *b, SrcLoc loc) {
  bool s = kt_is_signed(unq(t));
  const char *fn = NULL;
  bool swap = false, negate = false;
  switch (op) {
  case KOP_AND: return gl_fmt(g, "(%s & %s)", a, b);
  case KOP_OR: return gl_fmt(g, "(%s | %s)", a, b);
  case KOP_XOR: return gl_fmt(g, "(%s ^ %s)", a, b);
  case KOP_EQ: return gl_fmt(g, "(%s == %s)", a, b);
  case KOP_NE: return gl_fmt(g, "(%s != %s)", a, b);
  default:
    fn = int64_pair_helper(op, s, &swap, &negate);
    if (!fn) {
      gl_error(g, loc, "this operator on a 64-bit integer is not supported on the Vulkan target "
               "without the device feature shaderInt64");
      return a;
    }
  }
  return gl_fmt(g, "%s%s(%s, %s)", negate ? "!" : "", use(g, fn), swap ? b : a, swap ? a : b);
}

const char *gl_wide_neg(Gl *g, const char *a) { return gl_fmt(g, "%s(%s)", use(g, "cw_neg64"), a); }

/* a 32-bit (or narrower, held in int/uint) integer or bool as a pair */
static const char *widen(Gl *g, KType *from, const char *s) {
  if (unq(from)->kind == KT_BOOL) return gl_fmt(g, "uvec2(%s ? 1u : 0u, 0u)", s);
  if (kt_is_signed(unq(from))) return gl_fmt(g, "%s(int(%s))", use(g, "cw_i2w"), s);
  return gl_fmt(g, "uvec2(uint(%s), 0u)", s);
}

const char *gl_wide_convert(Gl *g, KType *from, KType *to, const char *s, SrcLoc loc) {
  from = unq(from), to = unq(to);
  bool fw = gl_wide(g, from), tw = gl_wide(g, to);
  if (!fw && !tw) return NULL;
  if (fw && (tw || to->kind == KT_PTR)) return s; /* the same bits */
  if (tw && from->kind == KT_PTR) return s;
  if (tw) {
    switch (from->kind) {
    case KT_F16: return gl_fmt(g, "%s(float(%s))", use(g, "cw_f2u64"), s);
    case KT_F32: return gl_fmt(g, "%s(%s)", use(g, "cw_f2u64"), s);
    case KT_F64: return gl_fmt(g, "%s(%s)", use(g, "cw_d2u64"), s);
    default:
      if (kt_is_int(from) || from->kind == KT_BOOL) return widen(g, from, s);
      break;
    }
  } else {
    bool sg = kt_is_signed(from);
    switch (to->kind) {
    case KT_BOOL: return gl_fmt(g, "(%s != uvec2(0u))", s);
    case KT_F16: return gl_fmt(g, "float16_t(%s(%s))", use(g, sg ? "cw_i64f" : "cw_u64f"), s);
    case KT_F32: return gl_fmt(g, "%s(%s)", use(g, sg ? "cw_i64f" : "cw_u64f"), s);
    case KT_F64: return gl_fmt(g, "%s(%s)", use(g, sg ? "cw_i64d" : "cw_u64d"), s);
    default:
      if (kt_is_int(to)) {
        const char *lo = gl_fmt(g, "(%s).x", s);
        if (gl_narrow(g, to)) return gl_narrow_wrap(g, to, kt_is_signed(to) ? gl_fmt(g, "int(%s)", lo) : lo);
        return gl_fmt(g, "%s(%s)", gl_type(g, to, loc), lo);
      }
      break;
    }
  }
  gl_error(g, loc, "this conversion of a 64-bit integer is not supported on the Vulkan target "
           "without the device feature shaderInt64");
  return s;
}

/* ---- builtins ----------------------------------------------------------- */

typedef struct PairTmpl {
  KBuiltinId id;
  const char *text, *helper;
} PairTmpl;

/* builtins whose int64 template has a pair form: $0.. the operands */
static const PairTmpl pair_tmpls[] = {
    {KB_I_POPCLL, "(bitCount($0.x) + bitCount($0.y))", NULL},
    {KB_I_CLZLL, "($0.y != 0u ? 31 - findMSB($0.y) : 63 - findMSB($0.x))", NULL},
    {KB_I_FFSLL, "($0.x != 0u ? findLSB($0.x) + 1 : ($0.y != 0u ? findLSB($0.y) + 33 : 0))", NULL},
    {KB_I_BREVLL, "uvec2(bitfieldReverse($0.y), bitfieldReverse($0.x))", NULL},
    {KB_I_UMUL64HI, "cw_umul64hi($0, $1)", "cw_umul64hi"},
    {KB_I_MUL64HI, "cw_mul64hi($0, $1)", "cw_mul64hi"},
    {KB_I_MULHI, "cw_mulhi($0, $1)", "cw_mulhi"},
    {KB_I_UMULHI, "cw_umulhi($0, $1)", "cw_umulhi"},
    {KB_I_FUNNELSHIFT_L, "cw_fshl($0, $1, $2 & 31u)", "cw_fshl"},
    {KB_I_FUNNELSHIFT_LC, "cw_fshl($0, $1, min($2, 32u))", "cw_fshl"},
    {KB_I_FUNNELSHIFT_R, "cw_fshr($0, $1, $2 & 31u)", "cw_fshr"},
    {KB_I_FUNNELSHIFT_RC, "cw_fshr($0, $1, min($2, 32u))", "cw_fshr"},
    /* halving adds without a wider sum: floor((a+b)/2) = (a&b) + ((a^b)>>1) */
    {KB_I_HADD, "(($0 & $1) + (($0 ^ $1) >> 1))", NULL},
    {KB_I_UHADD, "(($0 & $1) + (($0 ^ $1) >> 1u))", NULL},
    {KB_I_RHADD, "(($0 | $1) - (($0 ^ $1) >> 1))", NULL},
    {KB_I_URHADD, "(($0 | $1) - (($0 ^ $1) >> 1u))", NULL},
    {KB_I_BYTE_PERM, "cw_byte_perm($0, $1, $2)", "cw_byte_perm"},
    {KB_I_DOUBLE_AS_LONGLONG, "unpackDouble2x32($0)", NULL},
    {KB_I_LONGLONG_AS_DOUBLE, "packDouble2x32($0)", NULL},
    {KB_I_DOUBLE2HIINT, "int(unpackDouble2x32($0).y)", NULL},
    {KB_I_DOUBLE2LOINT, "int(unpackDouble2x32($0).x)", NULL},
    {KB_I_HILOINT2DOUBLE, "packDouble2x32(uvec2(uint($1), uint($0)))", NULL},
    {KB_COPYSIGN, "((unpackDouble2x32($1).y >> 31) != 0u ? -abs($0) : abs($0))", NULL},
};

/* min/max/abs and the reductions whose pair form depends on signedness */
static const char *typed_pair(Gl *g, KExpr *e, const char **args) {
  KType *t = e->nargs ? unq(e->args[0]->type) : NULL;
  if (!gl_wide(g, t)) return NULL;
  bool s = kt_is_signed(t);
  switch (e->builtin) {
  case KB_MIN: return gl_fmt(g, "%s(%s, %s)", use(g, s ? "cw_min64s" : "cw_min64u"), args[0], args[1]);
  case KB_MAX: return gl_fmt(g, "%s(%s, %s)", use(g, s ? "cw_max64s" : "cw_max64u"), args[0], args[1]);
  case KB_ABS: return s ? gl_fmt(g, "%s(%s)", use(g, "cw_abs64"), args[0]) : args[0];
  default: return NULL;
  }
}

const char *gl_wide_builtin(Gl *g, KExpr *e, const char **args, const char *int64_text) {
  const char *r = typed_pair(g, e, args);
  if (r) return r;
  for (size_t i = 0; i < sizeof pair_tmpls / sizeof *pair_tmpls; i++) {
    const PairTmpl *p = &pair_tmpls[i];
    if (p->id != e->builtin) continue;
    if (p->helper) use(g, p->helper);
    StrBuf sb;
    sb_init(&sb);
    for (const char *c = p->text; *c; c++) {
      if (c[0] == '$' && c[1] >= '0' && c[1] <= '3') {
        int k = c[1] - '0';
        sb_puts(&sb, k < e->nargs ? args[k] : "0");
        c++;
      } else {
        sb_putc(&sb, *c);
      }
    }
    char *s = sb_take(&sb);
    r = gl_fmt(g, "%s", s ? s : "0");
    free(s);
    return r;
  }
  /* a template that is exact on pairs as it stands: shuffles move both
   * lanes, bitwise reductions work lane by lane */
  bool wide = gl_wide(g, e->type);
  for (int i = 0; i < e->nargs; i++) wide = wide || gl_wide(g, e->args[i]->type);
  static const KBuiltinId lanewise[] = {KB_SHFL_SYNC, KB_SHFL_UP_SYNC, KB_SHFL_DOWN_SYNC, KB_SHFL_XOR_SYNC,
                                        KB_REDUCE_AND_SYNC, KB_REDUCE_OR_SYNC, KB_REDUCE_XOR_SYNC, KB_LDG};
  static const char *const needs64[] = {"int64", "Int64", "Uint64", "2x32", ">> 32", ">> 63"};
  bool ok = true;
  for (size_t i = 0; i < sizeof needs64 / sizeof *needs64; i++) ok = ok && !strstr(int64_text, needs64[i]);
  for (size_t i = 0; ok && wide && i < sizeof lanewise / sizeof *lanewise; i++)
    if (lanewise[i] == e->builtin) return NULL;
  if (ok && !wide) return NULL;
  gl_error(g, e->loc, "%s on 64-bit integers needs the Vulkan device feature shaderInt64, which this "
           "device lacks", kb_info(e->builtin)->name);
  return "0";
}

/* ---- atomics ------------------------------------------------------------ */

/* the 32-bit atomics on the two words that leave memory as a 64-bit
 * atomic would: add carries the low word's overflow into the high word */
static void pair_atomic_body(Gl *g, StrBuf *sb, KBuiltinId op, const char *lo, const char *hi) {
  if (op == KB_ATOMIC_ADD || op == KB_ATOMIC_SUB) {
    if (op == KB_ATOMIC_SUB) sb_printf(sb, "  w = %s(w);\n", use(g, "cw_neg64"));
    sb_printf(sb, "  uint c, old = atomicAdd(%s, w.x);\n  uaddCarry(old, w.x, c);\n", lo);
    sb_printf(sb, "  if (w.y + c != 0u) atomicAdd(%s, w.y + c);\n", hi);
    return;
  }
  const char *fn = op == KB_ATOMIC_AND ? "atomicAnd" : op == KB_ATOMIC_OR ? "atomicOr" : "atomicXor";
  sb_printf(sb, "  %s(%s, w.x);\n  %s(%s, w.y);\n", fn, lo, fn, hi);
}

const char *gl_wide_atomic(Gl *g, KBuiltinId op, char kind, bool result_used, SrcLoc loc) {
  bool pairable = op == KB_ATOMIC_ADD || op == KB_ATOMIC_SUB || op == KB_ATOMIC_AND ||
                  op == KB_ATOMIC_OR || op == KB_ATOMIC_XOR;
  if (!pairable || result_used) {
    gl_error(g, loc, "%s on a 64-bit value%s needs the Vulkan device features shaderInt64 and "
             "shaderBufferInt64Atomics, which this device lacks%s", kb_info(op)->name,
             pairable ? " whose old value is used" : "",
             pairable ? " (without them only its result-discarding form runs, as two 32-bit atomics)" : "");
    return "atomicAdd";
  }
  static const char *const tags[] = {[KB_ATOMIC_ADD] = "add", [KB_ATOMIC_SUB] = "sub",
                                     [KB_ATOMIC_AND] = "and", [KB_ATOMIC_OR] = "or", [KB_ATOMIC_XOR] = "xor"};
  const char *name = gl_fmt(g, "at%c_%s_w", kind, tags[op]);
  if (gl_seen(g, name)) return name;
  StrBuf sb;
  sb_init(&sb);
  const char *A = gl_addr_type(g), *V = g->no_int64 ? "uvec2" : "uint64_t";
  if (kind == 'X') {
    /* global memory keeps the device's own 64-bit atomic where it has one */
    const char *s = gl_wide_atomic(g, op, 'S', false, loc);
    const char *gg = g->no_int64 ? gl_wide_atomic(g, op, 'G', false, loc) : gl_atomic(g, op, g->m->t_u64, 'G', loc);
    sb_printf(&sb, "void %s(%s a, %s v) {\n  if (%s) %s(a, v);\n  else %s(a, v);\n}\n", name, A, V,
              gl_addr_is_shared(g, "a"), s, gg);
  } else {
    sb_printf(&sb, "void %s(%s a, %s v) {\n  uvec2 w = %s;\n", name, A, V,
              g->no_int64 ? "v" : "unpackUint2x32(v)");
    if (kind == 'S') {
      sb_printf(&sb, "  uint o = %s >> 2;\n", gl_addr_low(g, "a"));
      pair_atomic_body(g, &sb, op, "SM[o]", "SM[o + 1u]");
    } else {
      gl_ld(g, g->m->t_u32, 'G', loc); /* the R_u32 block */
      pair_atomic_body(g, &sb, op, "R_u32(a).v", gl_fmt(g, "R_u32(%s).v", gl_addr_add(g, "a", 4)));
    }
    sb_puts(&sb, "}\n");
  }
  char *s = sb_take(&sb);
  if (s) sb_puts(&g->helpers, s);
  free(s);
  return name;
}
