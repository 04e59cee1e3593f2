/*
 * wasm_builtin.c — CUDA builtins on the WebAssembly CPU path.
 *
 * What WebAssembly has as instructions (sqrt, abs, floor, ceil, trunc,
 * nearest, copysign, popcnt, clz, reinterpretations) is emitted inline;
 * the other math functions are imported from "math" under their CUDA
 * name and computed by the host (the JS runner's table, in double
 * precision and rounded to float for the f variants).  Atomics and fences
 * are in wasm_atomic.c.  Anything else is rejected with the builtin's
 * name.
 */
#include "wasm_internal.h"

#include <string.h>

typedef struct MathImport {
  KBuiltinId id;
  const char *name; /* import name, the host's table key */
  const char *sig;  /* result ':' parameters: f float, d double, i int,
                       u unsigned, l long long, m unsigned long long */
} MathImport;

static const MathImport imports[] = {
    {KB_SINF, "sinf", "f:f"}, {KB_SIN, "sin", "d:d"}, {KB_COSF, "cosf", "f:f"}, {KB_COS, "cos", "d:d"},
    {KB_TANF, "tanf", "f:f"}, {KB_TAN, "tan", "d:d"}, {KB_ASINF, "asinf", "f:f"}, {KB_ASIN, "asin", "d:d"},
    {KB_ACOSF, "acosf", "f:f"}, {KB_ACOS, "acos", "d:d"}, {KB_ATANF, "atanf", "f:f"}, {KB_ATAN, "atan", "d:d"},
    {KB_SINHF, "sinhf", "f:f"}, {KB_SINH, "sinh", "d:d"}, {KB_COSHF, "coshf", "f:f"}, {KB_COSH, "cosh", "d:d"},
    {KB_TANH, "tanh", "d:d"}, {KB_EXP, "exp", "d:d"},
    {KB_EXP2, "exp2", "d:d"}, {KB_EXP10, "exp10", "d:d"},
    {KB_EXPM1F, "expm1f", "f:f"}, {KB_EXPM1, "expm1", "d:d"}, {KB_LOG, "log", "d:d"},
    {KB_LOG2, "log2", "d:d"}, {KB_LOG10, "log10", "d:d"},
    {KB_LOG1PF, "log1pf", "f:f"}, {KB_LOG1P, "log1p", "d:d"}, {KB_CBRTF, "cbrtf", "f:f"}, {KB_CBRT, "cbrt", "d:d"},
    {KB_ERFF, "erff", "f:f"}, {KB_ERF, "erf", "d:d"},
    {KB_POWF, "powf", "f:ff"}, {KB_POW, "pow", "d:dd"}, {KB_FMODF, "fmodf", "f:ff"}, {KB_FMOD, "fmod", "d:dd"},
    {KB_ATAN2F, "atan2f", "f:ff"}, {KB_ATAN2, "atan2", "d:dd"}, {KB_HYPOTF, "hypotf", "f:ff"}, {KB_HYPOT, "hypot", "d:dd"},
    
    
    {KB_I_SINF, "sinf", "f:f"}, {KB_I_COSF, "cosf", "f:f"},
    {KB_I_TANF, "tanf", "f:f"}, {KB_I_POWF, "powf", "f:ff"}, 
    
    {KB_NORMCDFF, "normcdff", "f:f"}, {KB_NORMCDF, "normcdf", "d:d"},
    /* __half ones: in float, rounded back to half by the result's conversion */
    {KB_HEXP, "expf", "f:f"}, {KB_HEXP2, "exp2f", "f:f"}, {KB_HLOG, "logf", "f:f"},
    {KB_HLOG2, "log2f", "f:f"}, {KB_HSIN, "sinf", "f:f"}, {KB_HCOS, "cosf", "f:f"},
    {KB_ERFCF, "erfcf", "f:f"}, {KB_ERFC, "erfc", "d:d"},
    {KB_ASINHF, "asinhf", "f:f"}, {KB_ASINH, "asinh", "d:d"}, {KB_ACOSHF, "acoshf", "f:f"},
    {KB_ACOSH, "acosh", "d:d"}, {KB_ATANHF, "atanhf", "f:f"}, {KB_ATANH, "atanh", "d:d"},
    {KB_RCBRTF, "rcbrtf", "f:f"}, {KB_RCBRT, "rcbrt", "d:d"}, {KB_ERFINVF, "erfinvf", "f:f"},
    {KB_ERFINV, "erfinv", "d:d"}, {KB_ERFCINVF, "erfcinvf", "f:f"}, {KB_ERFCINV, "erfcinv", "d:d"},
    {KB_NORMCDFINVF, "normcdfinvf", "f:f"}, {KB_NORMCDFINV, "normcdfinv", "d:d"},
    {KB_TGAMMAF, "tgammaf", "f:f"}, {KB_TGAMMA, "tgamma", "d:d"}, {KB_LGAMMAF, "lgammaf", "f:f"},
    {KB_LGAMMA, "lgamma", "d:d"}, {KB_SINPIF, "sinpif", "f:f"}, {KB_SINPI, "sinpi", "d:d"},
    {KB_COSPIF, "cospif", "f:f"}, {KB_COSPI, "cospi", "d:d"}, {KB_LOGBF, "logbf", "f:f"},
    {KB_LOGB, "logb", "d:d"}, {KB_FDIMF, "fdimf", "f:ff"}, {KB_FDIM, "fdim", "d:dd"},
    {KB_REMAINDERF, "remainderf", "f:ff"}, {KB_REMAINDER, "remainder", "d:dd"},
    {KB_NEXTAFTERF, "nextafterf", "f:ff"}, {KB_NEXTAFTER, "nextafter", "d:dd"},
    {KB_LDEXPF, "ldexpf", "f:fi"}, {KB_LDEXP, "ldexp", "d:di"}, {KB_SCALBNF, "ldexpf", "f:fi"},
    {KB_SCALBN, "ldexp", "d:di"}, {KB_ILOGBF, "ilogbf", "i:f"}, {KB_ILOGB, "ilogb", "i:d"},
    /* integer intrinsics WebAssembly has no instruction for */
    {KB_I_BREV, "brev", "u:u"}, {KB_I_BREVLL, "brevll", "m:m"},
    {KB_I_BYTE_PERM, "byte_perm", "u:uuu"},
    {KB_I_FUNNELSHIFT_L, "funnelshift_l", "u:uuu"}, {KB_I_FUNNELSHIFT_LC, "funnelshift_lc", "u:uuu"},
    {KB_I_FUNNELSHIFT_R, "funnelshift_r", "u:uuu"}, {KB_I_FUNNELSHIFT_RC, "funnelshift_rc", "u:uuu"},
    {KB_I_SAD, "sad", "u:iiu"}, {KB_I_USAD, "usad", "u:uuu"},
    {KB_I_HADD, "hadd", "i:ii"}, {KB_I_RHADD, "rhadd", "i:ii"},
    {KB_I_UHADD, "uhadd", "u:uu"}, {KB_I_URHADD, "urhadd", "u:uu"},
    {KB_I_MUL64HI, "mul64hi", "l:ll"}, {KB_I_UMUL64HI, "umul64hi", "m:mm"},
    /* directed rounding: exact in the host (wasm_host.js), which rounds
     * the exact result in the mode (WebAssembly only rounds to nearest) */
    {KB_I_FADD_RZ, "fadd_rz", "f:ff"}, {KB_I_FSUB_RZ, "fsub_rz", "f:ff"}, {KB_I_FDIV_RZ, "fdiv_rz", "f:ff"},
    {KB_I_FRCP_RZ, "frcp_rz", "f:f"}, {KB_I_FSQRT_RZ, "fsqrt_rz", "f:f"},
    {KB_I_FADD_RU, "fadd_ru", "f:ff"}, {KB_I_FSUB_RU, "fsub_ru", "f:ff"}, {KB_I_FMUL_RU, "fmul_ru", "f:ff"},
    {KB_I_FDIV_RU, "fdiv_ru", "f:ff"}, {KB_I_FRCP_RU, "frcp_ru", "f:f"}, {KB_I_FSQRT_RU, "fsqrt_ru", "f:f"},
    {KB_I_FADD_RD, "fadd_rd", "f:ff"}, {KB_I_FSUB_RD, "fsub_rd", "f:ff"}, {KB_I_FMUL_RD, "fmul_rd", "f:ff"},
    {KB_I_FDIV_RD, "fdiv_rd", "f:ff"}, {KB_I_FRCP_RD, "frcp_rd", "f:f"}, {KB_I_FSQRT_RD, "fsqrt_rd", "f:f"},
    {KB_I_DADD_RZ, "dadd_rz", "d:dd"}, {KB_I_DSUB_RZ, "dsub_rz", "d:dd"}, {KB_I_DMUL_RZ, "dmul_rz", "d:dd"},
    {KB_I_DDIV_RZ, "ddiv_rz", "d:dd"}, {KB_I_DRCP_RZ, "drcp_rz", "d:d"}, {KB_I_DSQRT_RZ, "dsqrt_rz", "d:d"},
    {KB_I_DADD_RU, "dadd_ru", "d:dd"}, {KB_I_DSUB_RU, "dsub_ru", "d:dd"}, {KB_I_DMUL_RU, "dmul_ru", "d:dd"},
    {KB_I_DDIV_RU, "ddiv_ru", "d:dd"}, {KB_I_DRCP_RU, "drcp_ru", "d:d"}, {KB_I_DSQRT_RU, "dsqrt_ru", "d:d"},
    {KB_I_DADD_RD, "dadd_rd", "d:dd"}, {KB_I_DSUB_RD, "dsub_rd", "d:dd"}, {KB_I_DMUL_RD, "dmul_rd", "d:dd"},
    {KB_I_DDIV_RD, "ddiv_rd", "d:dd"}, {KB_I_DRCP_RD, "drcp_rd", "d:d"}, {KB_I_DSQRT_RD, "dsqrt_rd", "d:d"},
    {KB_I_FMAF_RZ, "fmaf_rz", "f:fff"},
};

