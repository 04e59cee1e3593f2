/*
 * glsl_builtin.c — CUDA builtin calls as GLSL.
 *
 * Most builtins are one template ("$0", "$1", "$2" the arguments
 * converted to their parameter types, "$T" the GLSL result type): math
 * maps to GLSL's built-in functions, integer intrinsics to bitCount/
 * findMSB/findLSB and 64-bit arithmetic, bit casts to floatBitsToInt &
 * co; where 64-bit integers are pairs or halves are floats, glsl_int64.c
 * and glsl_half.c give a template's form for them.  GLSL has no
 * double-precision transcendentals, so sin(double) and friends are
 * rejected rather than computed in float.  Atomics go to the
 * helpers of glsl_mem.c; warp functions to GL_KHR_shader_subgroup_*
 * (the runtime refuses them where subgroups are not 32 wide);
 * __syncthreads_count/and/or count in a shared word between barriers.
 * printf, assert and clocks are rejected with the construct named.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glsl_internal.h"

typedef struct Tmpl {
  KBuiltinId id;
  const char *text;
  bool f64_ok; /* valid when the operands are double */
} Tmpl;

static const Tmpl tmpls[] = {
    {KB_SINF, "cw_sincos($0).x", 0}, {KB_COSF, "cw_sincos($0).y", 0}, {KB_TANF, "cw_tan($0)", 0},
    {KB_ASINF, "asin($0)", 0}, {KB_ACOSF, "acos($0)", 0}, {KB_ATANF, "atan($0)", 0},
    {KB_SINHF, "sinh($0)", 0}, {KB_COSHF, "cosh($0)", 0}, {KB_TANHF, "tanh($0)", 0},
    {KB_ASINHF, "asinh($0)", 0}, {KB_ACOSHF, "acosh($0)", 0}, {KB_ATANHF, "atanh($0)", 0},
    {KB_EXPF, "exp($0)", 0}, {KB_EXP2F, "exp2($0)", 0}, {KB_EXP10F, "pow(10.0, $0)", 0},
    {KB_EXPM1F, "(exp($0) - 1.0)", 0}, {KB_LOGF, "log($0)", 0}, {KB_LOG2F, "log2($0)", 0},
    {KB_LOG10F, "(log($0) * 0.4342944819)", 0}, {KB_LOG1PF, "log(1.0 + $0)", 0},
    {KB_SQRTF, "sqrt($0)", 1}, {KB_SQRT, "sqrt($0)", 1}, {KB_RSQRTF, "inversesqrt($0)", 1},
    {KB_RSQRT, "inversesqrt($0)", 1}, {KB_CBRTF, "(sign($0) * pow(abs($0), 1.0 / 3.0))", 0},
    {KB_CEILF, "ceil($0)", 1}, {KB_CEIL, "ceil($0)", 1}, {KB_FLOORF, "floor($0)", 1},
    {KB_FLOOR, "floor($0)", 1}, {KB_TRUNCF, "trunc($0)", 1}, {KB_TRUNC, "trunc($0)", 1},
    {KB_ROUNDF, "(sign($0) * floor(abs($0) + $T(0.5)))", 1},
    {KB_ROUND, "(sign($0) * floor(abs($0) + $T(0.5)))", 1}, {KB_RINTF, "roundEven($0)", 1},
    {KB_RINT, "roundEven($0)", 1}, {KB_NEARBYINTF, "roundEven($0)", 1},
    {KB_NEARBYINT, "roundEven($0)", 1}, {KB_FABSF, "abs($0)", 1}, {KB_FABS, "abs($0)", 1},
    {KB_POWF, "pow($0, $1)", 0}, {KB_FMODF, "($0 - $1 * trunc($0 / $1))", 1},
    {KB_FMOD, "($0 - $1 * trunc($0 / $1))", 1}, {KB_FMINF, "min($0, $1)", 1},
    {KB_FMIN, "min($0, $1)", 1}, {KB_FMAXF, "max($0, $1)", 1}, {KB_FMAX, "max($0, $1)", 1},
    {KB_ATAN2F, "atan($0, $1)", 0}, {KB_HYPOTF, "sqrt($0 * $0 + $1 * $1)", 0},
    {KB_COPYSIGNF, "((floatBitsToUint($1) >> 31) != 0u ? -abs($0) : abs($0))", 0},
    {KB_COPYSIGN, "((doubleBitsToUint64($1) >> 63) != 0ul ? -abs($0) : abs($0))", 1},
    {KB_FDIMF, "max($0 - $1, $T(0))", 1}, {KB_FDIM, "max($0 - $1, $T(0))", 1},
    {KB_FMAF, "fma($0, $1, $2)", 1}, {KB_FMA, "fma($0, $1, $2)", 1},
    {KB_ISNAN, "isnan($0)", 1}, {KB_ISINF, "isinf($0)", 1},
    {KB_ISFINITE, "!(isnan($0) || isinf($0))", 1}, {KB_MIN, "min($0, $1)", 1},
    {KB_MAX, "max($0, $1)", 1},
    {KB_I_EXPF, "exp($0)", 0}, {KB_I_EXP10F, "pow(10.0, $0)", 0}, {KB_I_LOGF, "log($0)", 0},
    {KB_I_LOG2F, "log2($0)", 0}, {KB_I_LOG10F, "(log($0) * 0.4342944819)", 0},
    {KB_I_SINF, "sin($0)", 0}, {KB_I_COSF, "cos($0)", 0}, {KB_I_TANF, "tan($0)", 0},
    {KB_I_POWF, "pow($0, $1)", 0}, {KB_I_FDIVIDEF, "($0 / $1)", 0},
    {KB_I_SATURATEF, "clamp($0, 0.0, 1.0)", 0}, {KB_I_FADD_RN, "($0 + $1)", 0},
    {KB_I_FADD_RZ, "($0 + $1)", 0}, {KB_I_FSUB_RN, "($0 - $1)", 0},
    {KB_I_FMUL_RN, "($0 * $1)", 0}, {KB_I_FMUL_RZ, "($0 * $1)", 0},
    {KB_I_FDIV_RN, "($0 / $1)", 0}, {KB_I_FMAF_RN, "fma($0, $1, $2)", 0},
    {KB_I_FMAF_RZ, "fma($0, $1, $2)", 0}, {KB_I_FRCP_RN, "(1.0 / $0)", 0},
    {KB_I_FSQRT_RN, "sqrt($0)", 0}, {KB_I_FRSQRT_RN, "inversesqrt($0)", 0},
    {KB_I_DADD_RN, "($0 + $1)", 1}, {KB_I_DSUB_RN, "($0 - $1)", 1},
    {KB_I_DMUL_RN, "($0 * $1)", 1}, {KB_I_DDIV_RN, "($0 / $1)", 1},
    {KB_I_FMA_RN, "fma($0, $1, $2)", 1}, {KB_I_DRCP_RN, "(1.0lf / $0)", 1},
    {KB_I_DSQRT_RN, "sqrt($0)", 1},
    {KB_I_POPC, "bitCount($0)", 1},
    {KB_I_POPCLL, "(bitCount(uint($0)) + bitCount(uint($0 >> 32)))", 1},
    {KB_I_CLZ, "(31 - findMSB(uint($0)))", 1},
    {KB_I_CLZLL, "(uint($0 >> 32) != 0u ? 31 - findMSB(uint($0 >> 32)) : 63 - findMSB(uint($0)))", 1},
    {KB_I_FFS, "(findLSB(uint($0)) + 1)", 1},
    {KB_I_FFSLL, "(uint($0) != 0u ? findLSB(uint($0)) + 1 : (uint($0 >> 32) != 0u ? findLSB(uint($0 >> 32)) + 33 : 0))", 1},
    {KB_I_BREV, "bitfieldReverse($0)", 1},
    {KB_I_BREVLL, "((uint64_t(bitfieldReverse(uint($0))) << 32) | uint64_t(bitfieldReverse(uint($0 >> 32))))", 1},
    {KB_I_UMUL64HI, "cw_umul64hi($0, $1)", 1}, {KB_I_MUL64HI, "cw_mul64hi($0, $1)", 1},
    {KB_I_BYTE_PERM, "cw_byte_perm($0, $1, $2)", 1},
    {KB_ERFF, "cw_erf($0)", 0}, {KB_ERFCF, "cw_erfc($0)", 0}, {KB_I_MUL24, "($0 * $1)", 1},
    {KB_I_UMUL24, "($0 * $1)", 1}, {KB_I_MULHI, "int((int64_t($0) * int64_t($1)) >> 32)", 1},
    {KB_I_UMULHI, "uint((uint64_t($0) * uint64_t($1)) >> 32)", 1},
    {KB_I_FUNNELSHIFT_L, "uint((packUint2x32(uvec2($0, $1)) << ($2 & 31u)) >> 32)", 1},
    {KB_I_FUNNELSHIFT_LC, "uint((packUint2x32(uvec2($0, $1)) << min($2, 32u)) >> 32)", 1},
    {KB_I_FUNNELSHIFT_R, "uint(packUint2x32(uvec2($0, $1)) >> ($2 & 31u))", 1},
    {KB_I_FUNNELSHIFT_RC, "uint(packUint2x32(uvec2($0, $1)) >> min($2, 32u))", 1},
    {KB_I_SAD, "(uint(abs($0 - $1)) + $2)", 1},
    {KB_I_USAD, "((($0 > $1) ? $0 - $1 : $1 - $0) + $2)", 1},
    {KB_I_RHADD, "int((int64_t($0) + int64_t($1) + 1l) >> 1)", 1},
    {KB_I_HADD, "int((int64_t($0) + int64_t($1)) >> 1)", 1},
    {KB_I_UHADD, "uint((uint64_t($0) + uint64_t($1)) >> 1)", 1},
    {KB_I_URHADD, "uint((uint64_t($0) + uint64_t($1) + 1ul) >> 1)", 1},
    {KB_I_FLOAT_AS_INT, "floatBitsToInt($0)", 1}, {KB_I_INT_AS_FLOAT, "intBitsToFloat($0)", 1},
    {KB_I_FLOAT_AS_UINT, "floatBitsToUint($0)", 1}, {KB_I_UINT_AS_FLOAT, "uintBitsToFloat($0)", 1},
    {KB_I_DOUBLE_AS_LONGLONG, "doubleBitsToInt64($0)", 1},
    {KB_I_LONGLONG_AS_DOUBLE, "int64BitsToDouble($0)", 1},
    {KB_I_DOUBLE2HIINT, "int(doubleBitsToUint64($0) >> 32)", 1},
    {KB_I_DOUBLE2LOINT, "int(uint(doubleBitsToUint64($0)))", 1},
    {KB_I_HILOINT2DOUBLE, "uint64BitsToDouble((uint64_t(uint($0)) << 32) | uint64_t(uint($1)))", 1},
    {KB_I_FLOAT2HALF, "float16_t($0)", 1}, {KB_I_FLOAT2HALF_RN, "float16_t($0)", 1},
    {KB_I_HALF2FLOAT, "float($0)", 1}, {KB_I_DOUBLE2HALF, "float16_t(float($0))", 1},
    {KB_I_INT2HALF_RN, "float16_t($0)", 1}, {KB_I_HALF2INT_RN, "int(roundEven(float($0)))", 1},
    {KB_I_HALF2INT_RZ, "int($0)", 1}, {KB_I_FLOAT2HALF2_RN, "f16vec2(float16_t($0))", 1},
    {KB_I_FLOATS2HALF2_RN, "f16vec2(float16_t($0), float16_t($1))", 1},
    {KB_I_HALF2HALF2, "f16vec2($0)", 1}, {KB_I_HALVES2HALF2, "f16vec2($0, $1)", 1},
    {KB_I_LOW2HALF, "$0.x", 1}, {KB_I_HIGH2HALF, "$0.y", 1}, {KB_I_LOW2FLOAT, "float($0.x)", 1},
    {KB_I_HIGH2FLOAT, "float($0.y)", 1}, {KB_I_HALF22FLOAT2, "vec2($0)", 1},
    {KB_I_FLOAT22HALF2_RN, "f16vec2($0)", 1}, {KB_I_LOWS2HALF2, "f16vec2($0.x, $1.x)", 1},
    {KB_I_HIGHS2HALF2, "f16vec2($0.y, $1.y)", 1}, {KB_I_LOWHIGH2HIGHLOW, "$0.yx", 1},
    {KB_I_HALF_AS_SHORT, "float16BitsToInt16($0)", 1},
    {KB_I_HALF_AS_USHORT, "float16BitsToUint16($0)", 1},
    {KB_I_SHORT_AS_HALF, "int16BitsToFloat16($0)", 1},
    {KB_I_USHORT_AS_HALF, "uint16BitsToFloat16($0)", 1}, {KB_I_HSUB, "($0 - $1)", 1},
    {KB_I_HMUL, "($0 * $1)", 1}, {KB_I_HDIV, "($0 / $1)", 1}, {KB_I_HNEG, "(-$0)", 1},
    {KB_I_HFMA, "fma($0, $1, $2)", 1}, {KB_I_HABS, "abs($0)", 1}, {KB_I_HMAX, "cw_hmax($0, $1)", 1},
    {KB_I_HMIN, "cw_hmin($0, $1)", 1}, {KB_I_HADD2, "($0 + $1)", 1}, {KB_I_HSUB2, "($0 - $1)", 1},
    {KB_I_HMUL2, "($0 * $1)", 1}, {KB_I_H2DIV, "($0 / $1)", 1}, {KB_I_HNEG2, "(-$0)", 1},
    {KB_I_HFMA2, "fma($0, $1, $2)", 1}, {KB_I_HABS2, "abs($0)", 1},
    {KB_I_HMAX2, "cw_hmax($0, $1)", 1}, {KB_I_HMIN2, "cw_hmin($0, $1)", 1},
    {KB_I_HEQ, "($0 == $1)", 1}, {KB_I_HNE, "cw_hne($0, $1)", 1}, {KB_I_HLT, "($0 < $1)", 1},
    {KB_I_HLE, "($0 <= $1)", 1}, {KB_I_HGT, "($0 > $1)", 1}, {KB_I_HGE, "($0 >= $1)", 1},
    {KB_I_HISNAN, "isnan($0)", 1}, {KB_I_HISINF, "cw_hisinf($0)", 1}, {KB_HSQRT, "sqrt($0)", 1},
    {KB_HRSQRT, "inversesqrt($0)", 1}, {KB_HEXP, "float16_t(exp(float($0)))", 1},
    {KB_HEXP2, "float16_t(exp2(float($0)))", 1}, {KB_HLOG, "float16_t(log(float($0)))", 1},
    {KB_HLOG2, "float16_t(log2(float($0)))", 1}, {KB_HSIN, "float16_t(sin(float($0)))", 1},
    {KB_HCOS, "float16_t(cos(float($0)))", 1}, {KB_HFLOOR, "floor($0)", 1},
    {KB_HCEIL, "ceil($0)", 1}, {KB_HTRUNC, "trunc($0)", 1}, {KB_HRINT, "roundEven($0)", 1},
    {KB_HRCP, "(float16_t(1) / $0)", 1}, {KB_I_HADD_HALF, "($0 + $1)", 1},
    {KB_LDG, "$L", 1},
    {KB_SHFL_SYNC, "subgroupShuffle($1, (gl_SubgroupInvocationID & ~(uint($3) - 1u)) | (uint($2) & (uint($3) - 1u)))", 1},
    {KB_SHFL_UP_SYNC, "subgroupShuffle($1, (gl_SubgroupInvocationID & (uint($3) - 1u)) >= uint($2) ? gl_SubgroupInvocationID - uint($2) : gl_SubgroupInvocationID)", 1},
    {KB_SHFL_DOWN_SYNC, "subgroupShuffle($1, (gl_SubgroupInvocationID & (uint($3) - 1u)) + uint($2) < uint($3) ? gl_SubgroupInvocationID + uint($2) : gl_SubgroupInvocationID)", 1},
    {KB_SHFL_XOR_SYNC, "subgroupShuffle($1, gl_SubgroupInvocationID ^ uint($2))", 1},
    {KB_BALLOT_SYNC, "subgroupBallot($1 != 0).x", 1},
    {KB_ALL_SYNC, "subgroupAll($1 != 0)", 1}, {KB_ANY_SYNC, "subgroupAny($1 != 0)", 1},
    {KB_UNI_SYNC, "subgroupAllEqual($1 != 0)", 1}, {KB_ACTIVEMASK, "subgroupBallot(true).x", 1},
    {KB_REDUCE_ADD_SYNC, "subgroupAdd($1)", 1}, {KB_REDUCE_MIN_SYNC, "subgroupMin($1)", 1},
    {KB_REDUCE_MAX_SYNC, "subgroupMax($1)", 1}, {KB_REDUCE_AND_SYNC, "subgroupAnd($1)", 1},
    {KB_REDUCE_OR_SYNC, "subgroupOr($1)", 1}, {KB_REDUCE_XOR_SYNC, "subgroupXor($1)", 1},
    {KB_LANEMASK_LT, "gl_SubgroupLtMask.x", 1}, {KB_LANEMASK_LE, "gl_SubgroupLeMask.x", 1},
    {KB_LANEMASK_GT, "gl_SubgroupGtMask.x", 1}, {KB_LANEMASK_GE, "gl_SubgroupGeMask.x", 1},
    {KB_LANEMASK_EQ, "gl_SubgroupEqMask.x", 1},
    {KB_THREADFENCE, "memoryBarrier()", 1}, {KB_THREADFENCE_BLOCK, "groupMemoryBarrier()", 1},
    {KB_THREADFENCE_SYSTEM, "memoryBarrier()", 1},
};

