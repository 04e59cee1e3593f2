/*
 * wgsl_builtin.c — CUDA math, integer and conversion builtins in WGSL.
 *
 * Where WGSL has the function with CUDA's meaning it is called directly
 * (rsqrtf → inverseSqrt, __popc → countOneBits, the __sinf intrinsic →
 * sin); otherwise a
 * helper from wgsl_helpers.c is called and recorded as needed, so a module
 * carries only the helpers it uses.  Fences become barriers' memory
 * effects (storageBarrier), which WGSL requires in uniform control flow;
 * everything else a kernel may call (printf, clock, warp collectives for
 * now) is rejected with a diagnostic naming the builtin.
 */
#include "wgsl_internal.h"

#include <string.h>

typedef struct Map {
  KBuiltinId id;
  const char *wgsl; /* a WGSL builtin, or a helper when it starts with cw_ */
} Map;

static const Map maps[] = {
    {KB_SINF, "cw_sin"}, {KB_COSF, "cw_cos"}, {KB_TANF, "cw_tan"}, {KB_ASINF, "asin"},
    {KB_ACOSF, "acos"}, {KB_ATANF, "atan"}, {KB_SINHF, "sinh"}, {KB_COSHF, "cosh"},
    {KB_TANHF, "tanh"}, {KB_ASINHF, "asinh"}, {KB_ACOSHF, "acosh"}, {KB_ATANHF, "atanh"},
    {KB_EXPF, "exp"}, {KB_EXP2F, "exp2"}, {KB_LOGF, "log"}, {KB_LOG2F, "log2"},
    {KB_SQRTF, "sqrt"}, {KB_RSQRTF, "inverseSqrt"}, {KB_CEILF, "ceil"}, {KB_FLOORF, "floor"},
    {KB_TRUNCF, "trunc"}, {KB_RINTF, "round"}, {KB_NEARBYINTF, "round"}, {KB_FABSF, "abs"},
    {KB_FMINF, "min"}, {KB_FMAXF, "max"}, {KB_ATAN2F, "atan2"}, {KB_FMAF, "fma"},
    {KB_I_EXPF, "exp"}, {KB_I_LOGF, "log"}, {KB_I_LOG2F, "log2"}, {KB_I_SINF, "sin"},
    {KB_I_COSF, "cos"}, {KB_I_TANF, "tan"}, {KB_I_SATURATEF, "saturate"},
    {KB_I_FMAF_RN, "fma"}, {KB_I_FSQRT_RN, "sqrt"}, {KB_I_FRSQRT_RN, "inverseSqrt"},
    {KB_MIN, "min"}, {KB_MAX, "max"}, {KB_ABS, "abs"},
    {KB_I_POPC, "countOneBits"}, {KB_I_CLZ, "countLeadingZeros"}, {KB_I_BREV, "reverseBits"},
    {KB_EXP10F, "cw_exp10"}, {KB_I_EXP10F, "cw_exp10"}, {KB_LOG10F, "cw_log10"},
    {KB_I_LOG10F, "cw_log10"}, {KB_EXPM1F, "cw_expm1"}, {KB_LOG1PF, "cw_log1p"},
    {KB_POWF, "cw_pow"}, {KB_I_POWF, "cw_pow"}, {KB_ROUNDF, "cw_round"},
    {KB_FMODF, "cw_fmod"}, {KB_HYPOTF, "cw_hypot"}, {KB_CBRTF, "cw_cbrt"},
    {KB_COPYSIGNF, "cw_copysign"}, {KB_ERFF, "cw_erf"}, {KB_ERFCF, "cw_erfc"},
    {KB_FDIMF, "cw_fdim"}, {KB_ISNAN, "cw_isnan"}, {KB_ISINF, "cw_isinf"},
    {KB_ISFINITE, "cw_isfinite"}, {KB_SIGNBIT, "cw_signbit"}, {KB_I_FFS, "cw_ffs"},
    {KB_I_MULHI, "cw_mulhi"}, {KB_I_UMULHI, "cw_umulhi"}, {KB_I_BYTE_PERM, "cw_byte_perm"},
    {KB_I_MUL24, "cw_mul24"}, {KB_I_UMUL24, "cw_umul24"}, {KB_NORMCDFF, "cw_normcdf"},
    {KB_I_FDIVIDEF, "cw_div"}, {KB_I_FDIV_RN, "cw_div"}, {KB_I_FADD_RN, "cw_add"},
    {KB_I_FADD_RZ, "cw_add"}, {KB_I_FSUB_RN, "cw_sub"}, {KB_I_FMUL_RN, "cw_mul"},
    {KB_I_FMUL_RZ, "cw_mul"}, {KB_I_FRCP_RN, "cw_rcp"}, {KB_SINPIF, "cw_sinpi"},
    {KB_COSPIF, "cw_cospi"}, {KB_I_SAD, "cw_sad"}, {KB_I_USAD, "cw_usad"},
    {KB_I_HADD, "cw_hadd"}, {KB_I_UHADD, "cw_uhadd"}, {KB_I_RHADD, "cw_rhadd"},
    {KB_I_URHADD, "cw_urhadd"}, {KB_I_FUNNELSHIFT_L, "cw_funnel_l"},
    {KB_I_FUNNELSHIFT_R, "cw_funnel_r"}, {KB_I_FUNNELSHIFT_LC, "cw_funnel_lc"},
    {KB_I_FUNNELSHIFT_RC, "cw_funnel_rc"},
    {KB_I_POPCLL, "cw_popc64"}, {KB_I_CLZLL, "cw_clz64"}, {KB_I_FFSLL, "cw_ffs64"},
    {KB_I_BREVLL, "cw_brev64"}, {KB_I_MUL64HI, "cw_mul64hi"}, {KB_I_UMUL64HI, "cw_umul64hi"},
};