/* the type a signature letter stands for */
static KType *sig_type(WEmit *w, char c) {
  switch (c) {
  case 'f': return w->m->t_f32;
  case 'd': return w->m->t_f64;
  case 'u': return w->m->t_u32;
  case 'l': return w->m->t_i64;
  case 'm': return w->m->t_u64;
  default: return w->m->t_i32;
  }
}

const char *wasm_math_import(KBuiltinId id, const char **sig) {
  for (size_t i = 0; i < sizeof imports / sizeof *imports; i++)
    if (imports[i].id == id) {
      *sig = imports[i].sig;
      return imports[i].name;
    }
  return NULL;
}

/* the import index of a name (several builtins share one import) */
static int import_index(WEmit *w, KBuiltinId id) {
  const char *sig, *name = wasm_math_import(id, &sig);
  for (int i = 0; name && i < w->imports.len; i++)
    if (!strcmp(w->imports.items[i], name)) return i;
  return -1;
}

static void args_as(WEmit *w, const KExpr *e, const KType *t, int n) {
  for (int i = 0; i < n && i < e->nargs; i++) {
    wx_value(w, e->args[i]);
    wx_convert(w, e->args[i]->type, t, e->args[i]->loc);
  }
}

static bool f64(const KExpr *e) { return e->type->kind == KT_F64; }

/* one instruction on the builtin's operands converted to its result type */
static void inline_op(WEmit *w, const KExpr *e, unsigned opc, int n) {
  args_as(w, e, e->type, n);
  op(w, opc);
}

static void minmax(WEmit *w, const KExpr *e, bool is_min) {
  const KType *t = e->type;
  uint32_t a = we_local(w, wt_of(t)), b = we_local(w, wt_of(t));
  args_as(w, e, t, 2);
  op_u(w, OP_LOCAL_SET, b);
  op_u(w, OP_LOCAL_TEE, a);
  op_u(w, OP_LOCAL_GET, b);
  op_u(w, OP_LOCAL_GET, a);
  op_u(w, OP_LOCAL_GET, b);
  KExpr cmp = {.kind = KE_BINARY, .type = w->m->t_bool};
  (void)cmp;
  bool u = !kt_is_signed(t), l = wt_of(t) == WT_I64;
  unsigned lt = l ? (u ? OP_I64_LT_U : OP_I64_LT_S) : (u ? OP_I32_LT_U : OP_I32_LT_S);
  unsigned gt = l ? (u ? OP_I64_GT_U : OP_I64_GT_S) : (u ? OP_I32_GT_U : OP_I32_GT_S);
  op(w, is_min ? lt : gt);
  op(w, OP_SELECT);
}

static void abs_int(WEmit *w, const KExpr *e) {
  const KType *t = e->type;
  bool l = wt_of(t) == WT_I64;
  uint32_t a = we_local(w, wt_of(t));
  args_as(w, e, t, 1);
  op_u(w, OP_LOCAL_SET, a);
  wx_const(w, t, 0); /* select(0 - a, a, a < 0) */
  op_u(w, OP_LOCAL_GET, a);
  op(w, l ? OP_I64_SUB : OP_I32_SUB);
  op_u(w, OP_LOCAL_GET, a);
  op_u(w, OP_LOCAL_GET, a);
  wx_const(w, t, 0);
  op(w, l ? OP_I64_LT_S : OP_I32_LT_S);
  op(w, OP_SELECT);
}

/* reinterpretation between a float and an integer of the same width */
static void bits(WEmit *w, const KExpr *e, unsigned opc) {
  wx_value(w, e->args[0]);
  op(w, opc);
}

static void float_class(WEmit *w, const KExpr *e) {
  const KExpr *x = e->args[0];
  bool d = x->type->kind == KT_F64;
  uint32_t a = we_local(w, d ? WT_F64 : WT_F32);
  wx_value(w, x);
  op_u(w, OP_LOCAL_TEE, a);
  switch (e->builtin) {
  case KB_ISNAN: op_u(w, OP_LOCAL_GET, a); op(w, d ? OP_F64_NE : OP_F32_NE); return;
  case KB_ISINF:
  case KB_ISFINITE:
    op(w, d ? OP_F64_ABS : OP_F32_ABS);
    if (d) { op(w, OP_F64_CONST); wb_f64(&w->fn->code, __builtin_inf()); }
    else { op(w, OP_F32_CONST); wb_f32(&w->fn->code, __builtin_inff()); }
    op(w, e->builtin == KB_ISINF ? (d ? OP_F64_EQ : OP_F32_EQ) : (d ? OP_F64_LT : OP_F32_LT));
    return;
  default: /* signbit */
    if (d) { op(w, OP_I64_REINTERPRET_F64); op(w, OP_I64_CONST); wb_s64(&w->fn->code, 63); op(w, OP_I64_SHR_U); op(w, OP_I32_WRAP_I64); }
    else { op(w, OP_I32_REINTERPRET_F32); op_i32(w, 31); op(w, OP_I32_SHR_U); }
    wx_convert(w, w->m->t_i32, e->type, e->loc);
    return;
  }
}

/* float to integer after rounding with f32_op (nearest, ceil, floor) or
 * its f64 twin */
static void rounded(WEmit *w, const KExpr *e, unsigned f32_op) {
  const KType *from = e->args[0]->type;
  wx_value(w, e->args[0]);
  op(w, from->kind == KT_F64 ? f32_op + (OP_F64_CEIL - OP_F32_CEIL) : f32_op);
  wx_convert(w, from, e->type, e->loc);
}

static void f64_const(WEmit *w, double v);

/* select: of the two values on the stack, the first where local x (f64)
 * is zero (either sign), else the second */
static void select_where_zero(WEmit *w, uint32_t x) {
  op_u(w, OP_LOCAL_GET, x);
  f64_const(w, 0.0);
  op(w, OP_F64_EQ);
  op(w, OP_SELECT);
}

/* sinf or cosf of local x (f32) on the stack: below 2^16 in magnitude in
 * the module, in double (x - k pi/2 by Cody and Waite's two-part pi/2, k
 * below 2^16 so that k times the first part is exact; the series of sin
 * and cos to r^17 on |r| <= pi/4; the quadrant picks which and its sign)
 * and rounded once; larger, NaN or infinite x through the host's import
 * imp, whose reduction is exact for any argument */
static void float_sin_cos(WEmit *w, uint32_t x, bool cos, int imp) {
  uint32_t d = we_local(w, WT_F64), k = we_local(w, WT_F64), r = we_local(w, WT_F64),
           z = we_local(w, WT_F64), sn = we_local(w, WT_F64), cs = we_local(w, WT_F64),
           q = we_local(w, WT_I32);
  op_u(w, OP_LOCAL_GET, x);
  op(w, OP_F64_PROMOTE_F32);
  op_u(w, OP_LOCAL_TEE, d);
  op(w, OP_F64_ABS);
  f64_const(w, 65536.0);
  op(w, OP_F64_LT);
  op_open(w, OP_IF, WT_F32);
  op_u(w, OP_LOCAL_GET, d);
  f64_const(w, 0.6366197723675814); /* 2 / pi */
  op(w, OP_F64_MUL);
  op(w, OP_F64_NEAREST);
  op_u(w, OP_LOCAL_TEE, k);
  op(w, OP_I32_TRUNC_F64_S);
  op_i32(w, 3);
  op(w, OP_I32_AND);
  op_u(w, OP_LOCAL_SET, q);
  op_u(w, OP_LOCAL_GET, d);         /* r = (d - k p1) - k p1t */
  op_u(w, OP_LOCAL_GET, k);
  f64_const(w, 1.57079632673412561417e+00);
  op(w, OP_F64_MUL);
  op(w, OP_F64_SUB);
  op_u(w, OP_LOCAL_GET, k);
  f64_const(w, 6.07710050650619224932e-11);
  op(w, OP_F64_MUL);
  op(w, OP_F64_SUB);
  op_u(w, OP_LOCAL_TEE, r);
  op_u(w, OP_LOCAL_GET, r);
  op(w, OP_F64_MUL);
  op_u(w, OP_LOCAL_SET, z);
  for (int c = 0; c < 2; c++) {     /* sin r = r (1 - z/3! + …), cos r = 1 - z/2! + … */
    double term = 1.0;
    int first = c ? 2 : 3, last = c ? 16 : 17;
    double coef[9];
    int nc = 0;
    for (int n = first; n <= last; n += 2, nc++) {
      term /= (double)(n - 1) * n;
      coef[nc] = nc % 2 == 0 ? -term : term;
    }
    f64_const(w, coef[nc - 1]);
    for (int i = nc - 2; i >= 0; i--) {
      op_u(w, OP_LOCAL_GET, z);
      op(w, OP_F64_MUL);
      f64_const(w, coef[i]);
      op(w, OP_F64_ADD);
    }
    op_u(w, OP_LOCAL_GET, z);
    op(w, OP_F64_MUL);
    f64_const(w, 1.0);
    op(w, OP_F64_ADD);
    if (!c) {
      op_u(w, OP_LOCAL_GET, r);
      op(w, OP_F64_MUL);
    }
    op_u(w, OP_LOCAL_SET, c ? cs : sn);
  }
  /* sin: quadrants 0..3 give sin, cos, -sin, -cos; cos: cos, -sin, -cos, sin */
  op_u(w, OP_LOCAL_GET, cos ? sn : cs);   /* odd quadrant: the other function */
  op_u(w, OP_LOCAL_GET, cos ? cs : sn);
  op_u(w, OP_LOCAL_GET, q);
  op_i32(w, 1);
  op(w, OP_I32_AND);
  op(w, OP_SELECT);
  op_u(w, OP_LOCAL_TEE, r);
  op(w, OP_F64_NEG);
  op_u(w, OP_LOCAL_GET, r);
  op_u(w, OP_LOCAL_GET, q);             /* negative: sin in quadrants 2, 3; cos in 1, 2 */
  if (cos) {
    op_i32(w, 1);
    op(w, OP_I32_ADD);
  }
  op_i32(w, 2);
  op(w, OP_I32_AND);
  op(w, OP_SELECT);
  if (!cos) {                           /* sin(-0) is -0: the reduction made it +0 */
    op_u(w, OP_LOCAL_SET, r);
    op_u(w, OP_LOCAL_GET, d);
    op_u(w, OP_LOCAL_GET, r);
    select_where_zero(w, d);
  }
  op(w, OP_F32_DEMOTE_F64);
  op(w, OP_ELSE);
  op_u(w, OP_LOCAL_GET, x);
  op_u(w, OP_CALL, (uint64_t)imp);
  op_end(w);
}