/* GLSL functions some templates call, written on first use */
static const struct {
  KBuiltinId id;
  const char *name, *def;
} helper_defs[] = {
    {KB_I_UMUL64HI, "cw_umul64hi",
     "uint64_t cw_umul64hi(uint64_t a, uint64_t b) {\n"
     "  uint64_t al = a & 0xfffffffful, ah = a >> 32, bl = b & 0xfffffffful, bh = b >> 32;\n"
     "  uint64_t ll = al * bl, lh = al * bh, hl = ah * bl, hh = ah * bh;\n"
     "  uint64_t mid = (ll >> 32) + (lh & 0xfffffffful) + (hl & 0xfffffffful);\n"
     "  return hh + (lh >> 32) + (hl >> 32) + (mid >> 32);\n}\n"},
    {KB_I_MUL64HI, "cw_mul64hi",
     "int64_t cw_mul64hi(int64_t a, int64_t b) {\n"
     "  uint64_t h = cw_umul64hi(uint64_t(a), uint64_t(b));\n"
     "  if (a < 0l) h -= uint64_t(b);\n  if (b < 0l) h -= uint64_t(a);\n"
     "  return int64_t(h);\n}\n"},
    /* erfc by the Chebyshev fit of Numerical Recipes (relative error below
     * 1.2e-7); erf by its Taylor series near 0, where 1 - erfc would cancel */
    {KB_ERFCF, "cw_erfc",
     "float cw_erfc(float x) {\n"
     "  float z = abs(x), t = 1.0 / (1.0 + 0.5 * z);\n"
     "  float p = -0.82215223 + t * 0.17087277;\n"
     "  p = -1.13520398 + t * (1.48851587 + t * p);\n"
     "  p = -0.18628806 + t * (0.27886807 + t * p);\n"
     "  p = 0.37409196 + t * (0.09678418 + t * p);\n"
     "  float r = t * exp(-z * z - 1.26551223 + t * (1.00002368 + t * p));\n"
     "  return x >= 0.0 ? r : 2.0 - r;\n}\n"},
    {KB_ERFF, "cw_erf",
     "float cw_erf(float x) {\n"
     "  if (abs(x) >= 0.5) return 1.0 - cw_erfc(x);\n"
     "  float q = x * x;\n"
     "  float s = 1.0 / 216.0 + q * (-1.0 / 1320.0);\n"
     "  s = -1.0 / 3.0 + q * (0.1 + q * (-1.0 / 42.0 + q * s));\n"
     "  return 1.1283791671 * x * (1.0 + q * s);\n}\n"},
    /* sinf/cosf/tanf to about an ulp, as CUDA's are (Vulkan's own sin and
     * cos may be off by 2^-11, and SwiftShader's are): x = k*pi/2 + r with
     * pi/2 in three parts (k * the first two exact while |k| < 2^12),
     * Taylor polynomials of r (|r| <= pi/4, truncation below 2e-9), the
     * quadrant k mod 4 picking and signing them */
    {KB_SINF, "cw_sincos",
     "vec2 cw_sincos(float x) {\n"
     "  float k = roundEven(x * 0.636619772);\n"
     "  float r = x - k * 1.5703125;\n"
     "  r = r - k * 4.837512969970703125e-4;\n"
     "  r = r - k * 7.54978995489188216e-8;\n"
     "  float q = r * r;\n"
     "  float s = r + r * q * (-0.166666667 + q * (8.33333333e-3 + q * (-1.98412698e-4 + q * 2.75573192e-6)));\n"
     "  float c = 1.0 - 0.5 * q + q * q * (4.16666667e-2 + q * (-1.38888889e-3 + q * (2.48015873e-5 + q * -2.75573192e-7)));\n"
     "  int n = int(k) & 3;\n"
     "  vec2 v = n == 0 ? vec2(s, c) : n == 1 ? vec2(c, -s) : n == 2 ? vec2(-s, -c) : vec2(-c, s);\n"
     "  return isinf(x) || isnan(x) ? vec2(x - x) : v;\n}\n"},
    {KB_TANF, "cw_tan", "float cw_tan(float x) { vec2 v = cw_sincos(x); return v.x / v.y; }\n"},
    /* CUDA's __hne is ordered: false when either operand is NaN */
    {KB_I_HNE, "cw_hne", "bool cw_hne(float16_t a, float16_t b) { return a < b || a > b; }\n"},
    /* CUDA's __hmax/__hmin: a NaN operand gives the other, +0 > -0 (GLSL's
     * max/min leave both to the driver); the vec2 forms lane by lane */
    {KB_I_HMAX, "cw_hmax",
     "float16_t cw_hmax(float16_t a, float16_t b) { return isnan(a) ? b : isnan(b) ? a : a == b ? "
     "((floatBitsToUint(float(a)) >> 31u) != 0u ? b : a) : max(a, b); }\n"
     "f16vec2 cw_hmax(f16vec2 a, f16vec2 b) { return f16vec2(cw_hmax(a.x, b.x), cw_hmax(a.y, b.y)); }\n"},
    {KB_I_HMIN, "cw_hmin",
     "float16_t cw_hmin(float16_t a, float16_t b) { return isnan(a) ? b : isnan(b) ? a : a == b ? "
     "((floatBitsToUint(float(a)) >> 31u) != 0u ? a : b) : min(a, b); }\n"
     "f16vec2 cw_hmin(f16vec2 a, f16vec2 b) { return f16vec2(cw_hmin(a.x, b.x), cw_hmin(a.y, b.y)); }\n"},
    /* CUDA's __hisinf is -1 for -inf, 1 for +inf, else 0 */
    {KB_I_HISINF, "cw_hisinf",
     "int cw_hisinf(float16_t a) { return isinf(a) ? (a < float16_t(0.0) ? -1 : 1) : 0; }\n"},
    {KB_I_BYTE_PERM, "cw_byte_perm",
     "uint cw_byte_perm(uint x, uint y, uint s) {\n"
     "  uint64_t v = packUint2x32(uvec2(x, y));\n  uint r = 0u;\n"
     "  for (uint i = 0u; i < 4u; i++)\n"
     "    r |= uint((v >> (8u * ((s >> (4u * i)) & 7u))) & 0xfful) << (8u * i);\n"
     "  return r;\n}\n"},
};

