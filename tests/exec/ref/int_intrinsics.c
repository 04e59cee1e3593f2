/*
 * int_intrinsics.c — references for tests/kernels/int_intrinsics.cu, each
 * intrinsic written out bit by bit from its CUDA definition.
 */
#include "ref.h"

static uint32_t popc64(uint64_t v) {
  uint32_t c = 0;
  for (; v; v &= v - 1) c++;
  return c;
}
static uint32_t clz64(uint64_t v) {
  uint32_t c = 0;
  for (int b = 63; b >= 0 && !((v >> b) & 1u); b--) c++;
  return c;
}
static uint32_t ffs64(uint64_t v) { /* 1 + index of the lowest set bit, 0 for 0 */
  if (!v) return 0;
  uint32_t k = 1;
  while (!(v & 1u)) v >>= 1, k++;
  return k;
}
static uint64_t brev64(uint64_t v, int bits) {
  uint64_t o = 0;
  for (int b = 0; b < bits; b++) o |= ((v >> b) & 1u) << (bits - 1 - b);
  return o;
}

/* Byte k of the result is byte (selector nibble k & 7) of the 8 bytes y:x. */
static uint32_t byte_perm(uint32_t x, uint32_t y, uint32_t s) {
  uint64_t src = ((uint64_t)y << 32) | x;
  uint32_t o = 0;
  for (int k = 0; k < 4; k++) {
    uint32_t sel = (s >> (4 * k)) & 7u;
    o |= (uint32_t)((src >> (8 * sel)) & 0xffu) << (8 * k);
  }
  return o;
}

/* hi:lo shifted by (sh & 31): left keeps the upper word, right the lower. */
static uint32_t funnel_l(uint32_t lo, uint32_t hi, uint32_t sh) {
  uint64_t w = ((uint64_t)hi << 32) | lo;
  return (uint32_t)((w << (sh & 31)) >> 32);
}
static uint32_t funnel_r(uint32_t lo, uint32_t hi, uint32_t sh) {
  uint64_t w = ((uint64_t)hi << 32) | lo;
  return (uint32_t)(w >> (sh & 31));
}

static void bitOps(RefArgs *r) {
  int n = SI32(2);
  for (int i = 0; i < n; i++) {
    uint32_t v = BU32(0)[i], *o = BU32(1) + 8 * i;
    o[0] = popc64(v);
    o[1] = clz64(v) - 32;
    o[2] = ffs64(v);
    o[3] = (uint32_t)brev64(v, 32);
    o[4] = byte_perm(v, 0x01234567u, 0x3210u) ^ byte_perm(v, 0u, 0x0123u);
    o[5] = funnel_l(v, v >> 3, 7) + funnel_r(v, ~v, 5);
    o[6] = (v << 13) | (v >> 19);
    uint32_t a = v & 0xffffu, b = v >> 16;
    uint32_t sad = (a > b ? a - b : b - a) + 1u;
    uint32_t h = (uint32_t)(((uint64_t)v + 12345u) >> 1);
    uint32_t rh = (uint32_t)(((uint64_t)v + 7u + 1u) >> 1);
    o[7] = sad + h + rh;
  }
}

static void bitOps64(RefArgs *r) {
  int n = SI32(2);
  for (int i = 0; i < n; i++) {
    uint64_t v = BU64(0)[i], *o = BU64(1) + 4 * i;
    o[0] = popc64(v);
    o[1] = clz64(v);
    o[2] = ffs64(v);
    o[3] = brev64(v, 64);
  }
}

/* High 64 bits of the 128-bit product, from 32-bit halves. */
static uint64_t umulhi64(uint64_t a, uint64_t b) {
  uint64_t al = a & 0xffffffffu, ah = a >> 32, bl = b & 0xffffffffu, bh = b >> 32;
  uint64_t ll = al * bl, lh = al * bh, hl = ah * bl, hh = ah * bh;
  uint64_t mid = (ll >> 32) + (lh & 0xffffffffu) + (hl & 0xffffffffu);
  return hh + (lh >> 32) + (hl >> 32) + (mid >> 32);
}
static int64_t mulhi64(int64_t a, int64_t b) {
  uint64_t h = umulhi64((uint64_t)a, (uint64_t)b);
  if (a < 0) h -= (uint64_t)b; /* signed correction of the unsigned product */
  if (b < 0) h -= (uint64_t)a;
  return (int64_t)h;
}

/* Sign-extends the low 24 bits. */
static int64_t low24(int32_t x) {
  int32_t v = (int32_t)((uint32_t)x & 0xffffffu);
  return v >= 0x800000 ? v - 0x1000000 : v;
}

static void mulOps(RefArgs *r) {
  int n = SI32(3);
  for (int i = 0; i < n; i++) {
    int32_t x = BI32(0)[i], y = BI32(1)[i], *o = BI32(2) + 5 * i;
    o[0] = (int32_t)(uint32_t)(low24(x) * low24(y));
    o[1] = (int32_t)(uint32_t)((uint64_t)((uint32_t)x & 0xffffffu) * ((uint32_t)y & 0xffffffu));
    int32_t mh = (int32_t)(((int64_t)x * y) >> 32);
    uint32_t umh = (uint32_t)(((uint64_t)(uint32_t)x * (uint32_t)y) >> 32);
    o[2] = mh ^ (int32_t)umh;
    o[3] = (int32_t)(uint32_t)((uint64_t)mulhi64(x, y) ^ umulhi64((uint64_t)(int64_t)x, 3u));
    int32_t xa = x & 0xff, ya = y & 0xff;
    uint32_t sad = (uint32_t)(xa > ya ? xa - ya : ya - xa);
    int32_t hadd = (int32_t)(((int64_t)x + y) >> 1), rhadd = (int32_t)(((int64_t)x + y + 1) >> 1);
    int32_t ax = x % 100 < 0 ? -(x % 100) : x % 100;
    int32_t mn = x < y ? x : y, mx = x > y ? x : y;
    o[4] = (int32_t)(sad + (uint32_t)hadd + (uint32_t)rhadd + (uint32_t)ax + (uint32_t)(mn % 7) +
                     (uint32_t)(mx % 5));
  }
}

const RefEntry ref_int_intrinsics[] = {
    {"bitOps", bitOps, NULL},
    {"bitOps64", bitOps64, NULL},
    {"mulOps", mulOps, NULL},
    {NULL, NULL, NULL}};