/* sincos(x, &s, &c): both as sin and cos are (float_sin_cos; double: the host's) */
static void sincos(WEmit *w, const KExpr *e) {
  bool d = e->builtin == KB_SINCOS;
  KBuiltinId s_id = d ? KB_SIN : KB_SINF, c_id = d ? KB_COS : KB_COSF;
  int si = import_index(w, s_id), ci = import_index(w, c_id);
  if (si < 0 || ci < 0) return we_error(w, e->loc, "sincos here");
  const KType *t = d ? w->m->t_f64 : w->m->t_f32;
  uint32_t x = we_local(w, d ? WT_F64 : WT_F32);
  args_as(w, e, t, 1);
  op_u(w, OP_LOCAL_SET, x);
  for (int k = 0; k < 2; k++) {
    wx_value(w, e->args[1 + k]);
    if (d) {
      op_u(w, OP_LOCAL_GET, x);
      op_u(w, OP_CALL, (uint64_t)(k ? ci : si));
    } else {
      float_sin_cos(w, x, k, k ? ci : si);
    }
    wx_store(w, t);
  }
}

/* frexp(x, &e) and modf(x, &ip): the host's "frexp_exp" and "frexp" (or
 * "modf" for the fraction, and trunc for the integral part) on x in
 * double, exact for float arguments too; the pointer gets its part */
static void frexp_modf(WEmit *w, const KExpr *e) {
  bool is_modf = e->builtin == KB_MODFF || e->builtin == KB_MODF;
  int part = we_import(w, is_modf ? "modf" : "frexp"), out = is_modf ? -1 : we_import(w, "frexp_exp");
  if (part < 0 || (!is_modf && out < 0)) return we_error(w, e->loc, "frexp or modf here");
  const KType *d = w->m->t_f64, *elem = e->args[1]->type->elem;
  uint32_t x = we_local(w, WT_F64);
  args_as(w, e, d, 1);
  op_u(w, OP_LOCAL_SET, x);
  wx_value(w, e->args[1]);
  op_u(w, OP_LOCAL_GET, x);
  if (is_modf) {
    op(w, OP_F64_TRUNC);
    wx_convert(w, d, elem, e->loc);
  } else {
    op_u(w, OP_CALL, (uint64_t)out);
  }
  wx_store(w, elem);
  op_u(w, OP_LOCAL_GET, x);
  op_u(w, OP_CALL, (uint64_t)part);
  wx_convert(w, d, e->type, e->loc);
}

/* printf(fmt, ...): the arguments as 8-byte slots in the frame (integers
 * widened to 64 bits by their signedness, float promoted to double,
 * pointers and strings as addresses), then env.printf(fmt, slots, n),
 * which formats them as C does and prints */
static void device_printf(WEmit *w, const KExpr *e) {
  int imp = we_import(w, "env.printf");
  if (imp < 0 || e->nargs < 1) return we_error(w, e->loc, "printf here");
  int n = e->nargs - 1, off = we_frame_slot(w, 8 * (n ? n : 1), 8);
  for (int i = 0; i < n; i++) {
    const KExpr *a = e->args[1 + i];
    const KType *t = a->type;
    op_u(w, OP_LOCAL_GET, w->fn->fp);
    op_i32(w, off + 8 * i);
    op(w, OP_I32_ADD);
    wx_value(w, a);
    if (kt_is_float(t)) {
      wx_convert(w, t, w->m->t_f64, a->loc);
      wb_mem(&w->fn->code, OP_F64_STORE, 0);
    } else if (kt_is_int(t) || t->kind == KT_PTR || t->kind == KT_ARRAY) {
      if (wt_of(t) == WT_I32) op(w, t->kind == KT_PTR || t->kind == KT_ARRAY || !kt_is_signed(t) ? OP_I64_EXTEND_I32_U : OP_I64_EXTEND_I32_S);
      wb_mem(&w->fn->code, OP_I64_STORE, 0);
    } else {
      return we_error(w, a->loc, "a printf argument of this type");
    }
  }
  wx_value(w, e->args[0]);
  op_u(w, OP_LOCAL_GET, w->fn->fp);
  op_i32(w, off);
  op(w, OP_I32_ADD);
  op_i32(w, n);
  op_u(w, OP_CALL, (uint64_t)imp);
}

/* __cuwasm_assert(cond, expr, file, line, func): a failed one tells the
 * host (with block and thread) and traps, which fails the launch */
static void device_assert(WEmit *w, const KExpr *e) {
  int imp = we_import(w, "env.assert");
  if (imp < 0 || e->nargs < 5) return we_error(w, e->loc, "assert here");
  wx_cond(w, e->args[0]);
  op(w, OP_I32_EQZ);
  op_open(w, OP_IF, WT_VOID);
  for (int i = 1; i < 5; i++) {
    wx_value(w, e->args[i]);
    wx_convert(w, e->args[i]->type, w->m->t_i32, e->loc);
  }
  static const int g[6] = {WG_TX, WG_TY, WG_TZ, WG_BX, WG_BY, WG_BZ};
  for (int i = 0; i < 6; i++) global_get(w, g[i]);
  op_u(w, OP_CALL, (uint64_t)imp);
  op(w, OP_UNREACHABLE);
  op_end(w);
}

/* __fmul_rz: the product in double (exact for floats), rounded to float,
 * then one step toward zero when rounding went away from it (a sum in
 * double may itself be rounded: __fadd_rz is an import) */
static void float_rz(WEmit *w, const KExpr *e, unsigned f64_op) {
  uint32_t d = we_local(w, WT_F64), r = we_local(w, WT_F32);
  args_as(w, e, w->m->t_f64, 2);
  op(w, f64_op);
  op_u(w, OP_LOCAL_TEE, d);
  op(w, OP_F32_DEMOTE_F64);
  op_u(w, OP_LOCAL_TEE, r);
  op(w, OP_I32_REINTERPRET_F32);
  op_i32(w, 1);
  op(w, OP_I32_SUB);
  op(w, OP_F32_REINTERPRET_I32);     /* the next float toward zero */
  op_u(w, OP_LOCAL_GET, r);
  op_u(w, OP_LOCAL_GET, r);
  op(w, OP_F64_PROMOTE_F32);
  op(w, OP_F64_ABS);
  op_u(w, OP_LOCAL_GET, d);
  op(w, OP_F64_ABS);
  op(w, OP_F64_GT);                  /* |rounded| > |exact| */
  op(w, OP_SELECT);
}

/* An operation that rounds other than to nearest: its direction (1 up,
 * -1 down, 0 toward zero), whether it is a float one (narrow) and its
 * operation ('+', '-', '*', '/', 'r' reciprocal, 's' square root); 0 for
 * any other builtin.  (__fmul_rz has its own: float_rz.) */
static int directed_op(KBuiltinId id, int *dir, bool *narrow) {
  static const struct { KBuiltinId id; int dir, op; bool narrow; } ops[] = {
      {KB_I_DADD_RU, 1, '+', 0}, {KB_I_DADD_RD, -1, '+', 0}, {KB_I_DADD_RZ, 0, '+', 0},
      {KB_I_DSUB_RU, 1, '-', 0}, {KB_I_DSUB_RD, -1, '-', 0}, {KB_I_DSUB_RZ, 0, '-', 0},
      {KB_I_DMUL_RU, 1, '*', 0}, {KB_I_DMUL_RD, -1, '*', 0}, {KB_I_DMUL_RZ, 0, '*', 0},
      {KB_I_DDIV_RU, 1, '/', 0}, {KB_I_DDIV_RD, -1, '/', 0}, {KB_I_DDIV_RZ, 0, '/', 0},
      {KB_I_DRCP_RU, 1, 'r', 0}, {KB_I_DRCP_RD, -1, 'r', 0}, {KB_I_DRCP_RZ, 0, 'r', 0},
      {KB_I_DSQRT_RU, 1, 's', 0}, {KB_I_DSQRT_RD, -1, 's', 0}, {KB_I_DSQRT_RZ, 0, 's', 0},
      {KB_I_FADD_RU, 1, '+', 1}, {KB_I_FADD_RD, -1, '+', 1}, {KB_I_FADD_RZ, 0, '+', 1},
      {KB_I_FSUB_RU, 1, '-', 1}, {KB_I_FSUB_RD, -1, '-', 1}, {KB_I_FSUB_RZ, 0, '-', 1},
      {KB_I_FMUL_RU, 1, '*', 1}, {KB_I_FMUL_RD, -1, '*', 1},
      {KB_I_FDIV_RU, 1, '/', 1}, {KB_I_FDIV_RD, -1, '/', 1}, {KB_I_FDIV_RZ, 0, '/', 1},
      {KB_I_FRCP_RU, 1, 'r', 1}, {KB_I_FRCP_RD, -1, 'r', 1}, {KB_I_FRCP_RZ, 0, 'r', 1},
      {KB_I_FSQRT_RU, 1, 's', 1}, {KB_I_FSQRT_RD, -1, 's', 1}, {KB_I_FSQRT_RZ, 0, 's', 1}};
  for (size_t i = 0; i < sizeof ops / sizeof *ops; i++)
    if (ops[i].id == id) {
      *dir = ops[i].dir;
      *narrow = ops[i].narrow;
      return ops[i].op;
    }
  return 0;
}

/* local x, local y, then the instruction on them */
static void binop(WEmit *w, uint32_t x, uint32_t y, unsigned opc) {
  op_u(w, OP_LOCAL_GET, x);
  op_u(w, OP_LOCAL_GET, y);
  op(w, opc);
}

/* Knuth's TwoSum: the exact error (x + y) - s of s, the nearest sum of
 * locals x and y, on the stack, in f32 (narrow) or f64 (bb: a local of
 * that type): (x - (s - bb)) + (y - bb), bb = s - x.  NaN where s is not
 * finite. */