/* Bit casts and rounding conversions: one WGSL expression around %s. */
static const Map convs[] = {
    /* to float through a function: a constant infinity or NaN is a WGSL error */
    {KB_I_FLOAT_AS_INT, "bitcast<i32>(%s)"}, {KB_I_INT_AS_FLOAT, "cw_f32_bits(bitcast<u32>(%s))"},
    {KB_I_FLOAT_AS_UINT, "bitcast<u32>(%s)"}, {KB_I_UINT_AS_FLOAT, "cw_f32_bits(%s)"},
    {KB_I_FLOAT2INT_RN, "i32(round(%s))"}, {KB_I_FLOAT2INT_RZ, "i32(%s)"},
    {KB_I_FLOAT2INT_RU, "i32(ceil(%s))"}, {KB_I_FLOAT2INT_RD, "i32(floor(%s))"},
    {KB_I_FLOAT2UINT_RN, "u32(round(%s))"}, {KB_I_FLOAT2UINT_RZ, "u32(%s)"},
    {KB_I_FLOAT2UINT_RU, "u32(ceil(%s))"}, {KB_I_FLOAT2UINT_RD, "u32(floor(%s))"},
    {KB_I_INT2FLOAT_RN, "f32(%s)"}, {KB_I_UINT2FLOAT_RN, "f32(%s)"},
    {KB_LROUNDF, "i32(cw_round(%s))"}, {KB_LRINTF, "i32(round(%s))"},
    {KB_I_FLOAT2LL_RN, "cw_f2i64(round(%s))"}, {KB_I_FLOAT2LL_RZ, "cw_f2i64(%s)"},
    {KB_I_FLOAT2LL_RU, "cw_f2i64(ceil(%s))"}, {KB_I_FLOAT2LL_RD, "cw_f2i64(floor(%s))"},
    {KB_I_FLOAT2ULL_RN, "cw_f2u64(round(%s))"}, {KB_I_FLOAT2ULL_RZ, "cw_f2u64(%s)"},
    {KB_I_FLOAT2ULL_RU, "cw_f2u64(ceil(%s))"}, {KB_I_FLOAT2ULL_RD, "cw_f2u64(floor(%s))"},
    {KB_I_LL2FLOAT_RN, "cw_i64f(%s)"}, {KB_I_ULL2FLOAT_RN, "cw_u64f(%s)"},
    {KB_LLROUNDF, "cw_f2i64(cw_round(%s))"}, {KB_LLRINTF, "cw_f2i64(round(%s))"},
};

static const Map *find(const Map *m, size_t n, KBuiltinId id) {
  for (size_t i = 0; i < n; i++)
    if (m[i].id == id) return &m[i];
  return NULL;
}

static KType *param_type(WCtx *c, KExpr *e, int i) {
  /* operands were converted by sema; their own type is the parameter's */
  (void)c;
  return e->args[i]->type;
}

static void args(WCtx *c, StrBuf *sb, KExpr *e) {
  for (int i = 0; i < e->nargs; i++) {
    if (i) sb_puts(sb, ", ");
    w_expr_as(c, sb, e->args[i], param_type(c, e, i));
  }
}

static void sincos(WCtx *c, StrBuf *sb, KExpr *e) {
  /* sincosf(x, &s, &c): two stores through the pointers */
  const char *x = w_new_tmp(c);
  StrBuf v;
  sb_init(&v);
  w_expr(c, &v, e->args[0]);
  w_pre(c, "let %s = %s;", x, v.data ? v.data : "");
  sb_free(&v);
  for (int i = 1; i <= 2; i++) {
    KExpr d;
    memset(&d, 0, sizeof d);
    d.kind = KE_DEREF;
    d.a = e->args[i];
    d.type = e->args[i]->type->elem;
    d.loc = e->loc;
    StrBuf s;
    sb_init(&s);
    bool exact = e->builtin == KB_SINCOSF; /* __sincosf: WGSL's own, as __sinf */
    const char *val = arena_printf(c->a, "%s(%s)", i == 1 ? (exact ? "cw_sin" : "sin") : (exact ? "cw_cos" : "cos"), x);
    if (exact) w_need_helper(c, i == 1 ? "cw_sin" : "cw_cos");
    w_store(c, &s, &d, val);
    w_pre(c, "%s", s.data ? s.data : "");
    sb_free(&s);
  }
  (void)sb;
}