static void need_helper(Gl *g, KBuiltinId id) {
  if (id == KB_I_MUL64HI) need_helper(g, KB_I_UMUL64HI);
  if (id == KB_ERFF) need_helper(g, KB_ERFCF);
  if (id == KB_COSF || id == KB_TANF || id == KB_SINCOSF) need_helper(g, KB_SINF);
  if (id == KB_I_HMAX2) id = KB_I_HMAX;
  if (id == KB_I_HMIN2) id = KB_I_HMIN;
  for (size_t i = 0; i < sizeof helper_defs / sizeof *helper_defs; i++)
    if (helper_defs[i].id == id && !gl_seen(g, helper_defs[i].name))
      sb_puts(&g->helpers, helper_defs[i].def);
}

static KType *unq(KType *t) { return t && t->unqual ? t->unqual : t; }

static const Tmpl *find_tmpl(KBuiltinId id) {
  for (size_t i = 0; i < sizeof tmpls / sizeof *tmpls; i++)
    if (tmpls[i].id == id) return &tmpls[i];
  return NULL;
}

static const char *expand(Gl *g, KExpr *e, const char *t, const char **args) {
  StrBuf sb;
  sb_init(&sb);
  for (const char *p = t; *p; p++) {
    if (p[0] == '$' && p[1] >= '0' && p[1] <= '3') {
      int i = p[1] - '0';
      sb_puts(&sb, i < e->nargs ? args[i] : "0");
      p++;
    } else if (p[0] == '$' && p[1] == 'T') {
      sb_puts(&sb, gl_type(g, e->type, e->loc));
      p++;
    } else if (p[0] == '$' && p[1] == 'L') {
      KType *pt = unq(e->args[0]->type);
      sb_printf(&sb, "%s(%s)", gl_ld(g, pt->elem, gl_kind_of_ptr(pt), e->loc), args[0]);
      p++;
    } else {
      sb_putc(&sb, *p);
    }
  }
  char *s = sb_take(&sb);
  const char *r = gl_fmt(g, "%s", s ? s : "");
  free(s);
  return r;
}

