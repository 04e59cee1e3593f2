/*
 * wgsl_helpers.c — WGSL functions for CUDA builtins WGSL lacks, emitted
 * into a module only when one of its kernels calls them.
 *
 * They follow CUDA's definitions where WGSL's differ: round() halves away
 * from zero (WGSL's rounds to even), pow() of a negative base with an
 * integral exponent is defined, isnan() looks at the bits (a compiler may
 * fold x != x).  erf uses a rational approximation with an error below
 * 2e-7, within the tolerance the tests allow for transcendental functions.
 */
#include "wgsl_internal.h"

#include <string.h>

typedef struct Helper {
  const char *name, *text;
} Helper;

static const Helper helpers[] = {
    {"cw_f32_bits", "fn cw_f32_bits(b: u32) -> f32 { return bitcast<f32>(b); }\n"},
    {"cw_unpack_u8x4", "fn cw_unpack_u8x4(w: u32) -> vec4<u32> { return vec4<u32>(w & 0xffu, (w >> 8u) & 0xffu, (w >> 16u) & 0xffu, w >> 24u); }\n"},
    {"cw_unpack_i8x4", "fn cw_unpack_i8x4(w: u32) -> vec4<i32> { let s = bitcast<i32>(w); return vec4<i32>(extractBits(s, 0u, 8u), extractBits(s, 8u, 8u), extractBits(s, 16u, 8u), extractBits(s, 24u, 8u)); }\n"},
    {"cw_pack_8x4", "fn cw_pack_8x4(v: vec4<u32>) -> u32 { return (v.x & 0xffu) | ((v.y & 0xffu) << 8u) | ((v.z & 0xffu) << 16u) | (v.w << 24u); }\n"},
    {"cw_lin", "fn cw_lin(t: vec3<u32>) -> u32 { return t.x + cw_bx * (t.y + cw_by * t.z); }\n"},
    {"cw_warp_mask", "fn cw_warp_mask(t: vec3<u32>) -> u32 {\n"
                     "  let n = min(32u, cw_bx * cw_by * cw_bz - (cw_lin(t) - cw_lin(t) % 32u));\n"
                     "  return select((1u << n) - 1u, 0xffffffffu, n == 32u);\n}\n"},
    {"cw_exp10", "fn cw_exp10(x: f32) -> f32 { return exp2(x * 3.321928094887362f); }\n"},
    {"cw_log10", "fn cw_log10(x: f32) -> f32 { return log2(x) * 0.30102999566398120f; }\n"},
    {"cw_expm1", "fn cw_expm1(x: f32) -> f32 { if (abs(x) < 1e-4f) { return x + 0.5f * x * x; } return exp(x) - 1.0f; }\n"},
    {"cw_log1p", "fn cw_log1p(x: f32) -> f32 { if (abs(x) < 1e-4f) { return x - 0.5f * x * x; } return log(1.0f + x); }\n"},
    {"cw_pow", "fn cw_pow(x: f32, y: f32) -> f32 {\n"
               "  if (y == 0.0f) { return 1.0f; }\n"
               "  let r = exp2(y * log2(abs(x)));\n"
               "  if (x >= 0.0f) { return select(r, 0.0f, x == 0.0f && y > 0.0f); }\n"
               "  if (trunc(y) != y) { return cw_f32_bits(0x7fc00000u); }\n"
               "  return select(r, -r, (i32(trunc(y)) & 1) == 1);\n}\n"},
    {"cw_round", "fn cw_round(x: f32) -> f32 { let t = trunc(x); return select(t, t + sign(x), abs(x - t) >= 0.5f); }\n"},
    {"cw_fmod", "fn cw_fmod(x: f32, y: f32) -> f32 { return x - y * trunc(x / y); }\n"},
    {"cw_hypot", "fn cw_hypot(x: f32, y: f32) -> f32 { return length(vec2<f32>(x, y)); }\n"},
    {"cw_cbrt", "fn cw_cbrt(x: f32) -> f32 { let r = exp2(log2(abs(x)) / 3.0f); return select(r, -r, x < 0.0f); }\n"},
    {"cw_copysign", "fn cw_copysign(x: f32, y: f32) -> f32 { return bitcast<f32>((bitcast<u32>(x) & 0x7fffffffu) | (bitcast<u32>(y) & 0x80000000u)); }\n"},
    {"cw_erf", "fn cw_erf(x: f32) -> f32 {\n"
               "  let a = abs(x);\n"
               "  let t = 1.0f / (1.0f + 0.5f * a);\n"
               "  let y = t * exp(-a * a - 1.26551223f + t * (1.00002368f + t * (0.37409196f + t * (0.09678418f + t * (-0.18628806f + t * (0.27886807f + t * (-1.13520398f + t * (1.48851587f + t * (-0.82215223f + t * 0.17087277f)))))))));\n"
               "  return select(1.0f - y, y - 1.0f, x < 0.0f);\n}\n"},
    {"cw_erfc", "fn cw_erfc(x: f32) -> f32 { return 1.0f - cw_erf(x); }\n"},
    {"cw_normcdf", "fn cw_normcdf(x: f32) -> f32 { return 0.5f * (1.0f + cw_erf(x * 0.70710678118654752f)); }\n"},
    {"cw_fdim", "fn cw_fdim(x: f32, y: f32) -> f32 { return max(x - y, 0.0f); }\n"},
    {"cw_isnan", "fn cw_isnan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }\n"},
    {"cw_isinf", "fn cw_isinf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }\n"},
    {"cw_isfinite", "fn cw_isfinite(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) < 0x7f800000u; }\n"},
    {"cw_signbit", "fn cw_signbit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }\n"},
    {"cw_ffs", "fn cw_ffs(x: i32) -> i32 { return select(i32(firstTrailingBit(u32(x))) + 1, 0, x == 0); }\n"},
    {"cw_umulhi", "fn cw_umulhi(a: u32, b: u32) -> u32 {\n"
                  "  let al = a & 0xffffu; let ah = a >> 16u; let bl = b & 0xffffu; let bh = b >> 16u;\n"
                  "  let mid = (al * bl >> 16u) + (ah * bl & 0xffffu) + al * bh;\n"
                  "  return ah * bh + (ah * bl >> 16u) + (mid >> 16u);\n}\n"},
    {"cw_mulhi", "fn cw_mulhi(a: i32, b: i32) -> i32 {\n"
                 "  var h = cw_umulhi(u32(a), u32(b));\n"
                 "  if (a < 0) { h = h - u32(b); }\n"
                 "  if (b < 0) { h = h - u32(a); }\n"
                 "  return i32(h);\n}\n"},
    {"cw_byte_perm", "fn cw_byte_perm(x: u32, y: u32, s: u32) -> u32 {\n"
                     "  var r = 0u;\n"
                     "  for (var i = 0u; i < 4u; i++) {\n"
                     "    let sel = (s >> (4u * i)) & 7u;\n"
                     "    let b = select((y >> (8u * (sel - 4u))), (x >> (8u * (sel & 3u))), sel < 4u) & 0xffu;\n"
                     "    r = r | (b << (8u * i));\n"
                     "  }\n  return r;\n}\n"},
    {"cw_mul24", "fn cw_mul24(a: i32, b: i32) -> i32 { return ((a << 8u) >> 8u) * ((b << 8u) >> 8u); }\n"},
    {"cw_umul24", "fn cw_umul24(a: u32, b: u32) -> u32 { return (a & 0xffffffu) * (b & 0xffffffu); }\n"},
    {"cw_div", "fn cw_div(a: f32, b: f32) -> f32 { return a / b; }\n"},
    {"cw_add", "fn cw_add(a: f32, b: f32) -> f32 { return a + b; }\n"},
    {"cw_sub", "fn cw_sub(a: f32, b: f32) -> f32 { return a - b; }\n"},
    {"cw_mul", "fn cw_mul(a: f32, b: f32) -> f32 { return a * b; }\n"},
    {"cw_rcp", "fn cw_rcp(a: f32) -> f32 { return 1.0f / a; }\n"},
    {"cw_sinpi", "fn cw_sinpi(x: f32) -> f32 { return sin(x * 3.14159265358979f); }\n"},
    {"cw_cospi", "fn cw_cospi(x: f32) -> f32 { return cos(x * 3.14159265358979f); }\n"},
    {"cw_sad", "fn cw_sad(a: i32, b: i32, c: u32) -> u32 { return u32(abs(a - b)) + c; }\n"},
    {"cw_usad", "fn cw_usad(a: u32, b: u32, c: u32) -> u32 { return select(b - a, a - b, a > b) + c; }\n"},
    {"cw_hadd", "fn cw_hadd(a: i32, b: i32) -> i32 { return (a >> 1u) + (b >> 1u) + (a & b & 1); }\n"},
    {"cw_rhadd", "fn cw_rhadd(a: i32, b: i32) -> i32 { return (a >> 1u) + (b >> 1u) + ((a | b) & 1); }\n"},
    {"cw_uhadd", "fn cw_uhadd(a: u32, b: u32) -> u32 { return (a >> 1u) + (b >> 1u) + (a & b & 1u); }\n"},
    {"cw_urhadd", "fn cw_urhadd(a: u32, b: u32) -> u32 { return (a >> 1u) + (b >> 1u) + ((a | b) & 1u); }\n"},
    {"cw_funnel_l", "fn cw_funnel_l(lo: u32, hi: u32, s: u32) -> u32 { let n = s & 31u; if (n == 0u) { return hi; } return (hi << n) | (lo >> (32u - n)); }\n"},
    {"cw_funnel_r", "fn cw_funnel_r(lo: u32, hi: u32, s: u32) -> u32 { let n = s & 31u; if (n == 0u) { return lo; } return (lo >> n) | (hi << (32u - n)); }\n"},
    {"cw_funnel_lc", "fn cw_funnel_lc(lo: u32, hi: u32, s: u32) -> u32 { return cw_funnel_l(lo, hi, min(s, 32u) & 31u) * select(1u, 0u, s >= 32u) + select(0u, lo, s >= 32u); }\n"},
    {"cw_funnel_rc", "fn cw_funnel_rc(lo: u32, hi: u32, s: u32) -> u32 { return cw_funnel_r(lo, hi, min(s, 32u) & 31u) * select(1u, 0u, s >= 32u) + select(0u, hi, s >= 32u); }\n"},
};

/* Helpers that call other helpers. */
static const char *const deps[][2] = {
    {"cw_erfc", "cw_erf"}, {"cw_warp_mask", "cw_lin"}, {"cw_pow", "cw_f32_bits"}, {"cw_normcdf", "cw_erf"}, {"cw_mulhi", "cw_umulhi"},
    {"cw_funnel_lc", "cw_funnel_l"}, {"cw_funnel_rc", "cw_funnel_r"},
};

void w_need_helper(WCtx *c, const char *name) {
  for (int i = 0; i < c->helpers.len; i++)
    if (!strcmp(c->helpers.items[i], name)) return;
  vec_push(c->a, &c->helpers, (void *)name);
  for (size_t i = 0; i < sizeof deps / sizeof *deps; i++)
    if (!strcmp(deps[i][0], name)) w_need_helper(c, deps[i][1]);
}

void w_emit_helpers(WCtx *c, StrBuf *sb) {
  for (size_t i = 0; i < sizeof helpers / sizeof *helpers; i++)
    for (int k = 0; k < c->helpers.len; k++)
      if (!strcmp(c->helpers.items[k], helpers[i].name)) {
        sb_puts(sb, helpers[i].text);
        sb_putc(sb, '\n');
      }
}
