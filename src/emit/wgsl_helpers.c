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
    /* CUDA's __hne is ordered: false when either operand is NaN */
    {"cw_hne", "fn cw_hne(a: f16, b: f16) -> bool { return a < b || a > b; }\n"},
    /* __half_as_ushort / __ushort_as_half, the half in the low 16 bits (wgsl_half.c) */
    {"cw_half_as_ushort", "fn cw_half_as_ushort(h: f16) -> u32 { return pack2x16float(vec2<f32>(f32(h), 0.0)); }\n"},
    {"cw_ushort_as_half", "fn cw_ushort_as_half(u: u32) -> f16 { return f16(unpack2x16float(u).x); }\n"},
    {"cw_lin", "fn cw_lin(t: vec3<u32>) -> u32 { return t.x + cw_bx * (t.y + cw_by * t.z); }\n"},
    {"cw_warp_mask", "fn cw_warp_mask(t: vec3<u32>) -> u32 {\n"
                     "  let n = min(32u, cw_bx * cw_by * cw_bz - (cw_lin(t) - cw_lin(t) % 32u));\n"
                     "  return select((1u << n) - 1u, 0xffffffffu, n == 32u);\n}\n"},
    {"cw_add64", "fn cw_add64(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> { let lo = a.x + b.x; return vec2<u32>(lo, a.y + b.y + select(0u, 1u, lo < a.x)); }\n"},
    {"cw_sub64", "fn cw_sub64(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> { return vec2<u32>(a.x - b.x, a.y - b.y - select(0u, 1u, a.x < b.x)); }\n"},
    {"cw_mul32x32", "fn cw_mul32x32(a: u32, b: u32) -> vec2<u32> {\n"
                    "  let al = a & 0xffffu; let ah = a >> 16u; let bl = b & 0xffffu; let bh = b >> 16u;\n"
                    "  let ll = al * bl; let lh = al * bh; let hl = ah * bl;\n"
                    "  let mid = (ll >> 16u) + (lh & 0xffffu) + (hl & 0xffffu);\n"
                    "  return vec2<u32>((ll & 0xffffu) | (mid << 16u), ah * bh + (lh >> 16u) + (hl >> 16u) + (mid >> 16u));\n}\n"},
    {"cw_mul64", "fn cw_mul64(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> { let p = cw_mul32x32(a.x, b.x); return vec2<u32>(p.x, p.y + a.x * b.y + a.y * b.x); }\n"},
    {"cw_shl64", "fn cw_shl64(a: vec2<u32>, n: u32) -> vec2<u32> {\n"
                 "  let s = n & 63u;\n  if (s == 0u) { return a; }\n"
                 "  if (s >= 32u) { return vec2<u32>(0u, a.x << (s - 32u)); }\n"
                 "  return vec2<u32>(a.x << s, (a.y << s) | (a.x >> (32u - s)));\n}\n"},
    {"cw_shr64u", "fn cw_shr64u(a: vec2<u32>, n: u32) -> vec2<u32> {\n"
                  "  let s = n & 63u;\n  if (s == 0u) { return a; }\n"
                  "  if (s >= 32u) { return vec2<u32>(a.y >> (s - 32u), 0u); }\n"
                  "  return vec2<u32>((a.x >> s) | (a.y << (32u - s)), a.y >> s);\n}\n"},
    {"cw_shr64s", "fn cw_shr64s(a: vec2<u32>, n: u32) -> vec2<u32> {\n"
                  "  let s = n & 63u; let h = bitcast<i32>(a.y);\n  if (s == 0u) { return a; }\n"
                  "  if (s >= 32u) { return vec2<u32>(bitcast<u32>(h >> (s - 32u)), bitcast<u32>(h >> 31u)); }\n"
                  "  return vec2<u32>((a.x >> s) | (a.y << (32u - s)), bitcast<u32>(h >> s));\n}\n"},
    {"cw_lt64u", "fn cw_lt64u(a: vec2<u32>, b: vec2<u32>) -> bool { return a.y < b.y || (a.y == b.y && a.x < b.x); }\n"},
    {"cw_lt64s", "fn cw_lt64s(a: vec2<u32>, b: vec2<u32>) -> bool { let x = bitcast<i32>(a.y); let y = bitcast<i32>(b.y); return x < y || (x == y && a.x < b.x); }\n"},
    {"cw_udivmod64", "fn cw_udivmod64(n: vec2<u32>, d: vec2<u32>) -> vec4<u32> {\n"
                     "  var q = vec2<u32>(0u, 0u);\n  var r = vec2<u32>(0u, 0u);\n"
                     "  for (var i = 63i; i >= 0i; i--) {\n"
                     "    r = cw_shl64(r, 1u);\n"
                     "    r.x = r.x | select((n.x >> u32(i)) & 1u, (n.y >> u32(i - 32i)) & 1u, i >= 32i);\n"
                     "    if (!cw_lt64u(r, d)) {\n      r = cw_sub64(r, d);\n"
                     "      if (i >= 32i) { q.y = q.y | (1u << u32(i - 32i)); } else { q.x = q.x | (1u << u32(i)); }\n    }\n  }\n"
                     "  return vec4<u32>(q, r);\n}\n"},
    {"cw_div64u", "fn cw_div64u(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> { return cw_udivmod64(a, b).xy; }\n"},
    {"cw_mod64u", "fn cw_mod64u(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> { return cw_udivmod64(a, b).zw; }\n"},
    {"cw_abs64", "fn cw_abs64(a: vec2<u32>) -> vec2<u32> { return select(a, cw_sub64(vec2<u32>(0u, 0u), a), (a.y >> 31u) == 1u); }\n"},
    {"cw_div64s", "fn cw_div64s(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> {\n"
                  "  let q = cw_udivmod64(cw_abs64(a), cw_abs64(b)).xy;\n"
                  "  return select(q, cw_sub64(vec2<u32>(0u, 0u), q), ((a.y ^ b.y) >> 31u) == 1u);\n}\n"},
    {"cw_mod64s", "fn cw_mod64s(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> {\n"
                  "  let r = cw_udivmod64(cw_abs64(a), cw_abs64(b)).zw;\n"
                  "  return select(r, cw_sub64(vec2<u32>(0u, 0u), r), (a.y >> 31u) == 1u);\n}\n"},
    /* rounded to nearest even by hand from the top 24 bits and the rest
     * (f32(hi) * 2^32 + f32(lo) rounds twice, and WGSL leaves the rounding
     * of u32 → f32 to the implementation) */
    {"cw_u64f", "fn cw_u64f(a: vec2<u32>) -> f32 {\n"
                "  if (a.y == 0u && a.x < 0x1000000u) { return f32(a.x); }\n"
                "  let lz = u32(cw_clz64(a)); let n = cw_shl64(a, lz);\n"
                "  var m = n.y >> 8u;\n"
                "  if (((n.y >> 7u) & 1u) == 1u && (((n.y & 0x7fu) | n.x) != 0u || (m & 1u) == 1u)) { m = m + 1u; }\n"
                "  return bitcast<f32>(((189u - lz) << 23u) + m);\n}\n"},
    {"cw_i64f", "fn cw_i64f(a: vec2<u32>) -> f32 { let f = cw_u64f(cw_abs64(a)); return select(f, -f, (a.y >> 31u) == 1u); }\n"},
    {"cw_f2u64", "fn cw_f2u64(x: f32) -> vec2<u32> { let h = floor(x / 4294967296.0f); return vec2<u32>(u32(x - h * 4294967296.0f), u32(h)); }\n"},
    {"cw_f2i64", "fn cw_f2i64(x: f32) -> vec2<u32> { let m = cw_f2u64(abs(trunc(x))); return select(m, cw_sub64(vec2<u32>(0u, 0u), m), x < 0.0f); }\n"},
    {"cw_popc64", "fn cw_popc64(a: vec2<u32>) -> i32 { return i32(countOneBits(a.x) + countOneBits(a.y)); }\n"},
    {"cw_clz64", "fn cw_clz64(a: vec2<u32>) -> i32 { return i32(select(countLeadingZeros(a.x) + 32u, countLeadingZeros(a.y), a.y != 0u)); }\n"},
    {"cw_ffs64", "fn cw_ffs64(a: vec2<u32>) -> i32 { if (a.x != 0u) { return i32(firstTrailingBit(a.x)) + 1; } if (a.y != 0u) { return i32(firstTrailingBit(a.y)) + 33; } return 0; }\n"},
    {"cw_brev64", "fn cw_brev64(a: vec2<u32>) -> vec2<u32> { return vec2<u32>(reverseBits(a.y), reverseBits(a.x)); }\n"},
    {"cw_umul64hi", "fn cw_umul64hi(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> {\n"
                    "  let ll = cw_mul32x32(a.x, b.x); let lh = cw_mul32x32(a.x, b.y);\n"
                    "  let hl = cw_mul32x32(a.y, b.x); let hh = cw_mul32x32(a.y, b.y);\n"
                    "  let mid = cw_add64(cw_add64(vec2<u32>(ll.y, 0u), vec2<u32>(lh.x, 0u)), vec2<u32>(hl.x, 0u));\n"
                    "  return cw_add64(cw_add64(cw_add64(hh, vec2<u32>(lh.y, 0u)), vec2<u32>(hl.y, 0u)), vec2<u32>(mid.y, 0u));\n}\n"},
    {"cw_mul64hi", "fn cw_mul64hi(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> {\n"
                   "  var h = cw_umul64hi(a, b);\n"
                   "  if ((a.y >> 31u) == 1u) { h = cw_sub64(h, b); }\n"
                   "  if ((b.y >> 31u) == 1u) { h = cw_sub64(h, a); }\n  return h;\n}\n"},
    {"cw_min64s", "fn cw_min64s(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> { return select(b, a, cw_lt64s(a, b)); }\n"},
    {"cw_max64s", "fn cw_max64s(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> { return select(a, b, cw_lt64s(a, b)); }\n"},
    {"cw_min64u", "fn cw_min64u(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> { return select(b, a, cw_lt64u(a, b)); }\n"},
    {"cw_max64u", "fn cw_max64u(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> { return select(a, b, cw_lt64u(a, b)); }\n"},
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
    {"cw_umulhi", "fn cw_umulhi(a: u32, b: u32) -> u32 { return cw_mul32x32(a, b).y; }\n"},
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
    /* sinf, cosf, tanf with CUDA's accuracy (a few ulp over the range a
     * float argument is reduced exactly in): WGSL's sin, cos and tan are
     * only specified to 2^-11 within [-pi, pi] (SwiftShader's are off by
     * up to 2e-4), which CUDA's __sinf intrinsics allow but sinf does not.
     * x = k pi/2 + r with |r| <= pi/4 (Cody-Waite: pi/2 in three floats,
     * the first two of 12 bits, so that k times them is exact for |x| up
     * to about 6000 without relying on a fused fma, which WGSL does not
     * promise), then minimax polynomials on r and k's quadrant; NaN and
     * infinities give NaN. */
    {"cw_trig_r", "fn cw_trig_r(x: f32, k: f32) -> f32 {\n"
                  "  return ((x - k * 0x1.92p+0f) - k * 0x1.fb4p-12f) - k * 0x1.4442d2p-24f;\n}\n"},
    {"cw_sin_r", "fn cw_sin_r(r: f32) -> f32 {\n"
                 "  let z = r * r;\n"
                 "  return fma(((-0x1.9943f2p-13f * z + 0x1.11073cp-7f) * z - 0x1.555546p-3f) * z, r, r);\n}\n"},
    {"cw_cos_r", "fn cw_cos_r(r: f32) -> f32 {\n"
                 "  let z = r * r;\n"
                 "  return fma(((0x1.99eb9cp-16f * z - 0x1.6c0c34p-10f) * z + 0x1.55554ap-5f) * z, z, 1.0f - 0.5f * z);\n}\n"},
    {"cw_sin", "fn cw_sin(x: f32) -> f32 {\n"
               "  let k = round(x * 0x1.45f306p-1f);\n"
               "  let r = cw_trig_r(x, k);\n"
               "  let q = i32(k) & 3;\n"
               "  let v = select(cw_sin_r(r), cw_cos_r(r), (q & 1) == 1);\n"
               "  return select(v, -v, q >= 2);\n}\n"},
    {"cw_cos", "fn cw_cos(x: f32) -> f32 {\n"
               "  let k = round(x * 0x1.45f306p-1f);\n"
               "  let r = cw_trig_r(x, k);\n"
               "  let q = i32(k) & 3;\n"
               "  let v = select(cw_cos_r(r), cw_sin_r(r), (q & 1) == 1);\n"
               "  return select(v, -v, q == 1 || q == 2);\n}\n"},
    {"cw_tan", "fn cw_tan(x: f32) -> f32 {\n"
               "  let k = round(x * 0x1.45f306p-1f);\n"
               "  let r = cw_trig_r(x, k);\n"
               "  let s = cw_sin_r(r);\n"
               "  let c = cw_cos_r(r);\n"
               "  return select(s / c, -c / s, (i32(k) & 1) == 1);\n}\n"},
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
    {"cw_sin", "cw_trig_r"}, {"cw_sin", "cw_sin_r"}, {"cw_sin", "cw_cos_r"},
    {"cw_cos", "cw_trig_r"}, {"cw_cos", "cw_sin_r"}, {"cw_cos", "cw_cos_r"},
    {"cw_tan", "cw_trig_r"}, {"cw_tan", "cw_sin_r"}, {"cw_tan", "cw_cos_r"},
    {"cw_erfc", "cw_erf"}, {"cw_mul64", "cw_mul32x32"}, {"cw_udivmod64", "cw_shl64"},
    {"cw_udivmod64", "cw_lt64u"}, {"cw_udivmod64", "cw_sub64"}, {"cw_div64u", "cw_udivmod64"},
    {"cw_mod64u", "cw_udivmod64"}, {"cw_div64s", "cw_udivmod64"}, {"cw_div64s", "cw_abs64"},
    {"cw_mod64s", "cw_udivmod64"}, {"cw_mod64s", "cw_abs64"}, {"cw_abs64", "cw_sub64"},
    {"cw_i64f", "cw_abs64"}, {"cw_i64f", "cw_u64f"}, {"cw_u64f", "cw_clz64"}, {"cw_u64f", "cw_shl64"}, {"cw_f2i64", "cw_f2u64"}, {"cw_f2i64", "cw_sub64"},
    {"cw_umul64hi", "cw_mul32x32"}, {"cw_umul64hi", "cw_add64"}, {"cw_mul64hi", "cw_umul64hi"},
    {"cw_mul64hi", "cw_sub64"}, {"cw_min64s", "cw_lt64s"}, {"cw_max64s", "cw_lt64s"},
    {"cw_min64u", "cw_lt64u"}, {"cw_max64u", "cw_lt64u"}, {"cw_warp_mask", "cw_lin"}, {"cw_pow", "cw_f32_bits"}, {"cw_normcdf", "cw_erf"}, {"cw_mulhi", "cw_umulhi"}, {"cw_umulhi", "cw_mul32x32"},
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