/* the value the template computes has the operands' type or bool; the
 * call has e->type */
static KType *tmpl_result(Gl *g, KBuiltinId id, KExpr *e) {
  switch (id) {
  case KB_ISNAN: case KB_ISINF: case KB_ISFINITE: case KB_I_HEQ: case KB_I_HNE:
  case KB_I_HLT: case KB_I_HLE: case KB_I_HGT: case KB_I_HGE: case KB_I_HISNAN:
  case KB_ALL_SYNC: case KB_ANY_SYNC: case KB_UNI_SYNC:
    return g->m->t_bool;
  case KB_I_POPC: case KB_I_POPCLL: case KB_I_CLZ: case KB_I_CLZLL: case KB_I_FFS:
  case KB_I_FFSLL:
    return g->m->t_i32;
  default: return e->type;
  }
}

static const char *atomic(Gl *g, KExpr *e) {
  KType *pt = unq(e->args[0]->type);
  if (pt->kind != KT_PTR) {
    gl_error(g, e->loc, "%s needs a pointer", kb_info(e->builtin)->name);
    return "0";
  }
  KType *t = unq(pt->elem);
  /* 64-bit integers as two words: on a device without Int64, and in
   * shared memory (a word array) when the old value is unused */
  char kind = gl_kind_of_ptr(pt);
  bool int64 = t->size == 8 && (kt_is_int(t) || t->kind == KT_PTR);
  KBuiltinId op = e->builtin;
  bool pairable = op == KB_ATOMIC_ADD || op == KB_ATOMIC_SUB || op == KB_ATOMIC_AND ||
                  op == KB_ATOMIC_OR || op == KB_ATOMIC_XOR;
  /* (a generic pointer may point into shared memory: its helper asks) */
  bool words = int64 && (g->no_int64 || (kind != 'G' && pairable && g->discarded == e));
  const char *fn = words ? gl_wide_atomic(g, op, kind, g->discarded != e, e->loc)
                         : gl_atomic(g, op, t, kind, e->loc);
  const char *p = gl_expr(g, e->args[0]);
  KType *vt = t->kind == KT_PTR ? g->m->t_u64 : t;
  const char *v = e->nargs > 1 ? gl_convert(g, e->args[e->nargs - 1]->type, vt, gl_expr(g, e->args[e->nargs - 1]), e->loc) : "0";
  const char *r = e->builtin == KB_ATOMIC_CAS
                      ? gl_fmt(g, "%s(%s, %s, %s)", fn, p,
                               gl_convert(g, e->args[1]->type, vt, gl_expr(g, e->args[1]), e->loc), v)
                      : gl_fmt(g, "%s(%s, %s)", fn, p, v);
  return gl_convert(g, vt, e->type, r, e->loc);
}