static void two_sum_err(WEmit *w, uint32_t x, uint32_t y, uint32_t s, uint32_t bb, bool narrow) {
  unsigned sub = narrow ? OP_F32_SUB : OP_F64_SUB;
  binop(w, s, x, sub);
  op_u(w, OP_LOCAL_SET, bb);
  op_u(w, OP_LOCAL_GET, x);
  binop(w, s, bb, sub);
  op(w, sub);
  binop(w, y, bb, sub);
  op(w, narrow ? OP_F32_ADD : OP_F64_ADD);
}

/* The nearest result in local r (f64, or f32 when narrow, then compared
 * through its exact double rc), the exact error (exact - r) in local err
 * (f64): r's bit pattern, one step toward the mode's side where err lies
 * there (zero: a local holding +0). */
static void directed_step_of(WEmit *w, int dir, uint32_t r, bool narrow, uint32_t rc, uint32_t err,
                             uint32_t zero) {
  op_u(w, OP_LOCAL_GET, r);
  op(w, narrow ? OP_I32_REINTERPRET_F32 : OP_I64_REINTERPRET_F64);
  op_u(w, OP_LOCAL_GET, err);
  op_u(w, OP_LOCAL_GET, zero);
  op(w, dir < 0 ? OP_F64_LT : OP_F64_GT);             /* up: err > 0; down: err < 0 */
  if (dir == 0) {                                     /* toward zero: err against r's sign */
    binop(w, rc, zero, OP_F64_LT);
    op(w, OP_I32_AND);
    binop(w, err, zero, OP_F64_LT);
    binop(w, rc, zero, OP_F64_GT);
    op(w, OP_I32_AND);
    op(w, OP_I32_OR);
    op_i32(w, -1);                                    /* a smaller magnitude */
  } else {                                            /* up: +1 on a positive pattern, -1 on a negative */
    binop(w, rc, zero, OP_F64_GT);
    op_i32(w, 2 * dir);
    op(w, OP_I32_MUL);
    op_i32(w, dir);
    op(w, OP_I32_SUB);
  }
  op(w, OP_I32_MUL);
  if (narrow) {
    op(w, OP_I32_ADD);
    op(w, OP_F32_REINTERPRET_I32);
  } else {
    op(w, OP_I64_EXTEND_I32_S);
    op(w, OP_I64_ADD);
    op(w, OP_F64_REINTERPRET_I64);
  }
}

/* The end of an in-module directed operation, inside its open `if`: the
 * step (directed_step_of), else the host's import on the operands
 * args[0..nargs) */
static void step_else_import_of(WEmit *w, int dir, uint32_t r, bool narrow, uint32_t rc, uint32_t err,
                                uint32_t zero, const uint32_t *args, int nargs, int imp) {
  directed_step_of(w, dir, r, narrow, rc, err, zero);
  op(w, OP_ELSE);
  for (int i = 0; i < nargs; i++) op_u(w, OP_LOCAL_GET, args[i]);
  op_u(w, OP_CALL, (uint64_t)imp);
  op_end(w);
}

/* the same for a double r and two operands */
static void step_else_import(WEmit *w, int dir, uint32_t r, uint32_t err, uint32_t zero,
                             uint32_t a, uint32_t b, int imp) {
  step_else_import_of(w, dir, r, false, r, err, zero, (uint32_t[]){a, b}, 2, imp);
}

static void f64_const(WEmit *w, double v) {
  op(w, OP_F64_CONST);
  wb_f64(&w->fn->code, v);
}

/* |local x| < bound, on the stack */
static void abs_below(WEmit *w, uint32_t x, double bound) {
  op_u(w, OP_LOCAL_GET, x);
  op(w, OP_F64_ABS);
  f64_const(w, bound);
  op(w, OP_F64_LT);
}

/* bound < |local x|, on the stack */
static void abs_above(WEmit *w, uint32_t x, double bound) {
  f64_const(w, bound);
  op_u(w, OP_LOCAL_GET, x);
  op(w, OP_F64_ABS);
  op(w, OP_F64_LT);
}

/* Veltkamp's split of local x into hi + lo (26 and 27 bits) */
static void split(WEmit *w, uint32_t x, uint32_t hi, uint32_t lo) {
  uint32_t c = we_local(w, WT_F64);
  f64_const(w, 134217729.0); /* 2^27 + 1 */
  op_u(w, OP_LOCAL_GET, x);
  op(w, OP_F64_MUL);
  op_u(w, OP_LOCAL_TEE, c);
  binop(w, c, x, OP_F64_SUB);
  op(w, OP_F64_SUB);
  op_u(w, OP_LOCAL_SET, hi);
  binop(w, x, hi, OP_F64_SUB);
  op_u(w, OP_LOCAL_SET, lo);
}

/* Dekker's TwoProduct: the exact error x y - p of p, the nearest product
 * of locals x and y, on the stack, where neither the splits nor the error
 * can overflow or underflow (the caller's condition):
 * ((xh yh - p) + xh yl + xl yh) + xl yl */
static void two_product_err(WEmit *w, uint32_t x, uint32_t y, uint32_t p) {
  uint32_t xh = we_local(w, WT_F64), xl = we_local(w, WT_F64), yh = we_local(w, WT_F64),
           yl = we_local(w, WT_F64);
  split(w, x, xh, xl);
  split(w, y, yh, yl);
  binop(w, xh, yh, OP_F64_MUL);
  op_u(w, OP_LOCAL_GET, p);
  op(w, OP_F64_SUB);
  binop(w, xh, yl, OP_F64_MUL);
  op(w, OP_F64_ADD);
  binop(w, xl, yh, OP_F64_MUL);
  op(w, OP_F64_ADD);
  binop(w, xl, yl, OP_F64_MUL);
  op(w, OP_F64_ADD);
}

/* Whether TwoProduct of locals x and y (p their nearest product) is exact,
 * on the stack: neither the splits nor the error overflow or underflow
 * (|x|, |y|, |p| below 2^995, |p| above 2^-960) */
static void dekker_ok(WEmit *w, uint32_t x, uint32_t y, uint32_t p) {
  abs_below(w, x, 0x1p995);
  abs_below(w, y, 0x1p995);
  op(w, OP_I32_AND);
  abs_below(w, p, 0x1p995);
  op(w, OP_I32_AND);
  abs_above(w, p, 0x1p-960);
  op(w, OP_I32_AND);
}

/* __dmul_r[udz] in the module: Dekker's TwoProduct gives the exact error
 * of the nearest product where neither the split nor the error can
 * overflow or underflow (|a|, |b|, |p| below 2^995, |p| above 2^-960); the
 * host's import elsewhere */
static void double_mul_directed(WEmit *w, const KExpr *e, int dir, int imp) {
  uint32_t a = we_local(w, WT_F64), b = we_local(w, WT_F64), p = we_local(w, WT_F64),
           err = we_local(w, WT_F64), zero = we_local(w, WT_F64);
  args_as(w, e, w->m->t_f64, 2);
  op_u(w, OP_LOCAL_SET, b);
  op_u(w, OP_LOCAL_TEE, a);
  op_u(w, OP_LOCAL_GET, b);
  op(w, OP_F64_MUL);
  op_u(w, OP_LOCAL_SET, p);
  dekker_ok(w, a, b, p);
  op_open(w, OP_IF, WT_F64);
  two_product_err(w, a, b, p);
  op_u(w, OP_LOCAL_SET, err);
  f64_const(w, 0.0);
  op_u(w, OP_LOCAL_SET, zero);
  step_else_import(w, dir, p, err, zero, a, b, imp);
}

/* __dadd_r[udz] and __dsub_r[udz] in the module: the nearest sum s, the
 * exact error of it by TwoSum, and one step of s's bit pattern where that
 * error lies on the side the mode rounds to.  Zero and non-finite sums,
 * with their sign and overflow rules, go to the host's import (imp).  The
 * import alone made cuda-samples' interval spend half its time crossing
 * from WebAssembly into JavaScript and back. */
static void double_add_directed(WEmit *w, const KExpr *e, int dir, bool sub, int imp) {
  uint32_t a = we_local(w, WT_F64), b = we_local(w, WT_F64), nb = we_local(w, WT_F64),
           sum = we_local(w, WT_F64), zero = we_local(w, WT_F64), bb = we_local(w, WT_F64),
           err = we_local(w, WT_F64);
  args_as(w, e, w->m->t_f64, 2);
  op_u(w, OP_LOCAL_SET, b);
  op_u(w, OP_LOCAL_SET, a);
  op_u(w, OP_LOCAL_GET, b);
  if (sub) op(w, OP_F64_NEG);
  op_u(w, OP_LOCAL_SET, nb);
  binop(w, a, nb, OP_F64_ADD);
  op_u(w, OP_LOCAL_TEE, sum);
  op_u(w, OP_LOCAL_GET, sum);
  op(w, OP_F64_SUB);
  op_u(w, OP_LOCAL_TEE, zero);      /* +0 for a finite sum, else NaN */
  op_u(w, OP_LOCAL_GET, zero);
  op(w, OP_F64_EQ);
  binop(w, sum, zero, OP_F64_NE);
  op(w, OP_I32_AND);                /* finite and not zero */
  op_open(w, OP_IF, WT_F64);
  two_sum_err(w, a, nb, sum, bb, false);
  op_u(w, OP_LOCAL_SET, err);
  step_else_import(w, dir, sum, err, zero, a, b, imp);
}

/* The error of a quotient from its residual a - q b in local err (f64):
 * negated where the divisor b (f32 when narrow) is negative (zero: a
 * local holding +0) */
static void quotient_error(WEmit *w, uint32_t err, uint32_t b, bool narrow, uint32_t zero) {
  op_u(w, OP_LOCAL_GET, err);
  op(w, OP_F64_NEG);
  op_u(w, OP_LOCAL_GET, err);
  op_u(w, OP_LOCAL_GET, b);
  if (narrow) op(w, OP_F64_PROMOTE_F32);
  op_u(w, OP_LOCAL_GET, zero);
  op(w, OP_F64_LT);
  op(w, OP_SELECT);
  op_u(w, OP_LOCAL_SET, err);
}

