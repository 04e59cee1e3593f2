/*
 * wgsl_half.c — __half and __half2 as WGSL f16 and vec2<f16>.
 *
 * A module that uses them starts with `enable f16;`, so it needs an
 * adapter with the shader-f16 feature: the JS runtime asks for it and
 * rejects the launch with that reason when the adapter lacks it.  The
 * cuda_fp16.h intrinsics are one WGSL expression each, written here as
 * templates over their operands ($1, $2, $3).  WGSL has no 16-bit
 * integers: a (unsigned) short lives in an i32/u32 (wgsl_type.c), so the
 * bit casts are pack2x16float / unpack2x16float with the half in the low
 * lane, through f32, which holds every half exactly (a NaN's payload is
 * the implementation's).  Not bitcast<u32>(vec2<f16>): naga (Firefox)
 * mistypes f16 vector bitcasts and rejects the module.  They are helper
 * functions so that Tint does not fold a constant operand (an infinity's
 * bits) into an f32 constant it must reject.  A template names each
 * operand once (the text is substituted, not evaluated into a temporary);
 * where it would need one twice it calls a helper from wgsl_helpers.c.
 */
#include "wgsl_internal.h"

#include <stdio.h>
#include <string.h>

typedef struct HalfOp {
  KBuiltinId id;
  const char *tmpl;
} HalfOp;

static const HalfOp ops[] = {
    {KB_I_FLOAT2HALF, "f16($1)"}, {KB_I_FLOAT2HALF_RN, "f16($1)"}, {KB_I_FLOAT2HALF_RZ, "f16($1)"},
    {KB_I_HALF2FLOAT, "f32($1)"}, {KB_I_INT2HALF_RN, "f16($1)"}, {KB_I_HALF2INT_RN, "i32(round($1))"},
    {KB_I_HALF2INT_RZ, "i32($1)"}, {KB_I_FLOAT2HALF2_RN, "vec2<f16>(f16($1))"},
    {KB_I_FLOATS2HALF2_RN, "vec2<f16>(f16($1), f16($2))"}, {KB_I_HALF2HALF2, "vec2<f16>($1)"},
    {KB_I_HALVES2HALF2, "vec2<f16>($1, $2)"}, {KB_I_LOW2HALF, "($1).x"}, {KB_I_HIGH2HALF, "($1).y"},
    {KB_I_LOW2FLOAT, "f32(($1).x)"}, {KB_I_HIGH2FLOAT, "f32(($1).y)"}, {KB_I_HALF22FLOAT2, "vec2<f32>($1)"},
    {KB_I_FLOAT22HALF2_RN, "vec2<f16>($1)"}, {KB_I_LOWS2HALF2, "vec2<f16>(($1).x, ($2).x)"},
    {KB_I_HIGHS2HALF2, "vec2<f16>(($1).y, ($2).y)"}, {KB_I_LOWHIGH2HIGHLOW, "($1).yx"},
    {KB_I_HALF_AS_USHORT, "cw_half_as_ushort($1)"},
    {KB_I_HALF_AS_SHORT, "((bitcast<i32>(cw_half_as_ushort($1)) << 16u) >> 16u)"},
    {KB_I_USHORT_AS_HALF, "cw_ushort_as_half(u32($1))"}, {KB_I_SHORT_AS_HALF, "cw_ushort_as_half(u32($1))"},
    {KB_I_HSUB, "($1 - $2)"}, {KB_I_HMUL, "($1 * $2)"}, {KB_I_HDIV, "($1 / $2)"}, {KB_I_HNEG, "(-$1)"},
    {KB_I_HFMA, "fma($1, $2, $3)"}, {KB_I_HABS, "abs($1)"}, {KB_I_HMAX, "max($1, $2)"}, {KB_I_HMIN, "min($1, $2)"},
    {KB_I_HADD2, "($1 + $2)"}, {KB_I_HSUB2, "($1 - $2)"}, {KB_I_HMUL2, "($1 * $2)"}, {KB_I_H2DIV, "($1 / $2)"},
    {KB_I_HNEG2, "(-$1)"}, {KB_I_HFMA2, "fma($1, $2, $3)"}, {KB_I_HABS2, "abs($1)"}, {KB_I_HMAX2, "max($1, $2)"},
    {KB_I_HMIN2, "min($1, $2)"}, {KB_I_HEQ, "($1 == $2)"}, {KB_I_HNE, "cw_hne($1, $2)"}, {KB_I_HLT, "($1 < $2)"},
    {KB_I_HLE, "($1 <= $2)"}, {KB_I_HGT, "($1 > $2)"}, {KB_I_HGE, "($1 >= $2)"}, {KB_I_HISNAN, "($1 != $1)"},
    {KB_HSQRT, "sqrt($1)"}, {KB_HRSQRT, "inverseSqrt($1)"}, {KB_HEXP, "exp($1)"}, {KB_HEXP2, "exp2($1)"},
    {KB_HLOG, "log($1)"}, {KB_HLOG2, "log2($1)"}, {KB_HSIN, "sin($1)"}, {KB_HCOS, "cos($1)"},
    {KB_HFLOOR, "floor($1)"}, {KB_HCEIL, "ceil($1)"}, {KB_HTRUNC, "trunc($1)"}, {KB_HRINT, "round($1)"},
    {KB_HRCP, "(1.0h / $1)"}, {KB_H2SQRT, "sqrt($1)"}, {KB_H2EXP, "exp($1)"}, {KB_H2LOG, "log($1)"},
    {KB_H2RCP, "(vec2<f16>(1.0h) / $1)"}, {KB_I_HADD_HALF, "($1 + $2)"},
};

bool w_half(WCtx *c, StrBuf *sb, KExpr *e) {
  const HalfOp *op = NULL;
  for (size_t i = 0; i < sizeof ops / sizeof *ops && !op; i++)
    if (ops[i].id == e->builtin) op = &ops[i];
  if (!op) return false;
  c->uses_f16 = true;
  const char *a[3] = {"", "", ""};
  for (int i = 0; i < e->nargs && i < 3; i++) {
    StrBuf s;
    sb_init(&s);
    w_expr(c, &s, e->args[i]);
    a[i] = arena_strdup(c->a, s.data ? s.data : "");
    sb_free(&s);
  }
  const char *helper = strstr(op->tmpl, "cw_");
  if (helper) {
    char name[32];
    size_t n = strcspn(helper, "(");
    snprintf(name, sizeof name, "%.*s", (int)n, helper);
    w_need_helper(c, arena_strdup(c->a, name)); /* kept by name */
  }
  for (const char *p = op->tmpl; *p; p++) {
    if (p[0] == '$' && p[1] >= '1' && p[1] <= '3') sb_puts(sb, a[*++p - '1']);
    else sb_putc(sb, *p);
  }
  return true;
}