static const char *sync_count(Gl *g, KExpr *e) {
  g->uses_sync_red = true;
  if (!gl_seen(g, "cw_sync_count"))
    sb_puts(&g->helpers,
            "uint cw_sync_count(bool p) {\n"
            "  uint c = p ? 1u : 0u;\n"
            "  groupMemoryBarrier(); barrier();\n"
            "  atomicAdd(SYNC_RED, c);\n  barrier();\n"
            "  uint r = SYNC_RED;\n  barrier();\n"
            "  atomicAdd(SYNC_RED, 0u - c); /* back to 0 by the next call's first barrier */\n"
            "  return r;\n}\n");
  const char *c = gl_fmt(g, "cw_sync_count(%s)", gl_cond(g, e->args[0]));
  if (e->builtin == KB_SYNCTHREADS_AND)
    c = gl_fmt(g, "(%s == gl_WorkGroupSize.x * gl_WorkGroupSize.y * gl_WorkGroupSize.z)", c);
  else if (e->builtin == KB_SYNCTHREADS_OR) c = gl_fmt(g, "(%s != 0u)", c);
  KType *from = e->builtin == KB_SYNCTHREADS_COUNT ? g->m->t_u32 : g->m->t_bool;
  return gl_convert(g, from, e->type, c, e->loc);
}

static const char *barrier_call(Gl *g, KExpr *e) {
  bool warp = e->builtin == KB_SYNCWARP;
  const char *name = warp ? "cw_syncwarp" : "cw_syncthreads";
  if (warp) g->feat |= GLSL_F_WARP;
  if (!gl_seen(g, name))
    sb_printf(&g->helpers, "void %s() { %s }\n", name,
              warp ? "subgroupMemoryBarrier(); subgroupBarrier();" : "groupMemoryBarrier(); barrier();");
  return gl_fmt(g, "%s()", name);
}