/* __ddiv_r[udz], __drcp_r[udz] and __dsqrt_r[udz] in the module: the
 * nearest quotient q = a / b (root q = sqrt a), and the sign of the exact
 * residual a - q y (y = b, or q for the root), which is the error's (times
 * b's sign): (a - P) - E with P = q y rounded, a - P exact (P lies within
 * a factor 2 of a) and E = q y - P by TwoProduct, one rounding that keeps
 * the sign.  Where the splits or E could overflow or underflow (|q|, |y|,
 * |P| from 2^995, |P| to 2^-960) and for zero, infinite and NaN results,
 * the host's import. */
static void double_quot_directed(WEmit *w, const KExpr *e, int dir, int kind, int imp) {
  uint32_t a = we_local(w, WT_F64), b = we_local(w, WT_F64), q = we_local(w, WT_F64),
           p = we_local(w, WT_F64), err = we_local(w, WT_F64), zero = we_local(w, WT_F64);
  args_as(w, e, w->m->t_f64, kind == '/' ? 2 : 1);
  if (kind == '/') op_u(w, OP_LOCAL_SET, b);
  op_u(w, OP_LOCAL_SET, kind == 'r' ? b : a);
  if (kind == 'r') {
    f64_const(w, 1.0);
    op_u(w, OP_LOCAL_SET, a);
  }
  if (kind == 's') {
    op_u(w, OP_LOCAL_GET, a);
    op(w, OP_F64_SQRT);
  } else {
    binop(w, a, b, OP_F64_DIV);
  }
  op_u(w, OP_LOCAL_SET, q);
  uint32_t y = kind == 's' ? q : b;
  binop(w, q, y, OP_F64_MUL);
  op_u(w, OP_LOCAL_SET, p);
  dekker_ok(w, q, y, p);
  op_open(w, OP_IF, WT_F64);
  binop(w, a, p, OP_F64_SUB);
  two_product_err(w, q, y, p);
  op(w, OP_F64_SUB);
  op_u(w, OP_LOCAL_SET, err);
  f64_const(w, 0.0);
  op_u(w, OP_LOCAL_SET, zero);
  if (kind != 's') quotient_error(w, err, b, false, zero);
  const uint32_t ops[2] = {kind == 'r' ? b : a, b};
  step_else_import_of(w, dir, q, false, q, err, zero, ops, kind == '/' ? 2 : 1, imp);
}

/* fmin/fmax (and CUDA's float min/max): WebAssembly's min/max where
 * neither operand is NaN (-0 below +0, as JavaScript's Math.min), else
 * the other operand, as C's: b if a is NaN, a if b is */
static void float_min_max(WEmit *w, const KExpr *e, bool max) {
  bool d = f64(e);
  unsigned type = d ? WT_F64 : WT_F32, ne = d ? OP_F64_NE : OP_F32_NE;
  uint32_t a = we_local(w, type), b = we_local(w, type);
  args_as(w, e, e->type, 2);
  op_u(w, OP_LOCAL_SET, b);
  op_u(w, OP_LOCAL_SET, a);
  op_u(w, OP_LOCAL_GET, b);          /* a is NaN: b */
  op_u(w, OP_LOCAL_GET, a);          /* b is NaN: a */
  binop(w, a, b, d ? (max ? OP_F64_MAX : OP_F64_MIN) : (max ? OP_F32_MAX : OP_F32_MIN));
  binop(w, b, b, ne);
  op(w, OP_SELECT);
  binop(w, a, a, ne);
  op(w, OP_SELECT);
}

/* ---- float exponentials and logarithms, fma and round, in the module --------
 * (a call into JavaScript costs tens of nanoseconds: expf + logf took 63 ns
 * an element through the host's Math).  Computed in double and rounded
 * to float once, as the host's Math did, so the results are the same but
 * where a double result lies within 2^-40 of a float rounding boundary. */

/* e^y for local y (f64), |y| clamped to 200 (beyond any float's range),
 * on the stack: 2^k e^r, k = nearest(y / ln 2), |r| <= ln 2 / 2, e^r by
 * its Taylor series to r^11 (relative error below 1e-13) */
static void exp_of(WEmit *w, uint32_t y) {
  uint32_t k = we_local(w, WT_F64), r = we_local(w, WT_F64);
  op_u(w, OP_LOCAL_GET, y);
  f64_const(w, -200.0);
  op(w, OP_F64_MAX);
  f64_const(w, 200.0);
  op(w, OP_F64_MIN);
  op_u(w, OP_LOCAL_TEE, y);
  f64_const(w, 1.4426950408889634); /* 1 / ln 2 */
  op(w, OP_F64_MUL);
  op(w, OP_F64_NEAREST);
  op_u(w, OP_LOCAL_TEE, k);
  f64_const(w, -0.6931471805599453);
  op(w, OP_F64_MUL);
  op_u(w, OP_LOCAL_GET, y);
  op(w, OP_F64_ADD);
  op_u(w, OP_LOCAL_SET, r);
  f64_const(w, 1.0 / 39916800.0); /* Horner from 1/11! */
  for (int n = 10; n >= 1; n--) {
    op_u(w, OP_LOCAL_GET, r);
    op(w, OP_F64_MUL);
    double inv = 1.0;
    for (int i = 2; i <= n; i++) inv /= i;
    f64_const(w, inv);
    op(w, OP_F64_ADD);
  }
  op_u(w, OP_LOCAL_GET, r);
  op(w, OP_F64_MUL);
  f64_const(w, 1.0);
  op(w, OP_F64_ADD);
  op_u(w, OP_LOCAL_GET, k);       /* 2^k from its exponent bits (k NaN: 0) */
  op_fc(w, 6);                    /* i64.trunc_sat_f64_s */
  op(w, OP_I64_CONST);
  wb_s64(&w->fn->code, 1023);
  op(w, OP_I64_ADD);
  op(w, OP_I64_CONST);
  wb_s64(&w->fn->code, 52);
  op(w, OP_I64_SHL);
  op(w, OP_F64_REINTERPRET_I64);
  op(w, OP_F64_MUL);
}

/* (v - 1) / (v + 1) of local v (f64), on the stack */
static void ratio_about_one(WEmit *w, uint32_t v) {
  op_u(w, OP_LOCAL_GET, v);
  f64_const(w, 1.0);
  op(w, OP_F64_SUB);
  op_u(w, OP_LOCAL_GET, v);
  f64_const(w, 1.0);
  op(w, OP_F64_ADD);
  op(w, OP_F64_DIV);
}

/* For local x (f64, positive, normal): its binary exponent into local ex
 * (f64) and the natural log of its mantissa, taken in [sqrt 1/2, sqrt 2),
 * on the stack: 2 atanh(s), s = (m - 1) / (m + 1), to s^15 */
static void log_parts(WEmit *w, uint32_t x, uint32_t ex) {
  uint32_t m = we_local(w, WT_F64), s = we_local(w, WT_F64), z = we_local(w, WT_F64),
           big = we_local(w, WT_I32);
  op_u(w, OP_LOCAL_GET, x);
  op(w, OP_I64_REINTERPRET_F64);
  op(w, OP_I64_CONST);
  wb_s64(&w->fn->code, 0x000fffffffffffffLL);
  op(w, OP_I64_AND);
  op(w, OP_I64_CONST);
  wb_s64(&w->fn->code, 0x3ff0000000000000LL);
  op(w, OP_I64_OR);
  op(w, OP_F64_REINTERPRET_I64);
  op_u(w, OP_LOCAL_TEE, m);
  f64_const(w, 1.4142135623730951);
  op(w, OP_F64_GT);
  op_u(w, OP_LOCAL_SET, big);
  op_u(w, OP_LOCAL_GET, m);         /* m / 2 past sqrt 2, the exponent one more */
  f64_const(w, 0.5);
  op(w, OP_F64_MUL);
  op_u(w, OP_LOCAL_GET, m);
  op_u(w, OP_LOCAL_GET, big);
  op(w, OP_SELECT);
  op_u(w, OP_LOCAL_SET, m);
  op_u(w, OP_LOCAL_GET, x);
  op(w, OP_I64_REINTERPRET_F64);
  op(w, OP_I64_CONST);
  wb_s64(&w->fn->code, 52);
  op(w, OP_I64_SHR_S);
  op(w, OP_I32_WRAP_I64);
  op_i32(w, 1023);
  op(w, OP_I32_SUB);
  op_u(w, OP_LOCAL_GET, big);
  op(w, OP_I32_ADD);
  op(w, OP_F64_CONVERT_I32_S);
  op_u(w, OP_LOCAL_SET, ex);
  ratio_about_one(w, m);
  op_u(w, OP_LOCAL_TEE, s);
  op_u(w, OP_LOCAL_GET, s);
  op(w, OP_F64_MUL);
  op_u(w, OP_LOCAL_SET, z);
  f64_const(w, 1.0 / 15);           /* Horner in z */
  for (int n = 13; n >= 1; n -= 2) {
    op_u(w, OP_LOCAL_GET, z);
    op(w, OP_F64_MUL);
    f64_const(w, 1.0 / n);
    op(w, OP_F64_ADD);
  }
  op_u(w, OP_LOCAL_GET, s);
  op(w, OP_F64_MUL);
  f64_const(w, 2.0);
  op(w, OP_F64_MUL);
}

/* expf, exp2f, exp10f, tanhf, logf, log2f, log10f (and __expf, __logf
 * …) of the float argument: kind 'e', '2', 'X', 't', 'l', 'L', 'T' */
