/*
 * int64_ops.c — references for tests/kernels/int64_ops.cu.  The kernel's
 * operations are done here on uint64_t with wrapping arithmetic (signed
 * results are reinterpreted, so CUDA's wrap-around is defined here too);
 * the bit intrinsics are written as plain loops and the high halves of
 * products through unsigned __int128.  The atomics only add, or, xor and
 * and, so their final values are the operations applied in thread order.
 */
#include "ref.h"

static uint64_t splitmix64(uint64_t z) {
  z += 0x9E3779B97F4A7C15ull;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

static uint32_t float_bits(float f) {
  uint32_t u;
  memcpy(&u, &f, 4);
  return u;
}

static float float_of_bits(uint32_t u) {
  float f;
  memcpy(&f, &u, 4);
  return f;
}

/* arithmetic shift right, written out for negative values */
static int64_t sar(int64_t v, int s) { return v < 0 ? (int64_t)~(~(uint64_t)v >> s) : (int64_t)((uint64_t)v >> s); }

static int popcount64(uint64_t v) {
  int c = 0;
  for (; v; v >>= 1) c += (int)(v & 1);
  return c;
}

static int leading_zeros64(uint64_t v) {
  int c = 0;
  for (uint64_t bit = 1ull << 63; bit && !(v & bit); bit >>= 1) c++;
  return c;
}

/* 1-based index of the lowest set bit, 0 for none */
static int first_set64(uint64_t v) {
  for (int k = 0; k < 64; k++)
    if (v >> k & 1) return k + 1;
  return 0;
}

static uint64_t reverse_bits64(uint64_t v) {
  uint64_t out = 0;
  for (int k = 0; k < 64; k++) out |= (v >> k & 1) << (63 - k);
  return out;
}

static uint64_t abs64(int64_t v) { return v < 0 ? 0 - (uint64_t)v : (uint64_t)v; }

static void int64Ops(RefArgs *r) {
  int n = SI32(2);
  const int32_t *in = BI32(0);
  for (uint64_t i = 0; i < (uint64_t)n; i++) {
    int s = (int)(i % 64);
    uint64_t a = splitmix64(2 * i + (uint64_t)(int64_t)in[i]), b = splitmix64(2 * i + 1);
    uint64_t d = (b >> s) | 1;
    int64_t sa = (i % 5 == 0) ? (int64_t)(int32_t)(uint32_t)a : (int64_t)a;
    int64_t sd = (i & 1) ? (int64_t)(0 - d) : (int64_t)d;
    uint64_t *o = BU64(1) + 28 * i;
    o[0] = a + b;
    o[1] = a - b;
    o[2] = a * b;
    o[3] = a / d;
    o[4] = a % d;
    if (sd == -1) { /* INT64_MIN / -1 wraps on the device; C leaves it undefined */
      o[5] = 0 - (uint64_t)sa;
      o[6] = 0;
    } else {
      o[5] = (uint64_t)(sa / sd);
      o[6] = (uint64_t)(sa % sd);
    }
    o[7] = a << s;
    o[8] = a >> s;
    o[9] = (uint64_t)sar(sa, s);
    o[10] = (uint64_t)(a < b) | (uint64_t)(sa < sd) << 1 | (uint64_t)(a <= d) << 2 |
            (uint64_t)(sa >= sd) << 3 | 1u << 4 | (uint64_t)(a != b) << 5 |
            (uint64_t)(sa > (int64_t)b) << 6 | (uint64_t)(a > 0xffffffffull) << 7;
    o[11] = (a < b ? a : b) ^ (uint64_t)(sa > sd ? sa : sd);
    o[12] = float_bits((float)a) | (uint64_t)float_bits((float)sa) << 32;
    float f = float_of_bits((127u + (uint32_t)s) << 23 | (uint32_t)(a & 0x7fffff));
    float g = float_of_bits((127u + (uint32_t)(s % 63)) << 23 | (uint32_t)(b & 0x7fffff));
    o[13] = (uint64_t)f ^ (uint64_t)(int64_t)(-g) ^ (uint64_t)(int64_t)(g * 0.75f);
    o[14] = (uint64_t)(popcount64(a) + (leading_zeros64((uint64_t)sar(sa, s)) << 8) +
                       (first_set64((uint64_t)sa << s) << 16));
    o[15] = reverse_bits64(a);
    o[16] = (uint64_t)((unsigned __int128)a * b >> 64);
    o[17] = (uint64_t)((__int128)sa * sd >> 64);
    o[18] = abs64(sd) + abs64(sar(sa, 3));
    o[19] = (uint64_t)(int64_t)(int32_t)(uint32_t)a + (uint64_t)(uint32_t)(b >> 7) +
            (uint64_t)(int64_t)(int16_t)(uint16_t)a + (uint64_t)(int64_t)(int8_t)(uint8_t)(b >> 3) +
            (uint64_t)(int64_t)(int32_t)(uint32_t)b;
    uint64_t acc = 0;
    for (uint64_t k = 0; k <= i % 7; k++) acc += k * a + (k << 40);
    o[20] = acc;
    uint64_t x = ((((a + b) * 3) >> 5) ^ b) - 7;
    x = ((x << (s & 15)) | 1) % d / 3;
    o[21] = x;
    int64_t y = (int64_t)((uint64_t)sa - (uint64_t)sd) / 7 % 1000000007;
    o[22] = (uint64_t)(sar(y, 2) * -3);
    o[23] = 2 * (a + 1); /* z0 = a + 1 (post-increment), then --z back to a + 1 */
    o[24] = (0 - (uint64_t)sa) ^ ~a ^ (uint64_t)(a == 0);
    int32_t top = (int32_t)(a >> 40) * 3; /* < 2^26: fits */
    o[25] = (uint64_t)(int64_t)(float)top + (uint64_t)(int64_t)(s - 32) * 0x100000000ull;
    /* p = in + i: p[-(i % 3)] + i, plus (p + 1 > in) = 1, plus -i * 0x100000001 + 3i */
    int32_t sum = in[i - i % 3] + (int32_t)i;
    o[26] = (uint64_t)(int64_t)sum + 1 + ((0 - i) * 0x100000001ull + 3 * i);
    o[27] = (1ull << 63) / (uint64_t)(s + 1) + (1ull << 63) % 3;
  }
}

static void int64Atomics(RefArgs *r) {
  int n = SI32(2);
  uint64_t *acc = BU64(1);
  unsigned threads = r->grid[0] * r->block[0];
  for (unsigned blk = 0; blk < r->grid[0]; blk++) {
    uint64_t block_sum = 0, block_count = 0;
    for (unsigned t = 0; t < r->block[0]; t++) {
      unsigned i = blk * r->block[0] + t;
      if (i >= (unsigned)n || i >= threads) continue;
      uint64_t v = (uint64_t)(int64_t)BI32(0)[i] << 33 | 0xfffffff0u;
      acc[0] += v;
      acc[1] += 0xffffffffull * (i + 1);
      acc[2] |= 1ull << (i % 64);
      acc[3] ^= v * 0x9E3779B97F4A7C15ull;
      acc[4] &= ~(1ull << (i * 7 % 64));
      block_sum += v;
      block_count++;
      acc[7] += 0x80000001ull;
    }
    acc[5] += block_sum;
    acc[6] += block_count * 0xfffffffffull;
  }
}

const RefEntry ref_int64_ops[] = {
    {"int64Ops", int64Ops, NULL},
    {"int64Atomics", int64Atomics, NULL},
    {NULL, NULL, NULL}};
