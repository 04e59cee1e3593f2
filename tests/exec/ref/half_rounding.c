/*
 * half_rounding.c — references for tests/kernels/half_rounding.cu.  Each
 * half operation is computed on the exact values of its operands and
 * rounded once to half, to nearest even (ref_f32_to_f16), as CUDA's native
 * half arithmetic does; any NaN is CUDA's canonical 0x7fff.  A single
 * add/sub/mul/div is done in float and then rounded to half: float has
 * 24 >= 2*11+2 bits, so that double rounding gives the correctly rounded
 * half.  A fused a*b+c is not covered by that bound, so it is computed
 * exactly in double (the product is exact) with the sum rounded to odd,
 * which then rounds to half correctly (53 >= 11+2).
 */
#include "ref.h"

static uint32_t mix32(uint32_t x) {
  x ^= x >> 16;
  x *= 0x7feb352du;
  x ^= x >> 15;
  x *= 0x846ca68bu;
  return x ^ (x >> 16);
}

static float bits_to_float(uint32_t u) {
  float f;
  memcpy(&f, &u, 4);
  return f;
}

/* The kernel's test inputs: exponents 2^-28 .. 2^16, a quarter of them
   exact half ties, a quarter just below a tie. */
static float test_float(uint32_t u) {
  uint32_t exponent = 99u + (u >> 24) % 45u, mantissa = u & 0x7fffffu;
  uint32_t pick = (u >> 20) & 3u;
  if (pick == 0) mantissa = (mantissa & ~0x1fffu) | 0x1000u;
  if (pick == 1) mantissa = (mantissa & ~0x1fffu) | 0x0fffu;
  return bits_to_float((u & 0x80000000u) | (exponent << 23) | mantissa);
}

static float hf(uint16_t h) { return ref_f16_to_f32(h); }
static uint16_t h_add(uint16_t a, uint16_t b) { return ref_f32_to_f16(hf(a) + hf(b)); }
static uint16_t h_sub(uint16_t a, uint16_t b) { return ref_f32_to_f16(hf(a) - hf(b)); }
static uint16_t h_mul(uint16_t a, uint16_t b) { return ref_f32_to_f16(hf(a) * hf(b)); }
static uint16_t h_div(uint16_t a, uint16_t b) { return ref_f32_to_f16(hf(a) / hf(b)); }

/* Rounds double x to nearest even and then to half (via float is exact
   here only when x already fits in float; so round x to half directly
   from its exact double value). */
static uint16_t double_to_half(double x) {
  if (x != x) return 0x7fffu;
  uint16_t s = signbit(x) ? 0x8000u : 0;
  double ax = fabs(x);
  if (ax >= 65520.0) return (uint16_t)(s | 0x7c00u); /* 65504 + half an ulp, ties to even: inf */
  int e;
  frexp(ax, &e);                  /* ax = m * 2^e, m in [0.5, 1) */
  int ulp_exp = e - 11 < -24 ? -24 : e - 11; /* half ulp: 2^(e-11), subnormals 2^-24 */
  double q = ldexp(ax, -ulp_exp); /* exact: a power-of-two scaling */
  double fl = floor(q), rem = q - fl;
  if (rem > 0.5 || (rem == 0.5 && fmod(fl, 2.0) != 0.0)) fl += 1.0;
  double v = ldexp(fl, ulp_exp);
  if (v >= 65520.0) return (uint16_t)(s | 0x7c00u);
  /* v is representable in half (and so in float): convert exactly */
  return (uint16_t)(s | ref_f32_to_f16((float)v));
}

/* a*b+c rounded once to half. */
static uint16_t h_fma(uint16_t ha, uint16_t hb, uint16_t hc) {
  double a = hf(ha), b = hf(hb), c = hf(hc);
  double p = a * b; /* exact: 11 x 11 bits */
  double s = p + c;
  if (s != s || isinf(s) || isinf(p) || isinf(c)) return ref_f32_to_f16((float)s);
  /* TwoSum: the exact error of the sum (no overflow in this range) */
  double bb = s - p, err = (p - (s - bb)) + (c - bb);
  if (err != 0.0) {
    uint64_t bits;
    memcpy(&bits, &s, 8);
    if (!(bits & 1u)) s = nextafter(s, err > 0 ? INFINITY : -INFINITY); /* round to odd */
  }
  if (s == 0.0) return ref_f32_to_f16((float)s); /* exact zero: sign as float gives */
  return double_to_half(s);
}

static void halfRounding(RefArgs *r) {
  int n = SI32(1);
  for (int i = 0; i < n; i++) {
    uint32_t ui = (uint32_t)i;
    float x = test_float(mix32(3u * ui + 1u)), y = test_float(mix32(3u * ui + 2u));
    float z = test_float(mix32(3u * ui + 3u)) * 0.001f;
    uint16_t a = ref_f32_to_f16(x), b = ref_f32_to_f16(y), c = ref_f32_to_f16(z);
    uint16_t *o = BF16(0) + 12 * i;
    o[0] = a;
    o[1] = b;
    o[2] = c;
    o[3] = h_add(a, b);
    o[4] = h_sub(a, c);
    o[5] = h_mul(a, b);
    o[6] = h_div(b, a);
    o[7] = h_sub(a, b);
    o[8] = h_add(h_mul(a, b), h_sub(a, b)); /* low lanes of p = (a, b), q = (b, c) */
    o[9] = h_add(h_mul(b, c), h_sub(b, c)); /* high lanes */
    o[10] = ref_f32_to_f16((float)(i * 37 - 9000));
    o[11] = h_add((uint16_t)(mix32(ui) & 0x7bffu), a);
  }
}

static void halfFma(RefArgs *r) {
  int n = SI32(1);
  for (int i = 0; i < n; i++) {
    uint32_t ui = (uint32_t)i;
    uint16_t a = ref_f32_to_f16(test_float(mix32(3u * ui + 1u)));
    uint16_t b = ref_f32_to_f16(test_float(mix32(3u * ui + 2u)));
    uint16_t c = ref_f32_to_f16(test_float(mix32(3u * ui + 3u)) * 0.001f);
    uint16_t *o = BF16(0) + 3 * i;
    o[0] = h_fma(a, b, c);
    o[1] = h_fma(a, b, h_mul(a, a)); /* p*q + p*p, lane by lane */
    o[2] = h_fma(b, c, h_mul(b, b));
  }
}

const RefEntry ref_half_rounding[] = {
    {"halfRounding", halfRounding, NULL},
    {"halfFma", halfFma, NULL},
    {NULL, NULL, NULL}};