static void float_exp_log(WEmit *w, const KExpr *e, int kind) {
  uint32_t x = we_local(w, WT_F64);
  args_as(w, e, w->m->t_f32, 1);
  op(w, OP_F64_PROMOTE_F32);
  op_u(w, OP_LOCAL_SET, x);
  if (kind == 'e' || kind == '2' || kind == 'X') {
    if (kind != 'e') {
      op_u(w, OP_LOCAL_GET, x);
      f64_const(w, kind == '2' ? 0.6931471805599453 : 2.302585092994046); /* ln 2, ln 10 */
      op(w, OP_F64_MUL);
      op_u(w, OP_LOCAL_SET, x);
    }
    exp_of(w, x);
    op(w, OP_F32_DEMOTE_F64);
    return;
  }
  if (kind == 't') { /* tanh: x (1 - x^2/3) below 2^-14, else (e^2|x| - 1) / (e^2|x| + 1) with x's sign */
    uint32_t a = we_local(w, WT_F64), t = we_local(w, WT_F64);
    op_u(w, OP_LOCAL_GET, x);          /* x (1 - x^2/3): keeps -0 */
    op_u(w, OP_LOCAL_GET, x);
    op(w, OP_F64_MUL);
    f64_const(w, -1.0 / 3);
    op(w, OP_F64_MUL);
    f64_const(w, 1.0);
    op(w, OP_F64_ADD);
    op_u(w, OP_LOCAL_GET, x);
    op(w, OP_F64_MUL);
    op_u(w, OP_LOCAL_GET, x);
    op(w, OP_F64_ABS);
    op_u(w, OP_LOCAL_TEE, a);
    op_u(w, OP_LOCAL_GET, a);
    op(w, OP_F64_ADD);
    op_u(w, OP_LOCAL_SET, t);
    exp_of(w, t);
    op_u(w, OP_LOCAL_SET, t);
    ratio_about_one(w, t);
    op_u(w, OP_LOCAL_GET, x);
    op(w, OP_F64_COPYSIGN);
    op_u(w, OP_LOCAL_GET, a);
    f64_const(w, 0x1p-14);
    op(w, OP_F64_LT);
    op(w, OP_SELECT);
    op(w, OP_F32_DEMOTE_F64);
    return;
  }
  uint32_t ex = we_local(w, WT_F64), lm = we_local(w, WT_F64);
  log_parts(w, x, ex);
  op_u(w, OP_LOCAL_SET, lm);
  if (kind == 'L') {                /* ex + log(m) / ln 2: exact for powers of two */
    op_u(w, OP_LOCAL_GET, lm);
    f64_const(w, 1.4426950408889634);
    op(w, OP_F64_MUL);
    op_u(w, OP_LOCAL_GET, ex);
    op(w, OP_F64_ADD);
  } else {
    op_u(w, OP_LOCAL_GET, ex);
    f64_const(w, 0.6931471805599453);
    op(w, OP_F64_MUL);
    op_u(w, OP_LOCAL_GET, lm);
    op(w, OP_F64_ADD);
    if (kind == 'T') {
      f64_const(w, 0.4342944819032518); /* 1 / ln 10 */
      op(w, OP_F64_MUL);
    }
  }
  /* x = 0: -inf; x < 0 or NaN: NaN; x = inf: inf; else the above */
  uint32_t g = we_local(w, WT_F64);
  op_u(w, OP_LOCAL_SET, g);
  op_u(w, OP_LOCAL_GET, x);
  op_u(w, OP_LOCAL_GET, g);
  op_u(w, OP_LOCAL_GET, x);
  f64_const(w, __builtin_inf());
  op(w, OP_F64_EQ);
  op(w, OP_SELECT);
  op_u(w, OP_LOCAL_SET, g);
  op_u(w, OP_LOCAL_GET, g);
  f64_const(w, __builtin_nan(""));
  op_u(w, OP_LOCAL_GET, x);
  f64_const(w, 0.0);
  op(w, OP_F64_GT);
  op(w, OP_SELECT);
  op_u(w, OP_LOCAL_SET, g);
  f64_const(w, -__builtin_inf());
  op_u(w, OP_LOCAL_GET, g);
  select_where_zero(w, x);
  op(w, OP_F32_DEMOTE_F64);
}

/* Local s (f64), the nearest sum of two doubles whose exact error is in
 * local err, rounded to odd instead, on the stack: where err is not zero
 * (and finite) and s's last bit is even, s one step toward err (err has
 * s's sign: a larger magnitude, +1 on the bit pattern; else -1).  A sum
 * rounded to odd in 53 bits, then to nearest in 24 (a float) or in 53
 * again after adding a larger term (Boldo and Melquiond's emulated FMA),
 * is the exact value rounded once. */
static void round_to_odd(WEmit *w, uint32_t s, uint32_t err) {
  uint32_t bits = we_local(w, WT_I64);
  op_u(w, OP_LOCAL_GET, s);
  op(w, OP_I64_REINTERPRET_F64);
  op_u(w, OP_LOCAL_TEE, bits);
  op_u(w, OP_LOCAL_GET, s);                 /* the step: 1 or -1 */
  f64_const(w, 0.0);
  op(w, OP_F64_LT);
  op_u(w, OP_LOCAL_GET, err);
  f64_const(w, 0.0);
  op(w, OP_F64_LT);
  op(w, OP_I32_EQ);
  op_i32(w, 2);
  op(w, OP_I32_MUL);
  op_i32(w, 1);
  op(w, OP_I32_SUB);
  op_u(w, OP_LOCAL_GET, err);               /* err finite, not zero; s even */
  f64_const(w, 0.0);
  op(w, OP_F64_NE);
  binop(w, err, err, OP_F64_SUB);
  f64_const(w, 0.0);
  op(w, OP_F64_EQ);
  op(w, OP_I32_AND);
  op_u(w, OP_LOCAL_GET, bits);
  op(w, OP_I32_WRAP_I64);
  op_i32(w, 1);
  op(w, OP_I32_AND);
  op(w, OP_I32_EQZ);
  op(w, OP_I32_AND);
  op(w, OP_I32_MUL);
  op(w, OP_I64_EXTEND_I32_S);
  op(w, OP_I64_ADD);
  op(w, OP_F64_REINTERPRET_I64);
}

/* fmaf and fma, rounded once as CUDA's are.  fmaf: the product of two
 * floats is exact in a double; their sum with c rounded to odd (TwoSum
 * gives its error), then to a float.  fma: Boldo and Melquiond's emulated
 * FMA: the product's exact error by TwoProduct (uh + ul = a b), th + tl =
 * c + uh by TwoSum, then th + (tl + ul rounded to odd), rounded to
 * nearest; where the splits, the error terms or the result could overflow
 * or underflow (|a|, |b|, |uh| from 2^995 or |uh| to 2^-960, |c| from
 * 2^1000, a result below 2^-960), and for zero, infinite and NaN operands,
 * the host's exact import. */
static void fma_inline(WEmit *w, const KExpr *e) {
  bool d = f64(e);
  uint32_t a = we_local(w, WT_F64), b = we_local(w, WT_F64), c = we_local(w, WT_F64),
           uh = we_local(w, WT_F64), th = we_local(w, WT_F64), t = we_local(w, WT_F64),
           err = we_local(w, WT_F64), bb = we_local(w, WT_F64);  /* bb: TwoSum's scratch */
  args_as(w, e, w->m->t_f64, 3);
  op_u(w, OP_LOCAL_SET, c);
  op_u(w, OP_LOCAL_SET, b);
  op_u(w, OP_LOCAL_TEE, a);
  op_u(w, OP_LOCAL_GET, b);
  op(w, OP_F64_MUL);
  op_u(w, OP_LOCAL_SET, uh);
  binop(w, uh, c, OP_F64_ADD);
  op_u(w, OP_LOCAL_SET, th);
  two_sum_err(w, uh, c, th, bb, false);
  op_u(w, OP_LOCAL_SET, err);
  if (!d) {
    round_to_odd(w, th, err);
    op(w, OP_F32_DEMOTE_F64);
    return;
  }
  uint32_t ul = we_local(w, WT_F64), terr = we_local(w, WT_F64), r = we_local(w, WT_F64);
  two_product_err(w, a, b, uh);             /* ul */
  op_u(w, OP_LOCAL_TEE, ul);
  op_u(w, OP_LOCAL_GET, err);               /* tl */
  op(w, OP_F64_ADD);
  op_u(w, OP_LOCAL_SET, t);
  two_sum_err(w, ul, err, t, bb, false);
  op_u(w, OP_LOCAL_SET, terr);
  op_u(w, OP_LOCAL_GET, th);
  round_to_odd(w, t, terr);
  op(w, OP_F64_ADD);
  op_u(w, OP_LOCAL_SET, r);
  dekker_ok(w, a, b, uh);
  abs_below(w, c, 0x1p1000);
  op(w, OP_I32_AND);
  abs_above(w, r, 0x1p-960);
  op(w, OP_I32_AND);
  op_open(w, OP_IF, WT_F64);
  op_u(w, OP_LOCAL_GET, r);
  op(w, OP_ELSE);
  op_u(w, OP_LOCAL_GET, a);
  op_u(w, OP_LOCAL_GET, b);
  op_u(w, OP_LOCAL_GET, c);
  op_u(w, OP_CALL, (uint64_t)we_import(w, "fma"));
  op_end(w);
}

/* roundf and round: halves away from zero (C's), exactly: the integer
 * part of |x|, one more where the fraction (exact) is a half or more */
static void round_inline(WEmit *w, const KExpr *e) {
  bool d = f64(e);
  uint32_t x = we_local(w, WT_F64), t = we_local(w, WT_F64);
  args_as(w, e, w->m->t_f64, 1);
  op_u(w, OP_LOCAL_TEE, x);
  op(w, OP_F64_ABS);
  op(w, OP_F64_TRUNC);
  op_u(w, OP_LOCAL_TEE, t);
  f64_const(w, 1.0);
  op(w, OP_F64_ADD);
  op_u(w, OP_LOCAL_GET, t);
  op_u(w, OP_LOCAL_GET, x);
  op(w, OP_F64_ABS);
  op_u(w, OP_LOCAL_GET, t);
  op(w, OP_F64_SUB);
  f64_const(w, 0.5);
  op(w, OP_F64_GE);
  op(w, OP_SELECT);
  op_u(w, OP_LOCAL_GET, x);
  op(w, OP_F64_COPYSIGN);
  if (!d) op(w, OP_F32_DEMOTE_F64);
}

/* promote local x (f32) to f64 on the stack */
static void promoted(WEmit *w, uint32_t x) {
  op_u(w, OP_LOCAL_GET, x);
  op(w, OP_F64_PROMOTE_F32);
}