/* Fences emit nothing: atomics are coherent within a dispatch, and plain
 * accesses are ordered by the barriers around them. */
static bool fence(KExpr *e) {
  return e->builtin == KB_THREADFENCE || e->builtin == KB_THREADFENCE_BLOCK ||
         e->builtin == KB_THREADFENCE_SYSTEM;
}

/* min, max and abs of 64-bit integers (WGSL's would work lane by lane). */
static bool minmax64(WCtx *c, StrBuf *sb, KExpr *e) {
  if (!w_is_64(e->type) || (e->builtin != KB_MIN && e->builtin != KB_MAX && e->builtin != KB_ABS)) return false;
  bool s = kt_is_signed(e->type->unqual ? e->type->unqual : e->type);
  if (e->builtin == KB_ABS) {
    w_need_helper(c, "cw_abs64");
    sb_puts(sb, "cw_abs64(");
  } else {
    const char *fn = e->builtin == KB_MIN ? (s ? "cw_min64s" : "cw_min64u") : (s ? "cw_max64s" : "cw_max64u");
    w_need_helper(c, fn);
    sb_printf(sb, "%s(", fn);
  }
  args(c, sb, e);
  sb_putc(sb, ')');
  return true;
}

/* With f64-as-f32, sin (double) is sinf: the catalogue lists each float
 * function just before its double version (src/kir/builtins.def). */
static KBuiltinId float_version(WCtx *c, KBuiltinId id) {
  if (!w_f64_lowered(c) || id == 0) return id;
  const char *d = kb_info(id)->name, *f = kb_info(id - 1)->name;
  size_t n = strlen(d);
  if (strlen(f) == n + 1 && !strncmp(f, d, n) && f[n] == 'f') return id - 1;
  return id;
}

void w_builtin(WCtx *c, StrBuf *sb, KExpr *e) {
  if (minmax64(c, sb, e)) return;
  const Map *m = find(maps, sizeof maps / sizeof *maps, float_version(c, e->builtin));
  if (m) {
    if (!strncmp(m->wgsl, "cw_", 3)) w_need_helper(c, m->wgsl);
    /* WGSL's integer builtins return their operand's type: __popc and
       __clz of an unsigned return int */
    KType *rt = w_scalar_of(c, e->type);
    bool cast = strncmp(m->wgsl, "cw_", 3) && e->nargs && w_is_int32(rt) &&
                w_scalar_of(c, e->args[0]->type)->kind != rt->kind && w_is_int32(w_scalar_of(c, e->args[0]->type));
    if (cast) sb_printf(sb, "%s(", w_type_str(c, rt));
    sb_printf(sb, "%s(", m->wgsl);
    args(c, sb, e);
    sb_putc(sb, ')');
    if (cast) sb_putc(sb, ')');
    return;
  }
  m = find(convs, sizeof convs / sizeof *convs, e->builtin);
  if (m && e->nargs == 1) {
    if (strstr(m->wgsl, "cw_round")) w_need_helper(c, "cw_round");
    if (strstr(m->wgsl, "cw_f32_bits")) w_need_helper(c, "cw_f32_bits");
    static const char *const h64[] = {"cw_f2i64", "cw_f2u64", "cw_i64f", "cw_u64f"};
    for (size_t i = 0; i < sizeof h64 / sizeof *h64; i++)
      if (strstr(m->wgsl, h64[i])) w_need_helper(c, h64[i]);
    StrBuf a;
    sb_init(&a);
    w_expr(c, &a, e->args[0]);
    sb_printf(sb, m->wgsl, a.data ? a.data : "");
    sb_free(&a);
    return;
  }
  KBuiltinId fv = float_version(c, e->builtin);
  if (fv == KB_SINCOSF || fv == KB_I_SINCOSF) { sincos(c, sb, e); return; }
  if (w_warp(c, sb, e)) return;
  if (w_half(c, sb, e)) return;
  if (w_debug(c, sb, e)) return;
  if (fence(e)) return;
  if (e->builtin == KB_LDG) { w_load_ptr(c, sb, e->args[0]); return; }
  w_error(c, e->loc, "the WGSL target does not support '%s' yet", kb_info(e->builtin)->name);
}