static const char *match_any(Gl *g, KExpr *e) {
  g->feat |= GLSL_F_WARP;
  KType *t = unq(e->args[1]->type);
  const char *T = gl_type(g, t, e->loc);
  const char *name = gl_fmt(g, "cw_match_any_%s", gl_ident(g, "", T));
  if (!gl_seen(g, name))
    sb_printf(&g->helpers,
              "uint %s(%s v) {\n  uint r = 0u;\n"
              "  for (uint i = 0u; i < 32u; i++) if (subgroupShuffle(v, i) == v) r |= 1u << i;\n"
              "  return r;\n}\n", name, T);
  return gl_convert(g, g->m->t_u32, e->type, gl_fmt(g, "%s(%s)", name, gl_expr(g, e->args[1])), e->loc);
}

/* arg_code where 64-bit values are uvec2 pairs (low, high) */
static char arg_code_pair(Gl *g, KType *t, const char *v, SrcLoc loc, const char **conv) {
  switch (t->kind) {
  case KT_F32: *conv = gl_fmt(g, "uvec2(floatBitsToUint(%s), 0u)", v); return 'f';
  case KT_F16: *conv = gl_fmt(g, "uvec2(floatBitsToUint(float(%s)), 0u)", v); return 'f';
  case KT_F64: *conv = gl_fmt(g, "unpackDouble2x32(%s)", v); return 'd';
  case KT_PTR: *conv = v; return 'p';
  case KT_BOOL: *conv = gl_fmt(g, "uvec2(%s ? 1u : 0u, 0u)", v); return 'u';
  case KT_I64: *conv = v; return 'i';
  case KT_U64: *conv = v; return 'u';
  default:
    if (!kt_is_int(t) || t->size > 4) {
      gl_error(g, loc, "printf argument of this type is not supported on the Vulkan target%s",
               kt_is_int(t) ? " without the device feature shaderInt64" : "");
      *conv = "uvec2(0u)";
      return 'u';
    }
    *conv = kt_is_signed(t) ? gl_fmt(g, "uvec2(uint(int(%s)), uint(int(%s) >> 31))", v, v)
                            : gl_fmt(g, "uvec2(uint(%s), 0u)", v);
    return kt_is_signed(t) ? 'i' : 'u';
  }
}

/* how printf's host side reads an argument (emit.h), and the GLSL that
 * turns it into 64 bits */
static char arg_code(Gl *g, KExpr *a, const char **conv) {
  KType *t = unq(a->type);
  const char *v = gl_expr(g, a);
  if (g->no_int64) return arg_code_pair(g, t, v, a->loc, conv);
  switch (t->kind) {
  case KT_F32: *conv = gl_fmt(g, "uint64_t(floatBitsToUint(%s))", v); return 'f';
  case KT_F16: *conv = gl_fmt(g, "uint64_t(floatBitsToUint(float(%s)))", v); return 'f';
  case KT_F64: *conv = gl_fmt(g, "doubleBitsToUint64(%s)", v); return 'd';
  case KT_PTR: *conv = v; return 'p';
  case KT_BOOL: *conv = gl_fmt(g, "(%s ? 1ul : 0ul)", v); return 'u';
  default:
    if (!kt_is_int(t)) {
      gl_error(g, a->loc, "printf argument of this type is not supported on the Vulkan target");
      *conv = "0ul";
      return 'u';
    }
    *conv = kt_is_signed(t) ? gl_fmt(g, "uint64_t(int64_t(%s))", v) : gl_fmt(g, "uint64_t(%s)", v);
    return kt_is_signed(t) ? 'i' : 'u';
  }
}

static char *dup_n(const char *s, int n) {
  char *r = malloc((size_t)n + 1);
  if (r) memcpy(r, s, (size_t)n), r[n] = 0;
  return r;
}

static const char *record_pair(Gl *g, const char *base, int id, const char **convs, int n, SrcLoc loc);

/* the start of an expression that appends record `id` with the given
 * 64-bit values to the printf buffer (emit.h); the caller closes it with
 * ", VALUE)))" */
static const char *record(Gl *g, int id, const char **convs, int n, SrcLoc loc) {
  const char *base = gl_fmt(g, "cw_pr%d", id);
  if (g->no_int64) return record_pair(g, base, id, convs, n, loc);
  const char *u32 = gl_st(g, g->m->t_u32, 'G', loc), *u64 = gl_st(g, g->m->t_u64, 'G', loc);
  gl_ld(g, g->m->t_u32, 'G', loc); /* the R_u32 block */
  int words = 2 + 2 * n;
  StrBuf sb;
  sb_init(&sb);
  sb_printf(&sb, "(%s = pc.printf_buf, %s == 0ul ? 0 : (", base, base);
  sb_printf(&sb, "cw_pat = atomicAdd(R_u32(%s).v, %du), cw_pat + %du > R_u32(%s + 4ul).v ? 0 : (", base,
            words, words, base);
  sb_printf(&sb, "cw_pp = %s + 8ul + uint64_t(cw_pat) * 4ul, %s(cw_pp, %du), %s(cw_pp + 4ul, %du)", base, u32,
            id, u32, words);
  for (int i = 0; i < n; i++) sb_printf(&sb, ", %s(cw_pp + %dul, %s)", u64, 8 + 8 * i, convs[i]);
  char *t = sb_take(&sb);
  const char *r = gl_fmt(g, "%s", t ? t : "0");
  free(t);
  if (!gl_seen(g, base)) sb_printf(&g->helpers, "uint64_t %s;\n", base);
  if (!gl_seen(g, "cw_pat")) sb_puts(&g->helpers, "uint cw_pat;\nuint64_t cw_pp;\n");
  return r;
}

/* record() where addresses are uvec2 pairs */
static const char *record_pair(Gl *g, const char *base, int id, const char **convs, int n, SrcLoc loc) {
  const char *u32 = gl_st(g, g->m->t_u32, 'G', loc);
  gl_ld(g, g->m->t_u32, 'G', loc); /* the R_u32 block */
  const char *pairs = gl_addr_block(g);
  int words = 2 + 2 * n;
  StrBuf sb;
  sb_init(&sb);
  sb_printf(&sb, "(%s = pc.printf_buf, %s == uvec2(0u) ? 0 : (", base, base);
  sb_printf(&sb, "cw_pat = atomicAdd(R_u32(%s).v, %du), cw_pat + %du > R_u32(%s).v ? 0 : (", base,
            words, words, gl_addr_add(g, base, 4));
  sb_printf(&sb, "cw_pp = %s, %s(cw_pp, %du), %s(%s, %du)",
            gl_addr_scaled(g, gl_addr_add(g, base, 8), "cw_pat", false, 4, false), u32, id, u32,
            gl_addr_add(g, "cw_pp", 4), words);
  for (int i = 0; i < n; i++) sb_printf(&sb, ", %s(%s).v = %s", pairs, gl_addr_add(g, "cw_pp", 8 + 8 * i), convs[i]);
  char *t = sb_take(&sb);
  const char *r = gl_fmt(g, "%s", t ? t : "0");
  free(t);
  if (!gl_seen(g, base)) sb_printf(&g->helpers, "uvec2 %s;\n", base);
  if (!gl_seen(g, "cw_pat")) sb_puts(&g->helpers, "uint cw_pat;\nuvec2 cw_pp;\n");
  return r;
}