/* The float operations in directed modes in the module: the nearest float
 * result r and the exact error, which double arithmetic gives exactly
 * (sums: TwoSum in float; products: the product in double, exact for
 * floats, less r; quotients and roots: the residual a - r y in double,
 * where r y is exact and the one rounding keeps the sign); zero, infinite
 * and NaN results go to the host's import. */
static void float_directed(WEmit *w, const KExpr *e, int dir, int kind, int imp) {
  uint32_t a = we_local(w, WT_F32), b = we_local(w, WT_F32), r = we_local(w, WT_F32),
           t = we_local(w, WT_F32), d = we_local(w, WT_F64), rc = we_local(w, WT_F64),
           err = we_local(w, WT_F64), zero = we_local(w, WT_F64);
  bool two = kind != 'r' && kind != 's';
  args_as(w, e, w->m->t_f32, two ? 2 : 1);
  if (two) op_u(w, OP_LOCAL_SET, b);
  op_u(w, OP_LOCAL_SET, kind == 'r' ? b : a);
  if (kind == 'r') {
    op(w, OP_F32_CONST);
    wb_f32(&w->fn->code, 1.0f);
    op_u(w, OP_LOCAL_SET, a);
  }
  switch (kind) {
  case '+': case '-':                    /* t: the addend */
    op_u(w, OP_LOCAL_GET, b);
    if (kind == '-') op(w, OP_F32_NEG);
    op_u(w, OP_LOCAL_TEE, t);
    op_u(w, OP_LOCAL_GET, a);
    op(w, OP_F32_ADD);
    break;
  case '*':                              /* d: the exact product */
    promoted(w, a);
    promoted(w, b);
    op(w, OP_F64_MUL);
    op_u(w, OP_LOCAL_TEE, d);
    op(w, OP_F32_DEMOTE_F64);
    break;
  case 's':
    op_u(w, OP_LOCAL_GET, a);
    op(w, OP_F32_SQRT);
    break;
  default:
    binop(w, a, b, OP_F32_DIV);
  }
  op_u(w, OP_LOCAL_TEE, r);
  op_u(w, OP_LOCAL_GET, r);
  op(w, OP_F32_SUB);                     /* +0 for a finite r, else NaN */
  op(w, OP_F32_CONST);
  wb_f32(&w->fn->code, 0.0f);
  op(w, OP_F32_EQ);
  op_u(w, OP_LOCAL_GET, r);
  op(w, OP_F32_CONST);
  wb_f32(&w->fn->code, 0.0f);
  op(w, OP_F32_NE);
  op(w, OP_I32_AND);
  op_open(w, OP_IF, WT_F32);
  f64_const(w, 0.0);
  op_u(w, OP_LOCAL_SET, zero);
  switch (kind) {
  case '+': case '-':
    two_sum_err(w, a, t, r, we_local(w, WT_F32), true);
    op(w, OP_F64_PROMOTE_F32);
    break;
  case '*':
    op_u(w, OP_LOCAL_GET, d);
    promoted(w, r);
    op(w, OP_F64_SUB);
    break;
  default:                               /* a - r y, y = b or r */
    promoted(w, a);
    promoted(w, r);
    promoted(w, kind == 's' ? r : b);
    op(w, OP_F64_MUL);
    op(w, OP_F64_SUB);
  }
  op_u(w, OP_LOCAL_SET, err);
  if (kind == '/' || kind == 'r') quotient_error(w, err, b, true, zero);
  promoted(w, r);
  op_u(w, OP_LOCAL_SET, rc);
  const uint32_t ops[2] = {kind == 'r' ? b : a, b};
  step_else_import_of(w, dir, r, true, rc, err, zero, ops, two ? 2 : 1, imp);
}

void wb_builtin(WEmit *w, const KExpr *e) {
  int imp = import_index(w, e->builtin);
  if (imp >= 0 && (e->builtin == KB_SINF || e->builtin == KB_COSF || e->builtin == KB_I_SINF ||
                   e->builtin == KB_I_COSF)) {
    uint32_t x = we_local(w, WT_F32);
    args_as(w, e, w->m->t_f32, 1);
    op_u(w, OP_LOCAL_SET, x);
    float_sin_cos(w, x, e->builtin == KB_COSF || e->builtin == KB_I_COSF, imp);
    return;
  }
  int dir;
  bool narrow;
  int directed = imp >= 0 ? directed_op(e->builtin, &dir, &narrow) : 0;
  if (directed && narrow) return float_directed(w, e, dir, directed, imp);
  if (directed == '*') return double_mul_directed(w, e, dir, imp);
  if (directed == '+' || directed == '-') return double_add_directed(w, e, dir, directed == '-', imp);
  if (directed) return double_quot_directed(w, e, dir, directed, imp);
  if (imp >= 0) {
    const char *sig;
    wasm_math_import(e->builtin, &sig);
    for (int i = 0; i < e->nargs; i++) {
      wx_value(w, e->args[i]);
      wx_convert(w, e->args[i]->type, sig_type(w, sig[2 + i]), e->loc);
    }
    op_u(w, OP_CALL, (uint64_t)imp);
    wx_convert(w, sig_type(w, sig[0]), e->type, e->loc);
    return;
  }
  if (wb_half(w, e)) return;
  switch (e->builtin) {
  case KB_PRINTF: return device_printf(w, e);
  case KB_MALLOC: /* the device heap: the host's allocator in a region of this module's memory */
    wx_value(w, e->args[0]);
    wx_convert(w, e->args[0]->type, w->m->t_u32, e->loc);
    op_u(w, OP_CALL, (uint64_t)we_import(w, "env.malloc"));
    return;
  case KB_FREE:
    wx_value(w, e->args[0]);
    op_u(w, OP_CALL, (uint64_t)we_import(w, "env.free"));
    return;
  case KB_I_FMUL_RZ: return float_rz(w, e, OP_F64_MUL);
  case KB_EXPF: case KB_I_EXPF: return float_exp_log(w, e, 'e');
  case KB_EXP2F: return float_exp_log(w, e, '2');
  case KB_EXP10F: case KB_I_EXP10F: return float_exp_log(w, e, 'X');
  case KB_TANHF: return float_exp_log(w, e, 't');
  case KB_LOGF: case KB_I_LOGF: return float_exp_log(w, e, 'l');
  case KB_LOG2F: case KB_I_LOG2F: return float_exp_log(w, e, 'L');
  case KB_LOG10F: case KB_I_LOG10F: return float_exp_log(w, e, 'T');
  case KB_FMAF: case KB_FMA: case KB_I_FMAF_RN: case KB_I_FMA_RN: return fma_inline(w, e);
  case KB_ROUNDF: case KB_ROUND: return round_inline(w, e);
  case KB_FMINF: case KB_FMIN: return float_min_max(w, e, false);
  case KB_FMAXF: case KB_FMAX: return float_min_max(w, e, true);
  case KB_ASSERT: return device_assert(w, e);
  case KB_SQRTF: case KB_SQRT: case KB_I_FSQRT_RN: case KB_I_DSQRT_RN:
    return inline_op(w, e, f64(e) ? OP_F64_SQRT : OP_F32_SQRT, 1);
  case KB_FABSF: case KB_FABS: return inline_op(w, e, f64(e) ? OP_F64_ABS : OP_F32_ABS, 1);
  case KB_NANF: case KB_NAN: { /* the quiet NaN C's nan("") gives; the tag string is not read */
    uint64_t bits = 0x7ff8000000000000ull;
    double qnan;
    memcpy(&qnan, &bits, sizeof qnan);
    if (e->builtin == KB_NAN) { op(w, OP_F64_CONST); wb_f64(&w->fn->code, qnan); }
    else { op(w, OP_F32_CONST); wb_f32(&w->fn->code, (float)qnan); }
    return;
  }
  case KB_FLOORF: case KB_FLOOR: return inline_op(w, e, f64(e) ? OP_F64_FLOOR : OP_F32_FLOOR, 1);
  case KB_CEILF: case KB_CEIL: return inline_op(w, e, f64(e) ? OP_F64_CEIL : OP_F32_CEIL, 1);
  case KB_TRUNCF: case KB_TRUNC: return inline_op(w, e, f64(e) ? OP_F64_TRUNC : OP_F32_TRUNC, 1);
  case KB_RINTF: case KB_RINT: case KB_NEARBYINTF: case KB_NEARBYINT:
    return inline_op(w, e, f64(e) ? OP_F64_NEAREST : OP_F32_NEAREST, 1);
  case KB_COPYSIGNF: case KB_COPYSIGN: return inline_op(w, e, f64(e) ? OP_F64_COPYSIGN : OP_F32_COPYSIGN, 2);
  case KB_I_FDIVIDEF: case KB_I_FDIV_RN: case KB_I_DDIV_RN:
    return inline_op(w, e, f64(e) ? OP_F64_DIV : OP_F32_DIV, 2);
  case KB_I_FADD_RN: case KB_I_DADD_RN: return inline_op(w, e, f64(e) ? OP_F64_ADD : OP_F32_ADD, 2);
  case KB_I_FSUB_RN: case KB_I_DSUB_RN: return inline_op(w, e, f64(e) ? OP_F64_SUB : OP_F32_SUB, 2);
  case KB_I_FMUL_RN: case KB_I_DMUL_RN: return inline_op(w, e, f64(e) ? OP_F64_MUL : OP_F32_MUL, 2);
  case KB_RSQRTF: case KB_RSQRT: case KB_I_FRSQRT_RN:
    if (f64(e)) { op(w, OP_F64_CONST); wb_f64(&w->fn->code, 1.0); }
    else { op(w, OP_F32_CONST); wb_f32(&w->fn->code, 1.0f); }
    inline_op(w, e, f64(e) ? OP_F64_SQRT : OP_F32_SQRT, 1);
    op(w, f64(e) ? OP_F64_DIV : OP_F32_DIV);
    return;
  case KB_I_FRCP_RN: case KB_I_DRCP_RN:
    if (f64(e)) { op(w, OP_F64_CONST); wb_f64(&w->fn->code, 1.0); }
    else { op(w, OP_F32_CONST); wb_f32(&w->fn->code, 1.0f); }
    args_as(w, e, e->type, 1);
    op(w, f64(e) ? OP_F64_DIV : OP_F32_DIV);
    return;
  case KB_I_SATURATEF: /* max(0, min(1, x)); NaN -> 0 */
    op(w, OP_F32_CONST); wb_f32(&w->fn->code, 1.0f);
    args_as(w, e, e->type, 1);
    op(w, OP_F32_MIN);
    op(w, OP_F32_CONST); wb_f32(&w->fn->code, 0.0f);
    op(w, OP_F32_MAX);
    {
      uint32_t a = we_local(w, WT_F32);
      op_u(w, OP_LOCAL_TEE, a);
      op(w, OP_F32_CONST); wb_f32(&w->fn->code, 0.0f);
      op_u(w, OP_LOCAL_GET, a);
      op_u(w, OP_LOCAL_GET, a);
      op(w, OP_F32_EQ);
      op(w, OP_SELECT);
    }
    return;
  case KB_MIN: return minmax(w, e, true);
  case KB_MAX: return minmax(w, e, false);
  case KB_ABS: return abs_int(w, e);
  case KB_ISNAN: case KB_ISINF: case KB_ISFINITE: case KB_SIGNBIT: return float_class(w, e);
  case KB_I_POPC: args_as(w, e, w->m->t_u32, 1); op(w, OP_I32_POPCNT); return;
  case KB_I_POPCLL: args_as(w, e, w->m->t_u64, 1); op(w, OP_I64_POPCNT); op(w, OP_I32_WRAP_I64); return;
  case KB_I_CLZ: args_as(w, e, w->m->t_u32, 1); op(w, OP_I32_CLZ); return;
  case KB_I_CLZLL: args_as(w, e, w->m->t_u64, 1); op(w, OP_I64_CLZ); op(w, OP_I32_WRAP_I64); return;
  case KB_I_FFS: { /* x ? ctz(x) + 1 : 0 */
    uint32_t a = we_local(w, WT_I32);
    args_as(w, e, w->m->t_u32, 1);
    op_u(w, OP_LOCAL_TEE, a);
    op(w, OP_I32_CTZ);
    op_i32(w, 1);
    op(w, OP_I32_ADD);
    op_i32(w, 0);
    op_u(w, OP_LOCAL_GET, a);
    op(w, OP_SELECT);
    return;
  }
  case KB_I_MUL24: case KB_I_UMUL24: /* the low 24 bits of each operand (sign-extended for __mul24) */
    for (int i = 0; i < 2; i++) {
      wx_value(w, e->args[i]);
      op_i32(w, 8);
      op(w, OP_I32_SHL);
      op_i32(w, 8);
      op(w, e->builtin == KB_I_MUL24 ? OP_I32_SHR_S : OP_I32_SHR_U);
    }
    op(w, OP_I32_MUL);
    return;
  case KB_I_FFSLL: { /* x ? ctz(x) + 1 : 0 */
    uint32_t a = we_local(w, WT_I64);
    args_as(w, e, w->m->t_u64, 1);
    op_u(w, OP_LOCAL_TEE, a);
    op(w, OP_I64_CTZ);
    op(w, OP_I32_WRAP_I64);
    op_i32(w, 1);
    op(w, OP_I32_ADD);
    op_i32(w, 0);
    op_u(w, OP_LOCAL_GET, a);
    op(w, OP_I64_EQZ);
    op(w, OP_I32_EQZ);
    op(w, OP_SELECT);
    return;
  }
  case KB_I_DOUBLE2HIINT: case KB_I_DOUBLE2LOINT:
    wx_value(w, e->args[0]);
    op(w, OP_I64_REINTERPRET_F64);
    if (e->builtin == KB_I_DOUBLE2HIINT) {
      op(w, OP_I64_CONST);
      wb_s64(&w->fn->code, 32);
      op(w, OP_I64_SHR_U);
    }
    op(w, OP_I32_WRAP_I64);
    return;
  case KB_I_HILOINT2DOUBLE:
    wx_value(w, e->args[0]);
    op(w, OP_I64_EXTEND_I32_U);
    op(w, OP_I64_CONST);
    wb_s64(&w->fn->code, 32);
    op(w, OP_I64_SHL);
    wx_value(w, e->args[1]);
    op(w, OP_I64_EXTEND_I32_U);
    op(w, OP_I64_OR);
    op(w, OP_F64_REINTERPRET_I64);
    return;
  case KB_SINCOSF: case KB_SINCOS: case KB_I_SINCOSF:
    sincos(w, e);
    return;
  case KB_FREXPF: case KB_FREXP: case KB_MODFF: case KB_MODF:
    frexp_modf(w, e);
    return;
  case KB_I_MULHI: case KB_I_UMULHI: {
    bool s = e->builtin == KB_I_MULHI;
    for (int i = 0; i < 2; i++) {
      wx_value(w, e->args[i]);
      op(w, s ? OP_I64_EXTEND_I32_S : OP_I64_EXTEND_I32_U);
    }
    op(w, OP_I64_MUL);
    op(w, OP_I64_CONST);
    wb_s64(&w->fn->code, 32);
    op(w, OP_I64_SHR_U);
    op(w, OP_I32_WRAP_I64);
    return;
  }
  case KB_I_FLOAT_AS_INT: case KB_I_FLOAT_AS_UINT: return bits(w, e, OP_I32_REINTERPRET_F32);
  case KB_I_INT_AS_FLOAT: case KB_I_UINT_AS_FLOAT: return bits(w, e, OP_F32_REINTERPRET_I32);
  case KB_I_DOUBLE_AS_LONGLONG: return bits(w, e, OP_I64_REINTERPRET_F64);
  case KB_I_LONGLONG_AS_DOUBLE: return bits(w, e, OP_F64_REINTERPRET_I64);
  case KB_I_FLOAT2INT_RZ: case KB_I_FLOAT2UINT_RZ: case KB_I_DOUBLE2INT_RZ: case KB_I_DOUBLE2UINT_RZ:
  case KB_I_INT2FLOAT_RN: case KB_I_UINT2FLOAT_RN: case KB_I_INT2DOUBLE_RN: case KB_I_UINT2DOUBLE_RN:
  case KB_I_DOUBLE2FLOAT_RN:
    wx_value(w, e->args[0]);
    wx_convert(w, e->args[0]->type, e->type, e->loc);
    return;
  case KB_I_FLOAT2INT_RN: case KB_I_DOUBLE2INT_RN: case KB_I_FLOAT2UINT_RN: case KB_I_DOUBLE2UINT_RN:
  case KB_I_FLOAT2LL_RN: case KB_I_FLOAT2ULL_RN: case KB_I_DOUBLE2LL_RN: case KB_I_DOUBLE2ULL_RN:
    return rounded(w, e, OP_F32_NEAREST);
  case KB_I_FLOAT2INT_RU: case KB_I_FLOAT2UINT_RU: case KB_I_DOUBLE2INT_RU: case KB_I_DOUBLE2UINT_RU:
  case KB_I_FLOAT2LL_RU: case KB_I_FLOAT2ULL_RU: case KB_I_DOUBLE2LL_RU: case KB_I_DOUBLE2ULL_RU:
    return rounded(w, e, OP_F32_CEIL);
  case KB_I_FLOAT2INT_RD: case KB_I_FLOAT2UINT_RD: case KB_I_DOUBLE2INT_RD: case KB_I_DOUBLE2UINT_RD:
  case KB_I_FLOAT2LL_RD: case KB_I_FLOAT2ULL_RD: case KB_I_DOUBLE2LL_RD: case KB_I_DOUBLE2ULL_RD:
    return rounded(w, e, OP_F32_FLOOR);
  case KB_I_FLOAT2LL_RZ: case KB_I_FLOAT2ULL_RZ: case KB_I_DOUBLE2LL_RZ: case KB_I_DOUBLE2ULL_RZ:
    wx_value(w, e->args[0]);
    wx_convert(w, e->args[0]->type, e->type, e->loc);
    return;
  case KB_ATOMIC_ADD: case KB_ATOMIC_SUB: case KB_ATOMIC_EXCH: case KB_ATOMIC_MIN: case KB_ATOMIC_MAX:
  case KB_ATOMIC_INC: case KB_ATOMIC_DEC: case KB_ATOMIC_CAS: case KB_ATOMIC_AND: case KB_ATOMIC_OR:
  case KB_ATOMIC_XOR:
    return wb_atomic_builtin(w, e);
  case KB_LANEMASK_LT: case KB_LANEMASK_LE: case KB_LANEMASK_GT: case KB_LANEMASK_GE: case KB_LANEMASK_EQ: {
    /* lt = (1 << lane) - 1, le = (2 << lane) - 1 (all ones at lane 31), gt = ~le, ge = ~lt */
    KBuiltinId id = e->builtin;
    op_i32(w, id == KB_LANEMASK_LE || id == KB_LANEMASK_GT ? 2 : 1);
    global_get(w, WG_T);
    op_i32(w, 31);
    op(w, OP_I32_AND);
    op(w, OP_I32_SHL);
    if (id == KB_LANEMASK_EQ) return;
    op_i32(w, 1);
    op(w, OP_I32_SUB);
    if (id == KB_LANEMASK_GT || id == KB_LANEMASK_GE) {
      op_i32(w, -1);
      op(w, OP_I32_XOR);
    }
    return;
  }
  case KB_TRAP: case KB_BRKPT: /* the launch fails: the host reports the trap */
    op(w, OP_UNREACHABLE);
    return;
  case KB_THREADFENCE: case KB_THREADFENCE_BLOCK: case KB_THREADFENCE_SYSTEM:
    wb_fence(w); /* blocks on other workers see this thread's writes in order */
    return;
  case KB_LDG:
    wx_value(w, e->args[0]);
    wx_load(w, e->type);
    return;
  default:
    if (wl_device_runtime(w, e)) return; /* wasm_launch.c */
    break;
  }
  const KBuiltinInfo *info = kb_info(e->builtin);
  we_error(w, e->loc, "the builtin '%s'", info ? info->name : "?");
}