static GlslPrintf *new_site(Gl *g) {
  GlslPrintf *n = realloc(g->printfs, sizeof *n * (size_t)(g->nprintfs + 1));
  if (!n) return NULL;
  g->printfs = n;
  GlslPrintf *p = &g->printfs[g->nprintfs++];
  memset(p, 0, sizeof *p);
  return p;
}

static const char *str_arg(KExpr *e, int *len) {
  while (e && e->kind == KE_CAST) e = e->a;
  if (!e || e->kind != KE_STR) return NULL;
  *len = e->str->len;
  return e->str->bytes;
}

/* assert(cond): a failed one appends a record the host turns into
 * cudaErrorAssert with the file, line, block and thread (vk_printf.c) */
static const char *gl_assert(Gl *g, KExpr *e) {
  int ne = 0, nf = 0, nfn = 0;
  const char *ex = e->nargs > 4 ? str_arg(e->args[1], &ne) : NULL;
  const char *file = ex ? str_arg(e->args[2], &nf) : NULL;
  const char *fn = file ? str_arg(e->args[4], &nfn) : NULL;
  GlslPrintf *p = fn && e->args[3]->kind == KE_INT ? new_site(g) : NULL;
  if (!p) {
    gl_error(g, e->loc, "this form of assert is not supported on the Vulkan target");
    return "0";
  }
  int id = g->nprintfs - 1;
  p->is_assert = true;
  size_t n = (size_t)(ne + nf + nfn) + 64;
  p->fmt = malloc(n);
  p->types = strdup("uuuuuu");
  if (!p->fmt || !p->types) return "0";
  snprintf(p->fmt, n, "%.*s:%d: %.*s: Assertion `%.*s` failed.", nf, file, (int)e->args[3]->ival, nfn,
           fn, ne, ex);
  static const char *const idx[6] = {
      "uint64_t(gl_WorkGroupID.x + pc.base_x)", "uint64_t(gl_WorkGroupID.y + pc.base_y)",
      "uint64_t(gl_WorkGroupID.z + pc.base_z)", "uint64_t(gl_LocalInvocationID.x)",
      "uint64_t(gl_LocalInvocationID.y)", "uint64_t(gl_LocalInvocationID.z)"};
  const char *convs[6];
  for (int i = 0; i < 6; i++)
    convs[i] = g->no_int64 ? gl_fmt(g, "uvec2(%.*s, 0u)", (int)strlen(idx[i]) - 10, idx[i] + 9) : idx[i];
  return gl_fmt(g, "(%s ? 0 : %s, 0))))", gl_cond(g, e->args[0]), record(g, id, convs, 6, e->loc));
}

/* printf: a record in the printf buffer, formatted by the host after the
 * launch (src/rt/vulkan/vk_printf.c) */
static const char *gl_printf(Gl *g, KExpr *e) {
  KExpr *f = e->nargs ? e->args[0] : NULL;
  while (f && f->kind == KE_CAST) f = f->a;
  if (!f || f->kind != KE_STR) {
    gl_error(g, e->loc, "printf with a format that is not a string literal is not supported on the Vulkan target");
    return "0";
  }
  GlslPrintf *p = new_site(g);
  if (!p) return "0";
  int id = g->nprintfs - 1;
  p->fmt = dup_n(f->str->bytes, f->str->len);
  p->types = calloc((size_t)e->nargs + 1, 1);
  p->strs = calloc((size_t)e->nargs + 1, sizeof *p->strs);
  if (!p->fmt || !p->types || !p->strs) return "0";
  int nargs = e->nargs - 1;
  const char **convs = arena_alloc(g->a, sizeof *convs * (size_t)(nargs + 1));
  for (int i = 0; i < nargs; i++) {
    KExpr *a = e->args[i + 1];
    KExpr *s = a;
    while (s->kind == KE_CAST) s = s->a;
    if (s->kind == KE_STR) {
      p->types[i] = 's';
      p->strs[p->nstrs] = dup_n(s->str->bytes, s->str->len);
      convs[i] = g->no_int64 ? gl_fmt(g, "uvec2(%du, 0u)", p->nstrs++) : gl_fmt(g, "%dul", p->nstrs++);
    } else {
      p->types[i] = arg_code(g, a, &convs[i]);
    }
  }
  const char *r = gl_fmt(g, "%s, %d)))", record(g, id, convs, nargs, e->loc), nargs);
  return gl_convert(g, g->m->t_i32, e->type, r, e->loc);
}

/* sincosf(x, &s, &c): both stores in one expression */
static const char *sincos(Gl *g, KExpr *e) {
  const char *x = gl_expr(g, e->args[0]);
  if (e->builtin == KB_SINCOSPIF) x = gl_fmt(g, "(3.14159265358979 * %s)", x);
  KType *ps = e->args[1]->type->unqual, *pc = e->args[2]->type->unqual;
  const char *ss = gl_st(g, ps->elem, gl_kind_of_ptr(ps), e->loc);
  const char *sc = gl_st(g, pc->elem, gl_kind_of_ptr(pc), e->loc);
  need_helper(g, KB_SINCOSF);
  return gl_fmt(g, "(%s(%s, cw_sincos(%s).x), %s(%s, cw_sincos(%s).y))", ss, gl_expr(g, e->args[1]), x, sc,
                gl_expr(g, e->args[2]), x);
}

/* __match_all_sync(mask, v, &pred): the mask when every lane holds v */
static const char *match_all(Gl *g, KExpr *e) {
  g->feat |= GLSL_F_WARP;
  KType *pt = unq(e->args[2]->type);
  if (pt->kind != KT_PTR) {
    gl_error(g, e->loc, "__match_all_sync needs a pointer for its predicate");
    return "0";
  }
  const char *st = gl_st(g, pt->elem, gl_kind_of_ptr(pt), e->loc);
  const char *eq = gl_fmt(g, "subgroupAllEqual(%s)", gl_expr(g, e->args[1]));
  const char *r = gl_fmt(g, "(%s(%s, %s) != %s ? %s : 0u)", st, gl_expr(g, e->args[2]),
                         gl_convert(g, g->m->t_bool, pt->elem, eq, e->loc),
                         gl_literal_int(g, pt->elem, 0), gl_convert(g, e->args[0]->type, g->m->t_u32, gl_expr(g, e->args[0]), e->loc));
  return gl_convert(g, g->m->t_u32, e->type, r, e->loc);
}

static bool any_f64(KExpr *e) {
  for (int i = 0; i < e->nargs; i++)
    if (unq(e->args[i]->type)->kind == KT_F64) return true;
  return unq(e->type)->kind == KT_F64;
}

/* __float2int_rn & co: the rounding mode is the name's suffix */
static const char *rounding_convert(Gl *g, KExpr *e) {
  const char *name = kb_info(e->builtin)->name;
  size_t n = strlen(name);
  const char *a = gl_expr(g, e->args[0]);
  KType *from = unq(e->args[0]->type);
  if (kt_is_float(from) && kt_is_int(unq(e->type)) && n > 3) {
    const char *sfx = name + n - 3;
    if (!strcmp(sfx, "_rn")) a = gl_fmt(g, "roundEven(%s)", a);
    else if (!strcmp(sfx, "_ru")) a = gl_fmt(g, "ceil(%s)", a);
    else if (!strcmp(sfx, "_rd")) a = gl_fmt(g, "floor(%s)", a);
  }
  return gl_convert(g, from, e->type, a, e->loc);
}

static bool is_rounding_convert(KBuiltinId id) {
  const char *n = kb_info(id)->name;
  return n && !strncmp(n, "__", 2) && strchr(n + 2, '2') && (strstr(n, "_rn") || strstr(n, "_rz") || strstr(n, "_ru") || strstr(n, "_rd")) &&
         !strstr(n, "half") && !strstr(n, "hiloint");
}

static const char *from_template(Gl *g, KExpr *e, const Tmpl *t) {
  KBuiltinInfo const *bi = kb_info(e->builtin);
  if (any_f64(e) && !t->f64_ok) {
    gl_error(g, e->loc, "%s on double has no double-precision GLSL implementation "
                        "(not supported on the Vulkan target)", bi->name);
    return "0";
  }
  if (bi->cls == KBC_WARP) g->feat |= GLSL_F_WARP;
  const char **args = arena_alloc(g->a, sizeof *args * (size_t)(e->nargs + 1));
  for (int i = 0; i < e->nargs; i++) args[i] = gl_fmt(g, "%s", gl_expr(g, e->args[i]));
  KType *rt = tmpl_result(g, e->builtin, e);
  const char *pair = g->no_int64 ? gl_wide_builtin(g, e, args, t->text) : NULL;
  if (pair) return gl_convert(g, rt, e->type, pair, e->loc);
  bool rounds = false;
  const char *half = g->no_f16 ? gl_half_template(g, e, t->text, &rounds) : NULL;
  if (half) { /* halves held in float (glsl_half.c) */
    const char *v = expand(g, e, half, args);
    rt = gl_half_tmpl_type(g, e, rt);
    if (!rounds && gl_half(g, rt)) v = gl_half_round(g, rt, v);
    return gl_convert(g, rt, e->type, v, e->loc);
  }
  need_helper(g, e->builtin);
  return gl_convert(g, rt, e->type, expand(g, e, t->text, args), e->loc);
}

const char *gl_builtin(Gl *g, KExpr *e) {
  KBuiltinId id = e->builtin;
  const KBuiltinInfo *bi = kb_info(id);
  if (bi->cls == KBC_ATOMIC) return atomic(g, e);
  switch (id) {
  case KB_ABS: {
    KType *t = unq(e->args[0]->type);
    if (kt_is_int(t) && !kt_is_signed(t)) return gl_expr(g, e->args[0]);
    if (gl_wide(g, t)) return gl_fmt(g, "%s(%s)", gl_wide_helper(g, "cw_abs64"), gl_expr(g, e->args[0]));
    return gl_fmt(g, "abs(%s)", gl_expr(g, e->args[0]));
  }
  case KB_SIGNBIT: {
    KType *t = unq(e->args[0]->type);
    const char *a = gl_expr(g, e->args[0]);
    const char *c = t->kind == KT_F64 && g->no_int64 ? gl_fmt(g, "((unpackDouble2x32(%s).y >> 31) != 0u)", a)
                    : t->kind == KT_F64 ? gl_fmt(g, "((doubleBitsToUint64(%s) >> 63) != 0ul)", a)
                                      : gl_fmt(g, "((floatBitsToUint(float(%s)) >> 31) != 0u)", a);
    return gl_convert(g, g->m->t_bool, e->type, c, e->loc);
  }
  case KB_SYNCTHREADS_COUNT: case KB_SYNCTHREADS_AND: case KB_SYNCTHREADS_OR:
    return sync_count(g, e);
  case KB_SYNCTHREADS: case KB_SYNCWARP: return barrier_call(g, e);
  case KB_MATCH_ANY_SYNC: return match_any(g, e);
  case KB_MATCH_ALL_SYNC: return match_all(g, e);
  case KB_SINCOSF: case KB_I_SINCOSF: case KB_SINCOSPIF: return sincos(g, e);
  case KB_PRINTF: return gl_printf(g, e);
  case KB_ASSERT: return gl_assert(g, e);
  default: break;
  }
  const Tmpl *t = find_tmpl(id);
  if (t) return from_template(g, e, t);
  if (is_rounding_convert(id)) return rounding_convert(g, e);
  const char *what = bi->cls == KBC_MATH && any_f64(e)
                         ? " (GLSL has no double-precision version of it)" : "";
  gl_error(g, e->loc, "%s is not supported on the Vulkan target%s", bi->name, what);
  return "0";
}
